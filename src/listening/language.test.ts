import { describe, expect, it } from 'vitest';
import type { PostAnalysis } from './analysis.ts';
import { deskAnalysis, isForeign } from './language.ts';

// Vietnamese as people write it, with and without marks, teencode, ads full of loanwords, abbreviations.
const VIETNAMESE = [
  'Đường Bà Hạt ngập tới đầu gối, xe chết máy hàng loạt',
  'duong ba hat ngap qua troi, ai di ngang thi tranh ra nha',
  'wa troi oi, nuoc ngap toi dau goi luon ae oi',
  'ko bik j het tron, dc ko ae',
  'ban xe sh mode 2021 chinh chu, odo 1v2 km, bien so tp, gia 48tr co thuong luong. lh [SĐT]',
  'Inbox shop nhe, sale 50% hom nay',
  'UBND P.12 trả lời chưa? CSGT đâu rồi',
  'Chào buổi sáng, the coffee ở đây ngon lắm', // mixed: Vietnamese enough
];
// Too little to tell: left to the text core.
const UNDECIDED = ['ok', 'Thanks', 'Hi all', '😡😡😡', '👍', '12/9 8h', ''];
const FOREIGN = [
  'The karaoke bar on Su Van Hanh street is so loud every night, nobody can sleep',
  'Flooding again on Ba Hat street',
  'Happy Mid-Autumn Festival everyone! The lantern street on Lương Nhữ Học is packed tonight',
  '万幸街的卡拉OK每天晚上都很吵，根本睡不着',
  '수반한 거리 노래방이 매일 밤 너무 시끄러워요',
  'ถนนน้ำท่วมอีกแล้ว',
  'Дорога снова затоплена',
];

describe('isForeign', () => {
  it.each(VIETNAMESE)('reads as Vietnamese: %s', (t) => expect(isForeign(t)).toBe(false));
  it.each(UNDECIDED)('does not judge a post this short: %s', (t) => expect(isForeign(t)).toBe(false));
  it.each(FOREIGN)('reads as another language: %s', (t) => expect(isForeign(t)).toBe(true));
});

describe('deskAnalysis', () => {
  const analysis = (textRedacted: string): PostAnalysis => ({
    textRedacted,
    sentiment: 1,
    sentimentScore: 0.8,
    frustration: 0.2,
    toxicity: 0.1,
    topics: ['moi-truong'],
    concepts: ['tieng-on'],
    places: ['d-su-van-hanh'],
    ward: 'p-vuon-lai',
    signature: 'm1:…',
    terms: [],
  });

  it('keeps a foreign post’s places and signature, drops what the text core cannot read in it', () => {
    const a = deskAnalysis(analysis(FOREIGN[0]));
    expect(a).toMatchObject({ topics: [], concepts: [], sentiment: 0, sentimentScore: 0, frustration: 0, toxicity: 0.1, places: ['d-su-van-hanh'], ward: 'p-vuon-lai', signature: 'm1:…' });
  });

  it('leaves a Vietnamese post as analysed', () => {
    const v = analysis(VIETNAMESE[1]);
    expect(deskAnalysis(v)).toBe(v);
  });
});
