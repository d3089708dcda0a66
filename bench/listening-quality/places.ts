// Place finding measured on posts written by hand (places.jsonl): each line's truth is the set of
// gazetteer places it mentions, by their "name" in data/places-quan-10.json. A span names one
// place: "chợ Hòa Hưng" is the market, "ngã 7 Lý Thái Tổ" the roundabout, "UBND Quận 10" the
// office (not also the street or the district). Places outside the gazetteer (Chợ Rẫy, a ward of
// Quận 3) are not in the truth, so finding them counts against precision.
//
//   node --import tsx bench/listening-quality/places.ts [file.jsonl]
//
// prints precision and recall over distinct (line, place) pairs, then every line that was wrong.
// report() gives the overall listening-quality bench (run.ts) the figures on the stream's truth too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPlaces, redact, type Gazetteer } from '@nhipcau/text-vi';
import { loadGazetteer } from '@nhipcau/text-vi/node';

export interface PlacesTruth { text: string; places: string[] }

export interface PlacesMiss {
  /** Index of the record (0-based). */
  line: number;
  text: string;
  /** True places not found. */
  missed: string[];
  /** Places found that the line does not mention. */
  wrong: string[];
}

export interface PlacesScore {
  precision: number;
  recall: number;
  /** Distinct (line, place) pairs: found and true, found only, true only. */
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: PlacesMiss[];
}

/** Precision and recall of `find` over distinct (line, place) pairs; an empty side scores 1. */
export function evaluatePlaces(records: readonly PlacesTruth[], find: (text: string) => readonly string[]): PlacesScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: PlacesMiss[] = [];
  records.forEach((r, line) => {
    const truth = new Set(r.places);
    const found = new Set(find(r.text));
    const missed = [...truth].filter((p) => !found.has(p));
    const wrong = [...found].filter((p) => !truth.has(p));
    tp += truth.size - missed.length;
    fp += wrong.length;
    fn += missed.length;
    if (missed.length || wrong.length) misses.push({ line, text: r.text, missed, wrong });
  });
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    misses,
  };
}

/** Place names as analyze() finds them: in the redacted text, each place once. */
export function placesAsAnalyzed(gazetteer: Gazetteer): (text: string) => string[] {
  return (text) => [...new Set(findPlaces(redact(text.trim()).text, gazetteer).map((p) => p.name))];
}

export function readPlacesTruth(path: string | URL): PlacesTruth[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PlacesTruth);
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const figures = (s: PlacesScore) => `precision ${pct(s.precision)} %  recall ${pct(s.recall)} %  (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`;

/**
 * For the overall bench (run.ts): places on the stream's posts against their truth, and on
 * places.jsonl, each line printed with `log`. Truth places outside the gazetteer count as missed.
 */
export function report(stream: readonly PlacesTruth[] = [], log: (line: string) => void = console.log): { stream: PlacesScore; set: PlacesScore } {
  const find = placesAsAnalyzed(loadGazetteer());
  const onStream = evaluatePlaces(stream, find);
  const onSet = evaluatePlaces(readPlacesTruth(new URL('./places.jsonl', import.meta.url)), find);
  log(`Places (target ≥ 90 %)`);
  log(`  stream, ${String(stream.length).padStart(3)} posts   ${figures(onStream)}`);
  log(`  places.jsonl, ${onSet.misses.length} lines wrong   ${figures(onSet)}`);
  return { stream: onStream, set: onSet };
}

function main(): void {
  const file = process.argv[2] ?? new URL('./places.jsonl', import.meta.url);
  const records = readPlacesTruth(file);
  const gazetteer = loadGazetteer();
  const score = evaluatePlaces(records, placesAsAnalyzed(gazetteer));
  // The same without redaction: tells the matcher's misses from places the name redactor removed.
  const raw = evaluatePlaces(records, (t) => [...new Set(findPlaces(t, gazetteer).map((p) => p.name))]);
  const pairs = records.reduce((n, r) => n + new Set(r.places).size, 0);
  console.log(`Places — ${records.length} lines, ${pairs} true (line, place) pairs, ${records.filter((r) => r.places.length === 0).length} lines without a place`);
  console.log(`  as analyze() finds them (redacted text)  ${figures(score)}`);
  console.log(`  on the text as written (no redaction)    precision ${pct(raw.precision)} %  recall ${pct(raw.recall)} %`);
  if (score.misses.length) console.log(`\nLines with a difference (${score.misses.length}):`);
  for (const m of score.misses) {
    const parts = [m.missed.length ? `missed: ${m.missed.join(', ')}` : '', m.wrong.length ? `wrong: ${m.wrong.join(', ')}` : ''].filter(Boolean);
    console.log(`  ${String(m.line + 1).padStart(4)}  ${m.text}\n        ${parts.join('; ')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
