// `nhipcau` outside the text commands: process roles and database commands.
import pino from 'pino';
import { createContext } from '../app/modules.ts';
import { markPrepared } from '../app/first-run.ts';
import { acquireLock, DataFolderBusyError, readLock } from '../app/lock.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, prepare, runUntilSignal, startWeb, startWorker } from '../app/processes.ts';
import { ConfigError, loadConfig } from '../config/env.ts';
import { forward } from './forward.ts';
import { processIO, type CliIO } from './io.ts';
import { runProgram } from './program.ts';
import { both } from './messages.ts';

export async function runAppCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await runProgram(argv, io, {
      async db(load, options) {
        const config = loadConfig();
        const command = (await load()).default;
        if (!config.databaseUrl) {
          const holder = await readLock(config.dataDir);
          if (holder) {
            if (command.forwardable) return forward(holder, argv, io);
            throw new DataFolderBusyError(config.dataDir, holder);
          }
        }
        const lock = config.databaseUrl ? undefined : await acquireLock(config.dataDir);
        // Commands keep stdout for their own output; logs go to stderr, warnings only.
        const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
        const ctx = await createContext(config, { log });
        try {
          await prepare(ctx);
          if (lock) await markPrepared(config.dataDir);
          return await command.run(ctx, options, io);
        } finally {
          await ctx.database.close();
          await lock?.release();
        }
      },
      async start() {
        const config = loadConfig();
        const log = pino({ level: config.logLevel });
        const running = await startWeb(config, log);
        io.out(
          [
            '',
            `  Nhịp Cầu đang chạy tại / is running at  ${running.url}/admin`,
            `  Cơ sở dữ liệu / database: ${running.ctx.database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
            ...(config.demo ? [`  Đăng nhập thử / demo login:  ${DEMO_ADMIN}  /  ${DEMO_PASSWORD}`] : []),
            '  Dừng / stop: Ctrl-C',
            '',
          ].join('\n') + '\n',
        );
        return runUntilSignal(running, log);
      },
      async restore(options) {
        const config = loadConfig();
        const holder = config.databaseUrl ? undefined : await readLock(config.dataDir);
        if (holder) {
          io.err(both('backup.serverRunning'));
          return 2;
        }
        const lock = config.databaseUrl ? undefined : await acquireLock(config.dataDir);
        try {
          return await (await import('./commands/restore.ts')).runRestore(config, options, io);
        } finally {
          await lock?.release();
        }
      },
      async worker() {
        const config = loadConfig();
        const log = pino({ level: config.logLevel });
        return runUntilSignal(await startWorker(config, log), log);
      },
    });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataFolderBusyError) {
      io.err(`nhipcau: ${e.message}\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`nhipcau: cổng đã bị dùng / the port is already in use (${(e as Error).message}); đặt / set PORT=…\n`);
      return 2;
    }
    throw e;
  }
}
