// The weekly brief from the app: an analyst opens "Báo cáo tuần" from the desk, picks the week and
// downloads the PDF and the DOCX; the files keep Vietnamese diacritics. Then adds an alert rule.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { evaluateAlerts } from '../src/listening/alerts/evaluate.ts';
import { docxText, pdfText, unzipEntry } from '../test/listening/files.ts';
import { seedCases, seedWeek, WEEK } from '../test/listening/brief-seed.ts';
import { expectText, expectVisible, loginAs, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedWeek(h.running.ctx);
  await seedCases(h.running.ctx);
}, 180_000);
afterAll(async () => h?.close());

it('an analyst downloads the weekly brief as PDF and DOCX', async () => {
  const page = await h.page();
  await loginAs(page, 'phantich@quan10.demo', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Lắng nghe dư luận', exact: true }).first().click();
  await page.getByRole('link', { name: 'Báo cáo tuần', exact: true }).click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Báo cáo tuần');
  await page.getByLabel('Từ ngày').fill(WEEK.from);
  await page.getByLabel('Đến ngày').fill(WEEK.to);
  await h.screenshot(page, 'listening-brief');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải PDF' }).click()]);
  expect(pdf.suggestedFilename()).toBe('ban-tin-du-luan_2026-11-09_2026-11-15.pdf');
  const text = (await pdfText(await readFile((await pdf.path()) as string))).join('\n');
  for (const s of ['BÁO CÁO TÓM TẮT TÌNH HÌNH DƯ LUẬN XÃ HỘI', 'Tuần từ ngày 09/11/2026 đến ngày 15/11/2026', 'Các vấn đề nổi bật', 'Phường 12', 'Kết quả xử lý phản ánh', 'PHỤ LỤC. CÁCH THỨC TỔNG HỢP SỐ LIỆU']) expect(text).toContain(s);
  // No public address is configured: the brief links nowhere (never to the server's own address).
  expect(text).not.toContain(h.url);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải DOCX (Word)' }).click()]);
  expect(docx.suggestedFilename()).toBe('ban-tin-du-luan_2026-11-09_2026-11-15.docx');
  const xml = unzipEntry(await readFile((await docx.path()) as string), 'word/document.xml')?.toString('utf8') ?? '';
  expect(docxText(xml)).toContain('Sắc thái, mức độ bức xúc');

  // A wrong period is explained on the page.
  await page.getByLabel('Từ ngày').fill(WEEK.to);
  await page.getByLabel('Đến ngày').fill(WEEK.from);
  await page.getByRole('button', { name: 'Tải PDF' }).click();
  await expectVisible(page.getByText('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.'));
}, 120_000);

it('an analyst adds an alert rule from the desk', async () => {
  const page = await h.page();
  await loginAs(page, 'phantich@quan10.demo', DEMO_PASSWORD);
  await page.goto('/admin/listening/alerts');
  await expectText(page.getByRole('heading', { level: 1 }), 'Cảnh báo dư luận');
  await page.getByLabel('Tên quy tắc').fill('Ngập nước tăng');
  await page.getByLabel('Loại').selectOption('query');
  await page.getByLabel('Truy vấn chủ đề').fill('"ngập nước" OR "triều cường"');
  await page.getByLabel('Số bài tối thiểu').fill('5');
  await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
  await expectText(page.getByRole('status'), 'Đã lưu thay đổi.');
  await expectText(page.getByRole('heading', { level: 1 }), 'Ngập nước tăng');
  await page.getByLabel('Khung thời gian (giờ)').fill('168');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expectText(page.getByRole('status'), 'Đã lưu thay đổi.');
  // Evaluated as at the end of the seeded week: the flooding posts fire the rule once.
  expect(await evaluateAlerts(h.running.ctx, { now: new Date('2026-11-15T12:00:00Z') })).toMatchObject({ fired: 1 });
  await page.goto('/admin');
  await expectText(page.locator('.topbar .bell-count'), '1');
  await page.locator('.topbar .bell').click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Thông báo');
  await expectVisible(page.getByRole('link', { name: /^Truy vấn «"ngập nước" OR "triều cường"»: 12 bài trong 168 giờ qua$/ }));
  await h.screenshot(page, 'listening-notifications');
  await page.getByRole('button', { name: /Đánh dấu đã đọc/ }).click();
  await page.goto('/admin');
  await expectVisible(page.getByRole('heading', { level: 1 }));
  expect(await page.locator('.topbar .bell').count()).toBe(0);
}, 60_000);
