// What every server-rendered component may read: the request's language, user and CSRF token.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuthContext } from '../auth/index.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/define.ts';

export interface PageContext {
  t: Translate;
  locale: Locale;
  auth: AuthContext | null;
  csrfToken: string;
  /** Path of the current page, for navigation state and redirects. */
  path: string;
  /** The query string of the current request, parsed. */
  query: Record<string, string | undefined>;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() outside a rendered page');
  return ctx;
}
