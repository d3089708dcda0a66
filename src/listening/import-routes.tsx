// Imports from the desk: the upload page (the file streamed to disk, the import run in the background)
// and an import's progress.
import type { AppContext } from '../app/context.ts';
import { csrfOk } from '../web/csrf.ts';
import { HttpError, notFound } from '../web/errors.ts';
import { sendPage } from '../web/render.tsx';
import { pageQuery } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { withMultipart } from '../web/uploads.ts';
import { DESK, found, idParams } from './desk.ts';
import { parseMapping } from './ingest/files.ts';
import { getImport, recentImports } from './ingest/import.ts';
import { resumeUploadImport, startUploadImport } from './ingest/upload.ts';
import { ImportPage, ImportStatusPage } from './pages/imports.tsx';
import { sourceNameSchema } from './sources.ts';

const MAX_UPLOAD = 512 * 1024 * 1024;

export function importRoutes(app: App, ctx: AppContext): void {
  app.get('/admin/listening/import', { config: DESK }, async (req, reply) => sendPage(req, reply, <ImportPage imports={await recentImports(ctx)} values={{}} errors={{}} />));

  withMultipart(app, { fileSize: MAX_UPLOAD, files: 1, fields: 5, fieldSize: 2000, parts: 8 }, (scoped) => {
    // The CSRF token is checked once the form's fields are read (multipart bodies are streamed); a
    // script may also send it in the query string.
    scoped.post('/admin/listening/import', { config: { ...DESK, csrf: false }, bodyLimit: MAX_UPLOAD + 64 * 1024, schema: { querystring: pageQuery('_csrf') } }, async (req, reply) => {
      const fields: Record<string, string> = {};
      if (req.query._csrf !== undefined) fields._csrf = req.query._csrf;
      let started: { importId: number } | undefined;
      let refused: Record<string, string> | undefined;
      if (!req.isMultipart()) throw new HttpError(415, 'error.unsupportedMediaType');
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (!csrfOk(req, fields._csrf)) {
          part.file.resume();
          throw new HttpError(403, 'error.csrf');
        }
        const source = fields.source?.trim().toLowerCase() || undefined;
        let mapping: Record<string, string> = {};
        try {
          mapping = parseMapping(fields.map);
        } catch (e) {
          refused = { map: (e as Error).message };
        }
        if (source && !sourceNameSchema.safeParse(source).success) refused = { source: req.t('listening.sourceNameInvalid', { name: source }) };
        if (refused || !part.filename) {
          part.file.resume();
          refused ??= { file: req.t('listening.importNoFile') };
          continue;
        }
        started = await startUploadImport(ctx, { stream: part.file, fileName: part.filename, source, mapping, actor: req.auth?.user.email ?? 'web' });
        if (part.file.truncated) throw new HttpError(413, 'error.tooLarge');
      }
      if (!started) {
        if (!csrfOk(req, fields._csrf)) throw new HttpError(403, 'error.csrf');
        return sendPage(req, reply, <ImportPage imports={await recentImports(ctx)} values={fields} errors={refused ?? { file: req.t('listening.importNoFile') }} />, 400);
      }
      return reply.redirect(`/admin/listening/imports/${started.importId}`, 303);
    });
  });

  app.post('/admin/listening/imports/:id/resume', { config: DESK, schema: { params: idParams } }, async (req, reply) => {
    const row = await getImport(ctx, found(req.params.id));
    if (!row) throw notFound();
    const resumed = await resumeUploadImport(ctx, row, req.auth?.user.email ?? 'web');
    return reply.redirect(`/admin/listening/imports/${resumed.importId}`, 303);
  });

  app.get('/admin/listening/imports/:id', { config: DESK, schema: { params: idParams } }, async (req, reply) => {
    const row = await getImport(ctx, found(req.params.id));
    if (!row) throw notFound();
    return sendPage(req, reply, <ImportStatusPage row={row} />);
  });
}
