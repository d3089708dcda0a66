// Zalo Official Account: OA client, token refresh, neutral publisher, webhook receiver.
export * from './client.ts';
export * from './errors.ts';
export * from './records.ts';
export * from './tokens.ts';
export * from './webhook.ts';
