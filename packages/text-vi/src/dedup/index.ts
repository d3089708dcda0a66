export { signature, similarity, SIGNATURE_HASHES } from './signature.ts';
export { LshIndex } from './lsh.ts';
