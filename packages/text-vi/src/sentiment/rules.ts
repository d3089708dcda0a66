// Rule-based sentiment over the lexicon, in the spirit of VADER (Hutto & Gilbert 2014) adapted to
// Vietnamese: negators before ("không tốt") and after ("có tốt đâu") a phrase, intensifiers on both
// sides ("rất đẹp", "đẹp quá", "chán vl"), diminishers ("hơi chậm"), contrast ("…nhưng…": the
// second half weighs more), concession ("mặc dù…"), questions (praise in a question says little),
// "!" and ALL CAPS emphasis, and sarcasm cues that turn negative in an otherwise negative post.
// What a post does matters as much as its words: a request for information ("có ai biết …"),
// a notice or an advert ("thông báo", "cần bán") reports a state of affairs without judging it,
// and thanks that open a post are not undone by the hardship they thank for.
import { lexTokens, matchLexicon, type LexMatch, type LexToken, type SentimentLexicon } from './lexicon.ts';

export interface SentimentAnalysis {
  /** Sum of the weighted phrase polarities. */
  raw: number;
  /** raw squashed into -1..1. */
  score: number;
  tokens: LexToken[];
  matches: LexMatch[];
  /** Intensities of the swear words and complaint phrases found (for the frustration score). */
  swears: number[];
  complaints: number[];
}

const NEGATION_REACH = 3; // words between a negator or intensifier and its phrase
const ALPHA = 10; // squashing: raw ±2 → ±0.53, ±4 → ±0.78
const ASK_WEIGHT = 0.1; // polarity inside a request for information
const THANKED_HARDSHIP = 0.3; // criticism in a sentence opened by thanks
const IRONY_REACH = 3; // words between an irony marker ("đúng là", "ghê", "🙂") and the praise it marks

const kindsOf = (m: LexMatch) => m.entry.kinds;
const polarityOf = (m: LexMatch): number | undefined => kindsOf(m).sent ?? kindsOf(m).tail ?? kindsOf(m).sarcasm;
const isModifier = (m: LexMatch) => {
  const k = kindsOf(m);
  return k.neg !== undefined || k.int !== undefined || k.dim !== undefined || k.wish !== undefined;
};

/** Negation: praise flips strongly ("không tốt"), criticism only partly ("không tệ" is lukewarm). */
const negate = (v: number, strength: number): number => v + strength * ((v > 0 ? -0.9 * v : -0.5 * v) - v);

export function analyzeSentiment(text: string, lexicon: SentimentLexicon): SentimentAnalysis {
  return analyzeSentimentTokens(lexTokens(text), lexicon);
}

/** analyzeSentiment over tokens already prepared with lexTokens()/lexTokensOf(). */
export function analyzeSentimentTokens(tokens: LexToken[], lexicon: SentimentLexicon): SentimentAnalysis {
  const matches = matchLexicon(lexicon, tokens);
  const { clause, sentence, clauseQuestion, clauseBangs } = structure(tokens);
  const allCaps = isAllCaps(tokens);
  const isPunct = (i: number) => i >= tokens.length || tokens[i].token.type === 'punct';

  // Clause-final "không/chưa", perhaps before particles and an addressee ("có tốt không", "còn
  // ngập không ạ", "có được hưởng không mọi người"), asks a question.
  const endsClause = (mi: number): boolean => {
    let end = matches[mi].end;
    for (let j = mi + 1; j < matches.length && matches[j].start === end && kindsOf(matches[j]).particle !== undefined; j++) end = matches[j].end;
    return isPunct(end);
  };
  // Requests for information, by sentence (a post that opens with one is a request throughout: what
  // follows explains it); notices and adverts, for the whole post (unless negated: "không có thông
  // báo gì").
  const askSentences = new Set<number>();
  let noticeWeight = 1;
  matches.forEach((m, mi) => {
    const k = kindsOf(m);
    if (k.question !== undefined) clauseQuestion[clause[m.start]] = true;
    if (k.neg !== undefined && polarityOf(m) === undefined && endsClause(mi)) clauseQuestion[clause[m.start]] = true;
    if (k.ask !== undefined) askSentences.add(sentence[m.start]);
    if (k.notice !== undefined && !negatedAt(matches, mi, clause)) noticeWeight = Math.min(noticeWeight, k.notice);
  });
  // A sentence that opens with thanks and turns nowhere ("cảm ơn các anh đội mưa dọn cống") thanks
  // for the hardship; its criticism counts little.
  const thankedSentences = new Set<number>();
  for (const m of matches) {
    if (kindsOf(m).thanks !== undefined && isSentenceStartIgnoring(tokens, m.start, sentence, matches)) thankedSentences.add(sentence[m.start]);
  }

  // Pass 1: attach modifiers to the phrase they modify.
  const consumed = new Uint8Array(matches.length);
  const factor = new Float64Array(matches.length).fill(1);
  const negation = new Float64Array(matches.length);
  const wished = new Float64Array(matches.length);
  matches.forEach((m, mi) => {
    if (polarityOf(m) === undefined) return;
    let intensified = 1;
    for (let j = mi - 1; j >= 0; j--) { // modifiers before
      const b = matches[j];
      if (m.start - b.end > NEGATION_REACH || clause[b.start] !== clause[m.start] || !isModifier(b)) break;
      const k = kindsOf(b);
      if (k.neg !== undefined) negation[mi] = Math.max(negation[mi], k.neg);
      else if (k.wish !== undefined) continue; // wishes reach further, see below
      else if (k.int !== undefined) intensified *= k.int;
      else if (k.dim !== undefined) factor[mi] *= k.dim;
      consumed[j] = 1;
    }
    for (let j = mi + 1; j < matches.length; j++) { // modifiers after
      const a = matches[j];
      const k = kindsOf(a);
      if (a.start - matches[j - 1].end > 1 || clause[a.start] !== clause[m.start]) break;
      if (k.intpost !== undefined) intensified *= k.intpost;
      else if (k.negpost !== undefined) negation[mi] = Math.max(negation[mi], k.negpost);
      else break;
      consumed[j] = 1;
    }
    // "không tốt lắm" is milder than "không tốt", not stronger.
    factor[mi] *= negation[mi] > 0 ? 1 / intensified : intensified;
  });

  // A wish or demand earlier in the sentence ("cần …", "mong cô … dễ hiểu hơn") says the praise
  // is missing. One forward pass keeps long posts linear.
  let wishSentence = -1, wishSoFar = 0;
  let pendingWishes: number[] = [];
  matches.forEach((m, mi) => {
    if (sentence[m.start] !== wishSentence) { wishSentence = sentence[m.start]; wishSoFar = 0; pendingWishes = []; }
    const w = kindsOf(m).wish;
    if (w !== undefined && !consumed[mi]) { wishSoFar = Math.max(wishSoFar, w); pendingWishes.push(mi); return; }
    if (polarityOf(m) === undefined || wishSoFar === 0) return;
    wished[mi] = wishSoFar;
    for (const j of pendingWishes) consumed[j] = 1;
    pendingWishes = [];
  });

  // A tail phrase ("hay", "nhanh") counts only where it reads as a judgement: not before a word
  // the lexicon does not know ("tôi hay đi chợ", "máy rất hay tắt": "hay" is "often" there).
  const tailOk = (mi: number): boolean => {
    const m = matches[mi];
    if (isPunct(m.end) || tokens[m.end].token.type === 'emoji') return true;
    const next = matches[mi + 1];
    return next !== undefined && next.start === m.end;
  };

  // Contrast per sentence: where its first and last contrast word are, and whether it opens with
  // one (a sentence-initial "Nhưng" also demotes the sentence before it).
  const firstContrast = new Map<number, number>(), lastContrast = new Map<number, number>();
  const opensWithContrast = new Set<number>();
  for (const m of matches) {
    if (kindsOf(m).contrast === undefined) continue;
    const s = sentence[m.start];
    if (!firstContrast.has(s)) firstContrast.set(s, m.start);
    lastContrast.set(s, m.start);
    if (isSentenceStart(tokens, m.start, sentence)) opensWithContrast.add(s);
  }
  for (const s of firstContrast.keys()) thankedSentences.delete(s);
  const concedeClauses = new Set(matches.filter((m) => kindsOf(m).concede !== undefined).map((m) => clause[m.start]));
  const weight = (m: LexMatch, v: number): number => {
    let w = noticeWeight;
    const s = sentence[m.start];
    if ((askSentences.has(s) || askSentences.has(0)) && kindsOf(m).complaint === undefined) w *= ASK_WEIGHT;
    if (v < 0 && thankedSentences.has(s) && kindsOf(m).complaint === undefined && kindsOf(m).swear === undefined) w *= THANKED_HARDSHIP;
    const before = (lastContrast.get(s) ?? -1) > m.start || opensWithContrast.has(s + 1);
    const after = (firstContrast.get(s) ?? Infinity) < m.start;
    if (before) w *= 0.5; else if (after) w *= 1.5;
    if (concedeClauses.has(clause[m.start])) w *= 0.5;
    if (clauseQuestion[clause[m.start]] && kindsOf(m).complaint === undefined) w *= v > 0 ? 0.15 : 0.8;
    w *= 1 + 0.15 * Math.min(clauseBangs[clause[m.start]], 3);
    if (!allCaps && isShouted(tokens, m)) w *= 1.2;
    return w;
  };

  // Praise next to an irony marker ("đúng là … đáng sống", "hiệu quả ghê", "giỏi thật", "🙂") is
  // sarcasm when the rest of the post complains, praise otherwise.
  const ironic = (mi: number): boolean => {
    const m = matches[mi];
    for (let j = mi - 1; j >= 0 && m.start - matches[j].end <= IRONY_REACH && clause[matches[j].start] === clause[m.start]; j--) {
      if (kindsOf(matches[j]).irony !== undefined) return true;
    }
    for (let j = mi + 1; j < matches.length && matches[j].start - m.end <= IRONY_REACH && clause[matches[j].start] === clause[m.start]; j++) {
      if (kindsOf(matches[j]).irony !== undefined) return true;
    }
    return false;
  };

  // Pass 2: contributions. Sarcasm is decided last, from the polarity of everything else.
  let raw = 0, negatives = 0;
  const swears: number[] = [], complaints: number[] = [];
  const sarcastic: number[] = [];
  const covered = new Uint8Array(tokens.length + 1);
  for (const m of matches) covered.fill(1, m.start, m.end);
  const isWord = (i: number) => i < tokens.length && tokens[i].token.type === 'word';
  const bareClauses = new Set<number>();
  matches.forEach((m, mi) => {
    const k = kindsOf(m);
    if (k.swear !== undefined) swears.push(k.swear);
    if (k.complaint !== undefined) complaints.push(k.complaint);
    if (consumed[mi]) return;
    // Unattached "quá"/"hơi" + an unknown word, or a negator that negates no phrase.
    const cl = clause[m.start];
    const afterUnknown = m.start > 0 && isWord(m.start - 1) && !covered[m.start - 1] && k.intpost !== undefined;
    if (k.excess !== undefined && ((isWord(m.end) && !covered[m.end]) || afterUnknown)) {
      raw += k.excess * weight(m, k.excess);
      negatives += k.excess;
      return;
    }
    if (k.bare !== undefined && isWord(m.end) && !clauseQuestion[cl] && !askSentences.has(sentence[m.start]) && !askSentences.has(0) && !bareClauses.has(cl)) {
      bareClauses.add(cl);
      raw += k.bare * weight(m, k.bare);
      return;
    }
    let v = k.sent ?? k.tail;
    if (k.sarcasm !== undefined) { sarcastic.push(mi); return; }
    if (v !== undefined && v > 0 && k.thanks === undefined && ironic(mi)) { sarcastic.push(mi); return; }
    if (v === undefined && k.swear !== undefined) v = -1; // bare profanity reads as anger
    if (v === undefined || v === 0) return;
    if (k.tail !== undefined && k.sent === undefined && !tailOk(mi)) return;
    let c = v * factor[mi];
    if (negation[mi] > 0) c = negate(c, negation[mi]);
    if (wished[mi] > 0 && c > 0) c = negate(c, wished[mi]);
    c *= weight(m, c);
    raw += c;
    if (c < 0) negatives += c;
  });
  const complaining = negatives <= -1.5 || swears.length > 0 || complaints.some((x) => x >= 0.2);
  // An irony marker is evidence of its own: a milder complaint around it is enough.
  const mildlyComplaining = negatives <= -0.5 || swears.length > 0 || complaints.some((x) => x >= 0.1);
  for (const mi of sarcastic) {
    const k = kindsOf(matches[mi]);
    const negativeContext = k.sarcasm === undefined ? mildlyComplaining : complaining;
    const v = k.sarcasm ?? Math.min(k.sent ?? k.tail ?? 0, 2);
    let c = negativeContext ? -1.2 * v : 0.8 * v;
    if (negation[mi] > 0) c = negate(c, negation[mi]);
    raw += c * weight(matches[mi], c);
  }
  return { raw, score: raw / Math.sqrt(raw * raw + ALPHA), tokens, matches, swears, complaints };
}

/** Clause and sentence index of every token, and per clause: is it a question, how many "!". */
function structure(tokens: readonly LexToken[]) {
  const clause = new Int32Array(tokens.length + 1);
  const sentence = new Int32Array(tokens.length + 1);
  const clauseQuestion: boolean[] = [false];
  const clauseBangs: number[] = [0];
  let c = 0, s = 0;
  for (let i = 0; i < tokens.length; i++) {
    clause[i] = c;
    sentence[i] = s;
    const t = tokens[i];
    if (t.token.type !== 'punct') continue;
    // One pass over the punctuation's characters: "?" asks, "!" counts, ",;:" end a clause, ".!?…" a sentence.
    const p = t.token.text;
    let ends = 0; // 1: the clause, 2: the sentence too
    for (let k = 0; k < p.length; k++) {
      const ch = p.charCodeAt(k);
      if (ch === 0x3f) { clauseQuestion[c] = true; ends = 2; }
      else if (ch === 0x21) { clauseBangs[c]++; ends = 2; }
      else if (ch === 0x2e || ch === 0x2026) ends = 2;
      else if ((ch === 0x2c || ch === 0x3b || ch === 0x3a) && ends === 0) ends = 1;
    }
    if (ends > 0) { c++; clauseQuestion[c] = false; clauseBangs[c] = 0; }
    if (ends === 2) s++;
  }
  clause[tokens.length] = c;
  sentence[tokens.length] = s;
  return { clause, sentence, clauseQuestion, clauseBangs };
}

function isSentenceStart(tokens: readonly LexToken[], i: number, sentence: Int32Array): boolean {
  return i === 0 || sentence[i - 1] !== sentence[i] || tokens[i - 1].token.type === 'punct';
}

/** Sentence start, or only a pronoun or particle before it ("em cảm ơn", "dạ cám ơn"). */
function isSentenceStartIgnoring(tokens: readonly LexToken[], i: number, sentence: Int32Array, matches: readonly LexMatch[]): boolean {
  if (isSentenceStart(tokens, i, sentence)) return true;
  const j = i - 1;
  if (!isSentenceStart(tokens, j, sentence) || tokens[j].token.type !== 'word') return false;
  return SPEAKERS.has(tokens[j].folded) || matches.some((m) => m.start === j && m.end === i && kindsOf(m).particle !== undefined);
}
const SPEAKERS = new Set(['em', 'e', 'minh', 'toi', 'con', 'chau', 'da', 'xin']);

/** A negator ends at most NEGATION_REACH words before matches[mi], in its clause ("không có thông báo"). */
function negatedAt(matches: readonly LexMatch[], mi: number, clause: Int32Array): boolean {
  const m = matches[mi];
  for (let j = mi - 1; j >= 0 && m.start - matches[j].end <= NEGATION_REACH && clause[matches[j].start] === clause[m.start]; j--) {
    if (kindsOf(matches[j]).neg !== undefined) return true;
  }
  return false;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** True when the words of the post are (nearly) all upper case: then caps carry no emphasis. */
function isAllCaps(tokens: readonly LexToken[]): boolean {
  let upper = 0, words = 0;
  for (const t of tokens) {
    if (t.token.type !== 'word' || t.token.text.length < 2) continue;
    words++;
    if (!LOWER.test(t.token.text)) upper++;
  }
  return words > 0 && upper / words > 0.8;
}

function isShouted(tokens: readonly LexToken[], m: LexMatch): boolean {
  for (let i = m.start; i < m.end; i++) {
    const w = tokens[i].token.text;
    if (w.length < 2 || !UPPER.test(w) || LOWER.test(w)) return false;
  }
  return true;
}
