// Name redaction measured on hand-labelled lines: how many syllables of private persons' names
// become [TÊN] (recall) and how many other words disappear (the cost). Works from the redacted text
// alone, by aligning its words with the original's, so any redactor can be measured.
// Run: node --import tsx bench/listening-quality/names.ts [file.jsonl]  (default: names.jsonl beside it)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface NameRecord {
  text: string;
  /** Exact substrings of `text` that are private persons' names. */
  names: string[];
  /** Exact substrings that look like names but must stay (streets, schools, officials, public figures). */
  keep?: string[];
}

/** A redactor: the redacted text, or an object holding it (such as redact()'s result). */
export type RedactFn = (text: string) => string | { text: string };

export interface NameLineResult {
  /** 1-based index of the record. */
  line: number;
  text: string;
  redacted: string;
  /** Name syllables left in clear. */
  missed: string[];
  /** Other words that were removed. */
  removed: string[];
  /** `keep` entries that lost a word. */
  keepLost: string[];
}

export interface NameFigures {
  /** Share of name syllables replaced by [TÊN]. */
  recall: number;
  /** Share of the other words (numbers and e-mail addresses aside) that were removed. */
  removedNonNames: number;
  /** Share of `keep` entries left whole (NaN when there are none). */
  keepKept: number;
  nameWords: number;
  nameWordsRedacted: number;
  otherWords: number;
  otherWordsRemoved: number;
  /** Lines with a missed name syllable, a removed word or a lost `keep` entry. */
  perLine: NameLineResult[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const OUT_TOKEN = /\[(?:TÊN|SĐT|EMAIL|CCCD|STK)\]|[\p{L}\p{M}\p{N}]+/gu;
// Phones, IDs and accounts are digits; e-mails (plain or written out) are measured by their own tests.
const EMAIL = /[\p{L}\p{N}._%+-]+\s*(?:@|\[at\]|\(at\))\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\p{L}\p{N}-]+)+/giu;

interface Word { w: string; start: number; end: number }

function words(text: string, re: RegExp): Word[] {
  const out: Word[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)); ) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Character ranges of every boundary-delimited occurrence of `needle`. */
function occurrences(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = text[at + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push([at, at + needle.length]);
  }
  return out;
}

/** For each original word, the index of the output token it is aligned with, or -1 (longest common subsequence). */
function align(a: string[], b: string[]): number[] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
    }
  }
  const match = new Array<number>(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) { match[i] = j; i++; j++; } else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) i++; else j++;
  }
  return match;
}

export function evaluateNames(records: readonly NameRecord[], redactFn: RedactFn): NameFigures {
  let nameWords = 0, nameWordsRedacted = 0, otherWords = 0, otherWordsRemoved = 0, keepTotal = 0, keepWhole = 0;
  const perLine: NameLineResult[] = [];
  records.forEach((record, index) => {
    const text = record.text.normalize('NFC');
    const result = redactFn(record.text);
    const redacted = (typeof result === 'string' ? result : result.text).normalize('NFC');
    const src = words(text, WORD);
    const out = words(redacted, OUT_TOKEN);
    const match = align(src.map((w) => w.w), out.map((w) => w.w));

    const inRanges = (w: Word, ranges: [number, number][]) => ranges.some(([s, e]) => w.start >= s && w.end <= e);
    const redactedAt = ([s, e]: [number, number]) => src.every((w, i) => w.start < s || w.end > e || match[i] < 0);
    // A name listed k times marks k of its occurrences ("bác Tư" but not "thứ Tư"); which ones the
    // label does not say, so redacted occurrences are taken first.
    const nameRanges: [number, number][] = [];
    const listed = new Map<string, number>();
    for (const n of record.names) listed.set(n.normalize('NFC'), (listed.get(n.normalize('NFC')) ?? 0) + 1);
    for (const [n, k] of listed) {
      const found = occurrences(text, n);
      nameRanges.push(...[...found.filter(redactedAt), ...found.filter((r) => !redactedAt(r))].slice(0, k));
    }
    const emailRanges = words(text, EMAIL).map((w): [number, number] => [w.start, w.end]);

    // An unaligned original word was replaced by what the output holds between its aligned neighbours.
    const gapHasName = (i: number): boolean => {
      let lo = -1, hi = out.length;
      for (let k = i - 1; k >= 0; k--) if (match[k] >= 0) { lo = match[k]; break; }
      for (let k = i + 1; k < src.length; k++) if (match[k] >= 0) { hi = match[k]; break; }
      for (let j = lo + 1; j < hi; j++) if (out[j].w === '[TÊN]') return true;
      return false;
    };

    const missed: string[] = [];
    const removed: string[] = [];
    src.forEach((w, i) => {
      if (inRanges(w, nameRanges)) {
        nameWords++;
        if (match[i] < 0 && gapHasName(i)) nameWordsRedacted++;
        else missed.push(w.w);
      } else if (!/\d/.test(w.w) && !inRanges(w, emailRanges)) {
        otherWords++;
        if (match[i] < 0) { otherWordsRemoved++; removed.push(w.w); }
      }
    });
    const keepLost: string[] = [];
    for (const k of record.keep ?? []) {
      for (const range of occurrences(text, k.normalize('NFC'))) {
        keepTotal++;
        if (src.every((w, i) => !inRanges(w, [range]) || match[i] >= 0)) keepWhole++;
        else keepLost.push(k);
      }
    }
    if (missed.length || removed.length || keepLost.length) perLine.push({ line: index + 1, text: record.text, redacted, missed, removed, keepLost });
  });
  return {
    recall: nameWords ? nameWordsRedacted / nameWords : NaN,
    removedNonNames: otherWords ? otherWordsRemoved / otherWords : 0,
    keepKept: keepTotal ? keepWhole / keepTotal : NaN,
    nameWords,
    nameWordsRedacted,
    otherWords,
    otherWordsRemoved,
    perLine,
  };
}

/** Records of a JSONL file (blank lines skipped). */
export function readNameRecords(path: string | URL): NameRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as NameRecord);
}

export function printNameFigures(f: NameFigures, log: (line: string) => void = console.log): void {
  const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);
  log(`names: recall ${pct(f.recall)} (${f.nameWordsRedacted}/${f.nameWords} syllables)  ·  other words removed ${pct(f.removedNonNames)} (${f.otherWordsRemoved}/${f.otherWords})  ·  look-alikes kept ${pct(f.keepKept)}`);
  for (const l of f.perLine) {
    const parts = [l.missed.length ? `missed: ${l.missed.join(' ')}` : '', l.removed.length ? `removed: ${l.removed.join(' ')}` : '', l.keepLost.length ? `kept lost: ${l.keepLost.join(' | ')}` : ''];
    log(`  ${String(l.line).padStart(4)}  ${parts.filter(Boolean).join('  ·  ')}\n        ${l.redacted.replace(/\n/g, ' ⏎ ')}`);
  }
}

/**
 * The figures of the shipped redact() on names.jsonl and, when given, on other records (the stream's
 * truth: records without a `names` list are left out), with the misses of names.jsonl.
 */
export async function report(records?: readonly { text: string; names?: string[] }[]): Promise<void> {
  const { redact } = await import('../../packages/text-vi/src/redact/index.ts');
  const fn = (t: string) => redact(t);
  if (records) {
    const labelled = records.filter((r): r is NameRecord => Array.isArray(r.names));
    console.log(`stream (${labelled.length} posts with names labelled):`);
    printNameFigures({ ...evaluateNames(labelled, fn), perLine: [] });
  }
  console.log('names.jsonl:');
  printNameFigures(evaluateNames(readNameRecords(new URL('./names.jsonl', import.meta.url)), fn));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2]) {
    const { redact } = await import('../../packages/text-vi/src/redact/index.ts');
    printNameFigures(evaluateNames(readNameRecords(process.argv[2]), (t) => redact(t)));
  } else await report();
}
