// The rumour desk in the app: no pages yet (the CLI reaches it through its face).
import type { Feature } from '../app/feature.ts';

export const feature: Feature = { name: 'claims' };
