// Hostile input from editors and readers: rich text, uploads checked by their bytes, slugs and URLs,
// settings that could break other pages.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';
import { itemIdOf, multipart, postItem } from './sites-helpers.ts';
import { publishing, type SiteView } from '../src/sites/directory.ts';
import { getItem } from '../src/sites/items.ts';
import { mediaFiles } from '../src/sites/schema.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mediaDir } from '../src/sites/media.ts';
import { eq } from 'drizzle-orm';

let ctx: TestContext;
let t: TestApp;
let editor: Session;
let admin: Session;
let p12: SiteView;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  editor = await login(t.app, (await buildUser(ctx, { role: 'editor', unit: 'phuong-12' })).email);
  admin = await login(t.app, (await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-12' })).email);
  p12 = (await publishing(ctx).sites.current()).bySiteSlug('phuong-12')!;
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

const news = () => String(p12.sections.find((s) => s.kind === 'article')!.id);
const upload = (filename: string, bytes: Buffer, type = 'image/jpeg') => postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'article', sectionId: news(), title: `Bài có ảnh ${filename}` }, [{ name: 'cover', filename, bytes, type }]);

describe('rich text', () => {
  it('stores hostile HTML sanitised: scripts, handlers, javascript: links, SVG, styles, iframes, data: images', async () => {
    const body = `<p onmouseover="steal()">Xin chào<script>alert(document.cookie)</script></p><a href="javascript:alert(1)">bấm</a><a href=" JAVASCRIPT:alert(2)">b2</a><svg onload="x()"><script>y()</script></svg><iframe src="https://evil.test"></iframe><img src="data:image/png;base64,AAAA" onerror="z()"><img src="http://tracker.test/p.gif"><style>*{display:none}</style><div style="position:fixed;inset:0">phủ trang</div><form action="/admin/logout"><button>x</button></form></main></article><h1>Tiêu đề giả</h1>`;
    const res = await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'article', sectionId: news(), title: 'Bài kiểm tra mã độc', body });
    const item = await getItem(ctx.db, itemIdOf(res.headers.location));
    expect(item.body).not.toMatch(/script|onmouseover|onerror|onload|javascript:|<svg|<iframe|<style|style=|<form|<button|data:|tracker\.test|<h1/i);
    expect(item.body).toContain('Xin chào');
    expect(item.body).toContain('<h2>Tiêu đề giả</h2>');
  });

  it('titles and names are text, never markup, on every page', async () => {
    const res = await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'article', sectionId: news(), title: '</title><script>alert(1)</script> "Tin" \u202eđảo' });
    const item = await getItem(ctx.db, itemIdOf(res.headers.location));
    expect(item.title).not.toContain('\u202e');
    expect(item.slug).toMatch(/^[a-z0-9-]+$/);
    const page = await editor.request('GET', `/admin/items/${item.id}`);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;/title>&lt;script>');
  });

  it('slugs are normalised, unique per site, and reserved words are refused for sections', async () => {
    const a = await getItem(ctx.db, itemIdOf((await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'article', sectionId: news(), title: 'Tin trùng tên', slug: '../../Admin/Đường Dẫn?x=1' })).headers.location));
    expect(a.slug).toBe('admin-duong-dan-x-1');
    const b = await getItem(ctx.db, itemIdOf((await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'article', sectionId: news(), title: 'Tin trùng tên', slug: '../../Admin/Đường Dẫn?x=1' })).headers.location));
    expect(b.slug).toBe('admin-duong-dan-x-1-2');
    for (const slug of ['tim-kiem', 'phan-anh', 'hoi-dap', 'Bad Slug']) {
      const res = await admin.request('POST', '/admin/sites/phuong-12/sections', { name: 'Chuyên mục', slug, kind: 'article', sortOrder: '1' });
      expect(res.statusCode, slug).toBe(400);
    }
  });
});

describe('uploads', () => {
  it('takes an image by its bytes, whatever its name; stores resized WebP and JPEG without metadata', async () => {
    const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: 'Nguyễn Văn A', Copyright: 'vị trí nhà riêng' } } })
      .toBuffer();
    const res = await upload('anh.pdf', jpeg, 'application/pdf');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const item = await getItem(ctx.db, itemIdOf(res.headers.location));
    const [media] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, item.coverMediaId!));
    expect(media.variants.map((v) => `${v.format}:${v.width}`).sort()).toEqual(['jpeg:1024', 'jpeg:1600', 'jpeg:320', 'jpeg:640', 'webp:1024', 'webp:1600', 'webp:320', 'webp:640']);
    for (const v of media.variants) {
      const meta = await sharp(await readFile(path.join(mediaDir(ctx), v.file))).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe(v.format);
    }
    const served = await t.app.inject({ method: 'GET', url: `/media/${media.variants[0].file}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toContain('immutable');
  });

  const refused: Array<[string, () => Promise<Buffer>, string]> = [
    ['an HTML page named .jpg', async () => Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg'],
    ['an SVG with a script', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
    ['an SVG named .png', async () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'logo.png'],
    ['a truncated JPEG', async () => (await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } }).jpeg().toBuffer()).subarray(0, 60), 'cut.jpg'],
    ['a PDF as the cover image', async () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'cover.jpg'],
    ['a decompression bomb (huge dimensions)', async () => sharp({ create: { width: 7500, height: 7500, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer(), 'bomb.png'],
  ];
  for (const [name, make, filename] of refused) {
    it(`refuses ${name}`, async () => {
      const res = await upload(filename, await make());
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Tệp không được chấp nhận');
    });
  }

  it('takes PDF and Office documents for document items, by their bytes', async () => {
    const docs = String(p12.sections.find((s) => s.kind === 'document')!.id);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const res = await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'document', sectionId: docs, title: 'Kế hoạch số 12', number: '12/KH-UBND', issuedOn: '2026-11-20', issuer: 'UBND Phường 12' }, [{ name: 'file', filename: 'ke-hoach.pdf', bytes: pdf, type: 'application/pdf' }]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const item = await getItem(ctx.db, itemIdOf(res.headers.location));
    const [file] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, item.details.fileMediaId!));
    expect(file).toMatchObject({ kind: 'file', mime: 'application/pdf' });
    expect(item.details).toMatchObject({ number: '12/KH-UBND', issuedOn: '2026-11-20', issuer: 'UBND Phường 12' });
    const exe = await postItem(t.app, editor, '/admin/sites/phuong-12/items', { kind: 'document', sectionId: docs, title: 'Tệp lạ' }, [{ name: 'file', filename: 'ke-hoach.pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf' }]);
    expect(exe.statusCode).toBe(400);
  });

  it('the editor image endpoint answers JSON and refuses what is not an image', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#ff000080' } }).png().toBuffer();
    const ok = multipart({ _csrf: editor.csrf }, [{ name: 'file', filename: 'a.png', bytes: png, type: 'image/png' }]);
    const res = await t.app.inject({ method: 'POST', url: '/admin/sites/phuong-12/media', payload: ok.body, headers: { ...ok.headers, cookie: editor.cookie, accept: 'application/json' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toMatch(/^\/media\/[\w-]+\/[\w.-]+\.jpg$/);
    const bad = multipart({ _csrf: editor.csrf }, [{ name: 'file', filename: 'a.png', bytes: Buffer.from('GIF8 not really'), type: 'image/png' }]);
    const refused = await t.app.inject({ method: 'POST', url: '/admin/sites/phuong-12/media', payload: bad.body, headers: { ...bad.headers, cookie: editor.cookie, accept: 'application/json' } });
    expect(refused.statusCode).toBe(415);
    const noToken = multipart({}, [{ name: 'file', filename: 'a.png', bytes: png }]);
    expect((await t.app.inject({ method: 'POST', url: '/admin/sites/phuong-12/media', payload: noToken.body, headers: { ...noToken.headers, cookie: editor.cookie } })).statusCode).toBe(403);
  });
});

describe('site settings', () => {
  it('refuses colours, host names and menu links that could break pages', async () => {
    const form = (fields: Record<string, string>) => multipart({ _csrf: admin.csrf, name: 'Phường 12, Quận 10', colour: '#9c2a1f', active: 'on', ...fields });
    const send = (fields: Record<string, string>) => {
      const f = form(fields);
      return t.app.inject({ method: 'POST', url: '/admin/sites/phuong-12/settings', payload: f.body, headers: { ...f.headers, cookie: admin.cookie } });
    };
    expect((await send({ colour: 'red;background:url(javascript:x)' })).statusCode).toBe(400);
    // White header text on a light colour would fail WCAG AA contrast.
    expect((await send({ colour: '#ffd54f' })).statusCode).toBe(400);
    expect((await send({ hostName: 'evil.test/../admin' })).statusCode).toBe(400);
    expect((await send({ menu: 'Bấm | javascript:alert(1)' })).statusCode).toBe(400);
    expect((await send({ menu: 'Ngoài | //evil.test' })).statusCode).toBe(400);
    expect((await send({ name: '<img src=x onerror=alert(1)> Phường 12', menu: 'Dịch vụ công | https://dichvucong.gov.vn' })).statusCode).toBe(303);
    const home = await t.app.inject({ method: 'GET', url: '/phuong-12' });
    expect(home.body).not.toContain('<img src=x');
    expect(home.body).toContain('href="https://dichvucong.gov.vn"');
    const other = await t.app.inject({ method: 'GET', url: '/phuong-1' });
    expect(other.body).not.toContain('onerror');
  });
});
