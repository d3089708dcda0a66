// Sources without a remote end: file imports, the citizen channel of the cases desk, and the demo's
// synthetic stream. They take no settings and are never polled.
import { z } from 'zod';
import type { ListenCapability } from '../../platforms/index.ts';

const noSettings = z.object({}).passthrough();
const builtin = (kind: 'file' | 'citizen' | 'synthetic'): ListenCapability => ({
  kind,
  name: `listening.kind.${kind}`,
  description: `listening.kind.${kind}.description`,
  fields: [],
  settings: noSettings,
  internal: true,
});

export const BUILTIN: readonly ListenCapability[] = [builtin('file'), builtin('citizen'), builtin('synthetic')];
