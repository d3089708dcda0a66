// Data upgrades: what a SQL migration cannot do because it needs the installation secret (re-sealing
// secrets under another key) or code (rewriting stored post addresses). They run at start-up right after the migrations, under the same lock,
// each one idempotent and cheap when there is nothing left to do. Like migrations they are frozen:
// they read the old shapes as they were, never through the features' current code.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Secrets } from '../app/secrets.ts';
import type { Database } from './client.ts';
import { MIGRATION_LOCK } from './migrate.ts';
import { upgradePlatformConnections } from './upgrades/platform-connections.ts';
import { upgradePostUrls } from './upgrades/post-urls.ts';

const UPGRADES = [upgradePlatformConnections, upgradePostUrls];

export interface Upgrade {
  (tx: UpgradeTx, secrets: Secrets, log: Pick<Logger, 'warn'>): Promise<number>;
  /** Whether there is anything to do (checked before taking the lock). */
  pending(database: Database): Promise<boolean>;
}

export type UpgradeTx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

export async function upgradeData(database: Database, secrets: Secrets, log: Pick<Logger, 'warn' | 'info'>): Promise<number> {
  let changed = 0;
  for (const upgrade of UPGRADES) {
    if (!(await upgrade.pending(database))) continue;
    changed += await database.db.transaction(async (tx) => {
      // Several processes may start at once: one upgrades, the others then find nothing left.
      if (database.kind === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      return upgrade(tx, secrets, log);
    });
  }
  if (changed) log.info({ changed }, 'data upgraded');
  return changed;
}
