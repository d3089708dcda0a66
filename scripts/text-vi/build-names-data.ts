// Rebuilds src/redact/names-data.ts from data/names-surnames.txt, data/names-given.txt,
// data/names-not-persons.txt and the place names of data/places-quan-10.json, so the pure core
// redacts names without reading files. Run after editing one of them:
//   node --import tsx scripts/text-vi/build-names-data.ts
// (a test fails when the generated module and the files differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold } from '../../packages/text-vi/src/fold/fold.ts';

const data = (name: string) => new URL(`../../packages/text-vi/data/${name}`, import.meta.url);
const target = new URL('../../packages/text-vi/src/redact/names-data.ts', import.meta.url);

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const key = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

export interface NamesData { surnames: string[]; plainAmbiguous: string[]; given: string[]; notPersons: string[] }

export function buildNamesData(surnamesTxt: string, givenTxt: string, notPersonsTxt: string, gazetteerJson: string): NamesData {
  const surnames: string[] = [];
  const plainAmbiguous: string[] = [];
  for (const line of lines(surnamesTxt)) {
    const [name, flag] = line.split('|').map((s) => s.trim());
    const lower = name.normalize('NFC').toLowerCase();
    if (lower.includes(' ')) continue; // compound surnames ("Tôn Nữ") are a surname and a name word
    if (!surnames.includes(lower)) surnames.push(lower);
    if (flag === 'plain' && !plainAmbiguous.includes(fold(lower))) plainAmbiguous.push(fold(lower));
  }
  const given = [...new Set(lines(givenTxt).map(key))];
  const phrases = new Set(lines(notPersonsTxt).map(key));
  // Gazetteer places: from each name or alias, the part that starts at a family name
  // ("Trường THPT Nguyễn Du" → "nguyen du", "Công viên Lê Thị Riêng" → "le thi rieng").
  const surnameSet = new Set(surnames);
  const foldedSurnames = new Set(surnames.map(key));
  const gazetteer = JSON.parse(gazetteerJson) as { places: { name: string; aliases?: string[]; contextAliases?: string[] }[] };
  for (const place of gazetteer.places) {
    for (const name of [place.name, ...(place.aliases ?? []), ...(place.contextAliases ?? [])]) {
      // From a capitalised family name, or a word that reads as one without diacritics ("Su Van Hanh").
      const words = name.normalize('NFC').split(/\s+/);
      const at = words.findIndex((w) => /^\p{Lu}/u.test(w) && (surnameSet.has(w.toLowerCase()) || foldedSurnames.has(key(w))));
      if (at >= 0 && words.length - at >= 2 && !words.slice(at).some((w) => /\d/.test(w))) phrases.add(key(words.slice(at).join(' ')));
    }
  }
  return { surnames: surnames.sort(), plainAmbiguous: plainAmbiguous.sort(), given: given.sort(), notPersons: [...phrases].sort() };
}

export function renderNamesModule(d: NamesData): string {
  const list = (xs: string[]) => `[\n${xs.map((x) => `  ${JSON.stringify(x)},`).join('\n')}\n]`;
  return [
    '// GENERATED from data/names-*.txt and data/places-quan-10.json by scripts/text-vi/build-names-data.ts: edit those, not this file.',
    '/** Family names, lower case with diacritics. */',
    `export const SURNAMES: readonly string[] = ${list(d.surnames)};`,
    '/** Family names that, written without diacritics, are also common words (folded). */',
    `export const SURNAMES_PLAIN_AMBIGUOUS: readonly string[] = ${list(d.plainAmbiguous)};`,
    '/** Given names a lower-case kinship word may precede in text without diacritics (folded). */',
    `export const GIVEN_PLAIN: readonly string[] = ${list(d.given)};`,
    '/** Phrases that begin with a family name but are not private persons (folded). */',
    `export const NOT_PERSONS: readonly string[] = ${list(d.notPersons)};`,
    '',
  ].join('\n');
}

export function namesModuleFromFiles(): string {
  const read = (name: string) => readFileSync(data(name), 'utf8');
  return renderNamesModule(buildNamesData(read('names-surnames.txt'), read('names-given.txt'), read('names-not-persons.txt'), read('places-quan-10.json')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = namesModuleFromFiles();
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}: ${text.split('\n').length} lines`);
}
