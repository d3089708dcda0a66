// Runs CLI commands forwarded by `nhipcau …` while this server holds the embedded database. The output
// streams back as the command prints it (NDJSON lines, see src/cli/forward.ts); a caller that does not
// ask for a stream gets one JSON object at the end.
import { timingSafeEqual } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { bufferIO, streamIO, type CliIO } from '../cli/io.ts';
import { FORWARD_HEADER, FORWARD_PATH, NDJSON, type ForwardLine } from '../cli/forward.ts';
import { runProgram } from '../cli/program.ts';
import { both } from '../cli/messages.ts';
import { HttpError } from '../web/errors.ts';
import type { App } from '../web/types.ts';
import type { AppContext } from './context.ts';

const body = z.object({
  argv: z.array(z.string().max(10_000)).max(100),
  stdin: z.string().max(10_000_000),
  cwd: z.string().max(4_096).optional(),
  /** The caller's standard error is a terminal (progress bars are drawn with carriage returns). */
  tty: z.boolean().optional(),
});

export function internalRoutes(token: string) {
  return (app: App, ctx: AppContext): void => {
    const run = (argv: string[], io: CliIO) => {
      const busy = async () => {
        io.err(`nhipcau: a server (pid ${process.pid}) is already running on this data folder\n`);
        return 2;
      };
      return runProgram(argv, io, {
        db: async (load, options) => (await load()).default.run(ctx, options, io),
        start: busy,
        worker: busy,
        restore: async () => {
          io.err(both('backup.serverRunning'));
          return 2;
        },
      });
    };

    app.post(FORWARD_PATH, { config: { access: 'public', csrf: false, anyText: true }, bodyLimit: 12 * 1024 * 1024, schema: { body } }, async (req, reply) => {
      const sent = Buffer.from(String(req.headers[FORWARD_HEADER] ?? ''));
      const expected = Buffer.from(token);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw new HttpError(403, 'error.forbidden');

      if (!String(req.headers.accept ?? '').includes(NDJSON)) {
        const io = bufferIO(req.body.stdin, req.body.cwd);
        const code = await run(req.body.argv, io);
        return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
      }

      // Streamed: each piece of output is one line, sent at once; the exit code ends the stream. If the
      // caller goes away (Ctrl-C), the command still runs to its end (an import stays consistent) and
      // its output is dropped.
      const stream = new PassThrough();
      stream.on('error', () => {});
      const send = (line: ForwardLine) => {
        if (!stream.destroyed && !stream.writableEnded) stream.write(`${JSON.stringify(line)}\n`);
      };
      const io = streamIO(req.body.stdin, (kind, text) => send(kind === 'out' ? { out: text } : { err: text }), { cwd: req.body.cwd, tty: req.body.tty });
      void run(req.body.argv, io)
        .then(
          (code) => send({ code }),
          (e: unknown) => {
            req.log.error({ err: e }, 'forwarded command failed');
            send({ err: `nhipcau: ${e instanceof Error ? e.message : String(e)}\n` });
            send({ code: 1 });
          },
        )
        .finally(() => stream.end());
      return reply.type(NDJSON).header('cache-control', 'no-store').send(stream);
    });
  };
}
