// Looks source kinds up: what each platform can be read for (src/platforms), and the built-in kinds
// without a remote end.
import { listenCapabilities, type ListenCapability } from '../../platforms/index.ts';
import { BUILTIN } from './builtin.ts';

const byKind = new Map<string, ListenCapability<any>>();
for (const c of [...listenCapabilities(), ...BUILTIN]) {
  if (byKind.has(c.kind)) throw new Error(`listening: two readers of kind ${c.kind}`);
  byKind.set(c.kind, c);
}

export const connectorFor = (kind: string): ListenCapability<any> | undefined => byKind.get(kind);
export const allConnectors = (): Array<ListenCapability<any>> => [...byKind.values()];
