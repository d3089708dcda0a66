// The weekly brief on a seeded week: the figures are the real aggregates, every statement cites figures
// that link to the dashboard, places need 3 voices, cases and the loop-closing effect are in; the PDF's
// text and the DOCX's document.xml keep Vietnamese diacritics; nothing about authors anywhere.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/cases/cases.ts';
import { periodSummary } from '../../src/cases/stats.ts';
import { gatherBrief, type BriefData } from '../../src/listening/brief/data.ts';
import { renderDocx } from '../../src/listening/brief/docx.ts';
import { lastWeek, parsePeriod, vnMidnight } from '../../src/listening/brief/period.ts';
import { renderPdf } from '../../src/listening/brief/pdf.ts';
import { sections } from '../../src/listening/brief/statements.ts';
import { runTrends } from '../../src/listening/trends-job.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildUser, seedUnits } from '../factories.ts';
import { buildTestApp, login, type TestApp } from '../http.ts';
import { AUTHOR_NAMES, seedCases, seedWeek, WEEK, type SeededWeek } from './brief-seed.ts';
import { docxText, pdfText, unzipEntry } from './files.ts';

let ctx: TestContext;
let seeded: SeededWeek;
let cases: Awaited<ReturnType<typeof seedCases>>;
let data: BriefData;
const period = () => {
  const p = parsePeriod(WEEK.from, WEEK.to);
  if (!p.ok) throw new Error(p.error);
  return p.period;
};

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_PUBLIC_URL: 'https://nhipcau.quan10.test' });
  await seedUnits(ctx);
  seeded = await seedWeek(ctx);
  cases = await seedCases(ctx);
  // Spike detection over the week, as the trends job would run it.
  await runTrends(ctx, { from: period().start.toISOString(), to: period().end.toISOString() });
  data = await gatherBrief(ctx, period(), { baseUrl: 'https://nhipcau.quan10.test' });
});
afterAll(async () => ctx?.cleanup());

describe('the period', () => {
  it('is whole Vietnam days, from ≤ to, at most a year', () => {
    expect(vnMidnight('2026-11-09')?.toISOString()).toBe('2026-11-08T17:00:00.000Z');
    expect(period().end.toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(period().days).toBe(7);
    expect(parsePeriod('2026-02-30', '2026-03-01')).toEqual({ ok: false, error: 'format' });
    expect(parsePeriod('2026-11-15', '2026-11-09')).toEqual({ ok: false, error: 'order' });
    expect(parsePeriod('2025-01-01', '2026-01-02')).toEqual({ ok: false, error: 'span' });
    expect(parsePeriod('2025-01-01', '2025-12-31').ok).toBe(true);
    // Wednesday 18 November 2026, 01:00 in Hà Nội is still Tuesday 17th in UTC: last week is 9–15.
    expect(lastWeek(new Date('2026-11-17T18:00:00Z'))).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(lastWeek(new Date('2026-11-15T16:59:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
  });
});

describe('brief data', () => {
  it('counts the posts, voices and days of the week from the aggregates', async () => {
    expect(data.totals.posts).toBe(seeded.inWeek);
    expect(data.totals.previousPosts).toBe(seeded.previousWeek);
    expect(data.totals.voices).toBe(seeded.authorsInWeek);
    expect(data.totals.negative + data.totals.neutral + data.totals.positive).toBe(seeded.inWeek);
    expect(data.daily.map((d) => d.day)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(data.daily.map((d) => d.posts)).toEqual([0, 6, 6, 6, 0, 4, 0]);
    const [{ n }] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_posts WHERE posted_at >= $1 AND posted_at < $2`, [data.start, data.end]);
    expect(n).toBe(data.totals.posts);
  });

  it('ranks the flooding issue first, with its posts and voices', () => {
    const flood = data.issues[0];
    expect(flood.posts).toBe(seeded.floodPosts);
    expect(flood.voices).toBe(6);
    expect(flood.link).toMatch(/^\/admin\/listening\/issues\/\d+$/);
    expect(flood.frustration).toBeGreaterThan(0.3);
  });

  it('shows Phường 12 (6 voices) but never the traffic ward (2 voices) by name', () => {
    expect(data.places.rows.map((p) => p.name)).toEqual(['Phường 12']);
    expect(data.places.rows[0].posts).toBe(12);
    expect(data.places.hiddenPlaces).toBe(1);
    expect(data.places.hiddenPosts).toBe(6);
    expect(JSON.stringify(data)).not.toMatch(/Phường [45]\b/);
  });

  it('lists the spikes of the week, naming places only with enough voices', async () => {
    const stored = await ctx.database.query<{ kind: string; key: string }>(`SELECT DISTINCT kind, key FROM listening_spikes`);
    expect(stored.length).toBeGreaterThan(0);
    expect(data.spikes.length).toBeGreaterThan(0);
    // The traffic burst (6 posts in 3 hours) spiked as an issue and a topic…
    const traffic = data.issues.find((i) => i.posts === 6) as (typeof data.issues)[number];
    expect(data.spikes.some((s) => s.kind === 'issue' && s.link === traffic.link)).toBe(true);
    expect(data.spikes.some((s) => s.kind === 'topic' && s.key === 'giao-thong')).toBe(true);
    // …and in its ward, but 2 people are too few to name the place.
    const places = stored.filter((s) => s.kind === 'place');
    expect(places.length).toBeGreaterThan(0);
    expect(data.spikes.filter((s) => s.kind === 'place')).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('Phường 4');
    for (const s of data.spikes) expect(s.hours).toBe(3);
  });

  it('includes the cases opened, answered and overdue, and the loop-closing effect', () => {
    expect(data.cases).toMatchObject({ opened: 2, answered: 1, answeredOnTime: 1, overdue: 1, reopened: 0 });
    expect(data.cases?.overdueCases.map((c) => c.id)).toEqual([cases.overdue]);
    const [effect] = data.cases?.effects ?? [];
    expect(effect).toMatchObject({ caseId: cases.answered, issueId: cases.issueId, answeredDay: '2026-11-12', complete: true });
    // The 12 flooding posts were all on Tuesday and Wednesday, before the answer on Thursday.
    expect(effect.before.posts).toBe(12);
    expect(effect.after.posts).toBe(0);
  });

  it('counts first answers, on time by the deadline that applied then, and its words and method say so', async () => {
    expect(sections(data).find((s) => s.id === 'cases')?.statements[0].text).toBe('Trong kỳ tiếp nhận 2 phản ánh; trả lời lần đầu 1 phản ánh, trong đó 1 phản ánh được trả lời trước hạn xử lý áp dụng lúc đó; 0 lượt mở lại.');
    const unitId = (await ctx.units.current()).getBySlug('phuong-12')?.id as number;
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour - 7)).toISOString();
    const reopen = (id: number, when: string) => ctx.database.query(`INSERT INTO case_events (case_id, at, actor_label, kind, from_status, to_status) VALUES ($1, $2, 'citizen', 'status', 'answered', 'reopened')`, [id, when]);
    // Due Tuesday, first answered late on Wednesday; re-opened on Thursday with a new deadline and answered
    // again on Friday, before that one: still one late first answer.
    const late = await createCase(ctx.db, 'system', { source: 'manual', title: 'Rác ùn ứ hẻm 12', description: 'Rác chưa được thu gom', unitId });
    await ctx.database.query(`UPDATE cases SET created_at = $2, first_answered_at = $3, first_answer_on_time = false, answered_at = $4, due_at = $5, status = 'answered', reopen_count = 1 WHERE id = $1`, [late.id, at(9, 9), at(11, 10), at(13, 10), at(13, 17)]);
    await reopen(late.id, at(12, 9));
    // First answered the week before, re-opened and answered again in the week: not a first answer of the week.
    const earlier = await createCase(ctx.db, 'system', { source: 'manual', title: 'Vỉa hè bị lấn chiếm', description: 'Lấn chiếm vỉa hè', unitId });
    await ctx.database.query(`UPDATE cases SET created_at = $2, first_answered_at = $3, first_answer_on_time = true, answered_at = $4, due_at = $5, status = 'answered', reopen_count = 1 WHERE id = $1`, [earlier.id, at(3, 9), at(5, 9), at(12, 9), at(14, 17)]);
    await reopen(earlier.id, at(10, 9));

    const again = await gatherBrief(ctx, period(), { baseUrl: 'https://nhipcau.quan10.test' });
    const summary = await periodSummary(ctx.database, period().start, period().end);
    expect(summary).toMatchObject({ opened: 3, answered: 2, answeredOnTime: 1, reopened: 2, overdue: 1 });
    expect(again.cases).toMatchObject({ opened: 3, answered: 2, answeredOnTime: 1, reopened: 2, overdue: 1 });
    const words = sections(again).find((s) => s.id === 'cases')?.statements ?? [];
    expect(words[0].text).toBe('Trong kỳ tiếp nhận 3 phản ánh; trả lời lần đầu 2 phản ánh, trong đó 1 phản ánh được trả lời trước hạn xử lý áp dụng lúc đó; 2 lượt mở lại.');
    expect(words[1].text).toBe('1 phản ánh đã quá hạn xử lý trước cuối kỳ và hiện vẫn đang chờ trả lời.');
    expect(again.figures.find((f) => f.id === 'cases.answered')?.label).toBe('Phản ánh được trả lời lần đầu trong kỳ');
    // The method appendix describes what stats.ts computes.
    expect(again.queries.cases).toContain('first_answered_at >= $1 AND first_answered_at < $2');
    expect(again.queries.cases).toContain('first_answer_on_time');
    expect(again.queries.cases).toContain("to 'reopened'");
    expect(again.queries.cases).not.toMatch(/\(answered_at\)/);
    await ctx.database.query(`DELETE FROM cases WHERE id = ANY($1)`, [[late.id, earlier.id]]);
  });

  it('every statement cites figures that exist, each with a link and a query', () => {
    const ids = new Set(data.figures.map((f) => f.id));
    const all = sections(data).flatMap((s) => s.statements);
    expect(all.length).toBeGreaterThan(8);
    for (const s of all) {
      expect(s.link).toMatch(/^\/admin\//);
      for (const r of s.refs) expect(ids.has(r), r).toBe(true);
    }
    for (const f of data.figures) {
      expect(f.link).toMatch(/^\/admin\//);
      expect(data.queries[f.query], f.query).toBeTruthy();
    }
    expect(all.filter((s) => s.refs.length).length).toBeGreaterThan(all.length - 3);
  });
});

describe('rendered files', () => {
  it('the PDF keeps Vietnamese diacritics, links and has the appendix of figures', async () => {
    const pdf = await renderPdf(data);
    if (process.env.BRIEF_OUT) await writeFile(`${process.env.BRIEF_OUT}.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfText(pdf);
    const text = pages.join('\n');
    for (const words of ['BẢN TIN DƯ LUẬN XÃ HỘI', 'Báo cáo Ban Thường vụ', 'Từ ngày 09/11/2026 đến ngày 15/11/2026', 'Vấn đề nổi bật', 'Tăng đột biến', 'Phường 12', 'Kết quả xử lý phản ánh', 'Phụ lục: Bảng số liệu', 'mức bức xúc', 'người nêu ý kiến']) {
      expect(text, words).toContain(words);
    }
    expect(text).toContain('xem: https://nhipcau.quan10.test/admin/');
    expect(pdf.includes(Buffer.from(`/URI (https://nhipcau.quan10.test${data.issues[0].link})`))).toBe(true);
    // The appendix lists every figure by its code.
    expect(pages.at(-1)?.length).toBeGreaterThan(0);
    expect(text).toContain(`B${data.figures.length}`);
    expect(text).not.toMatch(/Phường [45]\b/);
    for (const name of AUTHOR_NAMES) expect(text).not.toContain(name);
    expect(pdf.includes(Buffer.from('/URI (https://nhipcau.quan10.test/admin/listening?from=2026-11-09&to=2026-11-15)'))).toBe(true);
  });

  it('the DOCX has the same statements in document.xml, charts as PNG, and the embedded font', async () => {
    const docx = await renderDocx(data);
    if (process.env.BRIEF_OUT) await writeFile(`${process.env.BRIEF_OUT}.docx`, docx);
    const xml = unzipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
    const text = docxText(xml);
    for (const words of ['BẢN TIN DƯ LUẬN XÃ HỘI', 'Từ ngày 09/11/2026 đến ngày 15/11/2026', 'Vấn đề nổi bật', 'Phường 12', 'Phụ lục: Bảng số liệu', 'mức bức xúc']) expect(text, words).toContain(words);
    for (const s of sections(data).flatMap((x) => x.statements)) expect(text).toContain(s.text);
    expect(unzipEntry(docx, 'word/_rels/document.xml.rels')?.toString()).toContain('https://nhipcau.quan10.test/admin/listening/issues/');
    expect(unzipEntry(docx, 'word/fontTable.xml')?.toString()).toContain('Noto Sans');
    for (const name of AUTHOR_NAMES) expect(text).not.toContain(name);
  });

  it('no author hashes anywhere in the brief data', async () => {
    const hashes = (await ctx.database.query<{ h: string }>(`SELECT DISTINCT author_hash AS h FROM listening_posts WHERE author_hash IS NOT NULL`)).map((r) => r.h);
    const json = JSON.stringify(data);
    for (const h of hashes) expect(json).not.toContain(h.slice(0, 12));
    for (const name of AUTHOR_NAMES) expect(json).not.toContain(name);
    expect(json).not.toContain('fb-user');
  });
});

describe('from the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(ctx);
  });
  afterAll(async () => t?.app.close());

  it('an analyst opens the page and downloads the PDF and the DOCX; bad dates are explained', async () => {
    const analyst = await buildUser(ctx, { role: 'analyst', unit: 'quan-10' });
    const s = await login(t.app, analyst.email);
    const page = await s.request('GET', '/admin/listening/brief', undefined, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Báo cáo tuần');
    const pdf = await s.request('GET', `/admin/listening/brief.pdf?from=${WEEK.from}&to=${WEEK.to}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('ban-tin-du-luan_2026-11-09_2026-11-15.pdf');
    expect((await pdfText(pdf.rawPayload)).join('\n')).toContain('Phường 12');
    const docx = await s.request('GET', `/admin/listening/brief.docx?from=${WEEK.from}&to=${WEEK.to}`);
    expect(docx.statusCode).toBe(200);
    expect(docxText(unzipEntry(docx.rawPayload, 'word/document.xml')?.toString('utf8') ?? '')).toContain('Vấn đề nổi bật');
    const bad = await s.request('GET', `/admin/listening/brief.pdf?from=2026-11-15&to=2026-11-09`, undefined, { accept: 'text/html' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });
});
