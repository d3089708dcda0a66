import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { similarity } from './dedup/signature.ts';
import { loadAnalyzer } from './node.ts';

const models = loadAnalyzer();

// [what, post, expectations]
const CASES: Array<[string, string, { redacted?: string; normalizedHas?: string; words?: string[]; label?: string; topics?: string[]; places?: string[]; frustrated?: boolean }]> = [
  [
    'traffic complaint with a phone number and teencode',
    'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall, gọi 0903 123 456 ko ai nghe!!!',
    { redacted: 'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall, gọi [SĐT] ko ai nghe!!!', normalizedHas: 'gọi [SĐT] không ai nghe', words: ['kinh_khủng', 'Vạn_Hạnh_Mall'], label: 'negative', topics: ['giao-thong'], places: ['d-ba-thang-hai', 'van-hanh-mall'], frustrated: true },
  ],
  ['flooding without diacritics', 'ngap nuoc o Ba Hat qua troi, bao gio moi het vay', { label: 'negative', topics: ['ngap-nuoc'], places: ['d-ba-hat'] }],
  ['praise', 'Cảm ơn phường 12 đã sửa xong đèn đường hẻm 285, bà con rất vui 👍', { label: 'positive', places: ['q10-p12'], frustrated: false }],
  ['scam warning with an account number', 'Cảnh báo lừa đảo: giả danh công an yêu cầu chuyển khoản vào STK 0071000123456', { redacted: 'Cảnh báo lừa đảo: giả danh công an yêu cầu chuyển khoản vào STK [STK]', topics: ['lua-dao'] }],
  ['citizen ID survives normalisation as a placeholder', 'CCCD của tôi 079203001234 bị ghi sai', { normalizedHas: '[CCCD]' }],
  ['acronyms keep their repeated letters', 'Số CCCD của mình 079203001234 bị ghi sai, đội PCCC tới sau 5 phút', { normalizedHas: 'Số CCCD của mình [CCCD] bị ghi sai, đội PCCC tới', topics: ['thu-tuc-hanh-chinh', 'an-ninh-trat-tu'] }],
  ['empty text', '', { redacted: '', label: 'neutral', topics: [], places: [] }],
];

describe('analyze', () => {
  it.each(CASES)('%s', (_what, text, want) => {
    const a = analyze(text, models);
    if (want.redacted !== undefined) expect(a.text_redacted).toBe(want.redacted);
    if (want.normalizedHas) expect(a.normalized).toContain(want.normalizedHas);
    for (const w of want.words ?? []) expect(a.words).toContain(w);
    if (want.label) expect(a.sentiment.label).toBe(want.label);
    if (want.topics) expect(a.topics).toEqual(expect.arrayContaining(want.topics));
    if (want.topics?.length === 0) expect(a.topics).toEqual([]);
    if (want.places) expect(a.places.map((p) => p.id)).toEqual(want.places);
    if (want.frustrated !== undefined) expect(a.frustration > 0.2).toBe(want.frustrated);
    expect(a.frustration).toBeGreaterThanOrEqual(0);
    expect(a.toxicity).toBeGreaterThanOrEqual(0);
    expect(a.toxicity).toBeLessThanOrEqual(1);
    expect(a.signature).toMatch(/^m1:[0-9a-f]{256}$/);
  });

  it('gives the same signature to a post and its copy without diacritics', () => {
    const post = 'Rác thải tập kết ở góc Lý Thái Tổ - Hùng Vương bốc mùi hôi thối cả tuần nay, đề nghị phường cho xe thu gom sớm';
    const stripped = post.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    expect(similarity(analyze(post, models).signature, analyze(stripped, models).signature)).toBeGreaterThan(0.9);
  });

  it('analyses only the start of a huge post', () => {
    const a = analyze('kẹt xe '.repeat(200_000), models);
    expect(a.text_redacted.length).toBe(20_000);
    expect(a.topics).toContain('giao-thong');
  });

  it('never loses personal data into later fields', () => {
    const a = analyze('Liên hệ chị Lan 0903123456, email lan.nguyen@gmail.com', models);
    expect(JSON.stringify(a)).not.toMatch(/0903123456|lan\.nguyen/);
  });
});
