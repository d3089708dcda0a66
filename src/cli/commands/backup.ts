// `nhipcau backup FILE [--with-secret]`: runs in the server that holds the embedded database (the CLI
// forwards it there), or here on PostgreSQL.
import path from 'node:path';
import { createBackup } from '../../backup/index.ts';
import { both } from '../messages.ts';
import { defineCommand } from '../commands.ts';

export interface BackupCommandOptions {
  file: string;
  withSecret?: boolean;
}

export default defineCommand<BackupCommandOptions>({
  forwardable: true,
  async run(ctx, options, io) {
    const file = path.resolve(io.cwd ?? process.cwd(), options.file);
    const m = await createBackup(ctx, file, { withSecret: options.withSecret });
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    io.out(both('backup.created', { file, tables: Object.keys(m.tables).length, rows, files: m.files }));
    io.err(both(m.withSecret ? 'backup.secretIncluded' : 'backup.secretLeftOut'));
    return 0;
  },
});
