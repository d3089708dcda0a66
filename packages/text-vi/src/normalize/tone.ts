// One tone-mark placement for every syllable, so "hoà" and "hòa" compare equal.
//
// Default: the old ("classic") style — hòa, khỏe, thủy — because it dominates Vietnamese news
// and social text (in ud_vi_vtb and the public comment sets it outnumbers "hoà/khoẻ/thuỷ"
// about 3:1 to 10:1) and it is what most keyboards emit. The new style (`'new'`) differs only in
// open syllables with the clusters oa, oe, uy, where the mark goes on the second vowel.
// Rules shared by both styles:
//   - "qu" and "gi" (before another vowel) are onsets: quả, quý, giá, giường; but gì, gìn.
//   - a vowel with a shape mark (ă â ê ô ơ ư) takes the tone; in "ươ" it is ơ: người, thuở.
//   - with a final consonant the tone goes on the last vowel: hoàn, toán, quyết, huýt.
//   - open syllables: three vowels → the middle one (oái, khuỷu); two → the first (mía, múa, hài),
//     except oa/oe/uy in the new style.
// Words that are not Vietnamese syllables (foreign names, typos) are left exactly as they are.
import { composeTone, splitTone, isVowel, type Tone } from './chars.ts';
import { isPlaceholderAt } from './placeholders.ts';

export type ToneStyle = 'old' | 'new';

const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const SHAPED = 'ăâêôơư';

/**
 * Returns `syllable` with its tone mark moved to the canonical vowel, or unchanged when the
 * string is not one Vietnamese syllable (or carries no tone, or more than one).
 */
export function placeTone(syllable: string, style: ToneStyle = 'old'): string {
  const n = syllable.length;
  if (n < 2 || n > 8) return syllable;
  // Locate the vowel run and the tone.
  let v0 = -1;
  let v1 = -1;
  for (let i = 0; i < n; i++) {
    if (isVowel(syllable.charCodeAt(i))) {
      if (v0 === -1) v0 = i;
      else if (v1 !== i) return syllable; // two separate vowel runs: not one syllable
      v1 = i + 1;
    }
  }
  if (v0 === -1 || v1 - v0 < 2) return syllable; // 0 or 1 vowel: nothing to move
  const lower = syllable.toLowerCase();
  const onset = lower.slice(0, v0);
  let start = v0;
  // "qu…" and "gi…" + vowel: the u / i belongs to the onset.
  if (v1 - v0 >= 2 && ((onset === 'q' && splitTone(lower[v0])[0] === 'u') || (onset === 'g' && splitTone(lower[v0])[0] === 'i'))) start = v0 + 1;
  if (!FINALS.has(lower.slice(v1))) return syllable;

  const bases: string[] = [];
  let tone: Tone = 0;
  let tonedAt = -1;
  for (let i = v0; i < v1; i++) {
    const [b, t] = splitTone(syllable[i]);
    bases.push(b);
    if (t !== 0) {
      if (tone !== 0) return syllable; // two tone marks: malformed, leave it
      tone = t;
      tonedAt = i;
    }
  }
  if (tone === 0) return syllable;

  const target = toneTarget(lower, start, v1, style);
  if (target === tonedAt) return syllable;
  let out = syllable.slice(0, v0);
  for (let i = v0; i < v1; i++) out += i === target ? composeTone(bases[i - v0], tone) : bases[i - v0];
  return out + syllable.slice(v1);
}

/** Index (into the syllable) of the vowel that should carry the tone; vowels are [start, end). */
function toneTarget(lower: string, start: number, end: number, style: ToneStyle): number {
  const shapes: string[] = [];
  for (let i = start; i < end; i++) shapes.push(splitTone(lower[i])[0].toLowerCase());
  const cluster = shapes.join('');
  const uo = cluster.indexOf('ươ');
  if (uo !== -1) return start + uo + 1;
  for (let i = shapes.length - 1; i >= 0; i--) if (SHAPED.includes(shapes[i])) return start + i;
  if (end < lower.length) return end - 1; // closed syllable: last vowel
  if (shapes.length === 1) return start;
  if (shapes.length >= 3) return start + 1;
  if (style === 'new' && (cluster === 'oa' || cluster === 'oe' || cluster === 'uy')) return start + 1;
  return start;
}

// Only runs of letters (A–Z, a–z, U+00C0–U+1EF9) are syllable candidates; everything else
// passes through unchanged.
const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x1ef9);

/** Applies `placeTone` to every word of `text`. Cheap when there is nothing to move. */
export function normalizeTonePlacement(text: string, style: ToneStyle = 'old'): string {
  let out = '';
  let copied = 0; // text[copied, …) is not in `out` yet
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isWordUnit(text.charCodeAt(i))) { i++; continue; }
    let j = i + 1, ascii = text.charCodeAt(i) < 0x80;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (!isWordUnit(c)) break;
      if (c >= 0x80) ascii = false;
    }
    // Plain ASCII carries no tone mark, a single letter none to move, and a syllable is at most 8.
    if (!ascii && j - i >= 2 && j - i <= 8) {
      const w = text.slice(i, j);
      const placed = placeToneMemo(w, style);
      if (placed !== w && !isPlaceholderAt(text, i - 1, j + 1)) {
        out += text.slice(copied, i) + placed;
        copied = j;
      }
    }
    i = j;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// Words repeat: placeTone's result per (style, word), bounded; it never changes a result.
const MEMO_ENTRIES = 20_000;
const memo = { old: new Map<string, string>(), new: new Map<string, string>() };
function placeToneMemo(word: string, style: ToneStyle): string {
  const m = style === 'new' ? memo.new : memo.old;
  let r = m.get(word);
  if (r === undefined) {
    r = placeTone(word, style);
    if (m.size >= MEMO_ENTRIES) m.clear();
    m.set(word, r);
  }
  return r;
}
