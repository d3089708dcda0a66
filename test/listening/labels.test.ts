// Analysts label posts; the installation's sentiment and topic classifiers are retrained from the labels
// and then used by the analysis of new posts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/listening/analyzer.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { labelStats, retrain, setLabel } from '../../src/listening/labels.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.cleanup());

const GOOD = ['Cảm ơn phường đã sửa đèn đường rất nhanh', 'Cán bộ một cửa phục vụ tận tình, rất hài lòng', 'Công viên mới sạch đẹp, bà con rất vui', 'Làm căn cước nhanh gọn, cảm ơn công an phường'];
const BAD = ['Rác bốc mùi cả tuần không ai dọn', 'Kẹt xe kinh khủng, chán quá', 'Nước ngập vào nhà, khổ quá', 'Chờ khám cả buổi, bực mình thật sự'];

describe('labels and retraining', () => {
  it('trains the installation’s models from analysts’ labels', async () => {
    const posts = Array.from({ length: 40 }, (_, i) => ({ externalId: `l${i}`, authorExternalId: `u${i}`, createdAt: new Date(Date.now() - i * 60_000), text: `${(i % 2 ? GOOD : BAD)[i % 4]} (${i})` }));
    await ingestPosts(ctx, 'nhan', posts, { create: { kind: 'file' }, processNow: true });
    const ids = await ctx.database.query<{ id: number; external_id: string }>(`SELECT id, external_id FROM listening_posts ORDER BY id`);
    for (const { id, external_id } of ids) {
      const i = Number(external_id.slice(1));
      await setLabel(ctx, 'system', Number(id), 'sentiment', i % 2 ? 'positive' : 'negative');
      await setLabel(ctx, 'system', Number(id), 'topic', i % 2 ? 'van-hoa-xa-hoi' : 'moi-truong');
    }
    await expect(setLabel(ctx, 'system', Number(ids[0].id), 'sentiment', 'furious')).rejects.toMatchObject({ statusCode: 400 });
    const stats = await labelStats(ctx);
    expect(stats.find((s) => s.kind === 'sentiment')).toMatchObject({ count: 40, byValue: { negative: 20, positive: 20 }, model: null });
    expect(await retrain(ctx)).toEqual(['sentiment', 'topic']);
    const after = await labelStats(ctx);
    expect(after.find((s) => s.kind === 'sentiment')?.model).toMatchObject({ examples: 40, metrics: { labels: ['negative', 'positive'] } });
    const analyzer = await analyzerFor(ctx);
    expect(analyzer.models.sentimentModel?.labels).toEqual(['negative', 'positive']);
    expect(analyzer.models.topicModel?.model.labels).toEqual(['moi-truong', 'van-hoa-xa-hoi']);
  });
});
