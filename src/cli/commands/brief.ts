// `nhipcau brief --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf|FILE.docx`: the weekly brief for the
// Standing Committee, written to FILE (relative to the caller's directory, also when forwarded to a
// running server, which shares the filesystem). Links are absolute with NHIPCAU_PUBLIC_URL, relative
// paths of the app otherwise. Exit codes: 0 written, 2 bad arguments or an unwritable file.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBrief, checkBriefArgs } from '../../brief/index.ts';
import { defineCommand } from '../commands.ts';

export interface BriefCommandOptions {
  from: string;
  to: string;
  out: string;
}

export default defineCommand<BriefCommandOptions>({
  forwardable: true,
  async run(ctx, options, io) {
    const fail = (message: string) => {
      io.err(`nhipcau brief: ${message}\n`);
      return 2;
    };
    const args = checkBriefArgs(options);
    if (!args.ok) return fail(args.message);
    const file = path.resolve(io.cwd ?? process.cwd(), options.out);
    const data = await buildBrief(ctx, args.period, args.format, { baseUrl: ctx.config.publicUrl ?? '' });
    try {
      await writeFile(file, data);
    } catch (e) {
      return fail(`không ghi được / cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    io.out(`Đã ghi bản tin / brief written: ${file} (${Math.ceil(data.length / 1024)} KB)\n`);
    return 0;
  },
});
