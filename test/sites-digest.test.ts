// The e-mail digest per audience, through a local SMTP server: double opt-in, a weekly digest with only
// the subscriber's audience, unsubscribe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestContext, type TestContext } from './context.ts';
import { seedUnits } from './factories.ts';
import { buildTestApp, type TestApp } from './http.ts';
import { saveMailSettings } from '../src/mail/mailer.ts';
import { sendDigests } from '../src/sites/digest.ts';
import { publishing } from '../src/sites/directory.ts';
import { createItem } from '../src/sites/items.ts';
import { publishNow } from '../src/sites/workflow.ts';

let ctx: TestContext;
let t: TestApp;
let smtp: SMTPServer;
const inbox: Array<{ to: string; raw: string }> = [];

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_PUBLIC_URL: 'https://quan10.example.vn' });
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  await saveMailSettings(ctx, 'system', { host: '127.0.0.1', port, secure: false, user: null, password: null, from: 'Ban Tuyên giáo Quận 10 <tuyengiao@quan10.example.vn>' });
});
afterAll(async () => {
  await t?.app.close();
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await ctx?.cleanup();
});

/** Headers as they are, the body decoded from base64 or quoted-printable. */
function decoded(raw: string): string {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at);
  const body = raw.slice(at + 4);
  if (/Content-Transfer-Encoding: base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => `%${h}`);
    return `${head}\n\n${decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'))}`;
  }
  return raw;
}
const linkIn = (raw: string, path: string) => new RegExp(`https://quan10\\.example\\.vn${path}\\?token=([\\w-]+)`).exec(decoded(raw))?.[1];

describe('digest', () => {
  it('confirms by e-mail, sends only the audience’s news, and unsubscribes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/nhan-tin', payload: { email: 'Huu.Tri@Example.vn', audience: 'dang_vien_huu_tri' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vui lòng mở thư');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toBe('huu.tri@example.vn');
    const token = linkIn(inbox[0].raw, '/nhan-tin/xac-nhan')!;
    // Not confirmed yet: nothing is sent.
    const site = (await publishing(ctx).sites.current()).bySiteSlug('phuong-12')!;
    const section = site.sections.find((s) => s.kind === 'article')!;
    const publish = async (title: string, audiences: Array<'dang_vien_huu_tri' | 'doan_vien'>) =>
      publishNow(ctx, 'system', await createItem(ctx, 'system', site, { kind: 'article', sectionId: section.id, title, sapo: '', body: '<p>x</p>', tags: [], audiences, details: {}, channels: [], syndicateTo: [] }), null);
    await publish('Hội nghị cho đảng viên hưu trí', ['dang_vien_huu_tri']);
    await publish('Giải bóng đá đoàn viên', ['doan_vien']);
    expect(await sendDigests(ctx)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/nhan-tin/xac-nhan?token=${token}` })).body).toContain('đã được xác nhận');
    expect(await sendDigests(ctx)).toBe(1);
    const digest = decoded(inbox.at(-1)!.raw);
    expect(digest).toContain('Hội nghị cho đảng viên hưu trí');
    expect(digest).not.toContain('Giải bóng đá đoàn viên');
    expect(digest).toMatch(/List-Unsubscribe:\s+<https:\/\/quan10\.example\.vn\/nhan-tin\/huy\?token=/);
    // Nothing new since: no second mail.
    expect(await sendDigests(ctx)).toBe(0);
    const unsub = linkIn(inbox.at(-1)!.raw, '/nhan-tin/huy')!;
    expect((await t.app.inject({ method: 'GET', url: `/nhan-tin/huy?token=${unsub}` })).body).toContain('hủy nhận bản tin');
    await publish('Tin mới cho đảng viên hưu trí', ['dang_vien_huu_tri']);
    expect(await sendDigests(ctx)).toBe(0);
  });

  it('refuses a malformed address', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/nhan-tin', payload: { email: 'khong-phai-thu', audience: 'nhan_dan' } });
    expect(res.statusCode).toBe(400);
  });
});
