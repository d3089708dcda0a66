// The shell of public pages (unit sites, the district portal, citizen forms). Owned by the publishing
// feature, which fills in site branding and menus; other features (cases) render inside it.
import type { ComponentChildren } from 'preact';
import { usePage } from './page-context.ts';

export interface PublicSite {
  /** URL prefix of the site: '' for the district portal, '/phuong-12' for a unit site. */
  base: string;
  name: string;
  /** Menu entries, in order. */
  menu: Array<{ href: string; label: string }>;
  colour?: string;
  footer?: ComponentChildren;
}

export function PublicDocument({ site, title, description, head, children }: { site: PublicSite; title: string; description?: string; head?: ComponentChildren; children: ComponentChildren }) {
  const { locale, t } = usePage();
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === site.name ? title : `${title} – ${site.name}`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href="/static/public.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {head}
      </head>
      <body style={site.colour ? `--site:${site.colour}` : undefined}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <a class="site-name" href={site.base || '/'}>
            {site.name}
          </a>
          <nav aria-label={t('nav.menu')}>
            <ul>
              {site.menu.map((m) => (
                <li key={m.href}>
                  <a href={m.href}>{m.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="site-main">
          {children}
        </main>
        <footer class="site-footer">{site.footer}</footer>
      </body>
    </html>
  );
}
