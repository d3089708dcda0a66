// `nhipcau open311 key add NAME`: issues an API key for an Open311 client app. The key is printed
// once, as the last line of the output (only its hash is stored).
import { createKey } from '../../cases/index.ts';
import { defineCommand } from '../commands.ts';

export default defineCommand<{ name: string }>({
  forwardable: true,
  async run(ctx, options, io) {
    const name = options.name.trim();
    if (name.length < 2 || name.length > 100) {
      io.err('nhipcau open311 key add: tên ứng dụng cần 2–100 ký tự / the app name needs 2–100 characters\n');
      return 2;
    }
    const { key, row } = await createKey(ctx.db, 'cli', name);
    io.out(`Đã tạo khóa API Open311 cho "${row.name}" (id ${row.id}). Khóa chỉ hiện một lần / The key is shown only once:\n${key}\n`);
    return 0;
  },
});
