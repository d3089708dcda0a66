// Every table of the app, gathered for drizzle (queries) and drizzle-kit (migrations).
export * from '../org/schema.ts';
export * from '../auth/schema.ts';
export * from '../audit/schema.ts';
export * from '../jobs/schema.ts';
export * from './settings-schema.ts';
export * from '../platforms/schema.ts';
export * from '../sites/schema.ts';
export * from '../cases/schema.ts';
export * from '../listening/schema.ts';
export * from '../listening/alerts/schema.ts';
export * from '../claims/schema.ts';
