// The `nhipcau` command tree. Built per invocation, so that a running server can parse and execute a
// forwarded command line with the same definitions.
import { Command, CommanderError, Option } from 'commander';
import { ROLES } from '../auth/schema.ts';
import type { DbCommand } from './commands.ts';
import type { CliIO } from './io.ts';

export interface Dispatcher {
  /** Runs a database command here or in the server holding the database. */
  db<O>(load: () => Promise<{ default: DbCommand<O> }>, options: O): Promise<number>;
  /** Long-running process roles: only ever run here. */
  start(): Promise<number>;
  worker(): Promise<number>;
}

export async function runProgram(argv: string[], io: CliIO, dispatch: Dispatcher): Promise<number> {
  let code = 0;
  const program = new Command('nhipcau')
    .description('Nhịp Cầu — lắng nghe dư luận, thông tin tuyên truyền, xử lý phản ánh / listening, publishing, cases')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError()
    .addHelpText('after', '\nXem thêm / more: nhipcau <lệnh/command> --help; nhipcau text --help (phân tích văn bản / text analysis)');

  program
    .command('start')
    .description('khởi động máy chủ web (và tác vụ nền) / start the web server (and background jobs)')
    .addHelpText('after', '\nPORT, HOST, DATABASE_URL, NHIPCAU_DATA_DIR: xem README / see the README')
    .action(async () => {
      code = await dispatch.start();
    });

  program
    .command('worker')
    .description('chạy tác vụ nền trong tiến trình riêng (cần DATABASE_URL) / run background jobs in a separate process (needs DATABASE_URL)')
    .action(async () => {
      code = await dispatch.worker();
    });

  program
    .command('migrate')
    .description('cập nhật cấu trúc cơ sở dữ liệu / apply database migrations')
    .action(async () => {
      code = await dispatch.db(() => import('./commands/migrate.ts'), {});
    });

  program
    .command('demo')
    .description('tạo dữ liệu mẫu Quận 10 / seed the Quận 10 demo data')
    .option('--reset', 'xóa toàn bộ dữ liệu rồi tạo lại / wipe all data and seed again')
    .action(async (options: { reset?: boolean }) => {
      code = await dispatch.db(() => import('./commands/demo.ts'), options);
    });

  const user = program.command('user').description('quản lý tài khoản / manage accounts');
  user
    .command('add')
    .description('tạo tài khoản; mật khẩu đọc từ stdin / create an account; the password is read from stdin')
    .requiredOption('--email <email>', 'thư điện tử / e-mail')
    .addOption(new Option('--role <role>', 'vai trò / role').choices([...ROLES]).makeOptionMandatory())
    .requiredOption('--unit <slug>', 'đơn vị, ví dụ / unit slug, e.g. quan-10, phuong-12')
    .option('--name <name>', 'họ và tên / display name')
    .addHelpText('after', "\nVí dụ / example:\n  echo 'mat-khau-du-dai' | npx nhipcau user add --email a@b.vn --role editor --unit phuong-12")
    .action(async (options: { email: string; role: string; unit: string; name?: string }) => {
      code = await dispatch.db(() => import('./commands/user-add.ts'), options);
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    throw e;
  }
}
