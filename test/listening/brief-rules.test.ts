// The brief's rules without a database: what counts as new, growing or easing; how many issues page one
// names; the proposed next steps for each situation; quotes kept short and clean; the official date line.
import { describe, expect, it } from 'vitest';
import { pickKey, trendOf, type BriefData, type BriefIssue } from '../../src/brief/data.ts';
import { renderPdf } from '../../src/brief/pdf.ts';
import { proposals } from '../../src/brief/proposals.ts';
import { quote } from '../../src/brief/quote.ts';
import { dateLine } from '../../src/brief/statements.ts';
import { pdfText } from './files.ts';

const DAYS = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15'];

function issue(over: Partial<BriefIssue> = {}): BriefIssue {
  return {
    id: 1,
    title: 'Ngập nước đường Thành Thái',
    posts: 12,
    voices: 6,
    previous: { posts: 0, voices: 0 },
    trend: 'new',
    frustration: 0.6,
    sentiment: { negative: 10, neutral: 2, positive: 0 },
    spike: null,
    topics: ['Ngập nước'],
    wards: [{ name: 'Phường 12', posts: 12 }],
    otherPosts: 0,
    places: [],
    daily: [0, 6, 6, 0, 0, 0, 0],
    quotes: [],
    cases: [],
    owner: 'Phường 12',
    link: '/admin/listening/issues/1',
    ...over,
  };
}

function brief(key: BriefIssue[], over: Partial<BriefData> = {}): BriefData {
  return {
    from: DAYS[0],
    to: DAYS[6],
    days: 7,
    start: '2026-11-08T17:00:00.000Z',
    end: '2026-11-15T17:00:00.000Z',
    generatedAt: '2026-12-07T02:00:00.000Z',
    baseUrl: '',
    organisation: 'Quận 10, Thành phố Hồ Chí Minh',
    organisationShort: 'Quận 10',
    minVoices: 3,
    totals: { posts: 22, previousPosts: 5, voices: 8, previousVoices: 5, issues: 3, negative: 18, neutral: 0, positive: 4, frustration: 0.4 },
    daily: DAYS.map((day) => ({ day, posts: 0, negative: 0, frustration: 0 })),
    key,
    others: [],
    spikes: [],
    places: { rows: [], hiddenPlaces: 0, hiddenPosts: 0, unknownPosts: 0 },
    topics: [],
    sources: [],
    synthetic: false,
    cases: { opened: 0, answered: 0, answeredOnTime: 0, overdue: 0, reopened: 0, overdueCases: [] },
    links: { overview: '/admin/listening', cases: '/admin/cases/stats' },
    ...over,
  };
}

const answeredCase = { id: 7, title: 'Ngập nước đường Thành Thái', unit: 'Phường 12', status: 'answered', open: false, overdue: false, dueDay: '2026-11-14', answeredDay: '2026-11-12', onTime: true, link: '/admin/cases/7' };

describe('what changed', () => {
  it('is new without posts before, growing or easing by a clear margin, steady otherwise', () => {
    const start = '2026-11-08T17:00:00.000Z';
    expect(trendOf(12, 0, '2026-11-10T01:00:00.000Z', start)).toBe('new');
    // Quiet last week but seen before: not new.
    expect(trendOf(12, 0, '2026-10-01T01:00:00.000Z', start)).toBe('growing');
    expect(trendOf(12, 5, '2026-10-01T01:00:00.000Z', start)).toBe('growing');
    expect(trendOf(6, 5, '2026-10-01T01:00:00.000Z', start)).toBe('steady');
    expect(trendOf(3, 10, '2026-10-01T01:00:00.000Z', start)).toBe('easing');
    // A drop of two posts is noise, not easing.
    expect(trendOf(1, 3, '2026-10-01T01:00:00.000Z', start)).toBe('steady');
  });

  it('page one names three issues, up to five while they still weigh', () => {
    const plain = (posts: number) => ({ posts, spike: null, cases: [] as Array<{ overdue: boolean }> });
    expect(pickKey([plain(100), plain(50)])).toBe(2);
    expect(pickKey([plain(100), plain(50), plain(30), plain(25), plain(21), plain(20)])).toBe(5);
    expect(pickKey([plain(100), plain(50), plain(30), plain(10), plain(9)])).toBe(3);
    // A small issue with an overdue case or a spike still makes it.
    expect(pickKey([plain(100), plain(50), plain(30), { posts: 4, spike: {}, cases: [] }, plain(3)])).toBe(4);
    expect(pickKey([plain(100), plain(50), plain(30), { posts: 4, spike: null, cases: [{ overdue: true }] }])).toBe(4);
  });
});

describe('proposed next steps', () => {
  it('a growing issue with no case is given to its unit, or to one the committee names', () => {
    expect(proposals(brief([issue({ trend: 'growing' })]))).toEqual(['Đề nghị giao Phường 12 chủ trì xem xét, xử lý vấn đề “Ngập nước đường Thành Thái”, trả lời người dân và báo cáo kết quả.']);
    const two = proposals(brief([issue({ owner: null }), issue({ id: 2, title: 'Kẹt xe đường Ba Tháng Hai', owner: null })]));
    expect(two).toEqual(['Đề nghị phân công đơn vị chủ trì xem xét, xử lý các vấn đề “Ngập nước đường Thành Thái” và “Kẹt xe đường Ba Tháng Hai”; trả lời người dân và báo cáo kết quả.']);
  });

  it('an overdue case is urged first, naming its unit and deadline; other overdue cases are counted', () => {
    const overdue = { ...answeredCase, status: 'in_progress', open: true, overdue: true, answeredDay: null, onTime: null, dueDay: '2026-11-13', unit: 'Phường 5', title: 'Đèn đường hẻm 5 hỏng' };
    const data = brief([issue({ cases: [overdue] })], {
      cases: { opened: 3, answered: 0, answeredOnTime: 0, overdue: 4, reopened: 0, overdueCases: [{ ...overdue, issueId: 1 }, { ...overdue, id: 8, title: 'Rác ùn ứ hẻm 12', unit: 'Phường 12', issueId: null }] },
    });
    expect(proposals(data)).toEqual([
      'Đôn đốc Phường 5 trả lời phản ánh “Đèn đường hẻm 5 hỏng” (quá hạn từ ngày 13/11/2026).',
      'Đôn đốc Phường 12 trả lời phản ánh “Rác ùn ứ hẻm 12” (quá hạn từ ngày 13/11/2026).',
      'Đôn đốc trả lời 2 phản ánh quá hạn khác (danh sách tại mục II).',
    ]);
  });

  it('a spike asks for close watch and official information', () => {
    const out = proposals(brief([issue({ spike: { at: '2026-11-12T13:00:00.000Z', observed: 6, expected: 0.2 }, cases: [{ ...answeredCase, status: 'in_progress', open: true, answeredDay: null }] })]));
    expect(out).toEqual(['Theo dõi sát diễn biến vấn đề “Ngập nước đường Thành Thái”; kịp thời cung cấp thông tin chính thức trên các kênh thông tin của Quận 10.']);
  });

  it('after an answer: make the result known, or review it when posts keep coming', () => {
    // All posts came before the answer on the 12th.
    expect(proposals(brief([issue({ trend: 'growing', cases: [answeredCase] })]))).toEqual(['Thông tin kết quả xử lý vấn đề “Ngập nước đường Thành Thái” trên các kênh thông tin của Quận 10 để người dân biết.']);
    expect(proposals(brief([issue({ trend: 'growing', daily: [0, 3, 0, 0, 4, 3, 2], cases: [answeredCase] })]))).toEqual([
      'Đề nghị Phường 12 rà soát kết quả xử lý vấn đề “Ngập nước đường Thành Thái”, vì ý kiến tiếp tục tăng sau khi đã trả lời.',
    ]);
  });

  it('an open case is followed, praise is noted, the rest watched', () => {
    const open = { ...answeredCase, status: 'assigned', open: true, answeredDay: null, onTime: null, dueDay: '2026-11-20' };
    expect(proposals(brief([issue({ trend: 'steady', cases: [open] })]))).toEqual(['Theo dõi việc Phường 12 xử lý vấn đề “Ngập nước đường Thành Thái” (hạn 20/11/2026).']);
    expect(proposals(brief([issue({ title: 'Tiêm chủng chu đáo', sentiment: { negative: 0, neutral: 1, positive: 3 }, posts: 4 })]))).toEqual([
      'Ghi nhận ý kiến tích cực về “Tiêm chủng chu đáo”; giới thiệu trên trang thông tin điện tử để nhân rộng.',
    ]);
    expect(proposals(brief([issue({ trend: 'easing' })]))).toEqual(['Tiếp tục theo dõi vấn đề “Ngập nước đường Thành Thái”.']);
    expect(proposals(brief([]))).toEqual(['Tiếp tục theo dõi dư luận trong tuần tới.']);
  });
});

describe('quotes and dates', () => {
  it('quotes are one line, without links or emoji, cut at a word near 160 characters', () => {
    expect(quote('Ngập quá 😡😡\n\nxem https://example.com/x?y=1 nè')).toBe('Ngập quá xem nè');
    const long = 'nước lên tới gối '.repeat(20);
    const q = quote(long);
    expect(q.length).toBeLessThanOrEqual(161);
    expect(q.endsWith('…')).toBe(true);
    expect(q).not.toMatch(/\s…$/);
  });

  it('the date line is written as official documents write it', () => {
    expect(dateLine({ organisationShort: 'Quận 10', generatedAt: '2026-12-07T02:00:00.000Z' })).toBe('Quận 10, ngày 07 tháng 12 năm 2026');
    // Vietnam time: 20:00 UTC on 31 January is 1 February; months 1 and 2 take a leading zero.
    expect(dateLine({ organisationShort: 'Phường Vườn Lài', generatedAt: '2027-01-31T20:00:00.000Z' })).toBe('Phường Vườn Lài, ngày 01 tháng 02 năm 2027');
  });
});

describe('page one', () => {
  it('holds the whole summary in a crowded week: five long titles, several overdue cases', async () => {
    const overdue = (id: number) => ({ id, title: `Phản ánh số ${id} về tình trạng lấn chiếm vỉa hè kéo dài trên tuyến đường`, unit: `Phường ${id}`, status: 'in_progress', open: true, overdue: true, dueDay: '2026-11-10', answeredDay: null, onTime: null, link: `/admin/cases/${id}`, issueId: null });
    const key = [1, 2, 3, 4, 5].map((id) =>
      issue({ id, title: `Ngập nước kéo dài trên đường Ba Tháng Hai và Cách Mạng Tháng Tám (${id})`, owner: id % 2 ? `Phường ${id}` : null, spike: id < 3 ? { at: '2026-11-12T13:00:00.000Z', observed: 9, expected: 1 } : null }),
    );
    const data = brief(key, { cases: { opened: 9, answered: 2, answeredOnTime: 1, overdue: 6, reopened: 1, overdueCases: [4, 5, 6, 7, 8, 9].map(overdue) } });
    const pdf = await renderPdf(data);
    if (process.env.BRIEF_OUT) (await import("node:fs")).writeFileSync(`${process.env.BRIEF_OUT}-crowded.pdf`, pdf);
    const pages = await pdfText(pdf);
    const one = pages[0].replace(/\s+/g, ' ');
    expect(one).toContain('4. Đề xuất');
    for (const p of proposals(data)) expect(one, p).toContain(p);
    expect(one).not.toContain('II. TÌNH HÌNH CỤ THỂ');
  }, 60_000);
});
