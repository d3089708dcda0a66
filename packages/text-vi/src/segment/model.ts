// The segmenter model: hashed feature weights, tag-transition weights and the hashed word list.
// A plain object; `decodeModel`/`encodeModel` convert it to and from the compact file format.
import { WordHashSet } from './dictionary.ts';

export interface SegmenterModel {
  /** log2 of the weight-table size. */
  bits: number;
  /** Weight of tag I ("continues the previous syllable's word") per hashed feature. */
  weights: Float32Array;
  /** Transition weights [B→B, B→I, I→B, I→I]. */
  transitions: Float32Array;
  dict: WordHashSet;
  meta: SegmenterMeta;
  /** Memo of syllable → hash; filled on use (bounded), never affects results. */
  cache: Map<string, number>;
}

export interface SegmenterMeta {
  format: 1;
  trainedOn: string;
  /** Word F1 on ud_vi_vtb dev measured by the training script (informational). */
  devF1?: number;
  epochs?: number;
  [key: string]: unknown;
}

export function createModel(bits: number, dict: WordHashSet, meta: SegmenterMeta): SegmenterModel {
  return { bits, weights: new Float32Array(1 << bits), transitions: new Float32Array(4), dict, meta, cache: new Map() };
}
