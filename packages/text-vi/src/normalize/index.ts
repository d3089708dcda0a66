// Normalisation: Unicode, tone placement, legacy encodings, folding, teencode, repeats, diacritics.
export { normalizeText, type NormalizeOptions } from './normalize.ts';
export { cleanText, toNfc } from './clean.ts';
export { placeTone, normalizeTonePlacement, type ToneStyle } from './tone.ts';
export { fold } from './fold.ts';
export { detectLegacyEncoding, convertLegacy, fixLegacyEncoding, convertVni, convertTcvn3, convertUtf8Cp1252, type LegacyEncoding } from './legacy.ts';
export { parseTeencode, expandTeencode, type TeencodeTable, type TeencodeEntry } from './teencode.ts';
export { squeezeRepeats } from './squeeze.ts';
export { isUndiacritized, diacriticStats, isVietnameseLikeAscii, type DiacriticStats } from './undiacritized.ts';
export { splitTone, composeTone, type Tone } from './chars.ts';
