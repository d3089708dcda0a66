import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and run by the app itself on PGlite and PostgreSQL
// (drizzle-kit cannot load PGlite's extensions, so it never applies them).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  migrations: { prefix: 'timestamp' },
  casing: 'snake_case',
});
