// `nhipcau import FILE --source NAME`: posts from a JSONL or CSV file into the listening desk. Returns
// when the posts are stored, analysed and clustered; prints a progress bar on a terminal and a summary.
import path from 'node:path';
import { type FileFormat, importFile, type ImportProgress, parseMapping, SOURCE_NAME } from '../../listening/index.ts';
import { defineCommand } from '../commands.ts';

export interface ImportCommandOptions {
  file: string;
  source?: string;
  format?: string;
  map?: string;
  workers?: string;
  /** Progress on stderr even when it is not a terminal (one line per update, for logs). */
  progress?: boolean;
}

export default defineCommand<ImportCommandOptions>({
  forwardable: true,
  async run(ctx, options, io) {
    const file = path.resolve(io.cwd ?? process.cwd(), options.file);
    if (options.source && !SOURCE_NAME.test(options.source)) return fail(io, `mã nguồn không hợp lệ / invalid source name "${options.source}" (a-z, 0-9, . _ -)`);
    if (options.format && options.format !== 'jsonl' && options.format !== 'csv') return fail(io, `định dạng / format: jsonl | csv`);
    let mapping: Record<string, string>;
    try {
      mapping = parseMapping(options.map);
    } catch (e) {
      return fail(io, (e as Error).message);
    }
    const bar = io.tty ? progressBar(io, '\r') : options.progress ? progressBar(io, '', '\n') : undefined;
    let summary;
    try {
      summary = await importFile(ctx, {
        file,
        source: options.source,
        format: options.format as FileFormat | undefined,
        mapping,
        actor: 'cli',
        workers: options.workers === undefined ? undefined : Math.max(0, Number(options.workers) || 0),
        onProgress: bar,
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') return fail(io, `không đọc được tệp / cannot read ${file}: ${err.code}`);
      throw e;
    }
    if (bar && io.tty) io.err('\n');
    const lines = [
      `Đã nhập / imported ${path.basename(file)} → ${summary.sources.join(', ') || '-'} (${summary.seconds.toFixed(1)} s)`,
      `  đọc / read:            ${summary.read}`,
      `  mới / new:             ${summary.added}`,
      `  trùng / duplicates:    ${summary.duplicates}`,
      `  bị loại / rejected:    ${summary.rejected}`,
      ...(summary.recoded ? [`  đổi mã / recoded:      ${summary.recoded} (Windows-1258 → UTF-8)`] : []),
      ...summary.errors.slice(0, 50).map((e) => `    dòng / line ${e.line}: ${e.reason}`),
      ...(summary.rejected > 50 ? [`    … ${summary.rejected - 50} more (see /admin/listening/imports/${summary.importId})`] : []),
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
});

function progressBar(io: { err(t: string): void }, before: string, after = ''): (p: ImportProgress) => void {
  return (p) => {
    const rate = p.elapsedMs > 0 ? Math.round((p.read * 1000) / p.elapsedMs) : 0;
    io.err(`${before}  ${p.read.toLocaleString('en')} dòng/lines · ${p.added.toLocaleString('en')} mới/new · ${p.duplicates} trùng/dup · ${p.rejected} loại/rejected · ${rate}/s   ${after}`);
  };
}

function fail(io: { err(t: string): void }, message: string): number {
  io.err(`nhipcau import: ${message}\n`);
  return 2;
}
