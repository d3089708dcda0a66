// Posts stored before addresses were cleaned at the door kept their authors in their addresses
// (facebook.com/user.74469268/posts/…, profile.php?id=…, a YouTube @handle) and tracking parameters.
// This rewrites every stored address with the door's rule (core/post-url.ts, which is idempotent, so
// running it again later changes nothing), in batches, and records that it ran.
import { sql } from 'drizzle-orm';
import { normalisePostUrl } from '../../core/post-url.ts';
import type { Database } from '../client.ts';
import type { Upgrade, UpgradeTx } from '../upgrades.ts';

const DONE_KEY = 'upgrade.post-urls';
const BATCH = 5_000;

const rowsOf = async <T>(tx: UpgradeTx, query: ReturnType<typeof sql>): Promise<T[]> => ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

export const upgradePostUrls: Upgrade = Object.assign(
  async (tx: UpgradeTx): Promise<number> => {
    let changed = 0;
    for (let after = 0; ; ) {
      const rows = await rowsOf<{ id: string | number; url: string }>(tx, sql`SELECT id, url FROM listening_posts WHERE url IS NOT NULL AND id > ${after} ORDER BY id LIMIT ${BATCH}`);
      if (!rows.length) break;
      after = Number(rows[rows.length - 1].id);
      const fixes = rows.map((r) => ({ id: Number(r.id), url: normalisePostUrl(r.url) })).filter((r, i) => r.url !== rows[i].url);
      if (fixes.length) {
        await tx.execute(sql`UPDATE listening_posts p SET url = v.url FROM jsonb_to_recordset(${JSON.stringify(fixes)}::jsonb) AS v(id bigint, url text) WHERE p.id = v.id`);
        changed += fixes.length;
      }
    }
    await tx.execute(sql`INSERT INTO settings (key, value) VALUES (${DONE_KEY}, ${JSON.stringify({ at: new Date().toISOString(), changed })}::jsonb) ON CONFLICT (key) DO NOTHING`);
    return changed;
  },
  {
    async pending(database: Database): Promise<boolean> {
      const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM settings WHERE key = '${DONE_KEY}'`);
      return Number(row?.n ?? 0) === 0;
    },
  },
);
