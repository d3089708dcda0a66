import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../src/demo/seed.ts';
import { expectText, expectVisible, loginAs, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => h?.close());

it('logs in, opens the units, edits one, and reads the audit log', async () => {
  const page = await h.page();
  await page.goto('/admin');
  await expect.poll(() => page.url()).toContain('/admin/login');
  await loginAs(page, DEMO_ADMIN, DEMO_PASSWORD);
  await expectText(page.getByRole('heading', { level: 1 }), 'Bảng điều khiển');
  await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Cơ cấu đơn vị');
  await expectVisible(page.getByRole('link', { name: 'Phường 12, Quận 10' }));
  await expectVisible(page.getByText('91 đơn vị'));
  await h.screenshot(page, 'units-desktop');

  await page.getByRole('link', { name: 'Phường 12, Quận 10' }).click();
  await page.getByLabel('Địa chỉ').fill('Số 3 Đường Thành Thái, Phường 12, Quận 10');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expectText(page.getByRole('status'), 'Đã lưu thay đổi.');
  expect(await page.getByLabel('Địa chỉ').inputValue()).toBe('Số 3 Đường Thành Thái, Phường 12, Quận 10');

  await page.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
  // In words, the person and the unit named and linked.
  const change = page.getByRole('cell', { name: 'Quản trị Ban Tuyên giáo Quận 10 đã sửa thông tin đơn vị Phường 12, Quận 10' }).first();
  await expectVisible(change);
  expect(await change.getByRole('link', { name: 'Phường 12, Quận 10' }).getAttribute('href')).toBe('/admin/units/phuong-12');
  await h.screenshot(page, 'audit-desktop');
}, 60_000);

it('works on a phone: the menu folds, the units list fits the screen', async () => {
  const page = await h.page({ mobile: true });
  await loginAs(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/units');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await h.screenshot(page, 'units-phone');
}, 60_000);

it('shows a clear message for a wrong password and for an unknown page', async () => {
  const page = await h.page();
  await page.goto('/admin/login');
  await page.getByLabel('Thư điện tử').fill(DEMO_ADMIN);
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expectText(page.getByRole('alert'), 'Sai thư điện tử hoặc mật khẩu.');
  const res = await page.goto('/admin/khong-co-trang-nay');
  expect(res?.status()).toBe(404);
  await expectVisible(page.getByText('Không tìm thấy trang hoặc dữ liệu yêu cầu.'));
}, 60_000);
