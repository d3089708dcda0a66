// The listening desk in the browser: import a file from the upload page, see its issues on the
// dashboard, open one, rename it, find the brief button; the topic × ward table; on a phone too.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../src/demo/seed.ts';
import { expectText, expectVisible, loginAs, startHarness, type Harness } from './harness.ts';

let h: Harness;
let file: string;

const WATER = [
  'Chung cư Nguyễn Kim mất nước 3 ngày nay, bà con phải đi mua nước bình',
  'Mất nước ở chung cư Nguyễn Kim từ thứ hai tới giờ chưa có lại!!!',
  'chung cu nguyen kim mat nuoc hoai, ai chiu trach nhiem day',
  'Cả dãy lô B chung cư Nguyễn Kim mất nước, người già con nhỏ khổ lắm',
  'Lại mất nước ở chung cư Nguyễn Kim, gọi công ty cấp nước không ai nghe',
  'Chung cư Nguyễn Kim cúp nước không báo trước, mất nước 2 ngày rồi',
  'mat nuoc o chung cu Nguyen Kim qua troi luon, k ai giai quyet',
  'Đề nghị phường xem vụ mất nước ở chung cư Nguyễn Kim, đã 3 ngày',
];
const TRAFFIC = [
  'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall giờ tan tầm',
  'Đường 3/2 đoạn Vạn Hạnh Mall kẹt xe cả tiếng đồng hồ',
  'ket xe duong 3/2 gan Van Hanh Mall moi chieu, csgt dau roi',
  'Giờ cao điểm đường 3/2 kẹt cứng, xe máy leo lề',
  'Kẹt xe ở ngã tư 3/2 Lý Thường Kiệt mỗi sáng',
];

beforeAll(async () => {
  h = await startHarness();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-e2e-import-'));
  file = path.join(dir, 'phan-anh-thang-11.jsonl');
  const now = Date.now();
  const lines = [...WATER.map((text, i) => ({ text, k: `w${i}` })), ...TRAFFIC.map((text, i) => ({ text, k: `t${i}` }))].map(({ text, k }, i) =>
    JSON.stringify({ id: `e2e-${k}`, source: 'zalo-nhom-cu-dan', author: `cu-dan-${i}`, created_at: new Date(now - (20 - i) * 600_000).toISOString(), text, parent_id: null, url: null }),
  );
  lines.push('{"id":"hong","text":"thiếu ngày"}', 'không phải JSON', JSON.stringify({ id: 'html', source: 'zalo-nhom-cu-dan', author: 'x', created_at: new Date(now - 60_000).toISOString(), text: '<img src=x onerror=alert(1)> mất nước chung cư Nguyễn Kim <b>gấp</b>' }));
  await writeFile(file, lines.join('\n') + '\n');
}, 120_000);
afterAll(async () => h?.close());

it('imports a file, shows its issues, opens one and renames it', async () => {
  const page = await h.page();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await loginAs(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Lắng nghe dư luận', exact: true }).first().click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Lắng nghe dư luận');
  await expectVisible(page.getByText('Dữ liệu mô phỏng').first());

  await page.getByRole('link', { name: 'Nhập tệp' }).click();
  await page.getByLabel('Tệp dữ liệu').setInputFiles(file);
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await page.waitForURL(/\/admin\/listening\/imports\/\d+/);
  await expectText(page.locator('#import-status'), 'Hoàn tất', 60_000);
  await expectVisible(page.getByText('Dòng 14: missing created_at'));
  await expectVisible(page.getByText('Dòng 15: malformed JSON'));
  await h.screenshot(page, 'listening-import-desktop');

  await page.getByRole('link', { name: 'Vấn đề cần chú ý' }).first().click();
  await page.getByLabel('Tìm vấn đề').fill('mat nuoc');
  await page.getByRole('button', { name: 'Lọc' }).click();
  const issueLink = page.locator('table.attention a[href^="/admin/listening/issues/"]').first();
  await expectVisible(issueLink);
  expect((await issueLink.textContent())?.toLowerCase()).toMatch(/nước|nguyễn kim/);
  await h.screenshot(page, 'listening-dashboard-desktop');

  await issueLink.click();
  await expectVisible(page.getByRole('heading', { name: 'Bài đăng tiêu biểu (đã che thông tin cá nhân)' }));
  await expectVisible(page.locator('figure.chart svg').first());
  // HTML in posts is shown as text, never run.
  const html = await page.content();
  expect(html).not.toContain('<img src=x');
  await page.getByLabel('Đặt tên').fill('Mất nước kéo dài ở chung cư Nguyễn Kim');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Mất nước kéo dài ở chung cư Nguyễn Kim');
  await expectVisible(page.locator('[data-hook="brief-download"]'));
  await h.screenshot(page, 'listening-issue-desktop');

  await page.getByRole('link', { name: 'Chủ đề × phường' }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Chủ đề × phường');
  await h.screenshot(page, 'listening-topics-desktop');
  // A wide table scrolls in its own box; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(dialogs).toEqual([]);
}, 120_000);

it('works on a phone', async () => {
  const page = await h.page({ mobile: true });
  await loginAs(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/listening');
  await expectVisible(page.locator('table.attention a').first());
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await h.screenshot(page, 'listening-dashboard-phone');
  await page.locator('table.attention a[href^="/admin/listening/issues/"]').first().click();
  await expectVisible(page.locator('figure.chart svg').first());
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await h.screenshot(page, 'listening-issue-phone');
}, 120_000);
