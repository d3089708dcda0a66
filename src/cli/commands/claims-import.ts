// `nhipcau claims import FILE`: an office's past claims, JSONL {"id","statement","verdict","title","body"};
// owned by the district (the root unit); idempotent by id; bad lines reported by number; a summary last.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importClaims } from '../../claims/index.ts';
import { defineCommand } from '../commands.ts';

export default defineCommand<{ file: string }>({
  forwardable: true,
  async run(ctx, options, io) {
    const file = path.resolve(io.cwd ?? process.cwd(), options.file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      io.err(`nhipcau claims import: không đọc được tệp / cannot read ${file}\n`);
      return 2;
    }
    const root = (await ctx.units.current()).roots()[0];
    if (!root) {
      io.err('nhipcau claims import: chưa có đơn vị nào / no unit yet (run `nhipcau demo` or create the district)\n');
      return 2;
    }
    const s = await importClaims(ctx, 'cli', text, root.id);
    for (const e of s.errors) io.err(`dòng / line ${e.line}: ${e.message}\n`);
    io.out(`Đã tạo / created: ${s.created}; đã có, bỏ qua / already there, skipped: ${s.skipped}; dòng lỗi / bad lines: ${s.errors.length}\n`);
    return s.errors.length ? 1 : 0;
  },
});
