// The editorial workflow: draft → submitted → approved → published (or scheduled), and back.
// Editors of a unit write and submit; approvers of the unit or an ancestor approve, publish, unpublish.
// Publishing also syndicates copies to the chosen unit sites and queues the cross-posts.
import { and, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { APPROVERS, hasRole, WRITERS } from '../core/roles.ts';
import type { AuthContext } from '../auth/index.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { UnitTree } from '../org/index.ts';
import { forbidden, invalid } from '../core/errors.ts';
import { enqueueCrossPosts } from './channels/posts.ts';
import { publishing } from './directory.ts';
import { createItem, inputOf, updateItem } from './items.ts';
import { contentComments, contentItems, type ContentItem, type ItemStatus } from './schema.ts';

export const TRANSITIONS = ['submit', 'return', 'approve', 'publish', 'unpublish'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const FROM: Record<Transition, readonly ItemStatus[]> = {
  submit: ['draft', 'unpublished'],
  return: ['submitted', 'approved', 'scheduled'],
  approve: ['submitted'],
  publish: ['draft', 'submitted', 'approved', 'scheduled', 'unpublished'],
  unpublish: ['published', 'scheduled'],
};

export const isEditor = (auth: AuthContext | null, tree: UnitTree, siteId: number): boolean => hasRole(auth, tree, WRITERS, siteId);
export const isApprover = (auth: AuthContext | null, tree: UnitTree, siteId: number): boolean => hasRole(auth, tree, APPROVERS, siteId);

/** Editors change an item until it is approved; after that, only approvers do. */
export function canEdit(auth: AuthContext | null, tree: UnitTree, item: ContentItem): boolean {
  if (['draft', 'submitted', 'unpublished'].includes(item.status)) return isEditor(auth, tree, item.siteId);
  return isApprover(auth, tree, item.siteId);
}

export function allowedTransitions(auth: AuthContext | null, tree: UnitTree, item: ContentItem): Transition[] {
  return TRANSITIONS.filter((t) => FROM[t].includes(item.status) && (t === 'submit' ? isEditor(auth, tree, item.siteId) : isApprover(auth, tree, item.siteId)));
}

export interface TransitionOptions {
  /** For publish: a future time schedules instead. */
  publishAt?: Date | null;
  /** For return: why, posted as a comment. */
  note?: string;
}

export async function transition(ctx: AppContext, auth: AuthContext, item: ContentItem, action: Transition, options: TransitionOptions = {}): Promise<ContentItem> {
  const tree = await ctx.units.current();
  // Who may, before whether it can be done now.
  const permitted = action === 'submit' ? isEditor(auth, tree, item.siteId) : isApprover(auth, tree, item.siteId);
  if (!permitted) throw forbidden();
  if (!FROM[action].includes(item.status)) throw invalid('sites.badTransition');
  const actor = { id: auth.user.id, email: auth.user.email };
  if (action === 'publish') {
    const at = options.publishAt && options.publishAt.getTime() > Date.now() + 30_000 ? options.publishAt : null;
    if (at) return setStatus(ctx, actor, item, 'scheduled', { publishAt: at, approvedById: auth.user.id });
    return publishNow(ctx, actor, item, auth.user.id);
  }
  if (action === 'return' && options.note) await addComment(ctx, actor, item, options.note);
  const next: ItemStatus = action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : action === 'return' ? 'draft' : 'unpublished';
  const updated = await setStatus(ctx, actor, item, next, action === 'approve' ? { approvedById: auth.user.id } : {});
  if (action === 'unpublish') await unpublishCopies(ctx, actor, item);
  return updated;
}

async function setStatus(ctx: AppContext, actor: Actor, item: ContentItem, status: ItemStatus, extra: Partial<ContentItem> = {}): Promise<ContentItem> {
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contentItems)
      .set({ ...extra, status, updatedAt: new Date() })
      .where(and(eq(contentItems.id, item.id), eq(contentItems.status, item.status)))
      .returning();
    if (!row) throw invalid('sites.editConflict');
    await audit(tx, actor, { action: `item.${status}`, targetType: 'item', targetId: item.id, unitId: item.siteId, details: { from: item.status, to: status } });
    return row;
  });
  if (item.status === 'published' || status === 'published') await publishing(ctx).invalidate(item.siteId);
  return updated;
}

export async function publishNow(ctx: AppContext, actor: Actor, item: ContentItem, approverId: number | null): Promise<ContentItem> {
  const published = await setStatus(ctx, actor, item, 'published', { publishedAt: item.publishedAt ?? new Date(), publishAt: null, approvedById: approverId ?? item.approvedById });
  await syndicate(ctx, actor, published);
  await enqueueCrossPosts(ctx, published);
  return published;
}

/** Copies a published item to the unit sites it names; copies edited locally keep their text. */
async function syndicate(ctx: AppContext, actor: Actor, item: ContentItem): Promise<void> {
  if (!item.syndicateTo.length) return;
  const pub = publishing(ctx);
  const index = await pub.sites.current();
  const tree = await ctx.units.current();
  const copies = await ctx.db.select().from(contentItems).where(eq(contentItems.sourceItemId, item.id));
  for (const targetId of item.syndicateTo) {
    const target = index.get(targetId);
    // Only into the publisher's own subtree (the district reaches every unit).
    if (!target || !tree.isWithin(targetId, item.siteId)) continue;
    const existing = copies.find((c) => c.siteId === targetId);
    const section = target.sections.find((s) => s.kind === item.kind);
    if (!section) continue;
    const input = { ...inputOf(item), sectionId: existing?.sectionId ?? section.id, channels: [], syndicateTo: [] };
    if (!existing) {
      await createItem(ctx, actor, target, input, { sourceItemId: item.id, status: 'published', publishedAt: item.publishedAt ?? new Date() });
    } else if (!existing.localEdits) {
      const updated = await updateItem(ctx, actor, target, existing, { ...input, slug: existing.slug }, 'syndicated');
      // updateItem marks copies as locally edited; this update came from the source.
      await ctx.db.update(contentItems).set({ localEdits: false, status: 'published', publishedAt: existing.publishedAt ?? new Date() }).where(eq(contentItems.id, updated.id));
    } else if (existing.status !== 'published') {
      continue;
    }
    await pub.invalidate(targetId);
  }
}

async function unpublishCopies(ctx: AppContext, actor: Actor, item: ContentItem): Promise<void> {
  const copies = await ctx.db.select().from(contentItems).where(and(eq(contentItems.sourceItemId, item.id), eq(contentItems.localEdits, false), eq(contentItems.status, 'published')));
  for (const copy of copies) await setStatus(ctx, actor, copy, 'unpublished');
}

/** Publishes scheduled items that are due (a job, every minute). */
export async function publishDue(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db.select().from(contentItems).where(and(eq(contentItems.status, 'scheduled'), lte(contentItems.publishAt, now))).limit(200);
  for (const item of due) await publishNow(ctx, 'system', item, item.approvedById);
  return due.length;
}

export async function addComment(ctx: AppContext, actor: { id: number; email: string }, item: ContentItem, text: string): Promise<void> {
  const body = text.normalize('NFC').trim().slice(0, 4000);
  if (!body) throw invalid('sites.emptyComment');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(contentComments).values({ itemId: item.id, authorId: actor.id, authorLabel: actor.email, body });
    await audit(tx, actor, { action: 'item.comment', targetType: 'item', targetId: item.id, unitId: item.siteId });
  });
}

export async function listComments(ctx: AppContext, itemId: number) {
  return ctx.db.select().from(contentComments).where(eq(contentComments.itemId, itemId)).orderBy(contentComments.id);
}

