import { migrate } from '../../db/migrate.ts';
import { defineCommand } from '../commands.ts';

export default defineCommand<Record<string, never>>({
  forwardable: true,
  async run(ctx, _options, io) {
    // Opening the database already applied what was pending; report those too.
    const applied = ctx.migrationsApplied + (await migrate(ctx.database)).applied;
    io.out(applied ? `Đã áp dụng ${applied} bản chuyển đổi cơ sở dữ liệu. / Applied ${applied} migration(s).\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất. / Database is up to date.\n');
    return 0;
  },
});
