// Pieces of public pages: the site chrome (menu, footer), responsive pictures, item cards, breadcrumbs.
import { VN_TIME_ZONE } from '../../core/time.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { usePage } from '../../web/page-context.ts';
import type { PublicSite } from '../../web/public-layout.tsx';
import type { SiteView } from '../directory.ts';
import type { Audience, MediaFile } from '../schema.ts';
import { mediaUrl, srcset } from '../urls.ts';
import type { Card } from './queries.ts';

/** Link builder for one site: '' base when the site is served on its own host. */
export interface Links {
  base: string;
  home: string;
  to(rest: string): string;
}
export const linksFor = (site: Pick<SiteView, 'slug'>, ownHost: boolean): Links => {
  const base = ownHost ? '' : `/${site.slug}`;
  return { base, home: base || '/', to: (rest) => `${base}${rest.startsWith('/') ? rest : `/${rest}`}` };
};

export const audienceParam = (a: Audience): string => a.replace(/_/g, '-');
export const audienceFromParam = (p: string | undefined): Audience | undefined => {
  const value = (p ?? '').replace(/-/g, '_');
  return (['dang_vien_duong_chuc', 'dang_vien_huu_tri', 'doan_vien', 'hoi_vien', 'hoc_sinh_phu_huynh', 'nhan_dan'] as const).find((a) => a === value);
};

export function siteChrome(site: SiteView, links: Links, t: (k: MessageKey) => string): PublicSite {
  return {
    base: links.base,
    name: site.name,
    tagline: site.tagline ?? undefined,
    colour: site.colour,
    logo: site.logo ? mediaUrl(site.logo, 320, 'webp') : undefined,
    menu: [{ href: links.home, label: t('pub.home') }, ...site.sections.filter((s) => s.inMenu).map((s) => ({ href: links.to(`/${s.slug}`), label: s.name })), ...site.menu],
    searchAction: links.to('/tim-kiem'),
    feeds: [
      { href: links.to('/rss.xml'), type: 'application/rss+xml', title: `${site.name} (RSS)` },
      { href: links.to('/atom.xml'), type: 'application/atom+xml', title: `${site.name} (Atom)` },
    ],
    footer: <SiteFooter site={site} links={links} />,
  };
}

function SiteFooter({ site, links }: { site: SiteView; links: Links }) {
  const { t } = usePage();
  const c = site.contact;
  return (
    <div>
      <section aria-labelledby="footer-contact">
        <h2 id="footer-contact">{site.name}</h2>
        {c.address && <p>{c.address}</p>}
        {(c.phone || c.email) && (
          <p>
            {c.phone && <>☎ {c.phone} </>}
            {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
          </p>
        )}
        {c.hours && <p>{c.hours}</p>}
        <p>{t('pub.poweredBy')}</p>
      </section>
      <section aria-labelledby="footer-links">
        <h2 id="footer-links">{t('pub.feeds')}</h2>
        <ul>
          <li>
            <a href={links.to('/rss.xml')}>RSS</a>
          </li>
          <li>
            <a href={links.to('/atom.xml')}>Atom</a>
          </li>
          <li>
            <a href="/nhan-tin">{t('pub.digest')}</a>
          </li>
          <li>
            <a href="/">{t('pub.portal')}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}

/** WebP with a JPEG fallback, in every stored width. */
export function Picture({ file, alt, sizes, eager, width = 640 }: { file: MediaFile; alt: string; sizes: string; eager?: boolean; width?: number }) {
  const fallback = file.variants.filter((v) => v.format === 'jpeg').sort((a, b) => Math.abs(a.width - width) - Math.abs(b.width - width))[0];
  return (
    <picture>
      <source type="image/webp" srcset={srcset(file, 'webp')} sizes={sizes} />
      <img src={mediaUrl(file, width, 'jpeg')} srcset={srcset(file, 'jpeg')} sizes={sizes} alt={alt} width={fallback?.width ?? file.width ?? undefined} height={fallback?.height ?? file.height ?? undefined} loading={eager ? undefined : 'lazy'} decoding="async" />
    </picture>
  );
}

export function ItemCards({ cards, href, grid, siteName, headingLevel = 3 }: { cards: Card[]; href: (c: Card) => string; grid?: boolean; siteName?: (c: Card) => string | undefined; headingLevel?: 2 | 3 }) {
  const { t } = usePage();
  if (!cards.length) return <p class="muted">{t('pub.empty')}</p>;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class={`cards${grid ? ' grid' : ''}`}>
      {cards.map((c) => (
        <li key={c.id} class={`card${c.cover ? '' : ' no-image'}`}>
          {c.cover && <Picture file={c.cover} alt="" sizes={grid ? '(min-width: 960px) 340px, (min-width: 640px) 50vw, 100vw' : '7rem'} width={grid ? 640 : 320} />}
          <div class="text">
            <H>
              <a href={href(c)}>{c.title}</a>
            </H>
            <p class="meta">
              {siteName?.(c) && <span>{siteName(c)}</span>}
              {c.kind === 'event' && c.details.startsAt ? (
                <span>
                  {t('pub.when')}: <PubDate date={new Date(c.details.startsAt)} />
                </span>
              ) : (
                c.publishedAt && <PubDate date={c.publishedAt} />
              )}
              {c.field && <span>{t(`sites.field.${c.field}` as MessageKey)}</span>}
            </p>
            {c.sapo && <p>{c.sapo.length > 220 ? `${c.sapo.slice(0, 219)}…` : c.sapo}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
export const formatVi = (d: Date): string => dateFormat.format(d);

export function PubDate({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatVi(date)}</time>;
}

export function Breadcrumb({ trail }: { trail: Array<{ href?: string; label: string }> }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        {trail.map((c, i) => (
          <li key={i}>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function AudienceFilter({ action, current }: { action: string; current?: Audience }) {
  const { t } = usePage();
  const audiences = ['dang_vien_duong_chuc', 'dang_vien_huu_tri', 'doan_vien', 'hoi_vien', 'hoc_sinh_phu_huynh', 'nhan_dan'] as const;
  return (
    <form method="get" action={action} class="filters">
      <div>
        <label for="doi-tuong">{t('pub.audience')}</label>
        <select id="doi-tuong" name="doi-tuong">
          <option value="">{t('pub.audienceAll')}</option>
          {audiences.map((a) => (
            <option key={a} value={audienceParam(a)} selected={current === a}>
              {t(`sites.audience.${a}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('pub.apply')}</button>
    </form>
  );
}

/** JSON-LD in a non-executable script element; '<' escaped so text cannot close it. */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
