// The `nhipcau` command tree. Built per invocation, so that a running server can parse and execute a
// forwarded command line with the same definitions.
import { Command, CommanderError, Option } from 'commander';
import { ROLES } from '../core/roles.ts';
import type { DbCommand } from './commands.ts';
import type { CliIO } from './io.ts';

export interface Dispatcher {
  /** Runs a database command here or in the server holding the database. */
  db<O>(load: () => Promise<{ default: DbCommand<O> }>, options: O): Promise<number>;
  /** Long-running process roles: only ever run here. */
  start(): Promise<number>;
  worker(): Promise<number>;
  /** Restores a backup: only here, with no server holding the data (absent: refused). */
  restore?(options: { file: string; force?: boolean }): Promise<number>;
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

  program
    .command('import')
    .description('nhập bài đăng từ tệp JSONL/CSV vào bộ phận lắng nghe / import posts from a JSONL or CSV file into the listening desk')
    .argument('<file>', 'tệp / file (.jsonl, .csv)')
    .option('--source <name>', 'nguồn của mọi bài (mặc định: trường "source" của từng dòng) / source of every post (default: each line\'s "source")')
    .option('--format <format>', 'jsonl | csv (mặc định theo đuôi tệp / default by extension)')
    .option('--map <mapping>', 'ánh xạ cột CSV / CSV column mapping, e.g. text=message,created_at=time,author=user,id=post_id')
    .option('--workers <n>', 'số luồng phân tích / analysis threads (0 = none)')
    .option('--progress', 'in tiến độ ra stderr cả khi không phải terminal / progress on stderr even when not a terminal')
    .addHelpText('after', '\nVí dụ / example:\n  npx nhipcau import posts.jsonl --source facebook-q10\n  npx nhipcau import export.csv --source zalo-oa --map text=noi_dung,created_at=thoi_gian')
    .action(async (file: string, options: { source?: string; format?: string; map?: string; workers?: string; progress?: boolean }) => {
      code = await dispatch.db(() => import('./commands/import.ts'), { file, ...options });
    });

  program
    .command('issues')
    .description('các vấn đề dư luận quan tâm / the issues of the listening desk')
    .option('--json', 'JSON: [{id,label,topics,places,post_ids,external_ids,count,voices,frustration,sentiment,spike,first_seen,last_seen}]')
    .option('--from <date>', 'từ / from (2026-11-01, 01/11/2026 …)')
    .option('--to <date>', 'đến / to')
    .option('--topic <id>', 'chủ đề / topic id, e.g. ngap-nuoc')
    .option('--ward <id>', 'phường / ward id, e.g. q10-p12')
    .option('--source <name>', 'nguồn / source name')
    .option('--limit <n>', 'tối đa / at most (1000)')
    .action(async (options: { json?: boolean; from?: string; to?: string; topic?: string; ward?: string; source?: string; limit?: string }) => {
      code = await dispatch.db(() => import('./commands/issues.ts'), options);
    });

  program
    .command('brief')
    .description('bản tin dư luận tuần cho Ban Thường vụ (PDF hoặc DOCX) / the weekly brief for the Standing Committee (PDF or DOCX)')
    .requiredOption('--from <date>', 'từ ngày / from, YYYY-MM-DD (giờ Việt Nam / Vietnam time)')
    .requiredOption('--to <date>', 'đến ngày (tính cả ngày này) / to, YYYY-MM-DD, inclusive; tối đa 1 năm / at most a year')
    .requiredOption('--out <file>', 'tệp kết quả / output file: .pdf hoặc / or .docx')
    .addHelpText('after', '\nVí dụ / example:\n  npx nhipcau brief --from 2026-11-09 --to 2026-11-15 --out ban-tin.pdf\n  npx nhipcau brief --from 2026-11-09 --to 2026-11-15 --out ban-tin.docx\nĐường dẫn trong bản tin dùng NHIPCAU_PUBLIC_URL nếu có / links use NHIPCAU_PUBLIC_URL when set.')
    .action(async (options: { from: string; to: string; out: string }) => {
      const { checkBriefArgs } = await import('../brief/index.ts');
      const args = checkBriefArgs(options);
      if (!args.ok) return void ((code = 2), io.err(`nhipcau brief: ${args.message}\n`));
      code = await dispatch.db(() => import('./commands/brief.ts'), options);
    });

  const claimsCmd = program.command('claims').description('bàn xử lý tin đồn / the rumour desk');
  claimsCmd
    .command('match')
    .description('so khớp JSONL {"id","text"} từ stdin với các tin đồn; mỗi dòng vào một dòng ra / match JSONL {"id","text"} on stdin against the claims; one line out per line in')
    .addHelpText('after', '\nVí dụ / example:\n  echo \'{"id":"p1","text":"cup dien ca tuan o dien hong"}\' | npx nhipcau claims match')
    .action(async () => {
      code = await dispatch.db(() => import('./commands/claims-match.ts'), {});
    });
  claimsCmd
    .command('import <file>')
    .description('nhập tin đồn đã xử lý từ JSONL {"id","statement","verdict","title","body"} / import past claims from JSONL')
    .action(async (file: string) => {
      code = await dispatch.db(() => import('./commands/claims-import.ts'), { file });
    });

  program
    .command('backup')
    .description('sao lưu cơ sở dữ liệu và tệp vào một tệp lưu trữ (được khi máy chủ đang chạy) / back up the database and files into one archive (while the server runs)')
    .argument('<file>', 'tệp sao lưu / backup file, e.g. nhipcau-2026-12-07.tar.gz')
    .option('--with-secret', 'kèm khóa bí mật của hệ thống / include the installation secret')
    .addHelpText('after', '\nPostgreSQL: cần / needs pg_dump (postgresql-client). Xem README: "Sao lưu và phục hồi".')
    .action(async (file: string, options: { withSecret?: boolean }) => {
      code = await dispatch.db(() => import('./commands/backup.ts'), { file, ...options });
    });

  program
    .command('restore')
    .description('phục hồi bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu trống (máy chủ phải dừng) / restore a backup into an empty data folder or database (server stopped)')
    .argument('<file>', 'tệp sao lưu / backup file')
    .option('--force', 'thay thế dữ liệu đang có / replace the data already there')
    .action(async (file: string, options: { force?: boolean }) => {
      code = dispatch.restore ? await dispatch.restore({ file, ...options }) : 2;
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

  const open311 = program.command('open311').description('Open311 GeoReport v2 (/open311/v2)');
  open311
    .command('key')
    .description('khóa API của ứng dụng / client app API keys')
    .command('add <name>')
    .description('tạo khóa API; khóa in ở dòng cuối / issue an API key; the key is the last line printed')
    .action(async (name: string) => {
      code = await dispatch.db(() => import('./commands/open311-key-add.ts'), { name });
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
