import { DEMO_ADMIN, DEMO_PASSWORD, resetDemo, seedDemoIfEmpty } from '../../demo/seed.ts';
import { defineCommand } from '../commands.ts';

export default defineCommand<{ reset?: boolean }>({
  forwardable: true,
  async run(ctx, options, io) {
    if (options.reset) {
      await resetDemo(ctx);
      io.out(`Đã đặt lại dữ liệu mẫu Quận 10. / Demo data reset.\nĐăng nhập / Log in: ${DEMO_ADMIN} / ${DEMO_PASSWORD}\n`);
      return 0;
    }
    const seeded = await seedDemoIfEmpty(ctx);
    io.out(seeded ? `Đã tạo dữ liệu mẫu. / Demo data created.\nĐăng nhập / Log in: ${DEMO_ADMIN} / ${DEMO_PASSWORD}\n` : 'Cơ sở dữ liệu đã có dữ liệu; dùng --reset để xóa và tạo lại. / The database is not empty; use --reset to wipe and reseed.\n');
    return 0;
  },
});
