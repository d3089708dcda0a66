import { createUser, emailSchema, MIN_PASSWORD_LENGTH } from '../../auth/index.ts';
import { ROLES, type Role } from '../../core/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { translate } from '../../i18n/catalog.ts';
import { defineCommand } from '../commands.ts';

export interface UserAddOptions {
  email: string;
  role: string;
  unit: string;
  name?: string;
}

export default defineCommand<UserAddOptions>({
  forwardable: true,
  async run(ctx, options, io) {
    const email = emailSchema.safeParse(options.email);
    if (!email.success) return fail(io, `địa chỉ thư không hợp lệ / invalid e-mail: ${options.email}`);
    if (!(ROLES as readonly string[]).includes(options.role)) return fail(io, `vai trò không hợp lệ / unknown role "${options.role}"; một trong / one of: ${ROLES.join(', ')}`);
    const unit = (await ctx.units.current()).getBySlug(options.unit);
    if (!unit) return fail(io, `không có đơn vị / no unit with slug "${options.unit}" (xem / see: GET /api/units)`);
    if (io.interactive) io.err('Nhập mật khẩu rồi nhấn Enter (Ctrl-D để kết thúc) / Type the password, then Enter and Ctrl-D:\n');
    const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
    if (password.length < MIN_PASSWORD_LENGTH) return fail(io, `mật khẩu đọc từ stdin phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự / the password read from stdin needs at least ${MIN_PASSWORD_LENGTH} characters`);
    try {
      const user = await createUser(ctx.db, 'cli', { email: email.data, displayName: options.name?.trim() || email.data.split('@')[0], password, grants: [{ unitId: unit.id, role: options.role as Role }] });
      io.out(`Đã tạo tài khoản / created user ${user.email} (id ${user.id}): ${options.role} @ ${unit.slug}\n`);
      return 0;
    } catch (e) {
      if (e instanceof DomainError) return fail(io, `${translate('vi', e.messageKey, e.params)} / ${translate('en', e.messageKey, e.params)}`);
      throw e;
    }
  },
});

function fail(io: { err(t: string): void }, message: string): number {
  io.err(`nhipcau user add: ${message}\n`);
  return 2;
}
