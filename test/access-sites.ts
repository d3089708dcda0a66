// Records the publishing rows of the access table act on: items on phuong-12 and phuong-1, a cross-post.
import type { AppContext } from '../src/app/context.ts';
import { publishing } from '../src/sites/directory.ts';
import { createItem } from '../src/sites/items.ts';
import { channelPosts } from '../src/sites/schema.ts';

export async function sitesAccessSetup(ctx: AppContext, vars: Record<string, string>): Promise<void> {
  const idx = await publishing(ctx).sites.current();
  const p12 = idx.bySiteSlug('phuong-12')!;
  const p1 = idx.bySiteSlug('phuong-1')!;
  const news = (site: typeof p12) => site.sections.find((s) => s.kind === 'article')!.id;
  const draft = (site: typeof p12, title: string) => createItem(ctx, 'system', site, { kind: 'article', sectionId: news(site), title, sapo: '', body: '<p>Nội dung</p>', tags: [], audiences: [], details: {}, channels: [], syndicateTo: [] });
  const item = await draft(p12, 'Tin phường 12 để kiểm tra quyền');
  vars.item = String(item.id);
  vars.item2 = String((await draft(p12, 'Tin thứ hai của phường 12')).id);
  vars.item1 = String((await draft(p1, 'Tin phường 1')).id);
  vars.section = String(news(p12));
  const [post] = await ctx.db.insert(channelPosts).values({ itemId: item.id, channel: 'facebook', status: 'failed' }).returning();
  vars.post = String(post.id);
}
