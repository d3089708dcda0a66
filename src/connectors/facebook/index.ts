// Facebook Pages: Graph API client, neutral readers and publisher, webhook receiver.
export * from './client.ts';
export * from './errors.ts';
export * from './records.ts';
export * from './webhook.ts';
