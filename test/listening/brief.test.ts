// The weekly brief on a seeded week, as the committee reads it: page one names the issues that matter,
// what changed, what was done through cases and the proposed next steps; places need 3 voices; the PDF's
// text and the DOCX's document.xml keep Vietnamese diacritics; no SQL, code paths, topic ids or local
// links anywhere, links only absolute to the public URL; at most six pages; nothing about authors.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/cases/cases.ts';
import { caseRoutingRules } from '../../src/cases/schema.ts';
import { periodSummary } from '../../src/cases/stats.ts';
import { gatherBrief, type BriefData } from '../../src/brief/data.ts';
import { renderDocx } from '../../src/brief/docx.ts';
import { vnMidnight } from '../../src/core/time.ts';
import { lastWeek, parsePeriod } from '../../src/brief/period.ts';
import { renderPdf } from '../../src/brief/pdf.ts';
import { proposals } from '../../src/brief/proposals.ts';
import { casesLine } from '../../src/brief/statements.ts';
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
const BASE = 'https://nhipcau.quan10.test';
const NOW = new Date('2026-12-07T02:00:00Z');
/** What must never be printed: SQL, code paths, local or relative links, topic and place ids, query tokens. */
const FORBIDDEN = [/SELECT/i, /\bFROM listening/, /src\//, /\.ts\b/, /localhost/, /http:\/\/127/, /(^|[\s(])\/admin\//m, /giao-thong|ngap-nuoc|y-te\b|q10-p\d/, /\b(topic|place|ward):/, /\$[12]\b/];
const uris = (pdf: Buffer): string[] => [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
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
  data = await gatherBrief(ctx, period(), { baseUrl: BASE, now: NOW });
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
    expect(data.totals.previousVoices).toBe(5);
    expect(data.totals.negative + data.totals.neutral + data.totals.positive).toBe(seeded.inWeek);
    expect(data.daily.map((d) => d.day)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(data.daily.map((d) => d.posts)).toEqual([0, 6, 6, 6, 0, 4, 0]);
    const [{ n }] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_posts WHERE posted_at >= $1 AND posted_at < $2`, [data.start, data.end]);
    expect(n).toBe(data.totals.posts);
    expect(data.sources).toEqual([{ kind: 'file', posts: seeded.inWeek }]);
    expect(data.synthetic).toBe(false);
  });

  it('names the three issues of the week, flooding first, with what changed against the week before', () => {
    expect(data.key.map((i) => i.posts)).toEqual([seeded.floodPosts, 6, 4]);
    expect(data.others).toEqual([]);
    const [flood, traffic, thanks] = data.key;
    expect(flood.voices).toBe(6);
    // The week before had 5 flooding posts by 5 people: growing.
    expect(flood.previous).toEqual({ posts: 5, voices: 5 });
    expect(flood.trend).toBe('growing');
    expect(flood.daily).toEqual([0, 6, 6, 0, 0, 0, 0]);
    expect(flood.wards).toEqual([{ name: 'Phường 12', posts: 12 }]);
    expect(flood.frustration).toBeGreaterThan(0.3);
    expect(traffic.trend).toBe('new');
    expect(traffic.spike).not.toBeNull();
    expect(thanks.sentiment.positive).toBe(4);
  });

  it('quotes the stored, redacted text, short, and only from issues heard from 3 people or more', async () => {
    const [flood, traffic] = data.key;
    expect(traffic.voices).toBe(2);
    expect(traffic.quotes).toEqual([]);
    expect(flood.quotes.length).toBeGreaterThan(0);
    const texts = (await ctx.database.query<{ text: string }>(`SELECT text FROM listening_posts WHERE issue_id = $1`, [flood.id])).map((r) => r.text);
    for (const q of flood.quotes) {
      expect(q.length).toBeLessThanOrEqual(161);
      expect(texts.some((t) => t.startsWith(q.replace(/…$/, '')))).toBe(true);
    }
  });

  it('shows Phường 12 (6 voices) but never the traffic ward (2 voices) by name', () => {
    expect(data.places.rows.map((p) => p.name)).toEqual(['Phường 12']);
    expect(data.places.rows[0].posts).toBe(12);
    expect(data.places.hiddenPlaces).toBe(1);
    expect(data.places.hiddenPosts).toBe(6);
    expect(data.key[1].wards).toEqual([]);
    expect(data.key[1].otherPosts).toBe(6);
    expect(JSON.stringify(data)).not.toMatch(/Phường [45]\b/i);
  });

  it('lists the spikes of the week, naming places only with enough voices', async () => {
    const stored = await ctx.database.query<{ kind: string; key: string }>(`SELECT DISTINCT kind, key FROM listening_spikes`);
    expect(stored.some((s) => s.kind === 'place')).toBe(true);
    // The traffic burst (6 posts in 3 hours) spiked as an issue and a topic, but 2 people are too few to name the place.
    expect(data.spikes.map((s) => s.kind).sort()).toEqual(['issue', 'topic']);
    expect(data.spikes.find((s) => s.kind === 'topic')?.label).toBe('lĩnh vực Giao thông');
    for (const s of data.spikes) expect(s.hours).toBe(3);
  });

  it('tells what was done through cases, per issue and for the week', () => {
    expect(data.cases).toMatchObject({ opened: 2, answered: 1, answeredOnTime: 1, overdue: 1, reopened: 0 });
    expect(data.cases.overdueCases.map((c) => [c.id, c.title, c.unit, c.dueDay])).toEqual([[cases.overdue, 'Đèn đường hẻm 5 hỏng', 'Phường 12', '2026-11-13']]);
    expect(data.key[0].cases).toMatchObject([{ id: cases.answered, unit: 'Phường 12', answeredDay: '2026-11-12', onTime: true, open: false, overdue: false }]);
    expect(data.key[1].cases).toEqual([]);
    expect(casesLine(data)).toEqual(['Trong tuần tiếp nhận 2 phản ánh; trả lời lần đầu 1 phản ánh, trong đó 1 phản ánh đúng hạn; 0 lượt mở lại.', 'Hiện còn 1 phản ánh quá hạn chưa được trả lời.']);
  });

  it('proposes next steps by rule: urge the overdue case, give the new spiking issue to a unit, make the answer known', () => {
    const [flood, traffic, thanks] = data.key;
    expect(proposals(data)).toEqual([
      'Đôn đốc Phường 12 trả lời phản ánh “Đèn đường hẻm 5 hỏng” (quá hạn từ ngày 13/11/2026).',
      `Đề nghị phân công đơn vị chủ trì xem xét, xử lý vấn đề “${traffic.title}”, trả lời người dân và báo cáo kết quả.`,
      `Theo dõi sát diễn biến vấn đề “${traffic.title}”; kịp thời cung cấp thông tin chính thức trên các kênh thông tin của Quận 10.`,
      `Thông tin kết quả xử lý vấn đề “${flood.title}” trên các kênh thông tin của Quận 10 để người dân biết.`,
      `Ghi nhận ý kiến tích cực về “${thanks.title}”; giới thiệu trên trang thông tin điện tử để nhân rộng.`,
    ]);
  });

  it('names the unit the routing rules give the issue to', async () => {
    const tree = await ctx.units.current();
    const [rule] = await ctx.db.insert(caseRoutingRules).values({ topic: 'giao-thong', unitId: tree.getBySlug('phuong-14')?.id as number }).returning();
    try {
      const again = await gatherBrief(ctx, period(), { baseUrl: BASE, now: NOW });
      expect(again.key[1].owner).toBe('Phường 14');
      expect(proposals(again)).toContain(`Đề nghị giao Phường 14 chủ trì xem xét, xử lý vấn đề “${again.key[1].title}”, trả lời người dân và báo cáo kết quả.`);
    } finally {
      await ctx.database.query(`DELETE FROM case_routing_rules WHERE id = $1`, [rule.id]);
    }
  });

  it('counts first answers, on time by the deadline that applied then', async () => {
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
    try {
      const again = await gatherBrief(ctx, period(), { baseUrl: BASE, now: NOW });
      const summary = await periodSummary(ctx.database, period().start, period().end);
      expect(summary).toMatchObject({ opened: 3, answered: 2, answeredOnTime: 1, reopened: 2, overdue: 1 });
      expect(again.cases).toMatchObject({ opened: 3, answered: 2, answeredOnTime: 1, reopened: 2, overdue: 1 });
      expect(casesLine(again)[0]).toBe('Trong tuần tiếp nhận 3 phản ánh; trả lời lần đầu 2 phản ánh, trong đó 1 phản ánh đúng hạn; 2 lượt mở lại.');
    } finally {
      await ctx.database.query(`DELETE FROM cases WHERE id = ANY($1)`, [[late.id, earlier.id]]);
    }
  });
});

describe('rendered files', () => {
  it('the PDF: page one is the summary; then the detail and the method; no SQL, paths, ids or local links; at most six pages', async () => {
    const pdf = await renderPdf(data);
    if (process.env.BRIEF_OUT) await writeFile(`${process.env.BRIEF_OUT}.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfText(pdf);
    expect(pages.length).toBeLessThanOrEqual(6);
    const one = pages[0];
    for (const words of ['ĐẢNG BỘ QUẬN 10', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Quận 10, ngày 07 tháng 12 năm 2026', 'BÁO CÁO TÓM TẮT TÌNH HÌNH DƯ LUẬN XÃ HỘI', 'Tuần từ ngày 09/11/2026 đến ngày 15/11/2026', 'I. TÓM TẮT', '2. Các vấn đề nổi bật', '4. Đề xuất']) {
      expect(one, words).toContain(words);
    }
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    // The issues by title, what changed, the cases line and the next steps, all on page one.
    for (const i of data.key) expect(flat(one), i.title).toContain(i.title);
    expect(flat(one)).toContain('Tăng: 12 ý kiến của 6 người (tuần trước 5 ý kiến của 5 người).');
    expect(flat(one)).toContain('Phường 12 đã trả lời ngày 12/11/2026, đúng hạn.');
    expect(flat(one)).toContain(casesLine(data).join(' '));
    for (const p of proposals(data)) expect(flat(one), p).toContain(p);
    expect(one).not.toContain('II. TÌNH HÌNH CỤ THỂ');
    const text = pages.join('\n');
    // Closing the loop: the 12 flooding posts came on Tuesday and Wednesday, before the answer on Thursday.
    expect(flat(text)).toContain('Phường 12 đã trả lời ngày 12/11/2026, đúng hạn. Trong tuần, trước ngày trả lời có 12 ý kiến, sau ngày trả lời có 0 ý kiến.');
    for (const words of ['II. TÌNH HÌNH CỤ THỂ', 'Phường 12 (12 ý kiến)', 'Ý kiến tiêu biểu', 'PHỤ LỤC. CÁCH THỨC TỔNG HỢP SỐ LIỆU', 'Ngưỡng tối thiểu', 'ít nhất 3 người', 'tệp']) expect(text, words).toContain(words);
    // The body ends as a Party document does, before the appendix: recipients, and who signs.
    const signs = flat(text).indexOf('T/M BAN TUYÊN GIÁO VÀ DÂN VẬN TRƯỞNG BAN');
    expect(signs).toBeGreaterThan(flat(text).indexOf('II. TÌNH HÌNH CỤ THỂ'));
    expect(signs).toBeLessThan(flat(text).indexOf('PHỤ LỤC. CÁCH THỨC TỔNG HỢP SỐ LIỆU'));
    for (const words of ['Nơi nhận:', '- Thường trực Đảng ủy (để báo cáo);', '- Lưu Văn phòng.']) expect(text, words).toContain(words);
    // Page numbers from page two (pdfmake draws the page's header after its content).
    expect(pages[0].trimEnd().endsWith('1')).toBe(false);
    for (let k = 1; k < pages.length; k++) expect(pages[k].trimEnd().endsWith(String(k + 1)), `page ${k + 1}`).toBe(true);
    for (const bad of FORBIDDEN) expect(text, String(bad)).not.toMatch(bad);
    expect(text).not.toMatch(/Phường [45]\b/i);
    for (const name of AUTHOR_NAMES) expect(text).not.toContain(name);
    // Links: absolute to the public URL, and only there.
    const links = uris(pdf);
    expect(links).toContain(`${BASE}${data.key[0].link}`);
    expect(links).toContain(`${BASE}/admin/listening?from=2026-11-09&to=2026-11-15`);
    for (const l of links) expect(l.startsWith(`${BASE}/`), l).toBe(true);
    expect(text).toContain(`Số liệu chi tiết xem tại: ${BASE}/admin/listening?from=2026-11-09&to=2026-11-15`);
  });

  it('without a public URL there is no link at all', async () => {
    const pdf = await renderPdf({ ...data, baseUrl: '' });
    expect(uris(pdf)).toEqual([]);
    const text = (await pdfText(pdf)).join('\n');
    expect(text).not.toContain('Số liệu chi tiết xem tại');
    expect(text).not.toContain('/admin');
    const docx = await renderDocx({ ...data, baseUrl: '' });
    expect(unzipEntry(docx, 'word/_rels/document.xml.rels')?.toString() ?? '').not.toContain('TargetMode="External"');
  });

  it('the DOCX has the same report in document.xml, charts as PNG, Times New Roman and absolute links', async () => {
    const docx = await renderDocx(data);
    if (process.env.BRIEF_OUT) await writeFile(`${process.env.BRIEF_OUT}.docx`, docx);
    const xml = unzipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
    const text = docxText(xml);
    for (const words of ['ĐẢNG BỘ QUẬN 10', 'Quận 10, ngày 07 tháng 12 năm 2026', 'BÁO CÁO TÓM TẮT TÌNH HÌNH DƯ LUẬN XÃ HỘI', 'Tuần từ ngày 09/11/2026 đến ngày 15/11/2026', 'I. TÓM TẮT', 'II. TÌNH HÌNH CỤ THỂ', 'PHỤ LỤC. CÁCH THỨC TỔNG HỢP SỐ LIỆU', casesLine(data).join(' '), 'Nơi nhận:', 'T/M BAN TUYÊN GIÁO VÀ DÂN VẬN']) expect(text, words).toContain(words);
    expect(text.indexOf('TRƯỞNG BAN')).toBeLessThan(text.indexOf('PHỤ LỤC. CÁCH THỨC TỔNG HỢP SỐ LIỆU'));
    for (const i of data.key) expect(text).toContain(i.title);
    for (const p of proposals(data)) expect(text).toContain(p);
    for (const bad of FORBIDDEN) expect(text, String(bad)).not.toMatch(bad);
    const rels = unzipEntry(docx, 'word/_rels/document.xml.rels')?.toString() ?? '';
    expect(rels).toContain(`${BASE}/admin/listening/issues/`);
    for (const [, target] of rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)) expect(target.startsWith(`${BASE}/`), target).toBe(true);
    expect(unzipEntry(docx, 'word/styles.xml')?.toString()).toContain('Times New Roman');
    expect(xml).toContain('<w:drawing>');
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
    const text = (await pdfText(pdf.rawPayload)).join('\n');
    expect(text).toContain('BÁO CÁO TÓM TẮT TÌNH HÌNH DƯ LUẬN XÃ HỘI');
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
    for (const l of uris(pdf.rawPayload)) expect(l.startsWith(`${BASE}/`), l).toBe(true);
    const docx = await s.request('GET', `/admin/listening/brief.docx?from=${WEEK.from}&to=${WEEK.to}`);
    expect(docx.statusCode).toBe(200);
    expect(docxText(unzipEntry(docx.rawPayload, 'word/document.xml')?.toString('utf8') ?? '')).toContain('Các vấn đề nổi bật');
    const bad = await s.request('GET', `/admin/listening/brief.pdf?from=2026-11-15&to=2026-11-09`, undefined, { accept: 'text/html' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });
});
