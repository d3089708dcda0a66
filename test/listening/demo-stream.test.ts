// The demo stream (dữ liệu mô phỏng) as a newcomer meets it: posts written by hand per concern that
// mostly do not share their words, everyday noise, places written every way; drawn the same way for a
// seed with light variation; stored as a labelled synthetic source whose week of history holds one
// burst that fires a spike, with phone numbers redacted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePosts, stripDiacritics, type SyntheticPost } from '../../src/listening/demo/generate.ts';
import { CHATTER, REPLY_PREFIXES, SCENARIOS } from '../../src/listening/demo/scenarios.ts';
import { DEMO_SOURCE, runDemoStream } from '../../src/listening/demo/stream.ts';
import { processPending } from '../../src/listening/ingest/ingest.ts';
import { runTrends } from '../../src/listening/trends-job.ts';
import { createTestContext, type TestContext } from '../context.ts';

const fold = (s: string) => stripDiacritics(s).toLowerCase();
/** Syllables that carry no content of their own (folded), so that sharing one does not count. */
const FUNCTION_WORDS = new Set(
  ('la ma thi co khong ko k cua o va de cho nay roi nha oi vay gi ai moi nguoi mn minh toi tui em anh chi ba con cung duoc dc mot hai cai may ' +
    'nhung cac ne luon qua lam rat vo ra len xuong di den tu voi khi hay hoac nao sao the nhu bi bo a ha ho no tren duoi trong ngoai giup dum ' +
    'gium nua lai van da dang se chua het gio hom tuan thang nam ngay sang chieu dem').split(' '),
);
const contentWords = (s: string) => new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !/^\d+$/.test(w) && !FUNCTION_WORDS.has(w)));
const ALL_POSTS = [...SCENARIOS.flatMap((s) => s.posts), ...CHATTER];
const HAS_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const PHONE = /\b0\d{3} \d{3} \d{3}\b/;

describe('the hand-written pools', () => {
  it('give every concern at least 15 posts and the noise at least 60, none twice', () => {
    for (const s of SCENARIOS) expect(s.posts.length, s.id).toBeGreaterThanOrEqual(15);
    expect(CHATTER.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ALL_POSTS).size).toBe(ALL_POSTS.length);
  });

  it('say one concern in other words: in every pool, at least a quarter of the pairs of posts share no content word', () => {
    for (const s of SCENARIOS) {
      const words = s.posts.map(contentWords);
      let pairs = 0;
      let apart = 0;
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          pairs++;
          if (![...words[i]].some((w) => words[j].has(w))) apart++;
        }
      }
      expect(apart / pairs, s.id).toBeGreaterThanOrEqual(0.25);
    }
  });

  it('are written as people write: without diacritics, questions, in every pool', () => {
    for (const s of SCENARIOS) {
      expect(s.posts.some((p) => !HAS_DIACRITICS.test(p)), `${s.id}: a post without diacritics`).toBe(true);
      expect(s.posts.some((p) => p.includes('?')), `${s.id}: a question`).toBe(true);
    }
  });

  it('name places every way: old ward numbers and the wards named since 1/7/2025, streets abbreviated', () => {
    const text = ALL_POSTS.join('\n');
    for (const way of [/\bP12\b/, /\bphường 12\b|\bphuong 12\b/, /\bF14\b/, /phường \d+ cũ/, /Vườn Lài/, /Diên Hồng/, /Hòa Hưng/, /(^|\s)đg Bà Hạt/, /\bCMT8\b/, /\bLTK\b/, /\bNTP\b/, /\bba hat\b/i]) {
      expect(text, String(way)).toMatch(way);
    }
  });
});

describe('drawing posts from the pools', () => {
  const options = { seed: 42, start: Date.parse('2026-11-01T00:00:00Z'), gapMs: 5 * 60_000, count: 3000 };
  const posts = [...generatePosts(options)];
  const ofScenario = posts.filter((p) => p.scenario);
  const pool = new Map(SCENARIOS.map((s) => [s.id, s.posts]));
  const squash = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '');
  /** The pool post a drawn post was made from: its first sentence survives every variation. */
  const source = (p: SyntheticPost) => (pool.get(p.scenario) ?? []).find((q) => squash(p.text).includes(squash(/^.+?[.!?](?=\s+\S)/u.exec(q)?.[0] ?? q)));

  it('gives the same posts for the same seed, and other posts for another', () => {
    expect([...generatePosts(options)]).toEqual(posts);
    const other = [...generatePosts({ ...options, seed: 43 })];
    expect(other.filter((p, k) => p.text === posts[k].text).length).toBeLessThan(options.count / 10);
  });

  it('keeps time order and the noise at about a quarter of the stream', () => {
    for (let k = 1; k < posts.length; k++) expect(posts[k].createdAt.getTime()).toBeGreaterThan(posts[k - 1].createdAt.getTime());
    const noise = posts.filter((p) => !p.scenario).length / posts.length;
    expect(noise).toBeGreaterThan(0.2);
    expect(noise).toBeLessThan(0.3);
  });

  it('keeps the hand-written words of each post, varied lightly: replies, posts typed without diacritics', () => {
    for (const p of ofScenario) expect(source(p), p.text).toBeDefined();
    const replies = ofScenario.filter((p) => REPLY_PREFIXES.some((r) => p.text.startsWith(`${r} `))).length / ofScenario.length;
    expect(replies).toBeGreaterThan(0.05);
    expect(replies).toBeLessThan(0.2);
    const stripped = ofScenario.filter((p) => !HAS_DIACRITICS.test(p.text) && HAS_DIACRITICS.test(source(p) ?? '')).length / ofScenario.length;
    expect(stripped).toBeGreaterThan(0.03);
    expect(stripped).toBeLessThan(0.15);
    // Most posts are the hand-written text itself: the variation is light.
    expect(ofScenario.filter((p) => (pool.get(p.scenario) ?? []).includes(p.text)).length / ofScenario.length).toBeGreaterThan(0.5);
  });

  it('never has one author post the same text twice in a Vietnam day (ingest would drop the repeat)', () => {
    const few = [...generatePosts({ ...options, count: 2000, authors: 30 })];
    const keys = few.map((p) => `${p.author}|${Math.floor((p.createdAt.getTime() + 7 * 3_600_000) / 86_400_000)}|${p.text.toLowerCase().replace(/\s+/g, ' ').trim()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('draws a burst from one concern only', () => {
    const burst = [...generatePosts({ ...options, count: 200, weights: { 'mat-nuoc': 1 }, chatter: 0 })];
    expect(new Set(burst.map((p) => p.scenario))).toEqual(new Set(['mat-nuoc']));
  });
});

describe('the demo stream in the database', () => {
  let ctx: TestContext;
  const HOUR = 3_600_000;
  // A fixed minute in the recent past, so the trends job (which stops at the real now) sees all of it.
  const now = Math.floor((Date.now() - HOUR) / 60_000) * 60_000;
  beforeAll(async () => {
    ctx = await createTestContext();
    await runDemoStream(ctx, now);
    await processPending(ctx);
    await runTrends(ctx, { from: new Date(now - 24 * HOUR).toISOString(), to: new Date(now).toISOString() });
  }, 120_000);
  afterAll(async () => ctx?.cleanup());

  const count = async (where: string, params: unknown[] = []) => Number((await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_posts WHERE ${where}`, params))[0].n);

  it('is one source, labelled as simulated', async () => {
    const sources = await ctx.database.query<{ name: string; label: string; synthetic: boolean }>(`SELECT name, label, synthetic FROM listening_sources`);
    expect(sources).toEqual([{ name: DEMO_SOURCE, label: expect.stringContaining('Dữ liệu mô phỏng'), synthetic: true }]);
  });

  it('fills a week of history at a steady daily volume', async () => {
    for (let day = 1; day <= 6; day++) {
      const n = await count(`posted_at >= $1 AND posted_at < $2`, [new Date(now - (day + 1) * 24 * HOUR).toISOString(), new Date(now - day * 24 * HOUR).toISOString()]);
      expect(n, `day -${day}`).toBeGreaterThan(180);
      expect(n, `day -${day}`).toBeLessThan(420);
    }
  });

  it('holds one burst three hours before the first start, and the trends job flags it', async () => {
    const inBurst = await count(`posted_at >= $1 AND posted_at < $2`, [new Date(now - 3 * HOUR).toISOString(), new Date(now - 3 * HOUR + 45 * 60_000).toISOString()]);
    const dayBefore = await count(`posted_at >= $1 AND posted_at < $2`, [new Date(now - 27 * HOUR).toISOString(), new Date(now - 27 * HOUR + 45 * 60_000).toISOString()]);
    expect(inBurst).toBeGreaterThan(dayBefore + 30);
    const spikes = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_spikes WHERE window_end > $1 AND window_end <= $2`, [new Date(now - 3 * HOUR).toISOString(), new Date(now).toISOString()]);
    expect(Number(spikes[0].n)).toBeGreaterThan(0);
  });

  it('stores phone numbers redacted', async () => {
    expect(ALL_POSTS.some((p) => PHONE.test(p))).toBe(true);
    const texts = (await ctx.database.query<{ text: string }>(`SELECT text FROM listening_posts`)).map((r) => r.text);
    expect(texts.some((t) => PHONE.test(t))).toBe(false);
    expect(texts.some((t) => t.includes('[SĐT]'))).toBe(true);
  });
});
