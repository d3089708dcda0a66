// Routes that read multipart bodies themselves (uploads): registered in a scope with the multipart
// parser and its limits. The CSRF token is then a form field, checked once the fields are read.
import multipart, { type FastifyMultipartOptions } from '@fastify/multipart';
import type { App } from './types.ts';

export function withMultipart(app: App, limits: NonNullable<FastifyMultipartOptions['limits']>, routes: (scoped: App) => void): void {
  app.register(async (scoped) => {
    if (!scoped.hasContentTypeParser('multipart/form-data')) await scoped.register(multipart, { limits });
    routes(scoped);
  });
}
