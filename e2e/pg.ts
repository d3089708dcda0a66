// A throw-away database on the PostgreSQL server of DATABASE_URL, for one end-to-end run.
import { randomBytes } from 'node:crypto';
import { adminUrl, databaseUrl } from '../test/pg-admin.ts';

export async function createThrowawayDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `nhipcau_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(base, name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
