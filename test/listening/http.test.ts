// The desk's pages and API over HTTP, on a small synthetic month: lists, the issue page, edits, the
// topic × ward table, labels, sources, imports; authors never appear; HTML in posts is escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePosts } from '../../src/listening/demo/generate.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { runTrends } from '../../src/listening/trends-job.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildUser, seedUnits } from '../factories.ts';
import { buildTestApp, login, type Session, type TestApp } from '../http.ts';

let ctx: TestContext;
let t: TestApp;
let analyst: Session;
const start = Date.now() - 5 * 24 * 3600_000;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  const user = await buildUser(ctx, { role: 'analyst', unit: 'quan-10' });
  const posts = [...generatePosts({ seed: 11, start, gapMs: 10 * 60_000, count: 500 })].map((p) => ({ externalId: p.id, authorExternalId: p.author, createdAt: p.createdAt, text: p.text }));
  posts.push({ externalId: 'xss-1', authorExternalId: 'Nguyễn Văn Tác Giả', createdAt: new Date(Date.now() - 3600_000), text: '<script>alert("x")</script> Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall giờ tan tầm' });
  await ingestPosts(ctx, 'facebook-q10', posts, { create: { kind: 'file', label: 'Trang Quận 10' }, processNow: true });
  await runTrends(ctx, { from: new Date(start).toISOString(), to: new Date().toISOString() });
  t = await buildTestApp(ctx);
  analyst = await login(t.app, user.email);
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

describe('listening desk over HTTP', () => {
  it('lists issues on the dashboard and in the API, without authors', async () => {
    const page = await analyst.request('GET', '/admin/listening');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vấn đề cần chú ý');
    expect(page.body).toContain('<svg');
    const api = await analyst.request('GET', '/api/issues');
    expect(api.statusCode).toBe(200);
    const issues = api.json() as Array<Record<string, unknown>>;
    expect(issues.length).toBeGreaterThan(3);
    expect(Object.keys(issues[0])).toEqual(['id', 'label', 'topics', 'places', 'post_ids', 'count', 'voices', 'frustration', 'sentiment', 'spike', 'first_seen', 'last_seen']);
    expect(api.body).not.toMatch(/author|user-\d+|Tác Giả/);
  });

  it('shows an issue page with escaped posts, and keeps an analyst’s rename', async () => {
    const [issue] = (await analyst.request('GET', '/api/issues?q=ket xe')).json() as Array<{ id: number; label: string }>;
    expect(issue).toBeTruthy();
    const page = await analyst.request('GET', `/admin/listening/issues/${issue.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    const renamed = await analyst.request('PATCH', `/api/issues/${issue.id}`, { label: 'Kẹt xe đường 3/2 giờ tan tầm' });
    expect(renamed.statusCode).toBe(200);
    // More posts arrive: the name stays.
    await ingestPosts(ctx, 'facebook-q10', [{ externalId: 'more-1', authorExternalId: 'a1', createdAt: new Date(), text: 'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall giờ tan tầm, CSGT đâu rồi' }], { processNow: true });
    const again = (await analyst.request('GET', `/api/issues/${issue.id}`)).json() as { label: string };
    expect(again.label).toBe('Kẹt xe đường 3/2 giờ tan tầm');
  });

  it('renders the topic × ward table, sources, imports, labels', async () => {
    for (const url of ['/admin/listening/topics', '/admin/listening/sources', '/admin/listening/import', '/admin/listening/labels', '/admin/listening/sources/new']) {
      const res = await analyst.request('GET', url);
      expect(res.statusCode, url).toBe(200);
    }
    const table = (await analyst.request('GET', '/api/listening/topics-wards')).json() as { cells: unknown[] };
    expect(table.cells.length).toBeGreaterThan(0);
  });
});

describe('privacy', () => {
  it('never lists an issue by ward when fewer than the minimum of voices spoke there', async () => {
    // One person, three posts, in one ward: an issue in that ward must not appear.
    const posts = [1, 2, 3].map((k) => ({ externalId: `one-voice-${k}`, authorExternalId: 'mot-nguoi', createdAt: new Date(Date.now() - k * 60_000), text: `Hẻm 5 đường Nhật Tảo phường 6 có chó thả rông cắn người lần ${k}` }));
    await ingestPosts(ctx, 'facebook-q10', posts, { processNow: true });
    const byWard = (await analyst.request('GET', '/api/issues?ward=q10-p6')).json() as Array<{ voices: number; post_ids: number[] }>;
    expect(byWard.every((i) => i.voices >= 3)).toBe(true);
    const ids = (await ctx.database.query<{ id: number }>(`SELECT id FROM listening_posts WHERE external_id LIKE 'one-voice-%'`)).map((r) => Number(r.id));
    expect(byWard.flatMap((i) => i.post_ids).some((id) => ids.includes(id))).toBe(false);
  });
});
