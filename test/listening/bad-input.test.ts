// Bad input on the listening desk (issue 12): one file mixing real complaints (flooding on Bà Hạt,
// said six ways) with every kind of bad post, imported as an office would. Each case is handled on
// purpose: empty posts are refused by line, emoji-only and foreign-language posts are kept and counted
// but found no issue, a 1 MB post is cut and analysed, a copy-paste campaign is one issue with one voice
// per account, one account repeating itself counts once, times out of order change nothing, times far in
// the future are refused, and importing twice adds nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportSummary } from '../../src/listening/ingest/import.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { MAX_TEXT } from '../../src/listening/ingest/prepare.ts';
import { listIssues } from '../../src/listening/issues.ts';
import { vnDayStart } from '../../src/core/time.ts';
import { createTestContext, type TestContext } from '../context.ts';

const HOUR = 3600_000;
const NOW = Date.now();
/** 08:00 Vietnam time, three days ago: every dated post below falls on that Vietnam day. */
const DAY0 = vnDayStart(NOW - 3 * 24 * HOUR) + 8 * HOUR;
const at = (ms: number) => new Date(ms).toISOString();

interface Line {
  id?: string;
  author?: string;
  created_at?: string;
  text?: string;
}

const FLOOD = [
  'Đường Bà Hạt ngập tới đầu gối, xe chết máy hàng loạt',
  'Mưa có 30 phút mà Bà Hạt lội bì bõm, nước tràn vô nhà luôn',
  'duong ba hat ngap qua troi, ai di ngang thi tranh ra nha',
  'Nước lên tới gối ở đoạn Bà Hạt gần chợ, cống không thoát kịp',
  'Khu Bà Hạt lại ngập nặng sau cơn mưa chiều nay, bao giờ mới chống ngập đây?',
  'bà hạt ngập lênh láng, con đi học về ướt hết',
];
const CAMPAIGN = 'Đề nghị phường dời ngay điểm tập kết rác ở hẻm 285 Cách Mạng Tháng Tám, hôi thối không chịu nổi! Chia sẻ để chính quyền lắng nghe';
const REPEATED = 'Ai đi ngang cầu vượt 3/2 mà kẹt xe cả tiếng đồng hồ không, chán thật sự';
// Tourists and residents from abroad about the karaoke bar on Sư Vạn Hạnh, which no Vietnamese post here mentions.
const FOREIGN = [
  'The karaoke bar on Su Van Hanh street is so loud every night, nobody can sleep',
  'Loud karaoke music on Su Van Hanh until 2am again, please do something',
  'Karaoke noise on Su Van Hanh street every night, the police should check',
  '万幸街的卡拉OK每天晚上都很吵，根本睡不着',
  '万幸街卡拉OK太吵了，半夜还在唱',
  '수반한 거리 노래방이 매일 밤 너무 시끄러워요',
  '수반한 거리 노래방 소음 때문에 잠을 못 자요',
];
const EMOJI = ['😡😡😡', '😡😡😡', '😡😡😡', '👍', '🙏🙏'];
const NOISE = ['Chào buổi sáng cả nhà, chúc mọi người ngày mới vui vẻ', 'Shop mình bán áo thun giá rẻ, inbox nhé', 'Cách làm bánh flan mềm mịn tại nhà ai cần không'];

/** The file's lines in time order, with what each should become. */
function posts(): Array<{ line: Line; kind: string }> {
  const out: Array<{ line: Line; kind: string }> = [];
  FLOOD.forEach((text, i) => out.push({ kind: 'flood', line: { id: `f${i}`, author: `dan${i}`, created_at: at(DAY0 + 9 * HOUR + i * 20 * 60_000), text } }));
  // A copy-paste campaign: 500 accounts, the same words, over five hours.
  for (let i = 0; i < 500; i++) out.push({ kind: 'campaign', line: { id: `c${i}`, author: `acc${i}`, created_at: at(DAY0 + 1 * HOUR + i * 36_000), text: CAMPAIGN } });
  // One account saying the same thing 500 times in one morning.
  for (let i = 0; i < 500; i++) out.push({ kind: 'repeat', line: { id: `r${i}`, author: 'mot-nguoi', created_at: at(DAY0 + 2 * HOUR + i * 30_000), text: REPEATED } });
  EMOJI.forEach((text, i) => out.push({ kind: 'emoji', line: { id: `e${i}`, author: `em${i}`, created_at: at(DAY0 + 10 * HOUR + i * 60_000), text } }));
  FOREIGN.forEach((text, i) => out.push({ kind: 'foreign', line: { id: `x${i}`, author: `fo${i}`, created_at: at(DAY0 + 9 * HOUR + 30 * 60_000 + i * 5 * 60_000), text } }));
  NOISE.forEach((text, i) => out.push({ kind: 'noise', line: { id: `n${i}`, author: `no${i}`, created_at: at(DAY0 + 3 * HOUR + i * HOUR), text } }));
  out.push({ kind: 'big', line: { id: 'big', author: 'dai', created_at: at(DAY0 + 4 * HOUR), text: 'Kính gửi Ủy ban nhân dân phường, tôi xin trình bày sự việc như sau. '.repeat(15_000) } }); // ~1 MB
  for (const [id, text] of [['empty', ''], ['spaces', '   '], ['tabs', '\n\t \r\n'], ['invisible', '\u200b\u200d\ufe0f']] as const) {
    out.push({ kind: 'empty', line: { id, author: 'rong', created_at: at(DAY0 + 5 * HOUR), text } });
  }
  // A clock a little ahead is accepted; three days ahead is an error.
  out.push({ kind: 'skew', line: { id: 'skew', author: 'dongho', created_at: at(NOW + 2 * HOUR), text: 'Hẻm 12 Bà Hạt mất điện từ sáng tới giờ' } });
  out.push({ kind: 'future', line: { id: 'future', author: 'dongho', created_at: at(NOW + 3 * 24 * HOUR), text: 'Bài đăng từ tương lai về ngập nước Bà Hạt' } });
  return out.sort((a, b) => (a.line.created_at ?? '').localeCompare(b.line.created_at ?? ''));
}

/** A fixed shuffle (the same on every run). */
function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  let seed = 12;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

let ctx: TestContext;
let other: TestContext | undefined;
let dir: string;
const sorted = posts();
const write = async (name: string, list: Array<{ line: Line }>) => {
  const file = path.join(dir, name);
  await writeFile(file, list.map((p) => JSON.stringify(p.line)).join('\n') + '\n');
  return file;
};
let first: ImportSummary;

beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-bad-'));
  const file = await write('sorted.jsonl', sorted);
  first = await importFile(ctx, { file, source: 'hon-hop', actor: 'test' });
});
afterAll(async () => {
  await ctx?.cleanup();
  await other?.cleanup();
});

interface PostRow {
  external_id: string;
  issue_id: number | null;
  status: number;
  len: number;
  signature: boolean;
}
async function stored(db: TestContext): Promise<Map<string, PostRow>> {
  const list = await db.database.query<PostRow>(`SELECT external_id, issue_id, status, length(text)::int AS len, signature IS NOT NULL AS signature FROM listening_posts`);
  return new Map(list.map((r) => [r.external_id, r]));
}
async function issueSizes(db: TestContext): Promise<number[]> {
  const list = await db.database.query<{ post_count: number }>(`SELECT post_count FROM listening_issues WHERE status <> 'merged' AND post_count > 0 ORDER BY post_count DESC`);
  return list.map((r) => Number(r.post_count));
}
const ids = (kind: string) => sorted.filter((p) => p.kind === kind).map((p) => p.line.id as string);
const lineOf = (id: string, list = sorted) => list.findIndex((p) => p.line.id === id) + 1;

describe('a file of bad input', () => {
  it('refuses empty and far-future posts by line, keeps every other one', async () => {
    const refused = [...ids('empty'), ...ids('future')];
    expect(first.errors).toEqual(
      refused
        .map((id) => ({ line: lineOf(id), reason: id === 'future' ? expect.stringMatching(/^date in the future/) : 'empty text' }))
        .sort((a, b) => a.line - b.line),
    );
    expect(first.rejected).toBe(refused.length);
    expect(first.read).toBe(sorted.length);
    // Accepted = stored, except the 499 repeats of one account (reported as duplicates).
    expect(first.duplicates).toBe(499);
    expect(first.added).toBe(sorted.length - refused.length - 499);
    const posts = await stored(ctx);
    expect(posts.size).toBe(first.added);
    for (const p of sorted) if (!refused.includes(p.line.id as string) && p.kind !== 'repeat') expect(posts.has(p.line.id as string), p.line.id).toBe(true);
    // Every stored post was analysed and counted in the volume.
    expect([...posts.values()].every((p) => p.status === 1)).toBe(true);
    const [volume] = await ctx.database.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM listening_topic_hourly WHERE topic = '*'`);
    expect(volume.n).toBe(first.added);
    const [assigned] = await ctx.database.query<{ n: number; sum: number }>(
      `SELECT (SELECT count(*)::int FROM listening_posts WHERE issue_id IS NOT NULL) AS n, (SELECT coalesce(sum(post_count), 0)::int FROM listening_issues WHERE status <> 'merged') AS sum`,
    );
    expect(assigned.n).toBe(assigned.sum);
  });

  it('groups the flood complaints into one issue that the campaign does not swallow', async () => {
    const posts = await stored(ctx);
    const flood = ids('flood').map((id) => posts.get(id)?.issue_id ?? null);
    const floodIssue = flood[0];
    expect(floodIssue).not.toBeNull();
    expect(flood.filter((i) => i === floodIssue).length).toBeGreaterThanOrEqual(5);
    const campaign = new Set(ids('campaign').map((id) => posts.get(id)?.issue_id ?? null));
    expect(campaign.size).toBe(1);
    expect(campaign.has(floodIssue)).toBe(false);
    expect(campaign.has(null)).toBe(false);
  });

  it('counts a copy-paste campaign as one issue of 500 voices, and one account repeating itself once', async () => {
    const posts = await stored(ctx);
    const campaignIssue = posts.get('c0')?.issue_id as number;
    const list = await listIssues(ctx, { from: new Date(DAY0 - 24 * HOUR), to: new Date(NOW + 3 * HOUR) });
    // Not 500 issues: the campaign, the floods, and little else.
    expect(list.length).toBeLessThanOrEqual(3);
    const campaign = list.find((i) => i.id === campaignIssue);
    expect(campaign).toMatchObject({ count: 500, voices: 500 });
    const flood = list.find((i) => i.id === posts.get('f0')?.issue_id);
    expect(flood?.voices).toBe(flood?.count);
    // 500 identical posts of one account on one day are one post: one voice, no issue of its own.
    const repeats = ids('repeat').filter((id) => posts.has(id));
    expect(repeats).toEqual(['r0']);
    expect(posts.get('r0')?.issue_id).toBeNull();
  });

  it('keeps emoji-only and foreign-language posts out of issues of their own', async () => {
    const posts = await stored(ctx);
    for (const id of ids('emoji')) expect(posts.get(id)?.issue_id, id).toBeNull();
    const byIssue = new Map<number, string[]>();
    for (const [id, p] of posts) if (p.issue_id) byIssue.set(p.issue_id, [...(byIssue.get(p.issue_id) ?? []), id]);
    const foreign = new Set(ids('foreign'));
    for (const id of foreign) expect(posts.has(id), id).toBe(true);
    for (const [issue, members] of byIssue) expect(members.some((id) => !foreign.has(id)), `issue ${issue}: ${members.join(' ')}`).toBe(true);
    // Noise stays out too.
    for (const id of ids('noise')) expect(posts.get(id)?.issue_id, id).toBeNull();
  });

  it('cuts a 1 MB post and analyses it', async () => {
    const big = (await stored(ctx)).get('big');
    expect(big).toMatchObject({ len: MAX_TEXT, status: 1, signature: true });
  });

  it('accepts a clock a little ahead', async () => {
    const [row] = await ctx.database.query<{ posted_at: Date | string }>(`SELECT posted_at FROM listening_posts WHERE external_id = 'skew'`);
    expect(new Date(row.posted_at).getTime()).toBe(Date.parse(sorted.find((p) => p.line.id === 'skew')?.line.created_at as string));
  });

  it('gives the same issues when the same posts come shuffled, in two imports, the later half first', async () => {
    other = await createTestContext();
    const mixed = shuffled(sorted);
    const late = mixed.filter((p) => (p.line.created_at ?? '') >= at(DAY0 + 5 * HOUR));
    const early = mixed.filter((p) => (p.line.created_at ?? '') < at(DAY0 + 5 * HOUR));
    const a = await importFile(other, { file: await write('late.jsonl', late), source: 'hon-hop', actor: 'test' });
    const b = await importFile(other, { file: await write('early.jsonl', early), source: 'hon-hop', actor: 'test' });
    expect(a.added + b.added).toBe(first.added);
    expect(a.rejected + b.rejected).toBe(first.rejected);
    expect(await issueSizes(other)).toEqual(await issueSizes(ctx));
    const [mine, theirs] = [await stored(ctx), await stored(other)];
    const together = (posts: Map<string, PostRow>) => ids('flood').filter((id) => posts.get(id)?.issue_id === posts.get('f0')?.issue_id).length;
    expect(together(theirs)).toBe(together(mine));
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await issueSizes(ctx);
    const again = await importFile(ctx, { file: path.join(dir, 'sorted.jsonl'), source: 'hon-hop', actor: 'test' });
    expect(again).toMatchObject({ added: 0, rejected: first.rejected, duplicates: first.added + first.duplicates });
    expect((await stored(ctx)).size).toBe(first.added);
    expect(await issueSizes(ctx)).toEqual(before);
  });
});

describe('bad input through ingestPosts()', () => {
  it('refuses by index, collapses one account repeating itself, stores and analyses the rest', async () => {
    const t = (h: number) => new Date(DAY0 + 24 * HOUR + h * HOUR);
    const input = [
      { externalId: 'i0', authorExternalId: 'u1', createdAt: t(1), text: '😡😡😡' },
      { externalId: 'i1', authorExternalId: 'u2', createdAt: t(1), text: ' \u200b ' },
      { externalId: 'i2', authorExternalId: 'u3', createdAt: NOW + 5 * 24 * HOUR, text: 'Ngập nước Bà Hạt' },
      { externalId: 'i3', authorExternalId: 'u4', createdAt: t(2), text: 'Hẻm 51 Thành Thái kẹt xe quá trời' },
      { externalId: 'i4', authorExternalId: 'u4', createdAt: t(3), text: 'Hẻm 51  Thành Thái kẹt xe quá trời ' },
      { externalId: 'i5', authorExternalId: 'u5', createdAt: t(2), text: 'Flooding again on Ba Hat street' },
      { externalId: 'i6', authorExternalId: 'u6', createdAt: t(2), text: 'x'.repeat(1_000_000) },
    ];
    const s = await ingestPosts(ctx, 'cong-thong-tin', input, { create: { kind: 'file' }, processNow: true });
    expect(s.rejected).toEqual([
      { index: 1, reason: 'empty text' },
      { index: 2, reason: expect.stringMatching(/^date in the future/) },
    ]);
    expect(s).toMatchObject({ received: 7, added: 4, duplicates: 1 });
    const rows = await ctx.database.query<{ external_id: string; status: number; issue_id: number | null; len: number }>(
      `SELECT p.external_id, p.status, p.issue_id, length(p.text)::int AS len FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = 'cong-thong-tin' ORDER BY p.external_id`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(['i0', 'i3', 'i5', 'i6']);
    // All stored and analysed; the emoji-only, foreign and junk posts in no issue (the traffic complaint
    // may join one with other traffic posts of this file).
    expect(rows.every((r) => r.status === 1)).toBe(true);
    expect(rows.filter((r) => r.external_id !== 'i3').every((r) => r.issue_id === null)).toBe(true);
    expect(rows.find((r) => r.external_id === 'i6')?.len).toBe(MAX_TEXT);
  });
});
