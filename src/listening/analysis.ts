// One post through the text core, reduced to what the desk stores and clusters (a post in another
// language without what the text core cannot read in it: see language.ts). Pure: the models are
// passed in, so the same function runs in the app, in a job and in the import's worker threads.
import { analyze, fold, type AnalyzerModels, type Gazetteer } from '@nhipcau/text-vi';
import { postTerms, type Term } from './clustering/terms.ts';
import { deskAnalysis } from './language.ts';

export interface PostAnalysis {
  textRedacted: string;
  /** -1, 0, 1 */
  sentiment: number;
  sentimentScore: number;
  frustration: number;
  toxicity: number;
  topics: string[];
  /** Civic concepts, the strongest first. */
  concepts: string[];
  places: string[];
  /** The ward the post is about ('' when none). */
  ward: string;
  signature: string;
  terms: Term[];
}

const SENTIMENT = { negative: -1, neutral: 0, positive: 1 } as const;

export function analyzePost(text: string, models: AnalyzerModels, options: { redacted?: boolean; source?: string } = {}): PostAnalysis {
  const a = analyze(text, models, options);
  const places = a.places.map((p) => p.id);
  return deskAnalysis({
    textRedacted: a.text_redacted,
    sentiment: SENTIMENT[a.sentiment.label],
    sentimentScore: a.sentiment.score,
    frustration: a.frustration,
    toxicity: a.toxicity,
    topics: a.topics,
    concepts: a.concepts,
    places,
    ward: wardOf(places, models.gazetteer),
    signature: a.signature,
    terms: markPlaceTerms(postTerms(a.words), a.places.map((p) => p.name)),
  });
}

/** Flags the terms that are words of the names of places the post mentions. */
function markPlaceTerms(terms: Term[], placeNames: readonly string[]): Term[] {
  if (!placeNames.length) return terms;
  const words = new Set(placeNames.flatMap((n) => fold(n.toLowerCase()).split(/\s+/)));
  for (const t of terms) if (fold(t.surface).split(' ').every((w) => words.has(w))) t.place = true;
  return terms;
}

/** The first ward named, else the ward of the first place that lies in exactly one ward. */
export function wardOf(placeIds: readonly string[], gazetteer: Gazetteer): string {
  for (const id of placeIds) if (gazetteer.places.get(id)?.type === 'ward') return id;
  for (const id of placeIds) {
    const wards = (gazetteer.places.get(id)?.parents ?? []).filter((p) => gazetteer.places.get(p)?.type === 'ward');
    if (wards.length === 1) return wards[0];
  }
  return '';
}
