// analyze(): the whole text core over one post, in the order the listening desk needs it.
// Redaction comes first, so nothing after it (and nothing stored) sees the personal data; then
// normalisation (legacy encodings, tone marks, repeats, teencode), words, sentiment, frustration,
// toxicity, topics, civic concepts, places and a near-duplicate signature. Models are passed in (see loadAnalyzer()
// in node.ts); nothing is loaded here. The result is what the public functions give stage by stage
// (pinned by analyze.equivalence.test.ts), but each text is tokenised, matched against the
// sentiment lexicon and folded once, and the stages share that work.
import type { ClassifierModel } from './classify/model.ts';
import { predictInto } from './classify/model.ts';
import { signatureFolded } from './dedup/signature.ts';
import { foldedTokens } from './fold/tokens.ts';
import { normalizeTextTokens } from './normalize/normalize.ts';
import type { TeencodeTable } from './normalize/teencode.ts';
import { findPlacesFolded, type Gazetteer } from './places/gazetteer.ts';
import type { PlaceMatch, PlaceType } from './places/types.ts';
import { prepareFolded } from './query/document.ts';
import { classifyTopics, type CompiledTaxonomy } from './query/topics.ts';
import { matchConcepts, type CompiledConcepts } from './concepts/concepts.ts';
import { redact } from './redact/redact.ts';
import type { SegmenterModel } from './segment/model.ts';
import { segmentTokensJoined } from './segment/segment.ts';
import { frustrationFrom } from './sentiment/frustration.ts';
import { lexTokens, lexTokensOf, matchLexicon, type SentimentLexicon } from './sentiment/lexicon.ts';
import { analyzeSentimentTokens } from './sentiment/rules.ts';
import { defaultSentimentLexicon, sentimentFromRules, type SentimentLabel } from './sentiment/sentiment.ts';
import { tokenize } from './tokenize/tokenize.ts';
import { toxicity } from './toxicity/toxicity.ts';

export interface AnalyzerModels {
  segmenter: SegmenterModel;
  gazetteer: Gazetteer;
  taxonomy: CompiledTaxonomy;
  /** Posts that are no public concern whatever words they use (ads), from the taxonomy file's `exclude`: they get no query topic. */
  topicExclusion?: CompiledTaxonomy;
  /** Civic concepts (data/concepts.json); without them `concepts` is empty. */
  concepts?: CompiledConcepts;
  /** Teencode and abbreviations expanded before analysis ("ko" → "không"). */
  teencode?: TeencodeTable;
  /** Offensive-language classifier; without it toxicity is 0. */
  toxicity?: ClassifierModel;
  /** Another sentiment lexicon; default: the shipped one. */
  sentimentLexicon?: SentimentLexicon;
  /** The installation's own sentiment classifier (trained from analysts' labels), blended with the rules. */
  sentimentModel?: ClassifierModel;
  /** The installation's own topic classifier: its label is added to the query topics when its probability reaches `threshold`. */
  topicModel?: { model: ClassifierModel; threshold: number };
}

export interface AnalyzedPlace {
  id: string;
  name: string;
  type: PlaceType;
}

export interface Analysis {
  /** The text, without surrounding whitespace, with personal data replaced ([SĐT], [EMAIL], [CCCD], [STK], [TÊN]). */
  text_redacted: string;
  /** text_redacted normalised for analysis. */
  normalized: string;
  /** Words of `normalized`; the syllables of a word are joined by "_" ("kẹt_xe"). */
  words: string[];
  sentiment: { label: SentimentLabel; score: number };
  /** 0..1, how upset (bức xúc) the post is. */
  frustration: number;
  /** 0..1, probability the post is offensive. */
  toxicity: number;
  /** Topic ids of the taxonomy (and of the installation's topic model), at most MAX_TOPICS: see postTopics(). */
  topics: string[];
  /** Civic concepts the post speaks of, the strongest first (see concepts/). */
  concepts: string[];
  /** Places of the gazetteer, each once, in order of first mention. */
  places: AnalyzedPlace[];
  /** MinHash signature for near-duplicate detection (see dedup/). */
  signature: string;
}

export interface AnalyzeOptions {
  /** The post's source, for topic queries with source: terms. */
  source?: string;
  /** Text already redacted (e.g. at ingestion): skip redaction. */
  redacted?: boolean;
}

/** Longer texts are analysed on their first MAX_ANALYZED characters (a 1 MB post costs what a 20 kB one does). */
export const MAX_ANALYZED = 20_000;

export function analyze(text: string, models: AnalyzerModels, options: AnalyzeOptions = {}): Analysis {
  const input = (text.length > MAX_ANALYZED ? text.slice(0, MAX_ANALYZED) : text).trim();
  const textRedacted = options.redacted ? input : redact(input).text;
  const norm = normalizeTextTokens(textRedacted, { teencode: models.teencode });
  const normalized = norm.text;
  const same = normalized === textRedacted;

  // Each text is tokenised and folded once; the stages share the results.
  const tokens = normalized === norm.beforeTeencode && norm.tokens ? norm.tokens : tokenize(normalized);
  const words = segmentTokensJoined(tokens, models.segmenter);

  const lexicon = models.sentimentLexicon ?? defaultSentimentLexicon();
  const lex = analyzeSentimentTokens(lexTokensOf(tokens), lexicon);
  const sent = sentimentFromRules(lex.score, normalized, { lexicon, model: models.sentimentModel });
  // Frustration reads the redacted text as written (stretched letters, caps): its own tokens,
  // unless normalisation changed nothing, or only expanded teencode (whose pass tokenised it).
  let frustrated: number;
  if (same) frustrated = frustrationFrom(textRedacted, sent.score, lex.tokens, lex.matches);
  else {
    const raw = norm.beforeTeencode === textRedacted && norm.tokens ? lexTokensOf(norm.tokens) : lexTokens(textRedacted);
    frustrated = frustrationFrom(textRedacted, sent.score, raw, matchLexicon(lexicon, raw));
  }

  const folded = foldedTokens(textRedacted);
  const places = uniquePlaces(findPlacesFolded(folded, models.gazetteer, textRedacted));
  const doc = prepareFolded(normalized, same ? folded : foldedTokens(normalized));
  const concepts = models.concepts ? matchConcepts(doc, models.concepts) : [];
  let queryTopics = classifyTopics(doc, models.taxonomy, { source: options.source, places: places.map((p) => p.id) });
  // An ad is no public concern; a concept's own queries carry their exclusions.
  if (queryTopics.length && !concepts.length && models.topicExclusion && classifyTopics(doc, models.topicExclusion).length) queryTopics = [];
  const topics = postTopics(queryTopics, concepts, models.concepts, voicesConcern(sent.label, frustrated));
  if (models.topicModel) addModelTopic(topics, normalized, models.topicModel);

  return {
    text_redacted: textRedacted,
    normalized,
    words,
    sentiment: { label: sent.label, score: round(sent.score) },
    frustration: round(frustrated),
    toxicity: models.toxicity ? round(toxicity(textRedacted, models.toxicity)) : 0,
    topics,
    concepts,
    places,
    signature: signatureFolded(folded),
  };
}

function uniquePlaces(matches: readonly PlaceMatch[]): AnalyzedPlace[] {
  const out: AnalyzedPlace[] = [];
  for (const m of matches) if (!out.some((p) => p.id === m.id)) out.push({ id: m.id, name: m.name, type: m.type });
  return out;
}

/** A post carries at most this many topic tags. */
export const MAX_TOPICS = 2;

/**
 * A post's topic tags from what the taxonomy's queries found (`queryTopics`, in taxonomy order) and
 * the civic concepts it speaks of (strongest first). A tag needs evidence that the post is about the
 * topic, not a word it mentions in passing: the concept lexicon says what the post's concern is, and
 * much more precisely than a topic query, so a post with a concept gets its strongest concept's
 * topic, and only that ("nước ngập tới yên xe, xe chết máy giữa đường" is about flooding, not also
 * traffic; a scam posing as the power company is a scam, not also power bills). The lexicon's
 * precedence holds for topics too: a query topic whose concepts outrank the post's concept (a scam
 * that no scam concept caught, in a post about the traffic fine it poses as) is the tag instead,
 * and alone. Otherwise a post of no concept that voices a concern (`concerned`: its sentiment is
 * negative, or it is somewhat frustrated) gets its first query topic; one that does not (a question for a pharmacy open at night, a
 * vaccination notice, a pagoda visit) speaks of the topic's words without being about a public concern,
 * and gets none: two hand-written streams and the holdout agree (precision +0.04 to +0.09).
 */
/** A post voices a concern when it reads negative or somewhat frustrated ("mấy lần mà không ai trả lời"). */
export const voicesConcern = (label: SentimentLabel, frustration: number): boolean => label === 'negative' || frustration >= 0.15;

export function postTopics(queryTopics: readonly string[], concepts: readonly string[], lexicon?: CompiledConcepts, concerned = true): string[] {
  const main = concepts.length ? lexicon?.byId.get(concepts[0]) : undefined;
  const rank = lexicon ? topicPrecedence(lexicon) : undefined;
  let topic = main?.topic;
  let best = main?.precedence ?? 0;
  for (const t of queryTopics) {
    const p = rank?.get(t) ?? 0;
    if (p > best) (topic = t), (best = p);
  }
  return topic ? [topic] : concerned ? queryTopics.slice(0, 1) : [];
}

const precedences = new WeakMap<CompiledConcepts, Map<string, number>>();
/** Each topic's highest concept precedence (see ConceptRecord.precedence). */
function topicPrecedence(lexicon: CompiledConcepts): Map<string, number> {
  let m = precedences.get(lexicon);
  if (!m) {
    m = new Map();
    for (const c of lexicon.byId.values()) if (c.precedence) m.set(c.topic, Math.max(m.get(c.topic) ?? 0, c.precedence));
    precedences.set(lexicon, m);
  }
  return m;
}

let probs = new Float64Array(16);
/** The installation's own classifier (trained on its analysts' labels) adds its label while the post has room for a tag. */
function addModelTopic(topics: string[], text: string, { model, threshold }: { model: ClassifierModel; threshold: number }): void {
  if (probs.length < model.labels.length) probs = new Float64Array(model.labels.length);
  const best = predictInto(model, text, probs);
  const label = model.labels[best];
  if (probs[best] >= threshold && label !== 'none' && topics.length < MAX_TOPICS && !topics.includes(label)) topics.push(label);
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
