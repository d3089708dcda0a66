// The publishing flow end to end: a unit admin connects the ward's Facebook Page and Zalo OA (local fakes),
// an editor writes an article with an image in the rich-text editor and submits it, an approver of the
// district publishes it, and it appears on the unit site, the portal, the RSS feed, the search results
// and the fake Facebook and Zalo servers.
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { configurePlatforms } from '../src/platforms/index.ts';
import { FacebookFake } from '../test/fakes/facebook.ts';
import { ZaloFake } from '../test/fakes/zalo.ts';
import { expectText, expectVisible, loginAs, startHarness, type Harness } from './harness.ts';

let h: Harness;
let fb: FacebookFake;
let zalo: ZaloFake;
const TITLE = 'Phường 12 khánh thành công viên mini trên đường Thành Thái';

beforeAll(async () => {
  [fb, zalo] = await Promise.all([FacebookFake.start(), ZaloFake.start()]);
  configurePlatforms({ baseUrls: { facebook: fb.url, zalo: zalo.url, 'zalo-oauth': zalo.url }, timeoutMs: 2000 });
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await Promise.all([fb?.close(), zalo?.close()]);
});

it('editor writes, approver publishes; the article reaches the site, portal, feed, search, Facebook and Zalo', async () => {
  const page = await h.page();
  const pageOnFb = fb.addPage({ name: 'Phường 12 Quận 10' });
  const zaloTokens = zalo.issueTokens();

  // The ward's administrator connects the channels.
  await loginAs(page, 'phuong12@quan10.demo', DEMO_PASSWORD);
  await page.goto('/admin/sites/phuong-12/channels');
  const fbForm = page.locator('section', { has: page.getByRole('heading', { name: 'Facebook Page' }) });
  await fbForm.getByLabel('Mã Trang (Page ID)').fill(pageOnFb.id);
  await fbForm.getByLabel('Tên hiển thị').fill('Phường 12 Quận 10');
  await fbForm.getByLabel('Mã truy cập (access token)').fill(pageOnFb.token);
  await fbForm.getByRole('button', { name: 'Kết nối' }).click();
  await expectVisible(page.getByText('Đã kết nối: Phường 12 Quận 10'));
  const zForm = page.locator('section', { has: page.getByRole('heading', { name: 'Zalo Official Account' }) });
  await zForm.getByLabel('Mã Official Account (OA ID)').fill(zalo.oaId);
  await zForm.getByLabel('Tên hiển thị').fill('OA Phường 12');
  await zForm.getByLabel('Mã truy cập (access token)').fill(zaloTokens.accessToken);
  await zForm.getByLabel('Mã làm mới (refresh token)').fill(zaloTokens.refreshToken);
  await zForm.getByLabel('Mã ứng dụng (App ID)').fill(zalo.appId);
  await zForm.getByLabel('Khóa bí mật ứng dụng').fill(zalo.secretKey);
  await zForm.getByRole('button', { name: 'Kết nối' }).click();
  await expectVisible(page.getByText('Đã kết nối: OA Phường 12'));
  expect(await page.content()).not.toContain(pageOnFb.token);
  await page.context().clearCookies();

  // The editor writes the article with a cover image and an image in the body.
  await loginAs(page, 'bientap.phuong12@quan10.demo', DEMO_PASSWORD);
  await page.goto('/admin/sites/phuong-12');
  await page.getByRole('link', { name: 'Bài viết', exact: true }).click();
  await page.getByLabel('Tiêu đề').fill(TITLE);
  await page.getByLabel('Sapo (tóm tắt)').fill('Công viên rộng 500 m² với cây xanh, ghế đá và sân chơi cho thiếu nhi.');
  const editor = page.locator('trix-editor');
  await expectVisible(editor);
  await editor.click();
  await page.keyboard.type('Sáng nay, Phường 12 đã khánh thành công viên mini trên khu đất trống từng bị lấn chiếm.');
  const photo = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#2e7d32' } }).jpeg().withMetadata({ exif: { IFD0: { Copyright: 'GPS secret' } } }).toBuffer();
  await page.getByLabel('Ảnh đại diện').setInputFiles({ name: 'cong-vien.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByLabel('Mô tả ảnh (cho người khiếm thị)').fill('Thiếu nhi vui chơi tại công viên mới');
  await page.getByLabel('Văn hóa – Xã hội').check().catch(() => undefined);
  await page.getByLabel('Lĩnh vực').selectOption('van_hoa_xa_hoi');
  await page.getByLabel('Nhân dân').check();
  await h.screenshot(page, 'publishing-editor');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expectText(page.getByRole('status'), 'Đã lưu thay đổi.');
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expectVisible(page.getByText('Chờ duyệt').first());
  const itemUrl = page.url().replace(/\?.*$/, '');
  await page.context().clearCookies();

  // An approver of the district publishes it.
  await loginAs(page, 'duyet@quan10.demo', DEMO_PASSWORD);
  await page.goto(itemUrl);
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expectVisible(page.getByText('Đã đăng').first());

  // The public pages.
  const reader = await h.page();
  await reader.goto('/phuong-12');
  await expectVisible(reader.getByRole('link', { name: TITLE }));
  await reader.getByRole('link', { name: TITLE }).click();
  await expectText(reader.getByRole('heading', { level: 1 }), TITLE);
  await expectVisible(reader.getByRole('img', { name: 'Thiếu nhi vui chơi tại công viên mới' }));
  const cover = await reader.getByRole('img', { name: 'Thiếu nhi vui chơi tại công viên mới' }).getAttribute('src');
  const coverBytes = Buffer.from(await (await reader.request.get(cover!)).body());
  expect((await sharp(coverBytes).metadata()).exif).toBeUndefined();
  await h.screenshot(reader, 'publishing-article-desktop');
  const phone = await h.page({ mobile: true });
  await phone.goto(reader.url());
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await h.screenshot(phone, 'publishing-article-phone');

  await reader.goto('/');
  await expectVisible(reader.getByRole('link', { name: TITLE }));
  const rss = await reader.request.get('/phuong-12/rss.xml');
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  expect(await rss.text()).toContain(TITLE);
  await reader.goto('/tim-kiem?q=cong+vien+mini+thanh+thai');
  await expectVisible(reader.getByRole('link', { name: TITLE }));

  // The channels, through the background jobs.
  await expect.poll(() => fb.posts.filter((p) => p.viaApi && p.message?.includes(TITLE)).length, { timeout: 20_000 }).toBe(1);
  expect(fb.posts.find((p) => p.viaApi && p.message?.includes(TITLE))?.link).toContain('/phuong-12/tin-tuc/phuong-12-khanh-thanh-cong-vien-mini-tren-duong-thanh-thai');
  await expect.poll(() => zalo.articles.filter((a) => JSON.stringify(a).includes(TITLE)).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => zalo.broadcasts.length, { timeout: 20_000 }).toBe(1);
  await page.goto(itemUrl);
  await expect.poll(async () => (await page.locator('li.post-posted').count()), { timeout: 10_000 }).toBe(3);
  await h.screenshot(page, 'publishing-item-status');
}, 120_000);
