// The process roles of one codebase: `start` (web, plus jobs when inline) and `worker` (jobs only).
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config/env.ts';
import { STARTUP_LOCK } from '../db/migrate.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, seedDemoIfEmpty } from '../demo/seed.ts';
import { markInterruptedImports } from '../listening/index.ts';
import { buildServer } from '../web/server.tsx';
import { createLogger, type AppContext } from './context.ts';
import { internalRoutes } from './internal-routes.ts';
import { isPrepared, prepareInChild } from './first-run.ts';
import { acquireLock, DataFolderBusyError, readLock, type Lock } from './lock.ts';
import { createContext, MODULES, registerSchedules } from './modules.ts';

export interface Running {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

/** Prepares the database for use: migrations ran in createContext; interrupted imports are marked; the demo seeds an empty one. */
export async function prepare(ctx: AppContext): Promise<{ seeded: boolean }> {
  // Before anything else runs here: imports left 'running' by a process that died are marked so.
  await markInterruptedImports(ctx);
  // Processes started together on one server: the first seeds, the others wait and find the data there.
  return { seeded: ctx.config.demo ? await ctx.database.exclusive(STARTUP_LOCK, () => seedDemoIfEmpty(ctx)) : false };
}

export async function startWeb(config: Config, log: Logger = createLogger(config)): Promise<Running> {
  if (!config.databaseUrl && !(await isPrepared(config.dataDir))) {
    const holder = await readLock(config.dataDir);
    if (holder) throw new DataFolderBusyError(config.dataDir, holder);
    log.info('preparing the embedded database (first start or new version)');
    await prepareInChild();
  }
  const lock = config.databaseUrl ? undefined : await acquireLock(config.dataDir);
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(config, { log });
    const { seeded } = await prepare(ctx);
    const modules = [...MODULES, ...(lock ? [internalRoutes(lock.info.token)] : [])];
    const { app } = await buildServer(ctx, { modules });
    const unsubscribe = await ctx.units.subscribe();
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    await lock?.setUrl(url);
    if (config.jobs === 'inline') {
      await registerSchedules(ctx);
      await ctx.jobs.start();
    }
    const running = ctx;
    log.info({ url, db: ctx.database.kind, jobs: config.jobs, seeded }, 'Nhịp Cầu started');
    return {
      url,
      ctx,
      async close() {
        await app.close();
        await running.jobs.stop();
        await unsubscribe();
        await running.database.close();
        await lock?.release();
      },
    };
  } catch (e) {
    await ctx?.database.close().catch(() => {});
    await lock?.release();
    throw e;
  }
}

export async function startWorker(config: Config, log: Logger = createLogger(config)): Promise<Running> {
  if (!config.databaseUrl) throw new ConfigError('nhipcau worker needs DATABASE_URL: with the embedded database, `nhipcau start` runs the jobs itself');
  const ctx = await createContext(config, { log });
  await registerSchedules(ctx);
  await ctx.jobs.start();
  log.info({ db: ctx.database.kind }, 'Nhịp Cầu worker started');
  return {
    url: '',
    ctx,
    async close() {
      await ctx.jobs.stop();
      await ctx.database.close();
    },
  };
}

/** Keeps a process role running until SIGINT/SIGTERM, then shuts down gracefully (forced after 15 s). */
export async function runUntilSignal(running: Running, log: Logger): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        log.error('shutdown took too long; exiting');
        resolve(1);
      }, 15_000);
      force.unref();
      running.close().then(
        () => {
          clearTimeout(force);
          resolve(0);
        },
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

export type { Lock };
export { DEMO_ADMIN, DEMO_PASSWORD };
