// Cases end to end in Chromium: a citizen's report on a ward site is routed to the ward, answered by
// a handler, published in the ward's Hỏi – đáp and shown on the citizen's status page; a listening
// issue becomes a case and gets its answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { expectText, expectVisible, loginAs, startHarness, type Harness } from './harness.ts';

let h: Harness;
let code = '';
const HANDLER = 'xuly@quan10.demo';

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => h?.close());

it('a citizen reports on the ward site; the ward answers; the answer is public and on the status page', async () => {
  const phone = await h.page({ mobile: true });
  await phone.goto('/phuong-12/phan-anh');
  await expectText(phone.getByRole('heading', { level: 1 }), 'Gửi phản ánh, kiến nghị');
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.getByLabel('Lĩnh vực').selectOption({ label: 'Môi trường, rác thải' });
  await phone.getByLabel(/Nội dung phản ánh/).fill('Rác thải tồn đọng ở đầu hẻm 285 Cách Mạng Tháng Tám hơn một tuần, bốc mùi <b>nặng</b>.');
  await phone.getByLabel('Số nhà, tên đường, địa điểm').fill('Hẻm 285 Cách Mạng Tháng Tám');
  await phone.getByLabel('Thư điện tử').fill('congdan@example.vn');
  await h.screenshot(phone, 'cases-report-phone');
  await phone.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await phone.waitForURL(/\/phan-anh\/tra-cuu\/[A-Z0-9]{10}\?moi=1$/);
  await expectText(phone.getByRole('heading', { level: 1 }), 'Đã nhận phản ánh');
  code = (await phone.locator('.code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  await expectVisible(phone.getByText('Phường 12, Quận 10').first());
  expect(await phone.content()).not.toContain('congdan@example.vn');
  await h.screenshot(phone, 'cases-status-phone');

  // The handler finds it routed to Phường 12, takes it and answers.
  const office = await h.page();
  await loginAs(office, HANDLER, DEMO_PASSWORD);
  await office.getByRole('link', { name: 'Phản ánh, vụ việc' }).first().click();
  await expectText(office.getByRole('heading', { level: 1 }), 'Phản ánh, vụ việc');
  const row = office.getByRole('row').filter({ hasText: 'Rác thải tồn đọng' });
  await expectVisible(row.getByText('Phường 12, Quận 10'));
  await row.getByRole('link').first().click();
  await expectVisible(office.getByText('congdan@example.vn'));
  await office.getByRole('button', { name: 'Nhận xử lý' }).click();
  await expectText(office.getByRole('status'), 'Đã lưu thay đổi.');
  await expectVisible(office.locator('.case-facts').getByText('Phạm Văn Xử Lý'));
  await office.getByLabel(/Trả lời công khai/).fill('Ngày 27/11, Phường 12 đã phối hợp Công ty Dịch vụ công ích thu gom toàn bộ rác tại hẻm 285 và đặt biển cấm đổ rác.');
  await office.getByRole('button', { name: 'Đăng câu trả lời' }).click();
  await expectText(office.getByRole('status'), 'Đã lưu thay đổi.');
  await expectVisible(office.locator('.case-facts').getByText('Đã trả lời'));
  await expectVisible(office.locator('ol.history').getByText('Trả lời công khai'));
  await h.screenshot(office, 'cases-case-desktop');

  // The ward's Hỏi – đáp shows it, without personal data.
  const site = await h.page();
  await site.goto('/phuong-12/hoi-dap');
  await expectText(site.getByRole('heading', { level: 1 }), 'Hỏi – đáp / Trả lời phản ánh');
  await expectVisible(site.getByText(/đã phối hợp Công ty Dịch vụ công ích/));
  await expectVisible(site.getByText(/bốc mùi <b>nặng<\/b>/));
  expect(await site.content()).not.toContain('congdan@example.vn');
  await h.screenshot(site, 'cases-answers-desktop');

  // The citizen's status page has the answer; the citizen rates it.
  await phone.goto(`/phan-anh/tra-cuu/${code}`);
  await expectVisible(phone.getByText(/đã phối hợp Công ty Dịch vụ công ích/));
  await phone.getByLabel('5 sao').check();
  await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expectText(phone.getByRole('status'), 'Cảm ơn anh/chị đã đánh giá.');
  await expectVisible(phone.getByText('Anh/chị đã đánh giá: 5/5. Cảm ơn anh/chị.'));
  await h.screenshot(phone, 'cases-answered-phone');
}, 90_000);

it('a listening issue becomes a case, gets an answer, and shows the before/after panel', async () => {
  const [issue] = await h.running.ctx.database.query<{ id: number }>(
    `INSERT INTO listening_issues (label, topics, post_count, voices, first_seen, last_seen) VALUES ('ngập nước đường Thành Thái', '{ngap-nuoc}', 48, 31, now() - interval '3 days', now()) RETURNING id`,
  );
  const office = await h.page();
  await loginAs(office, 'admin@quan10.demo', DEMO_PASSWORD);
  await office.goto(`/admin/listening/issues/${issue.id}`);
  await office.getByRole('link', { name: 'Tạo vụ việc' }).click();
  await expectVisible(office.getByText(`Tạo từ vấn đề dư luận #${issue.id}`));
  expect(await office.getByLabel(/Tiêu đề/).inputValue()).toBe('ngập nước đường Thành Thái');
  await office.getByLabel('Phường').selectOption({ label: 'Phường 12' });
  await office.getByLabel(/Phương án xử lý/).fill('Khảo sát cống, nạo vét trước mùa mưa; báo cáo Quận.');
  await office.getByRole('button', { name: 'Tạo mới' }).click();
  await expectText(office.getByRole('status'), 'Đã lưu thay đổi.');
  await expectVisible(office.getByRole('link', { name: `#${issue.id}` }));
  await expectVisible(office.locator('.case-facts').getByText('Từ vấn đề dư luận'));
  await expectVisible(office.locator('.case-facts').getByText('Phường 12, Quận 10'));
  await office.getByLabel(/Trả lời công khai/).fill('Phường 12 đã nạo vét 300 m cống trên đường Thành Thái; tình trạng ngập đã giảm.');
  await office.getByRole('button', { name: 'Đăng câu trả lời' }).click();
  await expectText(office.getByRole('status'), 'Đã lưu thay đổi.');
  await expectVisible(office.getByRole('heading', { name: 'Hiệu quả: dư luận trước và sau khi trả lời' }));
  await h.screenshot(office, 'cases-issue-case-desktop');

  const mobile = await h.page({ mobile: true });
  await loginAs(mobile, HANDLER, DEMO_PASSWORD);
  await mobile.goto('/admin/cases');
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await h.screenshot(mobile, 'cases-list-phone');
}, 90_000);

it('shows statistics to the district administrator', async () => {
  const office = await h.page();
  await loginAs(office, 'admin@quan10.demo', DEMO_PASSWORD);
  await office.goto('/admin/cases/stats');
  await expectText(office.getByRole('heading', { level: 1 }), 'Thống kê xử lý phản ánh');
  await expectVisible(office.getByRole('row').filter({ hasText: 'Phường 12, Quận 10' }).first());
  await h.screenshot(office, 'cases-stats-desktop');
}, 60_000);
