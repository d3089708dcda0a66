// New embedded data folders start from the migrated template made at install time.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { ensureTemplate, templateFile } from '../src/db/template.ts';

it('a new data folder opens from the template, fully migrated, and keeps its own data', async () => {
  const file = await ensureTemplate();
  expect(file).toBe(templateFile());
  expect(path.basename(file)).toMatch(/^pglite-\d+-[0-9a-f]{16}\.tar\.gz$/);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-template-'));
  try {
    const db = await openDatabase({ dataDir: dir });
    expect((await migrate(db)).applied).toBe(0);
    await db.query(`INSERT INTO settings (key, value) VALUES ('probe', '"kept"')`);
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    expect(await again.query(`SELECT value FROM settings WHERE key = 'probe'`)).toEqual([{ value: 'kept' }]);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
