// End-to-end harness: the real server (startWeb) on a throw-away embedded database or, with DATABASE_URL,
// a throw-away PostgreSQL database, driven by Debian's Chromium through playwright-core.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWeb, type Running } from '../src/app/processes.ts';
import { loadConfig } from '../src/config/env.ts';

export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export interface Harness {
  running: Running;
  url: string;
  browser: Browser;
  /** A new page; `mobile` gives a phone-sized viewport. */
  page(options?: { mobile?: boolean; locale?: string }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-e2e-'));
  let dropDb: (() => Promise<void>) | undefined;
  const extra: Record<string, string> = {};
  if (process.env.DATABASE_URL) {
    const { createThrowawayDatabase } = await import('./pg.ts');
    const db = await createThrowawayDatabase(process.env.DATABASE_URL);
    extra.DATABASE_URL = db.url;
    extra.NHIPCAU_DEMO = 'true';
    dropDb = db.drop;
  }
  const config = loadConfig({ NHIPCAU_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...extra, ...env });
  const running = await startWeb(config, pino({ level: process.env.E2E_LOG ?? 'silent' }));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    running,
    url: running.url,
    browser,
    async page({ mobile = false, locale = 'vi-VN' } = {}) {
      const context = await browser.newContext({ baseURL: running.url, locale, ...(mobile ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 860 } }) });
      return context.newPage();
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await running.close();
      await dropDb?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel(/Thư điện tử|E-mail/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'));
}

/** Waits until the locator's text equals (or matches) the expectation; playwright-core has no expect(). */
export async function expectText(locator: import('playwright-core').Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected text ${String(expected)}, got "${last}"`);
}

export async function expectVisible(locator: import('playwright-core').Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
