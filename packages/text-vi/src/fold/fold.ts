// Accent folding for matching: lower case, no diacritics, đ → d, full-width forms → ASCII.
// Private to redact/, places/, query/ and dedup/ (the shared normaliser lives in normalize/).
// Works on NFC and NFD input alike: combining marks are dropped, so "hoà", "hòa" and "hòa" (NFD)
// all fold to "hoa". Folding never changes length except by dropping combining marks.

const COMBINING_LO = 0x300;
const COMBINING_HI = 0x36f;
/** Code unit → folded code unit (0 = drop). Built on first use, not on import. */
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0; c < 0x2000; c++) {
    const s = String.fromCharCode(c);
    const stripped = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (stripped.length === 1) t[c] = stripped.charCodeAt(0);
  }
  for (let c = COMBINING_LO; c <= COMBINING_HI; c++) t[c] = 0;
  t[0x110] = t[0x111] = 0x64; // Đ đ → d
  t[0xd0] = 0x64; // Ð (Icelandic eth, often typed for Đ) → d
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = String.fromCharCode(c - 0xfee0).toLowerCase().charCodeAt(0); // full-width ASCII
  t[0xa0] = 0x20; // no-break space → space
  return t;
}

export function foldTable(): Uint16Array {
  return (table ??= buildTable());
}

/** Folds `text` for accent-insensitive comparison: "Ngập NƯỚC Đường" → "ngap nuoc duong". */
export function fold(text: string): string {
  const t = foldTable();
  let out = '';
  let runStart = 0;
  // Fast path: copy unchanged runs; rebuild only where a unit changes.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c];
    if (f === c) continue;
    out += text.slice(runStart, i);
    if (f !== 0) out += String.fromCharCode(f);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/**
 * Folds and also returns, for every folded unit, its index in `text` (plus a final entry for the
 * end), so matches on the folded string map back to the original.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: Int32Array } {
  const t = foldTable();
  const offsets = new Int32Array(text.length + 1);
  const codes: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = t[text.charCodeAt(i)];
    if (f === 0) continue;
    codes.push(f);
    offsets[n++] = i;
  }
  offsets[n] = text.length;
  let folded = '';
  for (let i = 0; i < codes.length; i += 4096) folded += String.fromCharCode(...codes.slice(i, i + 4096));
  return { folded, offsets: offsets.subarray(0, n + 1) };
}

/** True when `text` contains a Vietnamese (or other Latin) letter with a diacritic, or đ. */
export function hasDiacritics(text: string): boolean {
  return /[\u00c0-\u024f\u0300-\u036f\u1ea0-\u1ef9]/.test(text);
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_DIGIT: Record<string, string> = { '\u0300': '1', '\u0301': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };

/**
 * A key that keeps diacritics but ignores case, NFC/NFD form and where the tone mark sits:
 * "Hoà", "hòa" → "hoa1"; "hoa" → "hoa"; "hỏa" → "hoa3". Shape marks (ă â ê ô ơ ư đ) are kept.
 */
export function exactKey(word: string): string {
  const nfd = word.normalize('NFD').toLowerCase();
  let tone = '';
  const base = nfd.replace(TONE_MARKS, (m) => { tone = TONE_DIGIT[m]; return ''; });
  return base.normalize('NFC') + tone;
}

/**
 * NFC form of `text` and, for every unit of it, the index in `text` where it came from (plus a
 * final entry for the end). Returns null offsets when `text` has no combining marks (already NFC
 * for Vietnamese), which is the common case and costs one scan.
 */
export function nfcWithOffsets(text: string): { nfc: string; offsets: Int32Array | null } {
  if (!/[\u0300-\u036f]/.test(text)) return { nfc: text, offsets: null };
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= COMBINING_LO && text.charCodeAt(j) <= COMBINING_HI) j++;
    const seg = text.slice(i, j).normalize('NFC');
    parts.push(seg);
    for (let k = 0; k < seg.length; k++) offsets.push(k === 0 ? i : j);
    i = j;
  }
  offsets.push(text.length);
  return { nfc: parts.join(''), offsets: Int32Array.from(offsets) };
}
