// The platform layer: typed errors, the request helper, neutral records and capabilities. Platform
// clients live one per folder (facebook/, youtube/, zalo/) and are imported from there by the code that
// wires a channel; everything else depends only on this file's exports.
export * from './errors.ts';
export * from './http.ts';
export * from './json.ts';
export * from './signatures.ts';
export * from './types.ts';
export * from './video.ts';
export * from './newer.ts';
