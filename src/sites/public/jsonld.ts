// schema.org data for items: NewsArticle for articles and documents, Person or Organization for
// exemplary profiles, Event for events.
import type { SiteView } from '../directory.ts';
import type { ContentItem } from '../schema.ts';

export function itemJsonLd(item: ContentItem, site: SiteView, url: string, origin: string, image?: string): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: site.name, url: `${origin}/${site.slug}`, ...(site.logo ? { logo: { '@type': 'ImageObject', url: `${origin}/media/${site.logo.file}` } } : {}) };
  const d = item.details;
  if (item.kind === 'profile') {
    const type = d.subjectType === 'collective' ? 'Organization' : 'Person';
    return {
      '@context': 'https://schema.org',
      '@type': type,
      name: d.subjectName || item.title,
      description: item.sapo || undefined,
      url,
      ...(image ? { image } : {}),
      ...(d.achievement ? { award: d.achievement } : {}),
      ...(type === 'Person' ? { affiliation: { '@type': 'Organization', name: d.unitName || site.name } } : { parentOrganization: { '@type': 'Organization', name: d.unitName || site.name } }),
      subjectOf: { '@type': 'Article', headline: item.title, url, datePublished: item.publishedAt?.toISOString(), publisher },
    };
  }
  if (item.kind === 'event') {
    return {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: item.title,
      description: item.sapo || undefined,
      url,
      startDate: d.startsAt,
      endDate: d.endsAt,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: d.location || site.name, address: d.location || site.contact.address || undefined },
      organizer: publisher,
      ...(image ? { image } : {}),
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title.slice(0, 110),
    description: item.sapo || undefined,
    url,
    mainEntityOfPage: url,
    inLanguage: 'vi',
    datePublished: item.publishedAt?.toISOString(),
    dateModified: item.updatedAt.toISOString(),
    ...(image ? { image: [image] } : {}),
    ...(item.tags.length ? { keywords: item.tags.join(', ') } : {}),
    author: { '@type': 'Organization', name: site.name, url: `${origin}/${site.slug}` },
    publisher,
  };
}
