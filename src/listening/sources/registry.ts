// Looks connectors up by kind.
import { INSTALLED } from './installed.ts';
import type { SourceConnector } from './types.ts';

const byKind = new Map<string, SourceConnector<any>>();
for (const c of INSTALLED) {
  if (byKind.has(c.kind)) throw new Error(`listening: two connectors of kind ${c.kind}`);
  byKind.set(c.kind, c);
}

export const connectorFor = (kind: string): SourceConnector<any> | undefined => byKind.get(kind);
export const allConnectors = (): Array<SourceConnector<any>> => [...byKind.values()];
