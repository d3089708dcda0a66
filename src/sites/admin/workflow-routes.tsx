// An item's way to publication: workflow moves, comments, cross-posts retried, revisions compared and restored.
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { actorOf } from '../../web/access.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { sendPage } from '../../web/render.tsx';
import { formBody, pathId, readForm } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { crossPostOfItem, retryCrossPost } from '../channels/posts.ts';
import { changed, diffWords } from '../diff.ts';
import { getRevision, inputOf, updateItem, type ItemInput } from '../items.ts';
import { htmlToText } from '../sanitize.ts';
import { addComment, canEdit, transition, TRANSITIONS } from '../workflow.ts';
import { RevisionPage } from './item-page.tsx';
import { itemParams, type Office } from './office.ts';
import { APPROVERS, WRITERS } from '../../core/roles.ts';

const transitionForm = z.object({ action: z.enum(TRANSITIONS), publishAt: z.string().optional(), note: z.string().optional() });
const commentForm = z.object({ comment: z.string().default('') });
const revisionParams = itemParams.extend({ version: pathId });

/** A datetime-local field is Vietnam time; other dates as given. */
const whenOf = (value?: string): Date | null => {
  const at = value ? new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
};

export function workflowRoutes(app: App, ctx: AppContext, office: Office): void {
  const onItem = { access: { roles: WRITERS, unit: office.itemUnit } };

  app.post('/admin/items/:id/transition', { config: onItem, schema: { params: itemParams, body: formBody(transitionForm) } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    const form = readForm(transitionForm, req.body);
    await transition(ctx, req.auth as NonNullable<typeof req.auth>, item, form.action, { publishAt: whenOf(form.publishAt), note: form.note });
    return reply.redirect(`/admin/items/${item.id}?ok=moved`, 303);
  });

  app.post('/admin/items/:id/comments', { config: onItem, schema: { params: itemParams, body: formBody(commentForm) } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    await addComment(ctx, actorOf(req), item, readForm(commentForm, req.body).comment);
    return reply.redirect(`/admin/items/${item.id}#comments`, 303);
  });

  app.post('/admin/items/:id/posts/:postId/retry', { config: { access: { roles: APPROVERS, unit: office.itemUnit } }, schema: { params: itemParams.extend({ postId: pathId }) } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    const post = req.params.postId ? await crossPostOfItem(ctx, item.id, req.params.postId) : undefined;
    if (!post) throw notFound();
    await retryCrossPost(ctx, post.id, true);
    return reply.redirect(`/admin/items/${item.id}?ok=moved#posts`, 303);
  });

  app.get('/admin/items/:id/revisions/:version', { config: onItem, schema: { params: revisionParams } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    const revision = await getRevision(ctx.db, item.id, req.params.version ?? 0);
    const diffs = [
      { label: req.t('sites.f.title'), parts: diffWords(revision.title, item.title) },
      { label: req.t('sites.f.sapo'), parts: diffWords(revision.sapo, item.sapo) },
      { label: req.t('sites.f.body'), parts: diffWords(htmlToText(revision.body), htmlToText(item.body)) },
    ].filter((d) => changed(d.parts));
    return sendPage(req, reply, <RevisionPage item={item} revision={revision} diffs={diffs} canRestore={canEdit(req.auth, await office.tree(), item)} />);
  });

  app.post('/admin/items/:id/revisions/:version/restore', { config: onItem, schema: { params: revisionParams } }, async (req, reply) => {
    const item = await office.loadItem(req.params.id);
    if (!canEdit(req.auth, await office.tree(), item)) throw new HttpError(403, 'error.forbidden');
    const version = req.params.version ?? 0;
    const revision = await getRevision(ctx.db, item.id, version);
    const site = await office.siteOfItem(item);
    const snap = revision.snapshot as Partial<ItemInput>;
    const sectionId = site.sections.some((s) => s.id === snap.sectionId) ? (snap.sectionId as number) : item.sectionId;
    await updateItem(ctx, actorOf(req), site, item, { ...inputOf(item), ...snap, sectionId, kind: item.kind, title: revision.title, sapo: revision.sapo, body: revision.body, slug: item.slug } as ItemInput, `restored ${version}`);
    return reply.redirect(`/admin/items/${item.id}?ok=restored&v=${version}`, 303);
  });
}
