// The platform layer: typed errors, the request helper, neutral records and capabilities, and one client
// folder per platform (facebook/, youtube/, zalo/). This file is the feature's face: code outside
// src/connectors/ imports from here only.
export * from './errors.ts';
export * from './http.ts';
export * from './json.ts';
export * from './signatures.ts';
export * from './types.ts';
export * from './video.ts';
export * from './newer.ts';
// The platforms' clients, readers, publishers and webhook receivers that src/platforms wires in.
export { commentsReader, FacebookGraph, facebookWebhook, pagePostsReader, pagePublisher } from './facebook/index.ts';
export { channelPublisher, commentThreadsReader, QuotaBudget, type QuotaLedger, YouTubeData } from './youtube/index.ts';
export { articlePublisher, ZaloOA, ZaloOAuth, zaloWebhook } from './zalo/index.ts';
