#!/usr/bin/env node
// Runs the compiled app (scripts/build.mjs; rebuilt first when the sources changed); falls back to
// compiling TypeScript on load with tsx when the compiler is not available.
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build.mjs';

const entry = await ensureBuilt();
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
