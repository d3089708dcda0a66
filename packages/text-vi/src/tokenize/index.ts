// Syllable tokenizer: typed tokens with UTF-16 offsets.
export { tokenize } from './tokenize.ts';
export type { Token, TokenType } from './types.ts';
