// Everything a request handler, job or command needs, built once per process.
import pino, { type Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { openDatabase, type Database, type Db } from '../db/client.ts';
import { migrate, STARTUP_LOCK } from '../db/migrate.ts';
import { upgradeData } from '../db/upgrades.ts';
import { SqlJobQueue, type JobQueue } from '../jobs/index.ts';
import { UnitDirectory } from '../org/index.ts';
import { loadSecrets, type Secrets } from './secrets.ts';

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  jobs: JobQueue;
  units: UnitDirectory;
  secrets: Secrets;
  /** Migrations applied when this context opened the database. */
  migrationsApplied: number;
}

export interface ContextOptions {
  log?: Logger;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  migrate?: boolean;
}

/** Opens the database (migrating it unless told not to) and builds the context; src/app/modules.ts createContext() also registers every feature's jobs. */
export async function openContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const log = options.log ?? createLogger(config);
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const secrets = await loadSecrets({ secret: config.secret, secretFile: config.secretFile, dataDir: config.dataDir });
  let migrationsApplied = 0;
  if (options.migrate !== false) {
    migrationsApplied = (await migrate(database)).applied;
    if (migrationsApplied) log.info({ applied: migrationsApplied }, 'database migrated');
    await database.exclusive(STARTUP_LOCK, () => upgradeData(database, secrets, log));
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    log,
    jobs: new SqlJobQueue(database, log.child({ component: 'jobs' })),
    units: new UnitDirectory(database),
    secrets,
    migrationsApplied,
  };
  return ctx;
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.password', '*.token', '*.accessToken'], censor: '[redacted]' },
  });
}
