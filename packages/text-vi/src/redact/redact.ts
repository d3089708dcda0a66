// Personal-data redaction: phones, e-mails, citizen IDs, bank accounts and private persons' names
// become typed placeholders ([SĐT], [EMAIL], [CCCD], [STK], [TÊN]). One pass per kind over the
// text with precompiled patterns; kinds whose trigger character is absent are skipped.
import { nfcWithOffsets, fold } from '../fold/fold.ts';
import { findEmails } from './email.ts';
import { findFullNames } from './full-names.ts';
import { findNames } from './names.ts';
import { findAccounts, findNumbers } from './numbers.ts';
import { PLACEHOLDERS, type RedactSpan, type RedactType } from './types.ts';

export interface RedactOptions {
  /** Kinds to redact; all by default. */
  types?: readonly RedactType[];
  /**
   * Extra place names that begin with a kinship word ("Bà Hạt") or a family name ("Nguyễn Văn Cừ"), so
   * they are never taken for names (the installation's gazetteer; Quận 10's is built in).
   */
  placeNames?: readonly string[];
}

export interface RedactResult {
  text: string;
  /** Redacted spans, sorted, non-overlapping, as offsets into the original text. */
  spans: RedactSpan[];
}

const ALL: readonly RedactType[] = ['phone', 'email', 'id', 'account', 'name'];
const foldedPlaces = new WeakMap<readonly string[], string[]>();
const HAS_DIGIT = /\d/;

export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const types = options.types ?? ALL;
  const { nfc, offsets } = nfcWithOffsets(text);
  const found: RedactSpan[] = [];
  if (types.includes('email')) findEmails(nfc, found);
  if (HAS_DIGIT.test(nfc)) {
    const emails = found.slice();
    if (types.includes('account')) findAccounts(nfc, emails, found);
    if (types.includes('phone') || types.includes('id')) findNumbers(nfc, found.slice(), found);
  }
  if (types.includes('name')) {
    const places = placeList(options.placeNames);
    findNames(nfc, found, places);
    findFullNames(nfc, found, places);
  }

  const spans = dropOverlaps(found.filter((s) => types.includes(s.type)));
  if (offsets) for (const s of spans) { s.start = offsets[s.start]; s.end = offsets[s.end]; }
  return { text: spans.length ? replaceSpans(text, spans) : text, spans };
}

function placeList(names: readonly string[] | undefined): string[] {
  if (!names) return [];
  let folded = foldedPlaces.get(names);
  if (!folded) foldedPlaces.set(names, (folded = names.map((n) => fold(n).trim().replace(/\s+/g, ' '))));
  return folded;
}

function dropOverlaps(spans: RedactSpan[]): RedactSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RedactSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (!last || s.start >= last.end) out.push(s);
  }
  return out;
}

function replaceSpans(text: string, spans: RedactSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + PLACEHOLDERS[s.type];
    at = s.end;
  }
  return out + text.slice(at);
}
