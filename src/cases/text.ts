// The text core as cases use it: topic and place suggestions, signatures for duplicates, redaction
// of text that is shown in public. The taxonomy and gazetteer load once, on first use.
import { classifyTopics, findPlaces, redact, signature, similarity, type CompiledTaxonomy, type Gazetteer } from '@nhipcau/text-vi';
import { loadGazetteer, loadTopicTaxonomy } from '@nhipcau/text-vi/node';
import type { UnitTree } from '../org/index.ts';

let taxonomy: CompiledTaxonomy | undefined;
let gazetteer: Gazetteer | undefined;
export const topics = (): CompiledTaxonomy => (taxonomy ??= loadTopicTaxonomy());
export const places = (): Gazetteer => (gazetteer ??= loadGazetteer());

export interface TopicOption {
  id: string;
  name: { vi: string; en: string };
}

/** The topic list (the Open311 services), in taxonomy order. */
export const topicList = (): TopicOption[] => topics().topics.map((t) => ({ id: t.id, name: t.name }));
export const isTopic = (id: string): boolean => topics().topics.some((t) => t.id === id);
export const topicName = (id: string | null | undefined, locale: 'vi' | 'en'): string => (id ? (topics().topics.find((t) => t.id === id)?.name[locale] ?? id) : '');

/** The first topic the text matches, or null. */
export function suggestTopic(text: string): string | null {
  return classifyTopics(text, topics())[0] ?? null;
}

/** A ward unit and a gazetteer place named in the text (ward units are matched by their GSO code). */
export function suggestPlace(text: string, tree: UnitTree): { wardId: number | null; placeId: string | null } {
  const gz = places();
  const wardByGso = new Map(tree.all().filter((u) => u.kind === 'ward' && u.code).map((u) => [u.code as string, u.id]));
  let wardId: number | null = null;
  let placeId: string | null = null;
  for (const m of findPlaces(text, gz)) {
    const place = gz.places.get(m.id);
    if (!place) continue;
    if (place.type === 'ward') {
      wardId ??= (place.gso && wardByGso.get(place.gso)) || null;
      continue;
    }
    if (place.type === 'district') continue;
    placeId ??= place.id;
    if (wardId === null) {
      for (const parent of place.parents ?? []) {
        const gso = gz.places.get(parent)?.gso;
        const id = gso ? wardByGso.get(gso) : undefined;
        if (id && gz.places.get(parent)?.type === 'ward') {
          wardId = id;
          break;
        }
      }
    }
  }
  return { wardId, placeId };
}

/** Gazetteer places a case can name (streets, markets, hospitals, schools, landmarks), by name. */
export function placeOptions(): Array<{ id: string; name: string; type: string }> {
  return [...places().places.values()].filter((p) => p.type !== 'ward' && p.type !== 'district').map((p) => ({ id: p.id, name: p.name, type: p.type })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
export const placeName = (id: string | null | undefined): string => (id ? (places().places.get(id)?.name ?? id) : '');
export const isPlace = (id: string): boolean => places().places.has(id);

export const textSignature = (title: string, description: string): string => signature(`${title}\n${description}`);
export const signatureSimilarity = similarity;

/** Text shown in public: phones, e-mails, ID numbers, accounts and private names replaced. */
export const publicText = (text: string): string => redact(text).text;
