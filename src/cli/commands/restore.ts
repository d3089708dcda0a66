// `nhipcau restore FILE [--force]`: with the server stopped, into an empty data folder or database.
import path from 'node:path';
import { restoreBackup } from '../../backup/index.ts';
import type { Config } from '../../config/env.ts';
import { DomainError } from '../../core/errors.ts';
import type { CliIO } from '../io.ts';
import { both } from '../messages.ts';

export async function runRestore(config: Config, options: { file: string; force?: boolean }, io: CliIO): Promise<number> {
  const file = path.resolve(io.cwd ?? process.cwd(), options.file);
  try {
    const r = await restoreBackup(config, file, { force: options.force });
    const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
    io.out(both('backup.restored', { date: r.manifest.createdAt, version: r.manifest.version, tables: Object.keys(r.tables).length, rows }));
    if (r.differences.length) io.err(both('backup.countsDiffer', { tables: r.differences.join(', ') }));
    if (r.secret === 'restored') io.out(both('backup.secretRestored'));
    if (r.secret === 'mismatch') io.err(both('backup.secretMismatch'));
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      io.err(both(e.messageKey, e.params));
      return 2;
    }
    throw e;
  }
}
