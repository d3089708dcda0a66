// Records the publishing rows of the access table act on: items on phuong-12 and phuong-1, a published
// item, an image, a cross-post; and, for each check that uses one up, a fresh draft or subscriber.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { AppContext } from '../src/app/context.ts';
import { publishing, type SiteView } from '../src/sites/directory.ts';
import { createItem } from '../src/sites/items.ts';
import { storeUpload } from '../src/sites/media.ts';
import { channelPosts, digestSubscribers } from '../src/sites/schema.ts';
import { itemPath, mediaUrl } from '../src/sites/urls.ts';

const news = (site: SiteView) => site.sections.find((s) => s.kind === 'article')!;
const draft = (ctx: AppContext, site: SiteView, title: string, extra: Parameters<typeof createItem>[4] = {}) =>
  createItem(ctx, 'system', site, { kind: 'article', sectionId: news(site).id, title, sapo: '', body: '<p>Nội dung</p>', tags: [], audiences: [], details: {}, channels: [], syndicateTo: [] }, extra);
const site = async (ctx: AppContext, slug: string) => (await publishing(ctx).sites.current()).bySiteSlug(slug)!;

/** A small PNG, for uploads. */
export const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#9c2a1f' } }).png().toBuffer();

export async function sitesAccessSetup(ctx: AppContext, vars: Record<string, string>): Promise<void> {
  const p12 = await site(ctx, 'phuong-12');
  const p1 = await site(ctx, 'phuong-1');
  const item = await draft(ctx, p12, 'Tin phường 12 để kiểm tra quyền');
  vars.item = String(item.id);
  vars.item2 = String((await draft(ctx, p12, 'Tin thứ hai của phường 12')).id);
  vars.item1 = String((await draft(ctx, p1, 'Tin phường 1')).id);
  vars.section = String(news(p12).id);
  vars.section1 = String(news(p1).id);
  const published = await draft(ctx, p12, 'Tin đã đăng của phường 12', { status: 'published', publishedAt: new Date() });
  vars.publishedPath = itemPath(p12, news(p12), published);
  vars.mediaPath = mediaUrl(await storeUpload(ctx, 'system', p12.unitId, { bytes: await png(), filename: 'anh.png' }, ['image']));
  const [post] = await ctx.db.insert(channelPosts).values({ itemId: item.id, channel: 'facebook', status: 'failed' }).returning();
  vars.post = String(post.id);
}

/** A draft of phuong-12 that one check moves through the workflow. */
export async function freshDraft(ctx: AppContext): Promise<Record<string, string>> {
  return { draft: String((await draft(ctx, await site(ctx, 'phuong-12'), `Bản nháp ${randomBytes(3).toString('hex')}`)).id) };
}

/** A subscriber of the digest with its token, for one confirmation or unsubscribe link. */
export async function freshSubscriber(ctx: AppContext): Promise<Record<string, string>> {
  const token = randomBytes(24).toString('base64url');
  await ctx.db.insert(digestSubscribers).values({ email: `doc.gia.${randomBytes(4).toString('hex')}@test.vn`, audience: 'nhan_dan', token });
  return { subscriberToken: token };
}
