// Office routes of the publishing network: sites, content editing and workflow, settings, sections,
// channels and uploads. Pages post forms and redirect; uploads are multipart with the CSRF token as a field.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { actorOf, ADMINS, fromParam, hasRole, unitsInScope, type UnitResolver } from '../../auth/access.ts';
import type { Role } from '../../auth/schema.ts';
import { localizeIssues } from '../../i18n/zod.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { checkbox, formValues } from '../../web/forms.ts';
import { sendPage } from '../../web/render.tsx';
import type { App } from '../../web/types.ts';
import { disconnectAccount, listAccounts, saveAccount } from '../channels/accounts.ts';
import { postsOfItem, retryCrossPost } from '../channels/posts.ts';
import { platform, platforms } from '../../platforms/index.ts';
import { changed, diffWords } from '../diff.ts';
import { publishing, type SiteView } from '../directory.ts';
import { createItem, getItem, inputOf, itemInputSchema, listRevisions, updateItem, type ItemInput } from '../items.ts';
import { LIMITS, storeUpload } from '../media.ts';
import { htmlToText } from '../sanitize.ts';
import { channelPosts, contentItems, contentRevisions, ITEM_KINDS, ITEM_STATUSES, mediaFiles, type ContentItem, type ItemKind, type ItemStatus } from '../schema.ts';
import { deleteSection, saveSection, sectionSchema, siteSettingsSchema, updateSite } from '../sites.ts';
import { itemPath, mediaUrl } from '../urls.ts';
import { addComment, allowedTransitions, canEdit, isApprover, listComments, transition, TRANSITIONS } from '../workflow.ts';
import { itemFormInput, publishAtOf, readMultipart, type MultipartForm } from './forms.ts';
import { ItemEditorPage, RevisionPage, type EditorProps } from './item-page.tsx';
import { renderItemView } from '../public/handlers.tsx';
import { linksFor } from '../public/parts.tsx';
import { ChannelsPage, SiteItemsPage, SiteSettingsPage, SitesPage } from './pages.tsx';

const WRITERS: readonly Role[] = ['editor', 'approver'];
const STAFF: readonly Role[] = ['editor', 'approver', 'unit_admin'];
const require = createRequire(import.meta.url);
const TRIX_DIR = path.dirname(require.resolve('trix/dist/trix.umd.min.js'));

/** The platforms a site can post to, in display order. */
const channelPlatforms = () => platforms().filter((p) => p.publish);

export function adminRoutes(app: App, ctx: AppContext): void {
  const state = publishing(ctx);
  const sites = () => state.sites.current();
  const tree = () => ctx.units.current();

  /** The site an item belongs to, for the access rule. */
  const itemUnit: UnitResolver = async (req) => {
    const id = Number((req.params as { id?: string }).id);
    if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31) return -1;
    const [row] = await ctx.db.select({ siteId: contentItems.siteId }).from(contentItems).where(eq(contentItems.id, id));
    return row?.siteId ?? -1;
  };
  const siteOf = async (req: FastifyRequest): Promise<SiteView> => {
    const site = (await sites()).anyBySlug((req.params as { slug: string }).slug);
    if (!site) throw notFound();
    return site;
  };
  const loadItem = async (req: FastifyRequest) => getItem(ctx.db, Number((req.params as { id: string }).id));

  // Trix, the rich-text editor, served from its package (no CDN; the page works without it).
  const vendor = { js: readFileSync(path.join(TRIX_DIR, 'trix.umd.min.js')), css: readFileSync(path.join(TRIX_DIR, 'trix.css')) };
  app.get('/static/vendor/trix.js', { config: { access: 'public' } }, async (_req, reply) => reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(vendor.js));
  app.get('/static/vendor/trix.css', { config: { access: 'public' } }, async (_req, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(vendor.css));

  app.get('/admin/sites', { config: { access: { roles: STAFF } } }, async (req, reply) => {
    const [idx, t] = await Promise.all([sites(), tree()]);
    const scope = unitsInScope(req.auth, t, STAFF);
    const order = new Map(t.flatten().map(({ unit }, i) => [unit.id, i]));
    const list = idx
      .all()
      .filter((s) => scope.has(s.unitId))
      .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
    const rows = await ctx.db
      .select({ siteId: contentItems.siteId, status: contentItems.status, n: sql<number>`count(*)::int` })
      .from(contentItems)
      .where(inArray(contentItems.siteId, list.length ? list.map((s) => s.unitId) : [-1]))
      .groupBy(contentItems.siteId, contentItems.status);
    const counts = new Map<number, Partial<Record<ItemStatus, number>>>();
    for (const r of rows) counts.set(r.siteId, { ...(counts.get(r.siteId) ?? {}), [r.status]: Number(r.n) });
    return sendPage(req, reply, <SitesPage sites={list} counts={counts} />);
  });

  app.get('/admin/sites/:slug', { config: { access: { roles: STAFF, unit: fromParam('slug') } } }, async (req, reply) => {
    const site = await siteOf(req);
    const t = await tree();
    const status = (ITEM_STATUSES as readonly string[]).includes(String((req.query as Record<string, unknown>).status)) ? ((req.query as Record<string, string>).status as ItemStatus) : undefined;
    const items = await ctx.db
      .select()
      .from(contentItems)
      .where(and(eq(contentItems.siteId, site.unitId), status ? eq(contentItems.status, status) : undefined))
      .orderBy(desc(contentItems.updatedAt))
      .limit(200);
    return sendPage(req, reply, <SiteItemsPage site={site} items={items} status={status} canWrite={hasRole(req.auth, t, WRITERS, site.unitId)} canAdmin={hasRole(req.auth, t, ADMINS, site.unitId)} />);
  });

  // The editor.
  async function editorProps(req: FastifyRequest, site: SiteView, kind: ItemKind, item: ContentItem | undefined, values: EditorProps['values'], errors: Record<string, string>): Promise<EditorProps> {
    const [t, idx, accounts] = await Promise.all([tree(), sites(), listAccounts(ctx, site.unitId)]);
    const channels = accounts.flatMap((account) => {
      const definition = platform(account.channel);
      return definition && account.enabled ? [{ definition, account }] : [];
    });
    const coverId = Number(values.coverMediaId) || null;
    const [cover] = coverId ? await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, coverId)) : [];
    const subtree = t.subtree(site.unitId).filter((u) => u.id !== site.unitId);
    const targets = isApprover(req.auth, t, site.unitId) || hasRole(req.auth, t, WRITERS, site.unitId) ? subtree.map((u) => idx.get(u.id)).filter((s): s is SiteView => Boolean(s)) : [];
    const section = item ? idx.section(item.sectionId) : undefined;
    const source = item?.sourceItemId ? (await ctx.db.select({ siteId: contentItems.siteId }).from(contentItems).where(eq(contentItems.id, item.sourceItemId)))[0] : undefined;
    return {
      site,
      kind,
      item,
      values,
      errors,
      editable: item ? canEdit(req.auth, t, item) : true,
      transitions: item ? allowedTransitions(req.auth, t, item) : [],
      channels,
      posts: item ? await postsOfItem(ctx, item.id) : [],
      comments: item ? await listComments(ctx, item.id) : [],
      revisions: item ? await listRevisions(ctx.db, item.id) : [],
      cover: cover ?? null,
      syndicationTargets: targets,
      publicUrl: item && section ? itemPath(site, section, item) : undefined,
      sourceSiteName: source ? idx.get(source.siteId)?.name : undefined,
    };
  }
  const renderEditor = async (req: FastifyRequest, reply: FastifyReply, site: SiteView, kind: ItemKind, item: ContentItem | undefined, values: EditorProps['values'], errors: Record<string, string> = {}, status = 200) =>
    sendPage(req, reply, <ItemEditorPage {...await editorProps(req, site, kind, item, values, errors)} />, status);

  app.get('/admin/sites/:slug/items/new', { config: { access: { roles: WRITERS, unit: fromParam('slug') } } }, async (req, reply) => {
    const site = await siteOf(req);
    const kindParam = String((req.query as Record<string, unknown>).kind ?? 'article');
    const kind = ((ITEM_KINDS as readonly string[]).includes(kindParam) ? kindParam : 'article') as ItemKind;
    const section = site.sections.find((s) => s.kind === kind);
    const accounts = await listAccounts(ctx, site.unitId);
    return renderEditor(req, reply, site, kind, undefined, { sectionId: section ? String(section.id) : '', channels: accounts.filter((a) => a.enabled).map((a) => a.channel) });
  });

  /** Stores the uploads of an item form, then validates it. */
  async function readItemForm(req: FastifyRequest, site: SiteView, form: MultipartForm): Promise<{ ok: true; input: ItemInput } | { ok: false; errors: Record<string, string> }> {
    const actor = actorOf(req);
    const raw = itemFormInput(form);
    const errors: Record<string, string> = {};
    for (const file of form.files) {
      try {
        if (file.field === 'cover') raw.coverMediaId = (await storeUpload(ctx, actor, site.unitId, { bytes: file.bytes, filename: file.filename, alt: String(raw.coverAlt ?? '') }, ['image'])).id;
        else if (file.field === 'file') (raw.details as Record<string, unknown>).fileMediaId = (await storeUpload(ctx, actor, site.unitId, file, ['file'])).id;
        else if (file.field === 'video') (raw.details as Record<string, unknown>).videoMediaId = (await storeUpload(ctx, actor, site.unitId, file, ['video'])).id;
      } catch (e) {
        if (e instanceof HttpError && e.statusCode < 500) errors[file.field] = req.t(e.messageKey, e.params);
        else throw e;
      }
    }
    const parsed = itemInputSchema.safeParse(raw);
    if (!parsed.success) for (const issue of localizeIssues(req.locale, parsed.error.issues as never)) errors[issue.path.split('.')[0] || '_form'] ??= issue.message;
    if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
    return { ok: true, input: parsed.data };
  }
  const formToValues = (form: MultipartForm): EditorProps['values'] => {
    const out: EditorProps['values'] = {};
    for (const [k, v] of Object.entries(form.fields)) if (k !== '_csrf') out[k] = ['audiences', 'channels', 'syndicateTo'].includes(k) ? v : v[0];
    return out;
  };

  app.register(async (scoped) => {
    if (!scoped.hasContentTypeParser('multipart/form-data')) await scoped.register(multipart, { limits: { fileSize: LIMITS.video, files: 4, fields: 300, fieldSize: 1_100_000, parts: 310 } });
    const big = { bodyLimit: LIMITS.video + 2 * 1024 * 1024 };

    scoped.post('/admin/sites/:slug/items', { ...big, config: { access: { roles: WRITERS, unit: fromParam('slug') }, csrf: false } }, async (req, reply) => {
      const site = await siteOf(req);
      const form = await readMultipart(req);
      const kind = (ITEM_KINDS as readonly string[]).includes(form.one('kind')) ? (form.one('kind') as ItemKind) : 'article';
      const result = await readItemForm(req, site, form);
      if (!result.ok) return renderEditor(req, reply, site, kind, undefined, formToValues(form), result.errors, 400);
      const item = await createItem(ctx, actorOf(req), site, result.input);
      return reply.redirect(`/admin/items/${item.id}?ok=saved`, 303);
    });

    scoped.post('/admin/items/:id', { ...big, config: { access: { roles: WRITERS, unit: itemUnit }, csrf: false } }, async (req, reply) => {
      const item = await loadItem(req);
      const site = (await sites()).get(item.siteId) as SiteView;
      const form = await readMultipart(req);
      if (!canEdit(req.auth, await tree(), item)) throw new HttpError(403, 'error.forbidden');
      const result = await readItemForm(req, site, form);
      if (!result.ok) return renderEditor(req, reply, site, item.kind, item, formToValues(form), result.errors, 400);
      try {
        await updateItem(ctx, actorOf(req), site, item, { ...result.input, kind: item.kind });
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 400) return renderEditor(req, reply, site, item.kind, item, formToValues(form), { _form: req.t(e.messageKey, e.params) }, 409);
        throw e;
      }
      return reply.redirect(`/admin/items/${item.id}?ok=saved`, 303);
    });

    // Images dropped into the editor: JSON answer for the editor script.
    scoped.post('/admin/sites/:slug/media', { bodyLimit: LIMITS.image + 1024 * 1024, config: { access: { roles: WRITERS, unit: fromParam('slug') }, csrf: false } }, async (req, reply) => {
      const site = await siteOf(req);
      const form = await readMultipart(req);
      const file = form.files[0];
      if (!file) throw new HttpError(400, 'sites.uploadType');
      const media = await storeUpload(ctx, actorOf(req), site.unitId, file, ['image']);
      return reply.status(201).send({ id: media.id, url: mediaUrl(media, 1024, 'jpeg'), width: media.width, height: media.height });
    });

    scoped.post('/admin/sites/:slug/settings', { bodyLimit: LIMITS.image + 1024 * 1024, config: { access: { roles: ADMINS, unit: fromParam('slug') }, csrf: false } }, async (req, reply) => {
      const site = await siteOf(req);
      const form = await readMultipart(req);
      const f = form.one;
      const values = Object.fromEntries(Object.entries(form.fields).map(([k, v]) => [k, v[0]]));
      const menu = f('menu')
        .split(/\r?\n/)
        .map((line) => line.split('|').map((s) => s.trim()))
        .filter(([label, href]) => label && href)
        .map(([label, href]) => ({ label, href }));
      const parsed = siteSettingsSchema.safeParse({ name: f('name'), tagline: f('tagline'), colour: f('colour') || site.colour, hostName: f('hostName'), contact: { address: f('address'), phone: f('phone'), email: f('email'), hours: f('hours') }, menu, active: checkbox(f('active')) });
      const errors: Record<string, string> = {};
      if (!parsed.success) for (const issue of localizeIssues(req.locale, parsed.error.issues as never)) errors[issue.path.split('.')[0] || '_form'] ??= issue.message;
      let logoMediaId: number | undefined;
      const logo = form.files.find((x) => x.field === 'logo');
      if (logo) {
        try {
          logoMediaId = (await storeUpload(ctx, actorOf(req), site.unitId, logo, ['image'])).id;
        } catch (e) {
          if (e instanceof HttpError && e.statusCode < 500) errors.logo = req.t(e.messageKey);
          else throw e;
        }
      }
      if (!parsed.success || Object.keys(errors).length) return sendPage(req, reply, <SiteSettingsPage site={site} values={values} errors={errors} />, 400);
      try {
        await updateSite(ctx, actorOf(req), site.unitId, { ...parsed.data, ...(logoMediaId ? { logoMediaId } : {}) });
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 409) return sendPage(req, reply, <SiteSettingsPage site={site} values={values} errors={{ hostName: req.t(e.messageKey) }} />, 409);
        throw e;
      }
      return reply.redirect(`/admin/sites/${site.slug}/settings?ok=saved`, 303);
    });
  });

  app.get('/admin/items/:id', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    const site = (await sites()).get(item.siteId) as SiteView;
    return renderEditor(req, reply, site, item.kind, item, itemValues(item));
  });

  app.get('/admin/items/:id/preview', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    const idx = await sites();
    const site = idx.get(item.siteId) as SiteView;
    const section = idx.section(item.sectionId);
    if (!section) throw notFound();
    const html = await renderItemView(ctx, req, idx, site, section, item, linksFor(site, false), true);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.post('/admin/items/:id/transition', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    const body = formValues(req.body);
    const action = z.enum(TRANSITIONS).parse(body.action);
    const at = body.publishAt ? new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(body.publishAt) ? `${body.publishAt}:00+07:00` : body.publishAt) : null;
    await transition(ctx, req.auth as NonNullable<typeof req.auth>, item, action, { publishAt: at && !Number.isNaN(at.getTime()) ? at : null, note: body.note });
    return reply.redirect(`/admin/items/${item.id}?ok=moved`, 303);
  });

  app.post('/admin/items/:id/comments', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    await addComment(ctx, actorOf(req), item, formValues(req.body).comment ?? '');
    return reply.redirect(`/admin/items/${item.id}#comments`, 303);
  });

  app.post('/admin/items/:id/posts/:postId/retry', { config: { access: { roles: ['approver'], unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    const postId = Number((req.params as { postId: string }).postId);
    const [post] = await ctx.db.select().from(channelPosts).where(and(eq(channelPosts.id, postId), eq(channelPosts.itemId, item.id)));
    if (!post) throw notFound();
    await retryCrossPost(ctx, post.id, true);
    return reply.redirect(`/admin/items/${item.id}?ok=moved#posts`, 303);
  });

  app.get('/admin/items/:id/revisions/:version', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    const version = Number((req.params as { version: string }).version);
    const [revision] = await ctx.db.select().from(contentRevisions).where(and(eq(contentRevisions.itemId, item.id), eq(contentRevisions.version, version)));
    if (!revision) throw notFound();
    const diffs = [
      { label: req.t('sites.f.title'), parts: diffWords(revision.title, item.title) },
      { label: req.t('sites.f.sapo'), parts: diffWords(revision.sapo, item.sapo) },
      { label: req.t('sites.f.body'), parts: diffWords(htmlToText(revision.body), htmlToText(item.body)) },
    ].filter((d) => changed(d.parts));
    return sendPage(req, reply, <RevisionPage item={item} revision={revision} diffs={diffs} canRestore={canEdit(req.auth, await tree(), item)} />);
  });

  app.post('/admin/items/:id/revisions/:version/restore', { config: { access: { roles: WRITERS, unit: itemUnit } } }, async (req, reply) => {
    const item = await loadItem(req);
    if (!canEdit(req.auth, await tree(), item)) throw new HttpError(403, 'error.forbidden');
    const version = Number((req.params as { version: string }).version);
    const [revision] = await ctx.db.select().from(contentRevisions).where(and(eq(contentRevisions.itemId, item.id), eq(contentRevisions.version, version)));
    if (!revision) throw notFound();
    const site = (await sites()).get(item.siteId) as SiteView;
    const snap = revision.snapshot as Partial<ItemInput>;
    const sectionId = site.sections.some((s) => s.id === snap.sectionId) ? (snap.sectionId as number) : item.sectionId;
    await updateItem(ctx, actorOf(req), site, item, { ...inputOf(item), ...snap, sectionId, kind: item.kind, title: revision.title, sapo: revision.sapo, body: revision.body, slug: item.slug } as ItemInput, `restored ${version}`);
    return reply.redirect(`/admin/items/${item.id}?ok=restored&v=${version}`, 303);
  });

  // Settings, sections, channels (unit administrators).
  const siteAdmin = { config: { access: { roles: ADMINS, unit: fromParam('slug') } } };
  app.get('/admin/sites/:slug/settings', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    return sendPage(req, reply, <SiteSettingsPage site={site} values={settingsValues(site)} errors={{}} />);
  });

  const sectionForm = (body: Record<string, string>, all: Record<string, unknown>) =>
    sectionSchema.safeParse({ slug: body.slug, name: body.name, description: body.description ?? '', kind: body.kind, audiences: ([] as unknown[]).concat(all.audiences ?? []), sortOrder: Number(body.sortOrder) || 0, inMenu: checkbox(body.inMenu) });
  app.post('/admin/sites/:slug/sections', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    const parsed = sectionForm(formValues(req.body), (req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success) return sendPage(req, reply, <SiteSettingsPage site={site} values={settingsValues(site)} errors={issues(req, parsed.error)} />, 400);
    await saveSection(ctx, actorOf(req), site.unitId, null, { ...parsed.data, inMenu: true });
    return reply.redirect(`/admin/sites/${site.slug}/settings?ok=saved`, 303);
  });
  app.post('/admin/sites/:slug/sections/:id', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    const id = Number((req.params as { id: string }).id);
    const body = formValues(req.body);
    if (body.delete === '1') {
      try {
        await deleteSection(ctx, actorOf(req), site.unitId, id);
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 400) return sendPage(req, reply, <SiteSettingsPage site={site} values={settingsValues(site)} errors={{ _form: req.t(e.messageKey) }} />, 400);
        throw e;
      }
      return reply.redirect(`/admin/sites/${site.slug}/settings?ok=saved`, 303);
    }
    const parsed = sectionForm(body, (req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success) return sendPage(req, reply, <SiteSettingsPage site={site} values={settingsValues(site)} errors={issues(req, parsed.error)} />, 400);
    await saveSection(ctx, actorOf(req), site.unitId, id, parsed.data);
    return reply.redirect(`/admin/sites/${site.slug}/settings?ok=saved`, 303);
  });

  app.get('/admin/sites/:slug/channels', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    return sendPage(req, reply, <ChannelsPage site={site} definitions={channelPlatforms()} accounts={await listAccounts(ctx, site.unitId)} errors={{}} />);
  });
  app.post('/admin/sites/:slug/channels/:channel', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    const channel = (req.params as { channel: string }).channel;
    const definition = platform(channel);
    if (!definition?.publish) throw notFound();
    const body = formValues(req.body);
    const credentials = Object.fromEntries((definition.account?.fields ?? []).map((f) => [f.name, body[`cred_${f.name}`] ?? '']));
    const expires = body.tokenExpiresAt && /^\d{4}-\d{2}-\d{2}$/.test(body.tokenExpiresAt) ? new Date(`${body.tokenExpiresAt}T23:59:59+07:00`) : null;
    try {
      await saveAccount(ctx, actorOf(req), site.unitId, channel, { externalId: body.externalId ?? '', name: body.name ?? '', credentials, tokenExpiresAt: expires, enabled: checkbox(body.enabled) });
    } catch (e) {
      if (e instanceof HttpError && e.statusCode === 400) return sendPage(req, reply, <ChannelsPage site={site} definitions={channelPlatforms()} accounts={await listAccounts(ctx, site.unitId)} errors={{ _form: req.t(e.messageKey, e.params) }} />, 400);
      throw e;
    }
    return reply.redirect(`/admin/sites/${site.slug}/channels?ok=saved`, 303);
  });
  app.post('/admin/sites/:slug/channels/:channel/disconnect', siteAdmin, async (req, reply) => {
    const site = await siteOf(req);
    await disconnectAccount(ctx, actorOf(req), site.unitId, (req.params as { channel: string }).channel);
    return reply.redirect(`/admin/sites/${site.slug}/channels?ok=saved`, 303);
  });
}

function issues(req: FastifyRequest, error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of localizeIssues(req.locale, error.issues as never)) out[issue.path.split('.')[0] || '_form'] ??= issue.message;
  return out;
}

function settingsValues(site: SiteView): Record<string, string> {
  return {
    name: site.name,
    tagline: site.tagline ?? '',
    colour: site.colour,
    hostName: site.hostName ?? '',
    address: site.contact.address ?? '',
    phone: site.contact.phone ?? '',
    email: site.contact.email ?? '',
    hours: site.contact.hours ?? '',
    menu: site.menu.map((m) => `${m.label} | ${m.href}`).join('\n'),
    active: site.active ? 'true' : 'false',
  };
}

const localInput = (iso?: string): string => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
};

export function itemValues(item: ContentItem): EditorProps['values'] {
  const d = item.details;
  return {
    title: item.title,
    slug: item.slug,
    sectionId: String(item.sectionId),
    sapo: item.sapo,
    body: item.body,
    coverMediaId: item.coverMediaId ? String(item.coverMediaId) : '',
    coverAlt: item.coverAlt ?? '',
    tags: item.tags.join(', '),
    field: item.field ?? '',
    audiences: item.audiences,
    channels: item.channels,
    syndicateTo: item.syndicateTo.map(String),
    subjectType: d.subjectType ?? '',
    subjectName: d.subjectName ?? '',
    unitName: d.unitName ?? '',
    achievement: d.achievement ?? '',
    number: d.number ?? '',
    issuedOn: d.issuedOn ?? '',
    issuer: d.issuer ?? '',
    fileMediaId: d.fileMediaId ? String(d.fileMediaId) : '',
    startsAt: localInput(d.startsAt),
    endsAt: localInput(d.endsAt),
    location: d.location ?? '',
    videoMediaId: d.videoMediaId ? String(d.videoMediaId) : '',
  };
}
