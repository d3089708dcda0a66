// 32-bit hashing shared by the segmenter's features and its hashed word list. The functions are
// part of the model format: changing them invalidates every shipped model.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Combines two 32-bit values (order matters); murmur3-style finaliser keeps low bits well mixed.
 * The result is the 32 bits as a signed integer: V8 keeps those unboxed, while an unsigned value of
 * 2^31 or more is a heap number, allocated (callers mask the bits or read them with >>> 0).
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return h ^ (h >>> 13);
}

/** Hash of a syllable sequence given the hashes of its syllables. */
export function hashSequence(hashes: ArrayLike<number>, start: number, end: number): number {
  let h = 0x2545f491;
  for (let i = start; i < end; i++) h = mix(h, hashes[i]);
  return h;
}
