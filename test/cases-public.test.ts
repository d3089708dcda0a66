// The citizen channel: the report form with hostile input, photos, duplicates, flood limits; the
// status page, rating and re-opening; the public answers.

import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCase, getCaseByCode } from '../src/cases/cases.ts';
import { caseAttachments } from '../src/cases/schema.ts';
import { casesDir } from '../src/cases/attachments.ts';
import type { Unit } from '../src/org/schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { seedUnits } from './factories.ts';
import { buildTestApp, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let units: Map<string, Unit>;
let ip = 0;

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/nhipcau-cases-public-${process.pid}` });
  units = await seedUnits(ctx);
  t = await buildTestApp(ctx);
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

/** A fresh client address per test keeps the per-address limits apart. */
const client = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;

async function formSession(url: string, address: string): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.inject({ method: 'GET', url, remoteAddress: address });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'nc_csrf');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  return { cookie: `nc_csrf=${cookie?.value}`, csrf: csrf as string };
}

function multipart(fields: Record<string, string>, files: Array<{ name: string; filename: string; type: string; data: Buffer }> = []): { payload: Buffer; type: string } {
  const boundary = `----nhipcau${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function post(url: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = [], address = client()) {
  const s = await formSession(url, address);
  const body = multipart({ _csrf: s.csrf, ...fields }, files);
  return t.app.inject({ method: 'POST', url, remoteAddress: address, headers: { cookie: s.cookie, 'content-type': body.type }, payload: body.payload });
}

const count = async () => (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0].n;

describe('the report form', () => {
  it('takes a report with a photo on a ward site: routed to the ward, photo stripped of metadata, contact kept private', async () => {
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3366aa' } })
      .withMetadata({ exif: { IFD0: { Copyright: 'Nguyen Van A', Make: 'PhoneMaker' } } })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await post('/phuong-12/phan-anh', { topic: 'moi-truong', description: 'Rác tồn đọng ở đầu hẻm 285 Cách Mạng Tháng Tám hơn một tuần, bốc mùi.', address: 'Hẻm 285 CMT8', name: 'Nguyễn Văn A', email: 'nguyenvana@example.vn', phone: '0903 123 456' }, [{ name: 'photos', filename: 'IMG_0001.jpg', type: 'image/jpeg', data: photo }]);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const code = /tra-cuu\/([A-Z0-9]+)\?moi=1/.exec(res.headers.location as string)?.[1] as string;
    const c = await getCaseByCode(ctx.db, code);
    expect(c).toMatchObject({ source: 'report', unitId: units.get('phuong-12')?.id, wardId: units.get('phuong-12')?.id, topic: 'moi-truong', contactEmail: 'nguyenvana@example.vn' });
    // The report also reached the listening desk, redacted, as a post of the citizen source.
    const [ingested] = await ctx.database.query<{ text: string }>(`SELECT p.text FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = 'citizen-reports' AND p.external_id = $1`, [`case-${c?.id}`]);
    expect(ingested?.text).toContain('Rác tồn đọng');
    const [file] = await ctx.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, c?.id as number));
    expect(file).toMatchObject({ mime: 'image/jpeg', fromCitizen: true });
    const stored = await sharp(path.join(casesDir(ctx.config.dataDir), file.path)).metadata();
    expect(stored.exif).toBeUndefined();
    expect(Math.max(stored.width ?? 0, stored.height ?? 0)).toBe(1600);

    const status = await t.app.inject({ method: 'GET', url: `/phan-anh/tra-cuu/${code}?moi=1` });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(code);
    expect(status.body).toContain('Phường 12');
    for (const personal of ['nguyenvana@example.vn', '0903 123 456', 'Nguyễn Văn A']) expect(status.body).not.toContain(personal);
  });

  it('refuses the honeypot, bad coordinates, oversized text and unknown topics with 4xx, storing nothing', async () => {
    const before = await count();
    const good = { description: 'Đèn đường trên đường Ba Tháng Hai bị hỏng nhiều ngày.' };
    expect((await post('/phan-anh', { ...good, website: 'http://spam.example' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, lat: '91', long: '106.66' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, lat: '10.77' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, lat: '0', long: '0' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, lat: 'NaN', long: 'abc' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { description: 'x'.repeat(5001) })).statusCode).toBe(400);
    expect((await post('/phan-anh', { description: 'ngắn' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, topic: '<script>' })).statusCode).toBe(400);
    expect((await post('/phan-anh', { ...good, email: 'khong-phai-email' })).statusCode).toBe(400);
    const notImage = await post('/phan-anh', good, [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: Buffer.from('<svg onload=alert(1)>') }]);
    expect(notImage.statusCode).toBe(415);
    const tooMany = await post('/phan-anh', good, Array.from({ length: 4 }, (_, i) => ({ name: 'photos', filename: `${i}.jpg`, type: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, i]) })));
    expect(tooMany.statusCode).toBe(413);
    const big = await post('/phan-anh', good, [{ name: 'photos', filename: 'big.jpg', type: 'image/jpeg', data: Buffer.alloc(8 * 1024 * 1024 + 10) }]);
    expect(big.statusCode).toBe(413);
    expect((await t.app.inject({ method: 'POST', url: '/phan-anh', remoteAddress: client(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(good).toString() })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/khong-co-don-vi/phan-anh' })).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('escapes script and HTML everywhere it shows the text', async () => {
    const res = await post('/phan-anh', { title: '<script>alert(1)</script> ngập', description: 'Ngập nước <img src=x onerror=alert(1)> ở phường 6 sau cơn mưa chiều nay.' });
    expect(res.statusCode).toBe(303);
    const code = /tra-cuu\/([A-Z0-9]+)/.exec(res.headers.location as string)?.[1] as string;
    const page = await t.app.inject({ method: 'GET', url: `/phan-anh/tra-cuu/${code}` });
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> ngập');
    const c = await getCaseByCode(ctx.db, code);
    expect(c?.unitId).toBe(units.get('phuong-6')?.id);
  });

  it('suggests a similar report, and sends anyway when asked', async () => {
    const text = { topic: 'giao-thong', description: 'Kẹt xe nghiêm trọng ở ngã tư Sư Vạn Hạnh và Ba Tháng Hai mỗi buổi chiều từ 17 giờ đến 19 giờ.' };
    expect((await post('/phan-anh', text)).statusCode).toBe(303);
    const before = await count();
    const again = await post('/phan-anh', { ...text, description: `${text.description} Mong cơ quan chức năng xử lý.` });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Đã có phản ánh tương tự');
    expect(again.body).toContain('name="confirm" value="1"');
    expect(await count()).toBe(before);
    expect((await post('/phan-anh', { ...text, confirm: '1' })).statusCode).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it('limits floods from one address with 429', async () => {
    const address = client();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await post('/phan-anh', { description: `Phản ánh thử số ${i} về vỉa hè bị lấn chiếm đường Ngô Gia Tự.`, confirm: '1' }, [], address)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 303 || c === 200)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });
});

describe('after the answer', () => {
  it('shows the answer, takes a rating and a re-open, and publishes in Hỏi – đáp without personal data', async () => {
    const res = await post('/phuong-12/phan-anh', { description: 'Cống thoát nước trước nhà số 12 đường Thành Thái bị nghẹt, gọi 0912345678 để biết thêm.', email: 'dan@example.vn' });
    const code = /tra-cuu\/([A-Z0-9]+)/.exec(res.headers.location as string)?.[1] as string;
    const c = await getCaseByCode(ctx.db, code);
    await answerCase(ctx.db, 'system', c?.id as number, 'Phường đã nạo vét cống ngày 20/11.');
    const status = await t.app.inject({ method: 'GET', url: `/phan-anh/tra-cuu/${code.toLowerCase()}` });
    expect(status.body).toContain('Phường đã nạo vét cống ngày 20/11.');
    const qa = await t.app.inject({ method: 'GET', url: '/phuong-12/hoi-dap' });
    expect(qa.statusCode).toBe(200);
    expect(qa.body).toContain('Hỏi – đáp / Trả lời phản ánh');
    expect(qa.body).toContain('Phường đã nạo vét cống ngày 20/11.');
    expect(qa.body).toContain('[SĐT]');
    expect(qa.body).not.toContain('0912345678');
    expect(qa.body).not.toContain('dan@example.vn');
    expect((await t.app.inject({ method: 'GET', url: '/quan-10/hoi-dap' })).body).toContain('Phường đã nạo vét cống');
    expect((await t.app.inject({ method: 'GET', url: '/hoi-dap' })).body).toContain('Phường đã nạo vét cống');
    expect((await t.app.inject({ method: 'GET', url: '/phuong-1/hoi-dap' })).body).not.toContain('Phường đã nạo vét cống');

    const address = client();
    const s = await formSession(`/phan-anh/tra-cuu/${code}`, address);
    const form = (body: Record<string, string>) => ({ method: 'POST' as const, remoteAddress: address, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: s.csrf, ...body }).toString() });
    expect((await t.app.inject({ ...form({ rating: '9' }), url: `/phan-anh/tra-cuu/${code}/danh-gia` })).statusCode).toBe(400);
    expect((await t.app.inject({ ...form({ rating: '2' }), url: `/phan-anh/tra-cuu/${code}/danh-gia` })).headers.location).toContain('ok=rated');
    expect((await t.app.inject({ ...form({ reason: 'Vẫn còn nghẹt' }), url: `/phan-anh/tra-cuu/${code}/mo-lai` })).headers.location).toContain('ok=reopened');
    const after = await getCaseByCode(ctx.db, code);
    expect(after).toMatchObject({ status: 'reopened', rating: 2, reopenCount: 1 });
    expect((await t.app.inject({ ...form({ reason: 'Lần nữa' }), url: `/phan-anh/tra-cuu/${code}/mo-lai` })).statusCode).toBe(409);
  });

  it('says clearly when a code is unknown', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/phan-anh/tra-cuu/ABCDEFGHJK' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Không tìm thấy phản ánh');
    expect((await t.app.inject({ method: 'GET', url: '/phan-anh/tra-cuu?code=abcde-fghjk' })).headers.location).toBe('/phan-anh/tra-cuu/ABCDEFGHJK');
  });
});

