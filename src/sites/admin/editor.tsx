// The item editor: what it shows for an item (or a new one), and reading its multipart form, uploads
// first, into the input the service validates.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { hasRole, WRITERS } from '../../core/roles.ts';
import { actorOf } from '../../web/access.ts';
import { platform } from '../../platforms/index.ts';
import { HttpError } from '../../web/errors.ts';
import { formErrors } from '../../web/forms.ts';
import { sendPage } from '../../web/render.tsx';
import { listAccounts } from '../channels/accounts.ts';
import { postsOfItem } from '../channels/posts.ts';
import type { SiteView } from '../directory.ts';
import { itemInputSchema, listRevisions, siteIdOfItem, type ItemInput } from '../items.ts';
import { getMedia, storeUpload } from '../media.ts';
import type { ContentItem, ItemKind } from '../schema.ts';
import { itemPath } from '../urls.ts';
import { allowedTransitions, canEdit, isApprover, listComments } from '../workflow.ts';
import { itemFormInput, type MultipartForm } from './forms.ts';
import { ItemEditorPage, type EditorProps } from './item-page.tsx';
import type { Office } from './office.ts';
import { vnWallClock } from '../../core/time.ts';

export function editor(ctx: AppContext, office: Office) {
  async function editorProps(req: FastifyRequest, site: SiteView, kind: ItemKind, item: ContentItem | undefined, values: EditorProps['values'], errors: Record<string, string>): Promise<EditorProps> {
    const [t, idx, accounts] = await Promise.all([office.tree(), office.sites(), listAccounts(ctx, site.unitId)]);
    const channels = accounts.flatMap((account) => {
      const definition = platform(account.channel);
      return definition && account.enabled ? [{ definition, account }] : [];
    });
    const coverId = Number(values.coverMediaId) || null;
    const cover = coverId ? await getMedia(ctx.db, coverId) : undefined;
    const subtree = t.subtree(site.unitId).filter((u) => u.id !== site.unitId);
    const targets = isApprover(req.auth, t, site.unitId) || hasRole(req.auth, t, WRITERS, site.unitId) ? subtree.map((u) => idx.get(u.id)).filter((s): s is SiteView => Boolean(s)) : [];
    const section = item ? idx.section(item.sectionId) : undefined;
    const sourceSiteId = item?.sourceItemId ? await siteIdOfItem(ctx.db, item.sourceItemId) : undefined;
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
      sourceSiteName: sourceSiteId !== undefined ? idx.get(sourceSiteId)?.name : undefined,
    };
  }

  return {
    render: async (req: FastifyRequest, reply: FastifyReply, site: SiteView, kind: ItemKind, item: ContentItem | undefined, values: EditorProps['values'], errors: Record<string, string> = {}, status = 200) =>
      sendPage(req, reply, <ItemEditorPage {...await editorProps(req, site, kind, item, values, errors)} />, status),

    /** Stores the uploads of an item form, then validates it. */
    async read(req: FastifyRequest, site: SiteView, form: MultipartForm): Promise<{ ok: true; input: ItemInput } | { ok: false; errors: Record<string, string> }> {
      const actor = actorOf(req);
      const raw = itemFormInput(form);
      const details = raw.details as Record<string, unknown>;
      const errors: Record<string, string> = {};
      for (const file of form.files) {
        try {
          if (file.field === 'cover') raw.coverMediaId = (await storeUpload(ctx, actor, site.unitId, { bytes: file.bytes, filename: file.filename, alt: String(raw.coverAlt ?? '') }, ['image'])).id;
          else if (file.field === 'file') details.fileMediaId = (await storeUpload(ctx, actor, site.unitId, file, ['file'])).id;
          else if (file.field === 'video') details.videoMediaId = (await storeUpload(ctx, actor, site.unitId, file, ['video'])).id;
        } catch (e) {
          if (e instanceof HttpError && e.statusCode < 500) errors[file.field] = req.t(e.messageKey, e.params);
          else throw e;
        }
      }
      const parsed = itemInputSchema.safeParse(raw);
      if (!parsed.success) for (const [field, message] of Object.entries(formErrors(req.locale, parsed.error))) errors[field] ??= message;
      if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
      return { ok: true, input: parsed.data };
    },
  };
}

/** The form's fields as the editor shows them again (lists kept as lists). */
export function formToValues(form: MultipartForm): EditorProps['values'] {
  const out: EditorProps['values'] = {};
  for (const [k, v] of Object.entries(form.fields)) if (k !== '_csrf') out[k] = ['audiences', 'channels', 'syndicateTo'].includes(k) ? v : v[0];
  return out;
}

const localInput = (iso?: string): string => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return vnWallClock(d).slice(0, 16);
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
