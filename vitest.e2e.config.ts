import { defineConfig } from 'vitest/config';

// Browser tests: real server, real Chromium (Debian's /usr/bin/chromium, no download).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
