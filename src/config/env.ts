// Every environment variable the app reads, in one place, validated once at start.
// A feature with no configuration is simply off; nothing else reads process.env.
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  /** HTTP port; 3000 by default. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. Loopback by default: expose deliberately. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL server URL. When absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database, the installation secret and uploads. */
  NHIPCAU_DATA_DIR: z.string().min(1).default('./data'),
  /** Public base URL, used in links of e-mails, feeds and sitemaps. */
  NHIPCAU_PUBLIC_URL: z.string().url().optional(),
  /** Who runs jobs: `inline` (this process) or `external` (separate `nhipcau worker` processes; PostgreSQL only). */
  NHIPCAU_JOBS: z.enum(['inline', 'external']).default('inline'),
  /** Seed the demo district on an empty database. Default: yes on PGlite, no on a server. */
  NHIPCAU_DEMO: boolish.optional(),
  /** Send cookies with the Secure flag (set when served over HTTPS). */
  NHIPCAU_SECURE_COOKIES: boolish.default(false),
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  NHIPCAU_TRUST_PROXY: boolish.default(false),
  /** Installation secret (keyed hashes, encrypted settings). Generated into the data folder when absent; set it when several machines share one database. */
  NHIPCAU_SECRET: z.string().min(32).optional(),
  /** A file holding the installation secret, kept outside the data folder (so a copy of the data does not carry the key to it). */
  NHIPCAU_SECRET_FILE: z.string().min(1).optional(),
  /** Folder of the scheduled backups (default: backups/ in the data folder; better on another disk). */
  NHIPCAU_BACKUP_DIR: z.string().min(1).optional(),
  /** Let feeds and alert webhooks reach addresses inside the server's network (refused by default). */
  NHIPCAU_OUTBOUND_PRIVATE: boolish.default(false),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  jobs: 'inline' | 'external';
  demo: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  outboundPrivate: boolean;
  logLevel: Env['LOG_LEVEL'];
  secret: string | undefined;
  /** Absolute path of NHIPCAU_SECRET_FILE. */
  secretFile: string | undefined;
  /** Where scheduled backups are written. */
  backupDir: string;
}

/** The address links in e-mails and notices point at: the public URL when set, else the server's own. */
export const baseUrl = (config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string => config.publicUrl ?? `http://${config.host}:${config.port}`;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= …) means "not set", as shells and .env files use it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NHIPCAU_JOBS === 'external' && !e.DATABASE_URL) {
    throw new ConfigError('NHIPCAU_JOBS=external needs DATABASE_URL: the embedded database serves one process only');
  }
  if (e.NHIPCAU_SECRET && e.NHIPCAU_SECRET_FILE) throw new ConfigError('set NHIPCAU_SECRET or NHIPCAU_SECRET_FILE, not both');
  const dataDir = path.resolve(e.NHIPCAU_DATA_DIR);
  const secretFile = e.NHIPCAU_SECRET_FILE ? path.resolve(e.NHIPCAU_SECRET_FILE) : undefined;
  // The point of a separate file is that the data folder (and any copy of it) does not hold the key.
  if (secretFile && !path.relative(dataDir, secretFile).startsWith('..')) throw new ConfigError(`NHIPCAU_SECRET_FILE must be outside the data folder (${dataDir})`);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl: e.NHIPCAU_PUBLIC_URL?.replace(/\/$/, ''),
    jobs: e.NHIPCAU_JOBS,
    demo: e.NHIPCAU_DEMO ?? !e.DATABASE_URL,
    secureCookies: e.NHIPCAU_SECURE_COOKIES,
    trustProxy: e.NHIPCAU_TRUST_PROXY,
    outboundPrivate: e.NHIPCAU_OUTBOUND_PRIVATE,
    logLevel: e.LOG_LEVEL,
    secret: e.NHIPCAU_SECRET,
    secretFile,
    backupDir: path.resolve(e.NHIPCAU_BACKUP_DIR ?? path.join(dataDir, 'backups')),
  };
}
