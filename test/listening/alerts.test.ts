// Alerts: rules fire once per window, the hourly limit holds the rest back, e-mail reaches a local SMTP
// server, the webhook reaches a local receiver signed and is retried, and no author data travels.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeKeyOf, evaluateAlerts } from '../../src/listening/alerts/evaluate.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/listening/alerts/deliver.ts';
import { listNotifications, unreadCount } from '../../src/listening/alerts/notifications.ts';
import { createRule, ruleInputSchema, webhookSecret } from '../../src/listening/alerts/rules.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { saveMailSettings } from '../../src/mail/mailer.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildUser, seedUnits } from '../factories.ts';
import { buildTestApp, login, type TestApp } from '../http.ts';

const HOUR = 3_600_000;
let ctx: TestContext;
let t: TestApp;
let smtp: SMTPServer;
const mails: string[] = [];
let hook: Server;
const hooks: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
let hookFailures = 0;
let analyst: { id: number; email: string };
let admin: { id: number; email: string };
let editor: { id: number; email: string };
const now = Date.now();
const AUTHORS = ['Nguyễn Văn Tèo', 'Trần Thị Bé', 'Lê Văn Tư', 'Phạm Thị Năm', 'Hoàng Văn Sáu', 'Đỗ Thị Bảy'];

const rule = (over: Record<string, unknown>) =>
  ruleInputSchema.parse({ name: 'Quy tắc', kind: 'spike', windowHours: 24, maxPerHour: 5, inApp: true, emails: [], webhookUrl: null, enabled: true, ...over });

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  analyst = await buildUser(ctx, { role: 'analyst', unit: 'quan-10' });
  admin = await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' });
  editor = await buildUser(ctx, { role: 'editor', unit: 'quan-10' });
  // Flooding in Phường 12 from six people over the last hours; one unrelated post.
  const posts = Array.from({ length: 12 }, (_, i) => ({
    externalId: `p${i}`,
    authorExternalId: `fb-user-${i % AUTHORS.length}`,
    authorName: AUTHORS[i % AUTHORS.length],
    createdAt: new Date(now - (3 * HOUR - i * 10 * 60_000)),
    // Numbered: one account's same words on one day count once.
    text: `${i % 2 ? 'Ngập nước ở phường 12 mãi không ai xử lý, quá tệ, bức xúc lắm' : 'Đường Thành Thái phường 12 lại ngập nước sâu, bức xúc quá, xe chết máy hết rồi!'} (${i})`,
  }));
  posts.push({ externalId: 'other', authorExternalId: 'fb-user-x', authorName: 'Người Khác', createdAt: new Date(now - HOUR), text: 'Cảm ơn phường đã hỗ trợ tiêm chủng cho các cháu' });
  await ingestPosts(ctx, 'fb-test', posts, { create: { kind: 'file' }, processNow: true });

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (c) => (data += c));
      stream.on('end', () => {
        mails.push(data);
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  await saveMailSettings(ctx, 'system', { host: '127.0.0.1', port: smtpPort, secure: false, user: null, password: null, from: 'Ban Tuyên giáo Quận 10 <noreply@quan10.test>' });

  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      if (hookFailures > 0) {
        hookFailures--;
        res.writeHead(503).end();
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  t = await buildTestApp(ctx);
});

afterAll(async () => {
  await t?.app.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await new Promise((r) => hook?.close(r));
  await ctx?.cleanup();
});

const hookUrl = () => `http://127.0.0.1:${(hook.address() as AddressInfo).port}/nhipcau`;
const issueOfFlood = async () => {
  const [r] = await ctx.database.query<{ id: number }>(`SELECT id FROM listening_issues ORDER BY post_count DESC LIMIT 1`);
  return Number(r.id);
};

describe('alert rules', () => {
  it('a frustration rule fires once per window, then not again in the same window', async () => {
    const [{ f }] = await ctx.database.query<{ f: number }>(`SELECT (sum(frustration_sum) / sum(n))::float8 AS f FROM listening_issue_hourly WHERE issue_id = $1`, [await issueOfFlood()]);
    const above = await createRule(ctx.db, 'system', rule({ name: 'Bức xúc trên ngưỡng', kind: 'frustration', threshold: Math.floor(Number(f) * 100) / 100, minPosts: 10 }));
    const below = await createRule(ctx.db, 'system', rule({ name: 'Ngưỡng quá cao', kind: 'frustration', threshold: Math.min(1, Number(f) + 0.05), minPosts: 10 }));
    const first = await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [above.id, below.id] });
    expect(first).toEqual({ fired: 1, suppressed: 0 });
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [above.id, below.id] })).toEqual({ fired: 0, suppressed: 0 });
    expect(await evaluateAlerts(ctx, { now: new Date(now + 10 * 60_000), ruleIds: [above.id] })).toEqual({ fired: 0, suppressed: 0 });
    const alerts = await ctx.database.query<{ title: string; subject: string; dedupe_key: string; link: string }>(`SELECT title, subject, dedupe_key, link FROM listening_alerts WHERE rule_id = $1`, [above.id]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toBe(`issue:${await issueOfFlood()}`);
    expect(alerts[0].dedupe_key).toBe(dedupeKeyOf(above.id, alerts[0].subject, now, 24));
    expect(alerts[0].title).toMatch(/^Bức xúc cao: vấn đề ".+" — mức bức xúc \d+% trên 12 bài trong 24 giờ qua$/);
    // Analysts and district administrators are notified in the app; an editor is not.
    expect(await unreadCount(ctx.db, analyst.id)).toBe(1);
    expect(await unreadCount(ctx.db, admin.id)).toBe(1);
    expect(await unreadCount(ctx.db, editor.id)).toBe(0);
  });

  it('windows are aligned on Vietnam midnight: the same subject fires again in the next window', () => {
    const vnMidnight = Date.parse('2026-11-25T17:00:00Z');
    expect(dedupeKeyOf(1, 'issue:1', vnMidnight - 1, 24)).not.toBe(dedupeKeyOf(1, 'issue:1', vnMidnight, 24));
    expect(dedupeKeyOf(1, 'issue:1', vnMidnight, 24)).toBe(dedupeKeyOf(1, 'issue:1', vnMidnight + 23 * HOUR, 24));
  });

  it('spike rules name a place only with at least 3 distinct voices, and hold back alerts over the hourly limit', async () => {
    const issue = await issueOfFlood();
    const end = new Date(Math.floor(now / HOUR) * HOUR).toISOString();
    const start = new Date(Math.floor(now / HOUR) * HOUR - 3 * HOUR).toISOString();
    await ctx.database.query(
      `INSERT INTO listening_spikes (kind, key, window_start, window_end, observed, expected, score, p_value) VALUES
        ('issue', $1, $2, $3, 12, 1.5, 8.6, 0.0001), ('place', 'q10-p12', $2, $3, 12, 2, 7.1, 0.0001), ('place', 'q10-p5', $2, $3, 6, 0.5, 7.8, 0.0001), ('topic', 'ngap-nuoc', $2, $3, 12, 3, 5.2, 0.001)`,
      [String(issue), start, end],
    );
    const limited = await createRule(ctx.db, 'system', rule({ name: 'Đột biến', kind: 'spike', spikeKind: 'any', minScore: 5, maxPerHour: 2 }));
    const r = await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [limited.id] });
    // issue, topic and place q10-p12 (6 voices); q10-p5 has no voices and is never named.
    expect(r).toEqual({ fired: 2, suppressed: 1 });
    const list = await ctx.database.query<{ subject: string; suppressed: boolean; title: string }>(`SELECT subject, suppressed, title FROM listening_alerts WHERE rule_id = $1 ORDER BY id`, [limited.id]);
    expect(list.map((a) => a.subject).sort()).toEqual([`issue:${issue}`, 'place:q10-p12', 'topic:ngap-nuoc']);
    expect(list.filter((a) => a.suppressed)).toHaveLength(1);
    expect(list.find((a) => a.subject === 'place:q10-p12')?.title).toContain('Phường 12');
    // Held back alerts are recorded once too: a second run sends nothing.
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [limited.id] })).toEqual({ fired: 0, suppressed: 0 });
    const places = await createRule(ctx.db, 'system', rule({ name: 'Địa bàn', kind: 'spike', spikeKind: 'place', minScore: 5, maxPerHour: 10 }));
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [places.id] })).toEqual({ fired: 1, suppressed: 0 });
  });

  it('a topic query rule counts matching recent posts, accent-insensitively', async () => {
    const q = await createRule(ctx.db, 'system', rule({ name: 'Ngập', kind: 'query', query: '"ngap nuoc" OR "trieu cuong"', minPosts: 12 }));
    const high = await createRule(ctx.db, 'system', rule({ name: 'Ngập nhiều', kind: 'query', query: '"ngập nước"', minPosts: 13 }));
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [q.id, high.id] })).toEqual({ fired: 1, suppressed: 0 });
    const [a] = await ctx.database.query<{ title: string; link: string }>(`SELECT title, link FROM listening_alerts WHERE rule_id = $1`, [q.id]);
    expect(a.title).toBe('Truy vấn «"ngap nuoc" OR "trieu cuong"»: 12 bài trong 24 giờ qua');
    expect(a.link).toBe(`/admin/listening?q=${encodeURIComponent('"ngap nuoc" OR "trieu cuong"')}`);
    expect(() => rule({ kind: 'query', query: '(ngập' })).toThrow();
  });

  it('a query about a place fires only when enough distinct people posted there', async () => {
    // Two people, five posts about one street in Phường 14.
    const few = Array.from({ length: 5 }, (_, k) => ({ externalId: `p14-${k}`, authorExternalId: `fb-user-${k % 2}`, authorName: AUTHORS[k % 2], createdAt: new Date(now - (2 * HOUR - k * 10 * 60_000)), text: `Kẹt xe kinh khủng đường Thành Thái phường 14 giờ tan tầm (${k})` }));
    await ingestPosts(ctx, 'fb-test', few, { processNow: true });
    const [{ places }] = await ctx.database.query<{ places: string[] }>(`SELECT places FROM listening_posts WHERE external_id = 'p14-0'`);
    expect(places).toContain('q10-p14');
    const p14 = await createRule(ctx.db, 'system', rule({ name: 'Phường 14', kind: 'query', query: 'place:q10-p14', minPosts: 3 }));
    const p12 = await createRule(ctx.db, 'system', rule({ name: 'Phường 12', kind: 'query', query: 'ngập place:q10-p12', minPosts: 3 }));
    // Not about a place: counted as before, whoever posted.
    const words = await createRule(ctx.db, 'system', rule({ name: 'Kẹt xe', kind: 'query', query: '"kẹt xe" "thành thái"', minPosts: 3 }));
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [p14.id, p12.id, words.id] })).toEqual({ fired: 2, suppressed: 0 });
    const fired = await ctx.database.query<{ rule_id: number }>(`SELECT rule_id FROM listening_alerts WHERE rule_id = ANY($1)`, [[p14.id, p12.id, words.id]]);
    expect(fired.map((a) => Number(a.rule_id)).sort()).toEqual([p12.id, words.id].sort());
  });

  it('a place spike too thin in voices does not hide a weaker one that has them', async () => {
    const end = Math.floor(now / HOUR) * HOUR;
    // A stronger spike of Phường 12 in a window without posts (no voices), earlier the same day.
    await ctx.database.query(`INSERT INTO listening_spikes (kind, key, window_start, window_end, observed, expected, score, p_value) VALUES ('place', 'q10-p12', $1, $2, 40, 2, 26.9, 0.00001)`, [
      new Date(end - 9 * HOUR).toISOString(),
      new Date(end - 6 * HOUR).toISOString(),
    ]);
    const places = await createRule(ctx.db, 'system', rule({ name: 'Địa bàn (2)', kind: 'spike', spikeKind: 'place', minScore: 5, maxPerHour: 10 }));
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [places.id] })).toEqual({ fired: 1, suppressed: 0 });
    const [a] = await ctx.database.query<{ subject: string; figures: { score: number } }>(`SELECT subject, figures FROM listening_alerts WHERE rule_id = $1`, [places.id]);
    expect(a.subject).toBe('place:q10-p12');
    expect(a.figures.score).toBe(7.1);
  });

  it('sends e-mail through the SMTP settings and a signed webhook, retried after a failure', async () => {
    mails.length = 0;
    hooks.length = 0;
    hookFailures = 1;
    const r = await createRule(ctx.db, 'system', rule({ name: 'Gửi đi', kind: 'query', query: 'ngập', minPosts: 1, emails: ['lanhdao@quan10.test', 'vanphong@quan10.test'], webhookUrl: hookUrl() }));
    expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [r.id] })).toEqual({ fired: 1, suppressed: 0 });
    await ctx.jobs.drain();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('lanhdao@quan10.test');
    expect(hooks).toHaveLength(1);
    const [failed] = await ctx.database.query<{ webhook_error: string | null; webhook_at: string | null; emailed_at: string | null }>(`SELECT webhook_error, webhook_at, emailed_at FROM listening_alerts WHERE rule_id = $1`, [r.id]);
    expect(failed.webhook_error).toBe('HTTP 503');
    expect(failed.webhook_at).toBeNull();
    expect(failed.emailed_at).not.toBeNull();
    // The queue retries later (backoff); bring the retry forward instead of waiting.
    await ctx.database.query(`UPDATE jobs SET run_at = now() WHERE name = 'listening.alert-webhook' AND status = 'queued'`);
    await ctx.jobs.drain();
    expect(hooks).toHaveLength(2);
    const [done] = await ctx.database.query<{ webhook_error: string | null; webhook_at: string | null }>(`SELECT webhook_error, webhook_at FROM listening_alerts WHERE rule_id = $1`, [r.id]);
    expect(done.webhook_at).not.toBeNull();
    expect(done.webhook_error).toBeNull();
    const last = hooks[1];
    const expected = `sha256=${createHmac('sha256', webhookSecret(ctx, r.id)).update(`${last.headers[TIMESTAMP_HEADER]}.${last.body}`).digest('hex')}`;
    expect(last.headers[SIGNATURE_HEADER]).toBe(expected);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ type: 'nhipcau.listening.alert', rule: { id: r.id, name: 'Gửi đi', kind: 'query' }, subject: 'query', figures: { posts: 12 } });
    expect(body.link).toMatch(/^http:\/\/.+\/admin\/listening\?q=/);
    // A further drain delivers nothing twice.
    await ctx.jobs.drain();
    expect(mails).toHaveLength(1);
    expect(hooks).toHaveLength(2);
  });

  it("refuses a webhook inside the server's network unless the installation allows it", async () => {
    hooks.length = 0;
    ctx.config.outboundPrivate = false;
    try {
      const r = await createRule(ctx.db, 'system', rule({ name: 'Nội bộ', kind: 'query', query: 'ngập', minPosts: 1, webhookUrl: hookUrl() }));
      expect(await evaluateAlerts(ctx, { now: new Date(now), ruleIds: [r.id] })).toEqual({ fired: 1, suppressed: 0 });
      await ctx.jobs.drain();
      expect(hooks).toHaveLength(0);
      const [a] = await ctx.database.query<{ webhook_error: string | null; webhook_at: string | null }>(`SELECT webhook_error, webhook_at FROM listening_alerts WHERE rule_id = $1`, [r.id]);
      expect(a.webhook_at).toBeNull();
      expect(a.webhook_error).toContain('127.0.0.1 is inside a private network');
    } finally {
      ctx.config.outboundPrivate = true;
      await ctx.database.query(`DELETE FROM jobs WHERE name = 'listening.alert-webhook' AND status = 'queued'`);
    }
  });

  it('no author data anywhere in alerts, notifications, e-mail or webhooks', async () => {
    const hashes = (await ctx.database.query<{ author_hash: string }>(`SELECT DISTINCT author_hash FROM listening_posts WHERE author_hash IS NOT NULL`)).map((r) => r.author_hash);
    expect(hashes.length).toBeGreaterThan(3);
    const alerts = JSON.stringify(await ctx.database.query(`SELECT * FROM listening_alerts`));
    const notes = JSON.stringify(await listNotifications(ctx.db, analyst.id));
    const s = await login(t.app, analyst.email);
    const api = (await s.request('GET', '/api/notifications')).body;
    const page = (await s.request('GET', '/admin/notifications', undefined, { accept: 'text/html' })).body;
    for (const text of [alerts, notes, api, page, ...mails, ...hooks.map((h) => h.body)]) {
      for (const h of hashes) expect(text).not.toContain(h);
      for (const h of hashes) expect(text).not.toContain(h.slice(0, 8));
      for (const name of AUTHORS) expect(text).not.toContain(name);
      expect(text).not.toContain('fb-user');
    }
  });
});

describe('alert pages', () => {
  it('an analyst creates a rule from the form, sees it, and reads the notifications', async () => {
    const s = await login(t.app, analyst.email);
    const bad = await s.request('POST', '/admin/listening/alerts', { name: 'Truy vấn lỗi', kind: 'query', query: '(ngập', windowHours: '24', maxPerHour: '5' }, { accept: 'text/html' });
    expect(bad.statusCode).toBe(400);
    const res = await s.request('POST', '/admin/listening/alerts', { name: 'Triều cường', kind: 'query', query: 'triều cường', minPosts: '3', windowHours: '12', maxPerHour: '3', inApp: 'on', enabled: 'on', emails: 'a@quan10.test, b@quan10.test', webhookUrl: '' }, { accept: 'text/html' });
    expect(res.statusCode).toBe(303);
    const page = await s.request('GET', res.headers.location as string, undefined, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Triều cường');
    expect(page.body).toContain('a@quan10.test, b@quan10.test');
    const list = await s.request('GET', '/admin/listening/alerts', undefined, { accept: 'text/html' });
    expect(list.body).toContain('Truy vấn chủ đề vượt số bài');
    const before = await unreadCount(ctx.db, analyst.id);
    expect(before).toBeGreaterThan(0);
    const notes = await s.request('GET', '/admin/notifications', undefined, { accept: 'text/html' });
    expect(notes.body).toContain('Bức xúc cao');
    expect((await s.request('POST', '/admin/notifications/read', {}, { accept: 'text/html' })).statusCode).toBe(303);
    expect(await unreadCount(ctx.db, analyst.id)).toBe(0);
  });
});
