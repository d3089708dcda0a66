// YouTube Data API v3: client with quota accounting, resumable uploads, neutral reader and publisher.
export * from './client.ts';
export * from './errors.ts';
export * from './quota.ts';
export * from './records.ts';
export * from './upload.ts';
