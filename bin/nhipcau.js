#!/usr/bin/env node
// The package runs from TypeScript source: tsx compiles on load, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
