// Worker thread entry. The compiled copy in dist/ loads plain JavaScript; from source, tsx compiles
// the TypeScript on load.
import { existsSync } from 'node:fs';

const compiled = new URL('./analysis-worker.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./analysis-worker.ts');
}
