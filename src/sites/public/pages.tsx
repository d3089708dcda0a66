// Public pages: the district portal, the unit directory, a site's home, a section, an item, search.
import type { MessageKey } from '../../i18n/catalog.ts';
import { usePage } from '../../web/page-context.ts';
import { PublicDocument, type PublicSite } from '../../web/public-layout.tsx';
import type { SiteView } from '../directory.ts';
import type { Audience, ContentItem, MediaFile, SiteSection } from '../schema.ts';
import { AudienceFilter, Breadcrumb, ItemCards, JsonLd, Picture, PubDate, formatVi, type Links } from './parts.tsx';
import type { Card } from './queries.ts';

export interface Listing {
  cards: Card[];
  href: (c: Card) => string;
  siteName?: (c: Card) => string | undefined;
}

export function PortalPage({ chrome, latest, profiles, events, groups, head }: { chrome: PublicSite; latest: Listing; profiles: Listing; events: Listing; groups: Array<{ label: string; sites: SiteView[] }>; head?: preact.ComponentChildren }) {
  const { t } = usePage();
  return (
    <PublicDocument site={chrome} title={chrome.name} description={chrome.tagline} head={head}>
      <h1 class="visually-hidden">{chrome.name}</h1>
      <div class="layout">
        <section aria-labelledby="latest">
          <h2 id="latest">{t('pub.latestAll')}</h2>
          <ItemCards cards={latest.cards} href={latest.href} siteName={latest.siteName} grid />
        </section>
        <aside>
          <section class="panel" aria-labelledby="profiles">
            <h2 id="profiles">{t('pub.profiles')}</h2>
            <ItemCards cards={profiles.cards} href={profiles.href} siteName={profiles.siteName} />
          </section>
          <section class="panel" aria-labelledby="events">
            <h2 id="events">{t('pub.events')}</h2>
            <ItemCards cards={events.cards} href={events.href} siteName={events.siteName} />
          </section>
        </aside>
      </div>
      <section aria-labelledby="units">
        <h2 id="units">{t('pub.byUnit')}</h2>
        <UnitGroups groups={groups} compact />
        <p>
          <a href="/don-vi">{t('pub.allUnits')}</a>
        </p>
      </section>
    </PublicDocument>
  );
}

export function UnitGroups({ groups, compact }: { groups: Array<{ label: string; sites: SiteView[] }>; compact?: boolean }) {
  return (
    <>
      {groups.map((g) => (
        <section key={g.label}>
          <h3>{g.label}</h3>
          <ul class="units-list">
            {(compact ? g.sites.filter((s) => s.unit.kind !== 'party_cell') : g.sites).map((s) => (
              <li key={s.unitId}>
                <a href={`/${s.slug}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function UnitsDirectoryPage({ chrome, groups }: { chrome: PublicSite; groups: Array<{ label: string; sites: SiteView[] }> }) {
  const { t } = usePage();
  return (
    <PublicDocument site={chrome} title={t('pub.byUnit')}>
      <h1>{t('pub.byUnit')}</h1>
      <UnitGroups groups={groups} />
    </PublicDocument>
  );
}

export function SiteHomePage({ site, chrome, links, latest, bySection, audience }: { site: SiteView; chrome: PublicSite; links: Links; latest: Listing; bySection: Array<{ section: SiteSection; listing: Listing }>; audience?: Audience }) {
  const { t } = usePage();
  return (
    <PublicDocument site={chrome} title={site.name} description={site.tagline ?? undefined}>
      <div class="hero">
        <h1>{site.name}</h1>
        {site.tagline && <p>{site.tagline}</p>}
      </div>
      <AudienceFilter action={links.home} current={audience} />
      <div class="layout">
        <section aria-labelledby="latest">
          <h2 id="latest">{t('pub.latest')}</h2>
          <ItemCards cards={latest.cards} href={latest.href} grid />
        </section>
        <aside>
          {bySection.map(({ section, listing }) => (
            <section class="panel" key={section.id} aria-labelledby={`s-${section.id}`}>
              <h2 id={`s-${section.id}`}>
                <a href={links.to(`/${section.slug}`)}>{section.name}</a>
              </h2>
              <ItemCards cards={listing.cards} href={listing.href} />
            </section>
          ))}
        </aside>
      </div>
    </PublicDocument>
  );
}

export function SectionPage({ site, section, chrome, links, listing, page, hasMore, audience }: { site: SiteView; section: SiteSection; chrome: PublicSite; links: Links; listing: Listing; page: number; hasMore: boolean; audience?: Audience }) {
  const { t } = usePage();
  const here = links.to(`/${section.slug}`);
  const q = (p: number) => {
    const params = new URLSearchParams();
    if (p > 1) params.set('trang', String(p));
    if (audience) params.set('doi-tuong', audience.replace(/_/g, '-'));
    const s = params.toString();
    return s ? `${here}?${s}` : here;
  };
  return (
    <PublicDocument site={{ ...chrome, feeds: [{ href: `${here}/rss.xml`, type: 'application/rss+xml', title: `${section.name} – ${site.name} (RSS)` }, { href: `${here}/atom.xml`, type: 'application/atom+xml', title: `${section.name} – ${site.name} (Atom)` }] }} title={section.name} description={section.description ?? undefined}>
      <Breadcrumb trail={[{ href: links.home, label: site.name }, { label: section.name }]} />
      <h1>{section.name}</h1>
      {section.description && <p class="muted">{section.description}</p>}
      <AudienceFilter action={here} current={audience} />
      <ItemCards cards={listing.cards} href={listing.href} grid headingLevel={2} />
      <nav class="pager" aria-label={t('common.page', { page })}>
        {page > 1 ? <a href={q(page - 1)}>← {t('pub.newerPage')}</a> : <span />}
        {hasMore ? <a href={q(page + 1)}>{t('pub.olderPage')} →</a> : <span />}
      </nav>
      <p class="muted">
        <a href={`${here}/rss.xml`}>RSS</a> · <a href={`${here}/atom.xml`}>Atom</a>
      </p>
    </PublicDocument>
  );
}

export interface ItemView {
  item: ContentItem;
  cover: MediaFile | null;
  file: MediaFile | null;
  video: MediaFile | null;
  source?: { name: string; href: string };
  related: Listing;
  canonical: string;
  origin: string;
}

export function ItemPage({ site, section, chrome, links, view, jsonLd, preview }: { site: SiteView; section: SiteSection; chrome: PublicSite; links: Links; view: ItemView; jsonLd: unknown; preview?: boolean }) {
  const { t } = usePage();
  const { item, cover } = view;
  const d = item.details;
  const ogImage = cover ? `${view.origin}/media/${cover.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0]?.file ?? cover.file}` : undefined;
  const head = (
    <>
      <link rel="canonical" href={view.canonical} />
      {preview && <meta name="robots" content="noindex" />}
      <meta property="og:type" content={item.kind === 'profile' ? 'profile' : 'article'} />
      <meta property="og:title" content={item.title} />
      {item.sapo && <meta property="og:description" content={item.sapo} />}
      <meta property="og:url" content={view.canonical} />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content="vi_VN" />
      {ogImage && <meta property="og:image" content={ogImage} />}
      {ogImage && item.coverAlt && <meta property="og:image:alt" content={item.coverAlt} />}
      {item.publishedAt && <meta property="article:published_time" content={item.publishedAt.toISOString()} />}
      <meta name="twitter:card" content={ogImage ? 'summary_large_image' : 'summary'} />
      <JsonLd data={jsonLd} />
    </>
  );
  return (
    <PublicDocument site={chrome} title={item.title} description={item.sapo || undefined} head={head}>
      {preview && (
        <p class="flash" role="status">
          {t('pub.preview')}
        </p>
      )}
      <Breadcrumb trail={[{ href: links.home, label: site.name }, { href: links.to(`/${section.slug}`), label: section.name }, { label: item.title }]} />
      <article class="article">
        <h1>{item.title}</h1>
        <p class="meta">
          {item.publishedAt && (
            <span>
              {t('pub.published')} <PubDate date={item.publishedAt} />
            </span>
          )}
          {item.field && <span class="badge">{t(`sites.field.${item.field}` as MessageKey)}</span>}
          {item.audiences.map((a) => (
            <span key={a} class="badge">
              {t(`sites.audience.${a}` as MessageKey)}
            </span>
          ))}
        </p>
        {item.sapo && <p class="lead">{item.sapo}</p>}
        {cover && (
          <figure class="cover">
            <Picture file={cover} alt={item.coverAlt ?? ''} sizes="(min-width: 800px) 736px, 100vw" width={1024} eager />
            {item.coverAlt && <figcaption>{item.coverAlt}</figcaption>}
          </figure>
        )}
        {item.kind === 'profile' && (d.subjectName || d.achievement) && (
          <dl class="facts">
            {d.subjectName && (
              <>
                <dt>{d.subjectType === 'collective' ? t('pub.collective') : t('pub.person')}</dt>
                <dd>{d.subjectName}</dd>
              </>
            )}
            {d.unitName && (
              <>
                <dt>{t('sites.f.unitName')}</dt>
                <dd>{d.unitName}</dd>
              </>
            )}
            {d.achievement && (
              <>
                <dt>{t('pub.achievement')}</dt>
                <dd>{d.achievement}</dd>
              </>
            )}
          </dl>
        )}
        {item.kind === 'document' && (
          <dl class="facts">
            {d.number && (
              <>
                <dt>{t('pub.number')}</dt>
                <dd>{d.number}</dd>
              </>
            )}
            {d.issuedOn && (
              <>
                <dt>{t('pub.issuedOn')}</dt>
                <dd>{formatVi(new Date(d.issuedOn)).slice(0, 10)}</dd>
              </>
            )}
            {d.issuer && (
              <>
                <dt>{t('pub.issuer')}</dt>
                <dd>{d.issuer}</dd>
              </>
            )}
            {view.file && (
              <>
                <dt>{t('pub.download')}</dt>
                <dd>
                  <a href={`/media/${view.file.file}`} download>
                    {view.file.originalName}
                  </a>{' '}
                  ({Math.ceil(view.file.bytes / 1024)} KB)
                </dd>
              </>
            )}
          </dl>
        )}
        {item.kind === 'event' && (d.startsAt || d.location) && (
          <dl class="facts">
            {d.startsAt && (
              <>
                <dt>{t('pub.when')}</dt>
                <dd>
                  <PubDate date={new Date(d.startsAt)} />
                  {d.endsAt && (
                    <>
                      {' – '}
                      <PubDate date={new Date(d.endsAt)} />
                    </>
                  )}
                </dd>
              </>
            )}
            {d.location && (
              <>
                <dt>{t('pub.where')}</dt>
                <dd>{d.location}</dd>
              </>
            )}
          </dl>
        )}
        {view.video && (
          <video controls preload="none" src={`/media/${view.video.file}`} style="width:100%">
            <a href={`/media/${view.video.file}`}>{view.video.originalName}</a>
          </video>
        )}
        <div class="body" dangerouslySetInnerHTML={{ __html: item.body }} />
        {item.tags.length > 0 && (
          <>
            <h2 class="visually-hidden">{t('pub.tags')}</h2>
            <ul class="tags">
              {item.tags.map((tag) => (
                <li key={tag}>
                  <a class="badge" href={`${links.to('/tim-kiem')}?q=${encodeURIComponent(tag)}`}>
                    #{tag}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {view.source && (
          <p class="muted">
            {t('pub.source', { site: view.source.name })} – <a href={view.source.href}>{view.source.href}</a>
          </p>
        )}
      </article>
      {view.related.cards.length > 0 && (
        <section aria-labelledby="related">
          <h2 id="related">{t('pub.related')}</h2>
          <ItemCards cards={view.related.cards} href={view.related.href} />
        </section>
      )}
    </PublicDocument>
  );
}

export function SearchPage({ chrome, action, q, total, listing, siteLabel, page, hasMore }: { chrome: PublicSite; action: string; q: string; total: number; listing: Listing; siteLabel?: string; page: number; hasMore: boolean }) {
  const { t } = usePage();
  const more = (p: number) => `${action}?q=${encodeURIComponent(q)}${p > 1 ? `&trang=${p}` : ''}`;
  return (
    <PublicDocument site={chrome} title={q ? `${t('pub.search')}: ${q}` : t('pub.search')}>
      <h1>{siteLabel ? t('pub.searchIn', { site: siteLabel }) : t('pub.searchAll')}</h1>
      <form method="get" action={action} class="search-form" role="search">
        <label for="q" class="visually-hidden">
          {t('pub.searchLabel')}
        </label>
        <input id="q" type="search" name="q" value={q} maxLength={200} />
        <button type="submit">{t('pub.search')}</button>
      </form>
      {q && <p role="status">{total ? t('pub.results', { count: total, q }) : t('pub.noResults', { q })}</p>}
      <ItemCards cards={listing.cards} href={listing.href} siteName={listing.siteName} headingLevel={2} />
      {q && (
        <nav class="pager" aria-label={t('common.page', { page })}>
          {page > 1 ? <a href={more(page - 1)}>← {t('common.previous')}</a> : <span />}
          {hasMore ? <a href={more(page + 1)}>{t('common.next')} →</a> : <span />}
        </nav>
      )}
      {siteLabel && (
        <p>
          <a href={`/tim-kiem?q=${encodeURIComponent(q)}`}>{t('pub.searchAll')}</a>
        </p>
      )}
    </PublicDocument>
  );
}
