// Runs CLI commands forwarded by `nhipcau …` while this server holds the embedded database.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { bufferIO } from '../cli/io.ts';
import { FORWARD_HEADER, FORWARD_PATH } from '../cli/forward.ts';
import { runProgram } from '../cli/program.ts';
import { HttpError } from '../web/errors.ts';
import type { App } from '../web/types.ts';
import type { AppContext } from './context.ts';

const body = z.object({ argv: z.array(z.string().max(10_000)).max(100), stdin: z.string().max(10_000_000), cwd: z.string().max(4_096).optional() });

export function internalRoutes(token: string) {
  return (app: App, ctx: AppContext): void => {
    app.post(FORWARD_PATH, { config: { access: 'public', csrf: false }, bodyLimit: 12 * 1024 * 1024, schema: { body } }, async (req) => {
      const sent = Buffer.from(String(req.headers[FORWARD_HEADER] ?? ''));
      const expected = Buffer.from(token);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw new HttpError(403, 'error.forbidden');
      const io = bufferIO(req.body.stdin, req.body.cwd);
      const busy = async () => {
        io.err(`nhipcau: a server (pid ${process.pid}) is already running on this data folder\n`);
        return 2;
      };
      const code = await runProgram(req.body.argv, io, {
        db: async (load, options) => (await load()).default.run(ctx, options, io),
        start: busy,
        worker: busy,
      });
      return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
    });
  };
}
