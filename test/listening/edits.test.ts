// Analysts' edits and what clustering does afterwards: merged issues take their near-duplicates along,
// posts split off stay in their new issue and new posts on that concern follow it, renamed issues keep
// their names; counts, voices and hourly aggregates stay consistent throughout. Also: spikes found on
// the posts' own time (last month's import shows last month's spike), and the retention purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSimilarIssues } from '../../src/listening/clustering/maintain.ts';
import { mergeIssue, pinIssue, renameIssue, splitIssue } from '../../src/listening/edits.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { getIssue, listIssues } from '../../src/listening/issues.ts';
import { representativePosts } from '../../src/listening/posts.ts';
import { purgeExpiredText } from '../../src/listening/purge.ts';
import { saveListeningSettings } from '../../src/listening/settings.ts';
import { detectSpikes } from '../../src/listening/trends/detect.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.cleanup());

const HOUR = 3600_000;
let seq = 0;
const post = (text: string, hoursAgo: number, author = `a${++seq}`) => ({ externalId: `e${++seq}`, authorExternalId: author, createdAt: new Date(Date.now() - hoursAgo * HOUR), text });
const FLOOD = ['Ngập nước đường Bà Hạt sau cơn mưa chiều nay', 'Đường Bà Hạt lại ngập nước, xe chết máy hàng loạt', 'ngap nuoc duong Ba Hat qua troi', 'Mưa lớn làm đường Bà Hạt ngập nước tới gối'];
const TRAFFIC = ['Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall', 'Đường 3/2 đoạn Vạn Hạnh Mall kẹt xe cả tiếng', 'ket xe duong 3/2 gan Van Hanh Mall', 'Giờ tan tầm đường 3/2 kẹt xe không lối thoát'];
const ingest = (posts: ReturnType<typeof post>[]) => ingestPosts(ctx, 'edits', posts, { create: { kind: 'file' }, processNow: true });
const issueOf = async (externalId: string) => (await ctx.database.query<{ issue_id: number }>(`SELECT issue_id FROM listening_posts WHERE external_id = $1`, [externalId]))[0]?.issue_id;

async function consistent(): Promise<void> {
  const issues = await ctx.database.query<{ id: number; post_count: number; voices: number; posts: number; hourly: number; voice_rows: number }>(
    `SELECT i.id, i.post_count, i.voices,
            (SELECT count(*)::int FROM listening_posts p WHERE p.issue_id = i.id) AS posts,
            (SELECT coalesce(sum(n), 0)::int FROM listening_issue_hourly h WHERE h.issue_id = i.id) AS hourly,
            (SELECT count(*)::int FROM listening_issue_voices v WHERE v.issue_id = i.id) AS voice_rows
     FROM listening_issues i WHERE i.status <> 'merged'`,
  );
  for (const i of issues) {
    expect(i.post_count, `issue ${i.id}`).toBe(i.posts);
    expect(i.hourly, `issue ${i.id}`).toBe(i.posts);
    expect(i.voices, `issue ${i.id}`).toBe(i.voice_rows);
  }
  // Each voice's latest post in its issue (the attention list counts a recent period's voices from it).
  const stale = await ctx.database.query(
    `SELECT v.issue_id, v.author_hash, v.last_seen, p.last FROM listening_issue_voices v
     LEFT JOIN (SELECT issue_id, author_hash, max(posted_at) AS last FROM listening_posts GROUP BY issue_id, author_hash) p USING (issue_id, author_hash)
     WHERE v.last_seen IS DISTINCT FROM p.last`,
  );
  expect(stale).toEqual([]);
}

describe('analyst edits', () => {
  it('merge, split and rename are kept by the clustering', async () => {
    const flood = FLOOD.map((t, i) => post(t, 20 - i));
    const traffic = TRAFFIC.map((t, i) => post(t, 20 - i));
    await ingest([...flood, ...traffic]);
    const a = await issueOf(flood[0].externalId);
    const b = await issueOf(traffic[0].externalId);
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
    await consistent();

    // Merge the traffic issue into the flood issue (an analyst thinks they are one concern).
    await mergeIssue(ctx, 'system', b, a);
    expect((await getIssue(ctx.db, b))?.status).toBe('merged');
    expect((await getIssue(ctx.db, a))?.postCount).toBe(8);
    await consistent();
    // A copy of a traffic post now joins the merged issue.
    const copy = post(`${TRAFFIC[1]}!!!`, 10);
    await ingest([copy]);
    expect(await issueOf(copy.externalId)).toBe(a);

    // Split the traffic posts back out by a query; new traffic posts follow the new issue.
    const c = await splitIssue(ctx, 'system', a, { query: '"kẹt xe" OR "ket xe"' });
    expect((await getIssue(ctx.db, c))?.postCount).toBe(5);
    expect((await getIssue(ctx.db, a))?.postCount).toBe(4);
    await consistent();
    const later = [post('Sáng nay đường 3/2 gần Vạn Hạnh Mall lại kẹt xe', 5), post('kẹt xe đường 3/2 giờ cao điểm, Vạn Hạnh Mall tắc cứng', 4)];
    await ingest(later);
    for (const p of later) expect(await issueOf(p.externalId)).toBe(c);
    const locked = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_posts WHERE issue_id = $1 AND issue_locked`, [c]);
    expect(locked[0].n).toBe(5);

    // Rename: more posts arrive, the name stays; the generated label keeps following.
    await renameIssue(ctx, 'system', c, 'Ùn tắc đường 3/2 (Vạn Hạnh Mall)');
    await ingest([post('Đường 3/2 kẹt xe tới tối', 2)]);
    const renamed = await getIssue(ctx.db, c);
    expect(renamed?.label).toBe('Ùn tắc đường 3/2 (Vạn Hạnh Mall)');
    expect(renamed?.generatedLabel.toLowerCase()).toContain('kẹt xe');
    await consistent();

    // The hourly re-clustering, even with a very low bar, never merges what the analyst split apart.
    const other = [post('Ngập nước đường Bà Hạt, nước tràn vào nhà', 3), post('Đường Bà Hạt ngập nước sau mưa', 3)];
    await ingest(other);
    await pinIssue(ctx, 'system', a, true);
    expect(await mergeSimilarIssues(ctx, 0.01)).toBeGreaterThanOrEqual(0);
    expect((await getIssue(ctx.db, a))?.status).toBe('active');
    expect((await getIssue(ctx.db, c))?.status).toBe('active');
    await consistent();

    // Refusals.
    await expect(mergeIssue(ctx, 'system', c, c)).rejects.toMatchObject({ messageKey: 'listening.mergeSelf' });
    await expect(splitIssue(ctx, 'system', c, { query: 'không có chữ này' })).rejects.toMatchObject({ messageKey: 'listening.splitNothing' });
    await expect(splitIssue(ctx, 'system', c, { query: 'AND (' })).rejects.toMatchObject({ messageKey: 'listening.queryInvalid' });
    await expect(mergeIssue(ctx, 'system', b, c)).rejects.toMatchObject({ messageKey: 'listening.issueMerged' });
  });
});

describe('time', () => {
  it('finds last month’s spike when last month’s posts are imported', async () => {
    const base = Date.now() - 30 * 24 * HOUR;
    const posts = [];
    // Two weeks of a quiet concern, then on one evening a burst about water cuts.
    for (let h = 0; h < 14 * 24; h += 6) posts.push({ externalId: `old-${h}`, authorExternalId: `o${h % 40}`, createdAt: new Date(base + h * HOUR), text: `${FLOOD[h % 4]} lần ${h}` });
    const burstAt = base + 10 * 24 * HOUR + 19 * HOUR;
    for (let k = 0; k < 24; k++) posts.push({ externalId: `burst-${k}`, authorExternalId: `b${k}`, createdAt: new Date(burstAt + k * 5 * 60_000), text: `Chung cư Nguyễn Kim mất nước ${k % 2 ? 'từ sáng' : 'cả ngày'}, không ai báo trước ${k}` });
    await ingestPosts(ctx, 'thang-truoc', posts, { create: { kind: 'file' }, processNow: true });
    const spikes = await detectSpikes(ctx, { from: new Date(base), to: new Date(base + 14 * 24 * HOUR) });
    const burstIssue = await issueOf('burst-0');
    const mine = spikes.filter((s) => s.kind === 'issue' && s.key === String(burstIssue));
    expect(mine.length).toBeGreaterThan(0);
    for (const s of mine) expect(Math.abs(s.windowEnd.getTime() - burstAt)).toBeLessThan(6 * HOUR);
    // Re-running the same period finds the same spikes.
    expect((await detectSpikes(ctx, { from: new Date(base), to: new Date(base + 14 * 24 * HOUR) })).length).toBe(spikes.length);
    // Last month's period lists the issue with its spike; this week's does not list it.
    const thatMonth = await listIssues(ctx, { from: new Date(base), to: new Date(base + 14 * 24 * HOUR) });
    expect(thatMonth.find((i) => i.id === burstIssue)?.spike).not.toBeNull();
    const thisWeek = await listIssues(ctx, { from: new Date(Date.now() - 7 * 24 * HOUR), to: new Date() });
    expect(thisWeek.find((i) => i.id === burstIssue)).toBeUndefined();
  });
});

describe('retention', () => {
  it('deletes old text but keeps the counts', async () => {
    const before = await ctx.database.query<{ n: number; total: number }>(`SELECT count(*)::int AS n, (SELECT sum(post_count)::int FROM listening_issues WHERE status <> 'merged') AS total FROM listening_posts WHERE text IS NOT NULL`);
    await saveListeningSettings(ctx, 'system', { retentionDays: 20, minVoices: 3 });
    const purged = await purgeExpiredText(ctx);
    expect(purged).toBeGreaterThan(30);
    const after = await ctx.database.query<{ n: number; total: number; old: number }>(
      `SELECT count(*)::int AS n, (SELECT sum(post_count)::int FROM listening_issues WHERE status <> 'merged') AS total,
              (SELECT count(*)::int FROM listening_posts WHERE posted_at < now() - interval '20 days' AND (text IS NOT NULL OR signature IS NOT NULL)) AS old
       FROM listening_posts WHERE text IS NOT NULL`,
    );
    expect(after[0].n).toBe(before[0].n - purged);
    expect(after[0].total).toBe(before[0].total);
    expect(after[0].old).toBe(0);
    const burstIssue = await issueOf('burst-0');
    expect((await representativePosts(ctx.db, burstIssue)).every((p) => p.text !== null)).toBe(true);
    expect(await purgeExpiredText(ctx)).toBe(0);
  });
});
