// The shell of public pages (unit sites, the district portal, citizen forms). Owned by the publishing
// feature, which fills in site branding and menus; other features (cases) render inside it and add
// entries to every site's menu with registerSiteMenuEntry().
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/catalog.ts';
import { usePage } from './page-context.ts';

export interface PublicSite {
  /** URL prefix of the site: '' for the district portal (or a site served on its own host), '/phuong-12' for a unit site. */
  base: string;
  name: string;
  /** Menu entries, in order. */
  menu: Array<{ href: string; label: string }>;
  colour?: string;
  footer?: ComponentChildren;
  tagline?: string;
  /** URL of the logo image. */
  logo?: string;
  /** Where the search box sends its query; none means no search box. */
  searchAction?: string;
  /** Feeds advertised in <head>. */
  feeds?: Array<{ href: string; type: 'application/rss+xml' | 'application/atom+xml'; title: string }>;
  /** Add the feature entries registered with registerSiteMenuEntry (default true). */
  featureMenu?: boolean;
}

export interface SiteMenuEntry {
  /** Path segment under the site, e.g. 'phan-anh' → /phuong-12/phan-anh. */
  segment: string;
  label: MessageKey;
  order?: number;
}

const featureEntries: SiteMenuEntry[] = [];

/** A feature adds a page to every site's menu (cases: /{site}/phan-anh, /{site}/hoi-dap). */
export function registerSiteMenuEntry(entry: SiteMenuEntry): void {
  if (featureEntries.some((e) => e.segment === entry.segment)) return;
  featureEntries.push(entry);
  featureEntries.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

export const siteMenuEntries = (): readonly SiteMenuEntry[] => featureEntries;

export function PublicDocument({ site, title, description, head, children }: { site: PublicSite; title: string; description?: string; head?: ComponentChildren; children: ComponentChildren }) {
  const { locale, t, path } = usePage();
  const menu = [...site.menu, ...(site.featureMenu === false ? [] : featureEntries.map((e) => ({ href: `${site.base}/${e.segment}`, label: t(e.label) })))];
  const home = site.base || '/';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(title, site.name)}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href="/static/public.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {site.feeds?.map((f) => <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />)}
        {head}
      </head>
      <body style={site.colour ? `--site:${site.colour}` : undefined}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="site-brand">
            <a class="site-name" href={home}>
              {site.logo && <img src={site.logo} alt="" width="48" height="48" />}
              <span>{site.name}</span>
            </a>
            {site.tagline && <p class="site-tagline">{site.tagline}</p>}
          </div>
          {site.searchAction && (
            <form class="site-search" method="get" action={site.searchAction} role="search">
              <label for="site-q" class="visually-hidden">
                {t('nav.searchSite')}
              </label>
              <input id="site-q" type="search" name="q" placeholder={t('nav.searchSite')} maxLength={200} />
              <button type="submit">{t('nav.searchButton')}</button>
            </form>
          )}
        </header>
        {menu.length > 0 && (
          <nav class="site-nav" aria-label={t('nav.menu')}>
            <ul>
              {menu.map((m) => (
                <li key={m.href}>
                  <a href={m.href} aria-current={m.href === path || (m.href !== home && path.startsWith(`${m.href}/`)) ? 'page' : undefined}>
                    {m.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">{site.footer}</footer>
      </body>
    </html>
  );
}

/** "Title – Site", or the title alone when both do not fit in 70 characters (what search results show). */
export function pageTitle(title: string, siteName: string): string {
  const both = title === siteName ? title : `${title} – ${siteName}`;
  if (both.length <= 70) return both;
  return title.length <= 70 ? title : `${title.slice(0, 69).trimEnd()}…`;
}
