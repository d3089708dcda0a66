// An issue's title as a person would write it: the problem, then the place ("Ngập nước trên đường Bà
// Hạt", "Mất điện kéo dài ở phường Hòa Hưng"). The problem is the issue's main civic concept, named as
// the concept lexicon names it, or else its strongest key phrase; the place is where most of its posts
// say it happens. A title stays put: it is made again only when the issue's concept changes or its
// place no longer holds (another place has overtaken it clearly), not at every post. Analysts'
// names (custom_label) are kept apart and always win.
import { fold } from '@nhipcau/text-vi';
import type { Analyzer } from '../analyzer.ts';
import { mainConcept, type IssueState } from './model.ts';

/** What a title was made from; kept with the issue so that the title changes only when this does. */
export interface TitleBasis {
  concept: string | null;
  /** Key phrase used when there is no concept. */
  phrase: string | null;
  places: string[];
}

const PLACE_TYPES = new Set(['street', 'ward', 'market', 'school', 'hospital', 'landmark']);
/** A place is the issue's when at least this share of its posts name it (and two of them at least). */
const PLACE_SHARE = 0.2;
/** A second place of the same kind joins the title when named half as often as the first. */
const SECOND_PLACE = 0.5;
/** A title's place stays while named at least this share as often as the issue's leading place. */
const KEEP_PLACE = 0.5;
const MAX_LENGTH = 90;

type TitleIssue = Pick<IssueState, 'concepts' | 'places' | 'count' | 'title'>;

/** The basis of a title now, or the previous one when it still holds. */
export function titleBasis(issue: TitleIssue, analyzer: Analyzer, phrases: ReadonlyArray<[string, number]>): TitleBasis {
  const concept = mainConcept(issue) ?? null;
  const ranked = rankedPlaces(issue, analyzer);
  const phrase = concept ? null : (phrases.find(([p]) => !analyzer.placeNames.has(fold(p)))?.[0] ?? null);
  const prev = issue.title;
  if (prev && prev.concept === concept && (concept || (prev.phrase && phrases.slice(0, 5).some(([p]) => p === prev.phrase)))) {
    const top = ranked[0]?.n ?? 0;
    const held = prev.places.every((id) => (issue.places.get(id) ?? 0) >= KEEP_PLACE * top);
    // A place that has become clearly the issue's is a substantial change even if the old title had none.
    const newPlace = !prev.places.length && ranked.length > 0 && ranked[0].n >= 0.35 * issue.count;
    if (held && !newPlace) return prev;
  }
  const places: string[] = [];
  if (ranked.length) {
    places.push(ranked[0].id);
    const second = ranked.find((r, k) => k > 0 && r.type === ranked[0].type && r.n >= SECOND_PLACE * ranked[0].n);
    if (second) places.push(second.id);
  }
  return { concept, phrase, places };
}

export function renderTitle(basis: TitleBasis, analyzer: Analyzer, locale: 'vi' | 'en' = 'vi'): string {
  const record = basis.concept ? analyzer.models.concepts?.byId.get(basis.concept) : undefined;
  const head = record ? record.title[locale] : basis.phrase ? capitalise(basis.phrase) : '';
  if (!head) return '';
  const where = placePhrase(basis.places, analyzer);
  const title = where ? `${head} ${where}` : head;
  return title.length > MAX_LENGTH ? head : title;
}

function rankedPlaces(issue: TitleIssue, analyzer: Analyzer): Array<{ id: string; n: number; type: string }> {
  const min = Math.max(2, PLACE_SHARE * issue.count);
  const out: Array<{ id: string; n: number; type: string }> = [];
  for (const [id, n] of issue.places) {
    const type = analyzer.models.gazetteer.places.get(id)?.type;
    if (type && PLACE_TYPES.has(type) && n >= min) out.push({ id, n, type });
  }
  // Streets and named places say more than a ward; a ward more than nothing.
  return out.sort((a, b) => b.n - a.n || Number(a.type === 'ward') - Number(b.type === 'ward') || a.id.localeCompare(b.id));
}

/** "trên đường Bà Hạt và Vĩnh Viễn", "ở phường Hòa Hưng", "ở chợ Hòa Hưng", "tại Trường THPT Nguyễn Du". */
function placePhrase(ids: readonly string[], analyzer: Analyzer): string {
  if (!ids.length) return '';
  const records = ids.map((id) => analyzer.models.gazetteer.places.get(id)).filter((r) => !!r);
  if (!records.length) return '';
  const type = records[0].type;
  const names = records.map((r) => r.name);
  if (type === 'street') return `trên đường ${names.join(' và ')}`;
  if (type === 'ward' || type === 'market') return `ở ${names.map(lowerFirst).join(' và ')}`;
  return `tại ${names.join(' và ')}`;
}

/** "Phường Hòa Hưng" → "phường Hòa Hưng" inside a sentence; a numbered ward ("Phường 12") is a name whole. */
const lowerFirst = (s: string): string => (/^\S+ \d/.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1));
const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
