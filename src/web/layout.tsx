// The office app's shell: header, navigation that folds into a menu on phones, and the main area.
import type { ComponentChildren } from 'preact';
import { ADMINS, ANALYSTS, CASE_HANDLERS, DISTRICT_ADMINS, holdsRole, SITE_STAFF, type Role } from '../core/roles.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { usePage } from './page-context.ts';

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown only when this returns true. */
  visible?: (ctx: ReturnType<typeof usePage>) => boolean;
}

const isAdmin = (ctx: ReturnType<typeof usePage>) => holdsRole(ctx.auth, ADMINS);
const isDistrictAdmin = (ctx: ReturnType<typeof usePage>) => holdsRole(ctx.auth, DISTRICT_ADMINS);
const isCaseHandler = (ctx: ReturnType<typeof usePage>) => holdsRole(ctx.auth, CASE_HANDLERS);

const isPublisher = (ctx: ReturnType<typeof usePage>) => holdsRole(ctx.auth, SITE_STAFF);

const isListener = (ctx: ReturnType<typeof usePage>) => holdsRole(ctx.auth, ANALYSTS);

/** Navigation entries; features add theirs here. */
export const NAV: NavItem[] = [
  { href: '/admin', label: 'nav.home' },
  { href: '/admin/units', label: 'nav.units' },
  { href: '/admin/sites', label: 'nav.sites', visible: isPublisher },
  { href: '/admin/cases', label: 'nav.cases', visible: isCaseHandler },
  { href: '/admin/listening', label: 'nav.listening', visible: isListener },
  { href: '/admin/notifications', label: 'nav.notifications', visible: isListener },
  { href: '/admin/users', label: 'nav.users', visible: isAdmin },
  { href: '/admin/audit', label: 'nav.audit', visible: isAdmin },
  { href: '/admin/jobs', label: 'nav.jobs', visible: isDistrictAdmin },
];

export function Document({ title, children, bodyClass }: { title: string; children: ComponentChildren; bodyClass?: string }) {
  const { locale, t } = usePage();
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/static/admin.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src="/static/admin.js" defer />
      </head>
      <body class={bodyClass}>{children}</body>
    </html>
  );
}

export function Layout({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const ctx = usePage();
  const { t, auth, path, csrfToken } = ctx;
  const items = NAV.filter((item) => !item.visible || item.visible(ctx));
  const current = (href: string) => (href === '/admin' ? path === '/admin' : path === href || path.startsWith(`${href}/`));
  return (
    <Document title={title}>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="topbar">
        <a class="brand" href="/admin">
          <img src="/static/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </a>
        {auth && (
          <div class="account">
            <a href="/admin/account" class="account-name">
              {auth.user.displayName}
            </a>
            <form method="post" action="/admin/logout">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit" class="link">
                {t('nav.logout')}
              </button>
            </form>
          </div>
        )}
      </header>
      <div class="shell">
        <nav class="sidenav" aria-label={t('nav.menu')}>
          <details class="menu" open>
            <summary>{t('nav.menu')}</summary>
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
            <LanguageSwitch />
          </details>
        </nav>
        {items.some((item) => item.href === '/admin/notifications') && <script src="/static/notifications.js" defer />}
        <main id="main" tabIndex={-1}>
          <div class="page-head">
            <h1>{title}</h1>
            {actions && <div class="page-actions">{actions}</div>}
          </div>
          <Flash />
          {children}
        </main>
      </div>
    </Document>
  );
}

/** A desk: a feature's set of pages under one row of tabs, with its own styles and scripts. */
export interface Desk {
  label: MessageKey;
  styles: readonly string[];
  scripts: readonly string[];
  tabs: ReadonlyArray<{
    href: string;
    label: MessageKey;
    /** Shown only to holders of these roles. */
    roles?: readonly Role[];
    /** Current on this path exactly (and on the paths under `also`), rather than on every path under it. */
    exact?: boolean;
    also?: readonly string[];
  }>;
}

export function DeskLayout({ desk, title, children, actions }: { desk: Desk; title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const { t, path, auth } = usePage();
  const current = (tab: Desk['tabs'][number]) => (tab.exact ? path === tab.href || (tab.also ?? []).some((p) => path.startsWith(p)) : path.startsWith(tab.href));
  return (
    <Layout title={title} actions={actions}>
      {desk.styles.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {desk.scripts.map((src) => (
        <script src={src} defer />
      ))}
      <nav aria-label={t(desk.label)}>
        <ul class="ltabs">
          {desk.tabs
            .filter((tab) => !tab.roles || holdsRole(auth, tab.roles))
            .map((tab) => (
              <li key={tab.href}>
                <a href={tab.href} aria-current={current(tab) ? 'page' : undefined}>
                  {t(tab.label)}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

export function LanguageSwitch() {
  const { t, locale, path, csrfToken } = usePage();
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <form method="post" action="/lang" class="lang">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="to" value={other} />
      <input type="hidden" name="back" value={path} />
      <button type="submit" class="link" lang={other} aria-label={t('nav.language')}>
        {other === 'en' ? 'English' : 'Tiếng Việt'}
      </button>
    </form>
  );
}

/** One-line status after a redirect (?ok=saved, ?error=…), read from the query string. */
export function Flash() {
  const { t, query } = usePage();
  if (query.ok === 'saved') return <p class="flash ok" role="status">{t('common.saved')}</p>;
  return null;
}

export function ErrorBox({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div class="flash error" role="alert">
      {message}
    </div>
  );
}
