// The desk's pages and API over HTTP, on a small synthetic month: lists, the issue page, edits, the
// topic × ward table, labels, sources, imports; authors never appear; HTML in posts is escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/listening/analyzer.ts';
import { generatePosts } from '../../src/listening/demo/generate.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { sql } from '../../src/listening/store/sql.ts';
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
    expect(Object.keys(issues[0])).toEqual(['id', 'label', 'topics', 'places', 'post_ids', 'external_ids', 'count', 'voices', 'frustration', 'sentiment', 'spike', 'first_seen', 'last_seen']);
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

  it('shows no count or chart for a ward with fewer than the minimum of voices, and both for one with enough', async () => {
    const voicesIn = async (ward: string) =>
      Number((await ctx.database.query<{ v: number }>(`SELECT count(DISTINCT author_hash)::int AS v FROM listening_posts WHERE ward = $1 AND posted_at > now() - interval '8 days'`, [ward]))[0].v);
    const [{ busy }] = await ctx.database.query<{ busy: string }>(`SELECT ward AS busy FROM listening_posts WHERE ward <> '' GROUP BY ward ORDER BY count(DISTINCT author_hash) DESC LIMIT 1`);
    // One person's three posts in Phường 6 (the test above): nothing about the ward is counted on screen.
    expect(await voicesIn('q10-p6')).toBeLessThan(3);
    const thin = await analyst.request('GET', '/admin/listening?ward=q10-p6', undefined, { accept: 'text/html' });
    expect(thin.statusCode).toBe(200);
    expect(thin.body).toContain('data-hook="place-hidden"');
    expect(thin.body).toContain('có dưới 3 người nêu ý kiến');
    expect(thin.body).toMatch(/<dd>—<\/dd>/);
    expect(thin.body).not.toContain('<svg');
    expect(await voicesIn(busy)).toBeGreaterThanOrEqual(3);
    const wide = await analyst.request('GET', `/admin/listening?ward=${busy}`, undefined, { accept: 'text/html' });
    expect(wide.body).not.toContain('data-hook="place-hidden"');
    expect(wide.body).toContain('<svg');
  });

  it('the topic × ward table orders and shades wards by the cells it shows only', async () => {
    // One person posting a lot about Phường 6: a big cell, hidden, that must not lift its column.
    const posts = Array.from({ length: 40 }, (_, k) => ({ externalId: `one-voice-many-${k}`, authorExternalId: 'mot-nguoi', createdAt: new Date(Date.now() - (k + 5) * 60_000), text: `Hẻm 5 đường Nhật Tảo phường 6 có chó thả rông cắn người, lần thứ ${k + 4} rồi` }));
    await ingestPosts(ctx, 'facebook-q10', posts, { processNow: true });
    const page = await analyst.request('GET', '/admin/listening/topics', undefined, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    const table = (await analyst.request('GET', '/api/listening/topics-wards')).json() as { cells: Array<{ topic: string; ward: string; count?: number; hidden?: boolean }> };
    const hidden = table.cells.filter((c) => c.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c).toEqual({ topic: c.topic, ward: c.ward, hidden: true });
    // Columns go by the posts of their shown cells: a ward whose cells are all hidden comes last (before "no ward").
    const analyzer = await analyzerFor(ctx);
    const shownTotal = (ward: string) => table.cells.filter((c) => c.ward === ward && !c.hidden).reduce((n, c) => n + (c.count ?? 0), 0);
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(page.body)?.[1] ?? '';
    const names = [...head.matchAll(/<th class="num">([^<]*)<\/th>/g)].map((m) => m[1]);
    const wards = [...new Set(table.cells.map((c) => c.ward).filter(Boolean))];
    const order = names.map((name) => wards.find((w) => analyzer.placeName(w) === name)).filter((w): w is string => Boolean(w));
    expect(order.length).toBe(wards.length);
    for (let k = 1; k < order.length; k++) expect(shownTotal(order[k - 1])).toBeGreaterThanOrEqual(shownTotal(order[k]));
    // The "no topic" row links, like every other, to the issues it counts. A civic concept gives its posts its
    // topic, so this stream makes no issue without one: one issue's posts lose theirs, as an older analysis left them.
    const [some] = (await analyst.request('GET', '/api/issues')).json() as Array<{ id: number }>;
    await ctx.db.execute(sql`UPDATE listening_posts SET topics = '{}' WHERE issue_id = ${some.id}`);
    await ctx.db.execute(sql`UPDATE listening_issues SET topics = '{}' WHERE id = ${some.id}`);
    const row = /<tr><td>Chưa phân loại<\/td>([\s\S]*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    const href = /href="([^"]*topic=none[^"]*)"/.exec(row)?.[1];
    expect(href, 'a link in the "Chưa phân loại" row').toBeDefined();
    const list = await analyst.request('GET', href!.replace(/&amp;/g, '&'), undefined, { accept: 'text/html' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toMatch(/<option value="none" selected[^>]*>Chưa phân loại<\/option>/);
    const api = (await analyst.request('GET', '/api/issues?topic=none')).json() as Array<{ topics: string[] }>;
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((i) => i.topics.length === 0)).toBe(true);
  });
});
