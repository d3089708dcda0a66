// Node-only helpers: load the shipped models and data files from this package's folders.

// --- places and topics (redact/places/query/dedup) ---
import { readFileSync } from 'node:fs';
import { compileGazetteer, type Gazetteer, type GazetteerData } from './places/index.ts';
import { compileTaxonomy, type CompiledTaxonomy, type TaxonomyData } from './query/index.ts';
import { compileConcepts, type CompiledConcepts, type ConceptsData } from './concepts/index.ts';

const dataFile = (name: string) => new URL(`../data/${name}`, import.meta.url);

/** The Quận 10 gazetteer shipped in data/places-quan-10.json, or another file of the same schema. */
export function loadGazetteer(path: string | URL = dataFile('places-quan-10.json')): Gazetteer {
  return compileGazetteer(JSON.parse(readFileSync(path, 'utf8')) as GazetteerData);
}

/** The default topic taxonomy shipped in data/topics.json, or another file of the same schema. */
export function loadTopicTaxonomy(path: string | URL = dataFile('topics.json')): CompiledTaxonomy {
  return compileTaxonomy(JSON.parse(readFileSync(path, 'utf8')) as TaxonomyData);
}

/**
 * The exclusions of a topic taxonomy file (its `exclude` queries: ads and other posts that are no public
 * concern whatever words they use), compiled as one query list; undefined when the file has none.
 */
export function loadTopicExclusion(path: string | URL = dataFile('topics.json')): CompiledTaxonomy | undefined {
  const data = JSON.parse(readFileSync(path, 'utf8')) as TaxonomyData & { exclude?: string | string[] };
  if (!data.exclude?.length) return undefined;
  return compileTaxonomy({ matching: data.matching, topics: [{ id: 'exclude', name: { vi: 'exclude', en: 'exclude' }, query: data.exclude }] });
}

/** The civic concepts shipped in data/concepts.json, or another file of the same schema. */
export function loadConcepts(path: string | URL = dataFile('concepts.json')): CompiledConcepts {
  return compileConcepts(JSON.parse(readFileSync(path, 'utf8')) as ConceptsData);
}

// --- segmenter and normalisation tables (normalize/tokenize/segment) ---
import { readFileSync as readBytes } from 'node:fs';
import { decodeModel } from './segment/model-file.ts';
import type { SegmenterModel } from './segment/model.ts';
import { parseTeencode, type TeencodeTable } from './normalize/teencode.ts';

/** The shipped word segmenter (models/segmenter.bin), or another model file of the same format. */
export function loadSegmenter(path: string | URL = new URL('../models/segmenter.bin', import.meta.url)): SegmenterModel {
  return decodeModel(new Uint8Array(readBytes(path)));
}

/** The teencode / abbreviation table shipped in data/teencode.tsv, or another file of the same format. */
export function loadTeencode(path: string | URL = new URL('../data/teencode.tsv', import.meta.url)): TeencodeTable {
  return parseTeencode(readBytes(path, 'utf8'));
}

// --- classifier models and the sentiment lexicon (classify/sentiment/toxicity) ---
import { readFileSync as readModelFile } from 'node:fs';
import { deserializeModel } from './classify/serialize.ts';
import type { ClassifierModel } from './classify/model.ts';
import { parseSentimentLexicon, type SentimentLexicon } from './sentiment/lexicon.ts';

/** A classifier model file written by serializeModel (`nhipcau text train --out`). */
export function loadClassifierModel(path: string | URL): ClassifierModel {
  return deserializeModel(new Uint8Array(readModelFile(path)));
}

/** The shipped toxicity model (models/toxicity.bin, trained on ViHOS), or another model file. */
export function loadToxicityModel(path: string | URL = new URL('../models/toxicity.bin', import.meta.url)): ClassifierModel {
  return loadClassifierModel(path);
}

/** A sentiment lexicon TSV (default: the shipped data/sentiment-lexicon.tsv, also built into sentiment()). */
export function loadSentimentLexicon(path: string | URL = new URL('../data/sentiment-lexicon.tsv', import.meta.url)): SentimentLexicon {
  return parseSentimentLexicon(readModelFile(path, 'utf8'));
}

// --- the analysis pipeline (analyze) ---
import type { AnalyzerModels } from './analyze.ts';

/**
 * Everything analyze() needs, from the shipped files (or other paths). Call once per process:
 * loading reads about 1 MB of models and tables.
 */
export function loadAnalyzer(options: { toxicity?: string | URL | false; gazetteer?: string | URL; topics?: string | URL; concepts?: string | URL | false; segmenter?: string | URL; teencode?: string | URL } = {}): AnalyzerModels {
  return {
    segmenter: loadSegmenter(options.segmenter),
    teencode: loadTeencode(options.teencode),
    gazetteer: loadGazetteer(options.gazetteer),
    taxonomy: loadTopicTaxonomy(options.topics),
    topicExclusion: loadTopicExclusion(options.topics),
    concepts: options.concepts === false ? undefined : loadConcepts(options.concepts),
    toxicity: options.toxicity === false ? undefined : loadToxicityModel(options.toxicity),
  };
}

// --- claim matching (claims) ---
import { parseClaimSynonyms, type ClaimSynonyms } from './claims/synonyms.ts';

/** The claim matcher's synonym table shipped in data/claim-synonyms.tsv, or another file of the same format. */
export function loadClaimSynonyms(path: string | URL = dataFile('claim-synonyms.tsv')): ClaimSynonyms {
  return parseClaimSynonyms(readFileSync(path, 'utf8'));
}
