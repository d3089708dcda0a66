// Pins the single-pass analyze() and the rewritten hot loops to the straightforward code they
// replaced: the reference below is analyze() as first written (each stage calls the public
// function on its own text) and the regex/closure versions of the rewritten helpers. Both sides
// must agree exactly on a few thousand realistic posts (generated here, plus the public datasets
// in ../shared/data when present), and on awkward Unicode.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, MAX_ANALYZED, MAX_TOPICS, postTopics, voicesConcern, type Analysis, type AnalyzerModels, type AnalyzedPlace } from './analyze.ts';
import { predictInto } from './classify/model.ts';
import { mulberry32 } from './classify/train.ts';
import { foldedTokens } from './fold/tokens.ts';
import { cleanText } from './normalize/clean.ts';
import { normalizeText } from './normalize/normalize.ts';
import { squeezeRepeats, squeezeWord } from './normalize/squeeze.ts';
import { normalizeTonePlacement, placeTone } from './normalize/tone.ts';
import { loadAnalyzer } from './node.ts';
import { findPlaces } from './places/gazetteer.ts';
import { classifyTopics } from './query/topics.ts';
import { matchConcepts } from './concepts/concepts.ts';
import { prepareDocument } from './query/document.ts';
import { redact } from './redact/redact.ts';
import { segment } from './segment/segment.ts';
import { frustration } from './sentiment/frustration.ts';
import type { SentimentLexicon } from './sentiment/lexicon.ts';
import { analyzeSentiment } from './sentiment/rules.ts';
import { defaultSentimentLexicon, sentiment, type SentimentResult } from './sentiment/sentiment.ts';
import { signature } from './dedup/signature.ts';
import { toxicity } from './toxicity/toxicity.ts';

const models = loadAnalyzer();

// --- the reference ------------------------------------------------------------------------

function referenceAnalyze(text: string, m: AnalyzerModels, options: { source?: string } = {}): Analysis {
  const input = (text.length > MAX_ANALYZED ? text.slice(0, MAX_ANALYZED) : text).trim();
  const textRedacted = redact(input).text;
  const normalized = referenceNormalize(textRedacted, m);
  const words = segment(normalized, m.segmenter).map((w) => w.join('_'));
  const sent = sentiment(normalized, { lexicon: m.sentimentLexicon, model: m.sentimentModel });
  const places: AnalyzedPlace[] = [];
  for (const p of findPlaces(textRedacted, m.gazetteer)) if (!places.some((q) => q.id === p.id)) places.push({ id: p.id, name: p.name, type: p.type });
  const concepts = m.concepts ? matchConcepts(prepareDocument(normalized), m.concepts) : [];
  // The topic rule itself (postTopics) is pinned by analyze.test.ts; here, what it is given.
  let queryTopics = classifyTopics(normalized, m.taxonomy, { source: options.source, places: places.map((p) => p.id) });
  if (!concepts.length && m.topicExclusion && classifyTopics(normalized, m.topicExclusion).length) queryTopics = [];
  const frustrated = referenceFrustration(textRedacted, sent, m.sentimentLexicon);
  const topics = postTopics(queryTopics, concepts, m.concepts, voicesConcern(sent.label, frustrated));
  if (m.topicModel) {
    const probs = new Float64Array(m.topicModel.model.labels.length);
    const best = predictInto(m.topicModel.model, normalized, probs);
    const label = m.topicModel.model.labels[best];
    if (probs[best] >= m.topicModel.threshold && label !== 'none' && topics.length < MAX_TOPICS && !topics.includes(label)) topics.push(label);
  }
  return {
    text_redacted: textRedacted,
    normalized,
    words,
    sentiment: { label: sent.label, score: round(sent.score) },
    frustration: round(frustrated),
    toxicity: m.toxicity ? round(toxicity(textRedacted, m.toxicity)) : 0,
    topics,
    concepts,
    places,
    signature: referenceSignature(textRedacted),
  };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

// Placeholders come through normalizeText() unchanged (see normalize/placeholders.ts).
const referenceNormalize = (text: string, m: AnalyzerModels): string => normalizeText(text, { teencode: m.teencode });

/** frustration() as first written: the whole rules pass, regexes for letters, "!" and stretching. */
function referenceFrustration(text: string, sentimentResult?: Pick<SentimentResult, 'score'>, lexicon: SentimentLexicon = defaultSentimentLexicon()): number {
  const ANGRY_EMOJI = new Set(['😡', '🤬', '😠', '😤', '👿', '💢', '👎']);
  const analysis = analyzeSentiment(text, lexicon);
  const score = sentimentResult?.score ?? analysis.score;
  const cues: number[] = [...analysis.swears, ...analysis.complaints];
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= 8) {
    const ratio = (text.match(/\p{Lu}/gu)?.length ?? 0) / letters;
    cues.push(Math.min(1, Math.max(0, (ratio - 0.3) / 0.5)) * 0.6);
  }
  let stretched = 0, repeatedAsk = 0;
  analysis.tokens.forEach((t, i) => {
    const raw = t.token.text;
    if (t.token.type === 'punct') {
      const bangs = raw.match(/!/g)?.length ?? 0;
      const asks = raw.match(/\?/g)?.length ?? 0;
      if (bangs >= 3) cues.push(0.35); else if (bangs === 2) cues.push(0.2); else if (bangs === 1) cues.push(0.05);
      if (asks >= 2) cues.push(0.25);
      if (bangs > 0 && asks > 0) cues.push(0.2);
    } else if (t.token.type === 'emoji') {
      if (ANGRY_EMOJI.has(t.exact)) cues.push(0.3);
    } else if (t.token.type === 'word' && /(\p{L})\1\1/u.test(raw.toLowerCase()) && stretched < 3) {
      stretched++;
      cues.push(0.1);
    }
    if (t.folded === 'thu' && i > 0 && analysis.tokens[i - 1].folded === 'lan' && /^\d+$|^n$/.test(analysis.tokens[i + 1]?.exact ?? '')) {
      const n = Number(analysis.tokens[i + 1].exact);
      repeatedAsk = Number.isFinite(n) ? Math.min(0.4, 0.1 * n) : 0.3;
    }
  });
  if (repeatedAsk > 0) cues.push(repeatedAsk);
  const intensity = 1 - cues.reduce((keep, c) => keep * (1 - Math.min(0.95, c)), 1);
  let negativity = Math.max(0, -score);
  if (score < 0.2 && analysis.complaints.some((c) => c >= 0.15)) negativity = Math.max(negativity, 0.35);
  return Math.min(1, negativity * (0.4 + 0.6 * intensity));
}

/** signature() as first written: de-duplicated shingles, hex by toString(16). */
function referenceSignature(text: string): string {
  const fnv1a = (s: string, h = 0x811c9dc5): number => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const fmix = (h: number): number => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const A = Uint32Array.from({ length: 64 }, (_, k) => fmix(0x9e3779b9 * (k + 1)) | 1);
  const B = Uint32Array.from({ length: 64 }, (_, k) => fmix(0x7f4a7c15 * (k + 1)));
  const w = foldedTokens(text).words;
  const shingles: number[] = [];
  if (w.length === 1) shingles.push(fnv1a(w[0]));
  else for (let i = 0; i + 1 < w.length; i++) shingles.push(fnv1a(w[i + 1], fnv1a(' ', fnv1a(w[i]))));
  const mins = new Uint16Array(64).fill(0xffff);
  for (const raw of new Set(shingles)) {
    const h = fmix(raw);
    for (let k = 0; k < 64; k++) {
      const v = (Math.imul(h, A[k]) + B[k]) >>> 16 & 0xffff;
      if (v < mins[k]) mins[k] = v;
    }
  }
  let hex = 'm1:';
  for (let k = 0; k < 64; k++) hex += mins[k].toString(16).padStart(4, '0');
  return hex;
}

const referenceSqueeze = (text: string): string => text.replace(/[\p{L}\p{M}]{2,}/gu, squeezeWord);
const referenceTone = (text: string, style: 'old' | 'new' = 'old'): string => text.replace(/[A-Za-zÀ-ỹĐđ]+/g, (w) => (w.length < 2 ? w : placeTone(w, style)));
const referenceClean = (text: string): string =>
  text
    .replace(/[\uff01-\uff5e]|[\u{1d400}-\u{1d7ff}]/gu, (c) => c.normalize('NFKC'))
    .normalize('NFC')
    .replace(/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0e]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();

// --- the posts ----------------------------------------------------------------------------

const SENTENCES = [
  'Bà con Phường 12 phản ánh tình trạng kẹt xe kéo dài trên đường 3/2 đoạn gần Vạn Hạnh Mall vào giờ cao điểm.',
  'Ngập nặng đường Bà Hạt sau cơn mưa chiều 12/9, nước tràn vào nhà, thuê xe kéo 200.000đ.',
  'Mọi người ơi có ai biết số đường dây nóng không? Gọi 1022 mãi không được.',
  'Cảnh báo lừa đảo: đối tượng giả danh công an gọi điện yêu cầu chuyển khoản vào STK 0071000123456 Vietcombank.',
  'Rác thải tập kết ở góc Lý Thái Tổ - Hùng Vương bốc mùi hôi thối cả tuần nay, ruồi nhặng bu đầy.',
  'Đề nghị UBND phường Vườn Lài cho xe thu gom sớm, email: cudan.q10@gmail.com',
  'Vào BV 115 khám mà chờ từ 6h sáng tới trưa, bhyt trái tuyến ko đc hưởng.',
  'Số CCCD của mình 079203001234 bị ghi sai trên VNeID nữa!!!',
  'Cảm ơn phường 12 đã sửa xong đèn đường hẻm 285, bà con rất vui 👍',
  'Liên hệ chị Lan 0903 123 456 hoặc anh Nguyễn Văn Nam ở hẻm 12 để đăng ký.',
  'Học phí năm nay tăng quá, con em đi học trường Nguyễn Du mà đóng tiền học thêm mệt xỉu.',
  'Cán bộ một cửa tận tình, chu đáo, rất chuyên nghiệp, giải quyết hồ sơ nhanh.',
  'Đường ngập quá, bao giờ mới sửa??? Đã phản ánh nhiều lần rồi mà lần thứ 3 vẫn vậy.',
  'Thái độ nhân viên quá đáng, hách dịch, chán vl 😡😡',
  'Giá điện tháng này tăng gấp đôi, hóa đơn 1,5 triệu đồng, không hiểu tính kiểu gì.',
  'Hoà bình cho thuỷ lợi, sức khoẻ là vàng, Uỷ ban nhân dân quận 10 thông báo lịch tiếp dân.',
  'Có tốt không? Tôi hay đi chợ Hòa Hưng buổi sáng, hôm nay trời mưa.',
  'Tuy giá hơi cao nhưng chất lượng rất tốt, không những đẹp mà còn rẻ.',
  'hay quá ha, đường ngập cả tháng nay mà không ai làm gì',
  'Xe rác đến đúng giờ, hẻm được trải nhựa sạch sẽ, cảm ơn các anh chị công nhân.',
  'Ông Trần Văn Ba, Chủ tịch UBND phường, cho biết sẽ xử lý dứt điểm trong tháng.',
  'Mất trộm xe máy trước cửa nhà số 45/12/3 đường Ngô Gia Tự lúc 2h sáng, camera có ghi lại.',
  'Cho thuê phòng trọ giá 3tr5, lh 0369.888.999 a Tuấn, có chỗ để xe.',
  'Tin giả lan truyền trên mạng về việc sáp nhập phường, đề nghị bà con cảnh giác.',
  'Sinh viên ký túc xá phản ánh wifi chập chờn, học online không được, bức xúc quá.',
];
const TEENCODE: [RegExp, string[]][] = [
  [/\bkhông\b/g, ['ko', 'k', 'hok', 'hông', 'KO']],
  [/\bđược\b/g, ['đc', 'dc']],
  [/\bgì\b/g, ['j']],
  [/\bvậy\b/g, ['z', 'v']],
  [/\brồi\b/g, ['r', 'rùi']],
  [/\bmọi người\b/gi, ['mn', 'mng']],
  [/\bbiết\b/g, ['bít', 'bik', 'bjk']],
  [/\bquá\b/g, ['qá', 'quáaaa', 'wá', 'QUÁAAA']],
  [/\bmình\b/g, ['mk', 'mik']],
];
const TAILS = ['', '', '!!!', '??', ' 😡😡', ' 👍', ' :))', ' =))', '...', ' ngonnnn', ' điiiii', ' #NgậpNước', ' @ubnd.quan10', ' https://quan10.hochiminhcity.gov.vn/tin-tuc?id=5.'];

const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const vni = (s: string): string => s.replace(/ệ/g, 'eä').replace(/ư/g, 'ö').replace(/ơ/g, 'ô').replace(/đ/g, 'ñ').replace(/ả/g, 'aû').replace(/á/g, 'aù').replace(/â/g, 'aâ');

function post(rnd: () => number): string {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  let s = pick(SENTENCES);
  if (rnd() < 0.5) s += ' ' + pick(SENTENCES);
  const r = rnd();
  if (r < 0.15) s = stripDiacritics(s).toLowerCase();
  else if (r < 0.4) for (const [re, forms] of TEENCODE) s = s.replace(re, (m) => (rnd() < 0.7 ? pick(forms) : m));
  else if (r < 0.47) s = s.toUpperCase();
  else if (r < 0.5) s = s.normalize('NFD');
  else if (r < 0.52) s = vni(s);
  else if (r < 0.54) s = s.replace(/ /g, () => pick([' ', '  ', '\u200b ', '\n', ' \u00a0', '\t']));
  else if (r < 0.56) s = '[' + s.slice(0, 40) + '] ' + s.slice(40);
  return s + pick(TAILS);
}

function datasetTexts(limit: number): string[] {
  const dir = process.env.NHIPCAU_DATA ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
  const out: string[] = [];
  for (const file of ['vihsd/dev.jsonl', 'uit_vsfc/dev.jsonl', 'vihos/dev.jsonl']) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n').slice(0, limit)) if (line.trim()) out.push(String((JSON.parse(line) as { text: unknown }).text));
  }
  return out;
}

const rnd = mulberry32(2024);
const POSTS = Array.from({ length: 3000 }, () => post(rnd));
const DATASETS = datasetTexts(700);
const ODD = [
  '', ' ', '\n', '[SĐT]', 'a\n[SĐT]\nb', '[SĐT] [EMAIL]', ' [TÊN]  nói ', '[x] ngoặc vuông', ' [ko] ', 'gọi 0903123456\u200b ko',
  'Ngöôøi daân 0903123456 phaûn aùnh', 'QUÁAAAA TỨC!!! 😡😡 lần thứ 3 lần thứ n', 'xoong nồi ngonnnn', '5kg đc ko', 'abc.vnđc a@b.comđc',
  'TP.HCM ông H.', '1,5 triệu k đắt', 'kkkkk :)))) =)) <3', '𝐍𝐠𝐮𝐲ễ𝐧 ＵＢＮＤ ＫＯ', 'Hoà bình'.normalize('NFD'), 'İSTANBUL ΣΟΦΟΣ \u212ao đc',
  '\ud835 lone \udc1a surrogates \ud83d', 'ĐƯỜNG 3/2 KẸT XE QUÁ TRỜI LUÔN Á', 'x'.repeat(25_000), 'kẹt xe '.repeat(4_000),
];

// --- the checks ---------------------------------------------------------------------------

describe('analyze() and its reference agree', () => {
  it.each([
    ['generated posts', POSTS],
    ['dataset texts (when ../shared/data is present)', DATASETS],
    ['odd texts', ODD],
  ])('on %s', (_what, texts) => {
    for (const [i, text] of texts.entries()) {
      const source = i % 3 === 0 ? undefined : 'facebook';
      expect(analyze(text, models, { source }), JSON.stringify(text)).toEqual(referenceAnalyze(text, models, { source }));
    }
  });

  it('also with an installation sentiment model and without teencode or toxicity', () => {
    const lexicon = defaultSentimentLexicon();
    const m: AnalyzerModels = { ...models, teencode: undefined, toxicity: undefined, sentimentLexicon: lexicon, sentimentModel: models.toxicity && { ...models.toxicity, labels: ['negative', 'positive'] } };
    for (const text of POSTS.slice(0, 500)) expect(analyze(text, m)).toEqual(referenceAnalyze(text, m));
  });
});

describe('rewritten helpers and their reference agree', () => {
  const texts = [...POSTS, ...DATASETS, ...ODD];
  it('frustration, with and without a sentiment given', () => {
    for (const text of texts.slice(0, 2500)) {
      expect(frustration(text)).toBe(referenceFrustration(text));
      expect(frustration(text, { score: -0.5 })).toBe(referenceFrustration(text, { score: -0.5 }));
    }
  });
  it('squeezeRepeats, normalizeTonePlacement, cleanText, signature', () => {
    for (const text of texts) {
      expect(squeezeRepeats(text)).toBe(referenceSqueeze(text));
      expect(normalizeTonePlacement(text)).toBe(referenceTone(text));
      expect(normalizeTonePlacement(text, 'new')).toBe(referenceTone(text, 'new'));
      expect(cleanText(text)).toBe(referenceClean(text));
      expect(signature(text)).toBe(referenceSignature(text));
    }
  });
});
