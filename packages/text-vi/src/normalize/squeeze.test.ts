import { describe, expect, it } from 'vitest';
import { squeezeRepeats } from './squeeze.ts';

describe('squeezeRepeats', () => {
  it.each([
    ['quáaaaa', 'quá'],
    ['đẹp quáaaaa điiiii', 'đẹp quá đi'],
    ['ngonnnnn lắmmmm', 'ngon lắm'],
    ['QUÁAAAA', 'QUÁ'],
    ['quaaáá', 'quá'], // the toned letter of the run is kept
    ['quáa', 'quá'], // doubled letter in a word with diacritics
    ['nhaaa', 'nha'],
    ['xoong nồi', 'xoong nồi'], // real Vietnamese double o
    ['good coffee', 'good coffee'], // English doubles survive
    ['kkkkk hihi hahaha', 'kkkkk hihi hahaha'], // laughter stays recognisable
    ['Hà Nội', 'Hà Nội'],
  ])('%s → %s', (input, expected) => {
    expect(squeezeRepeats(input)).toBe(expected);
  });
});
