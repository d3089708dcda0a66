// Processes started together on one PostgreSQL server (several web and worker processes behind a load
// balancer): migrations, data upgrades and first-run seeding happen once, the others wait and go on.
// On PGlite a data folder has one process (its lock), so this runs only against DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { prepare } from '../src/app/processes.ts';
import { createContext } from '../src/app/modules.ts';
import type { AppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/config/env.ts';
import { demoUnits } from '../src/org/demo.ts';
import { adminUrl, databaseUrl } from './pg-admin.ts';

const base = process.env.DATABASE_URL;
const name = `nhipcau_test_${randomBytes(6).toString('hex')}`;
const opened: AppContext[] = [];

afterAll(async () => {
  if (!base) return;
  await Promise.all(opened.map((c) => c.database.close().catch(() => {})));
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe.skipIf(!base)('processes started together on one PostgreSQL database', () => {
  it('migrate, upgrade and seed an empty database once; every process starts', async () => {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(base as string) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const config = loadConfig({ DATABASE_URL: databaseUrl(base as string, name), NHIPCAU_DEMO: 'true', NHIPCAU_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
    const started = await Promise.allSettled([1, 2, 3].map(async () => {
      const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
      opened.push(ctx);
      return prepare(ctx);
    }));
    expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const seeded = started.map((s) => (s as PromiseFulfilledResult<{ seeded: boolean }>).value.seeded);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const [{ n }] = await opened[0].database.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
    expect(n).toBe(demoUnits().length);
  }, 120_000);

  it('holds an exclusive lock on a connection of its own: two holders never overlap, and it is freed', async () => {
    const [a, b] = opened;
    let inside = 0;
    let most = 0;
    const hold = (ctx: AppContext) => ctx.database.exclusive(991_001, async () => {
      most = Math.max(most, ++inside);
      await new Promise((r) => setTimeout(r, 50));
      inside--;
    });
    await Promise.all([hold(a), hold(b), hold(a), hold(b)]);
    expect(most).toBe(1);
    // Freed: another session takes it at once.
    const [{ ok }] = await b.database.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(991001) AS ok');
    expect(ok).toBe(true);
  });
});
