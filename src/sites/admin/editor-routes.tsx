// Writing items: the editor for a new item and an existing one, saving it (multipart, with uploads),
// images dropped into the editor, and the preview.
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { actorOf, fromParam } from '../../web/access.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { queryChoice } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { listAccounts } from '../channels/accounts.ts';
import { createItem, updateItem } from '../items.ts';
import { LIMITS, storeUpload } from '../media.ts';
import { renderItemView } from '../public/handlers.tsx';
import { linksFor } from '../public/parts.tsx';
import { ITEM_KINDS } from '../schema.ts';
import { mediaUrl } from '../urls.ts';
import { canEdit } from '../workflow.ts';
import { editor, formToValues, itemValues } from './editor.tsx';
import { readMultipart } from './forms.ts';
import { itemParams, slugParams, withUploads, type Office } from './office.ts';
import { WRITERS } from '../../core/roles.ts';

export function editorRoutes(app: App, ctx: AppContext, office: Office): void {
  const edit = editor(ctx, office);
  const onSite = { access: { roles: WRITERS, unit: fromParam('slug') } };
  const onItem = { access: { roles: WRITERS, unit: office.itemUnit } };

  app.get('/admin/sites/:slug/items/new', { config: onSite, schema: { params: slugParams, querystring: z.object({ kind: queryChoice(ITEM_KINDS) }) } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    const kind = req.query.kind ?? 'article';
    const section = site.sections.find((s) => s.kind === kind);
    const accounts = await listAccounts(ctx, site.unitId);
    return edit.render(req, reply, site, kind, undefined, { sectionId: section ? String(section.id) : '', channels: accounts.filter((a) => a.enabled).map((a) => a.channel) });
  });

  app.get('/admin/items/:id', { config: onItem, schema: { params: itemParams } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    return edit.render(req, reply, await office.siteOfItem(item), item.kind, item, itemValues(item));
  });

  app.get('/admin/items/:id/preview', { config: onItem, schema: { params: itemParams } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    const idx = await office.sites();
    const site = await office.siteOfItem(item);
    const section = idx.section(item.sectionId);
    if (!section) throw notFound();
    const html = await renderItemView(ctx, req, idx, site, section, item, linksFor(site, false), true);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  withUploads(app, (scoped) => {
    const big = { bodyLimit: LIMITS.video + 2 * 1024 * 1024 };

    scoped.post('/admin/sites/:slug/items', { ...big, config: { ...onSite, csrf: false }, schema: { params: slugParams } }, async (req, reply) => {
      const site = await office.siteOf(req.params.slug);
      const form = await readMultipart(req);
      const kind = ITEM_KINDS.find((k) => k === form.one('kind')) ?? 'article';
      const result = await edit.read(req, site, form);
      if (!result.ok) return edit.render(req, reply, site, kind, undefined, formToValues(form), result.errors, 400);
      const item = await createItem(ctx, actorOf(req), site, result.input);
      return reply.redirect(`/admin/items/${item.id}?ok=saved`, 303);
    });

    scoped.post('/admin/items/:id', { ...big, config: { ...onItem, csrf: false }, schema: { params: itemParams } }, async (req, reply) => {
      const item = await office.loadItem(req.params.id);
      const site = await office.siteOfItem(item);
      const form = await readMultipart(req);
      if (!canEdit(req.auth, await office.tree(), item)) throw new HttpError(403, 'error.forbidden');
      const result = await edit.read(req, site, form);
      if (!result.ok) return edit.render(req, reply, site, item.kind, item, formToValues(form), result.errors, 400);
      try {
        await updateItem(ctx, actorOf(req), site, item, { ...result.input, kind: item.kind });
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 400) return edit.render(req, reply, site, item.kind, item, formToValues(form), { _form: req.t(e.messageKey, e.params) }, 409);
        throw e;
      }
      return reply.redirect(`/admin/items/${item.id}?ok=saved`, 303);
    });

    // Images dropped into the editor: JSON answer for the editor script.
    scoped.post('/admin/sites/:slug/media', { bodyLimit: LIMITS.image + 1024 * 1024, config: { ...onSite, csrf: false }, schema: { params: slugParams } }, async (req, reply) => {
      const site = await office.siteOf(req.params.slug);
      const form = await readMultipart(req);
      const file = form.files[0];
      if (!file) throw new HttpError(400, 'sites.uploadType');
      const media = await storeUpload(ctx, actorOf(req), site.unitId, file, ['image']);
      return reply.status(201).send({ id: media.id, url: mediaUrl(media, 1024, 'jpeg'), width: media.width, height: media.height });
    });
  });
}
