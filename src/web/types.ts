// Request decorations and route config shared by every route module.
import type { FastifyBaseLogger, FastifyInstance, FastifySchema, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from './access.ts';
import type { AuthContext } from '../auth/index.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/define.ts';
import type { Unit } from '../org/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    sessionExpired: boolean;
    locale: Locale;
    t: Translate;
    /** The unit the route's access rule resolved, when it names one. */
    unit: Unit | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; required on every route. */
    access?: Access;
    /** Set false for routes authenticated otherwise (signed webhooks, API keys). */
    csrf?: boolean;
    /** Set true where text is taken as it comes (the CLI forwarding a file to the server holding the database). */
    anyText?: boolean;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
  /** The route's declared input schemas (zod), for tests that probe every input. */
  schema?: FastifySchema;
}
