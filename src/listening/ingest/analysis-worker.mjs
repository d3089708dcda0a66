// Worker thread entry: the app runs from TypeScript source, so register tsx before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
