// The connectors this installation knows. The one file where source kinds are wired in: platform
// connectors (src/connectors/<platform>/) add themselves to this list.
import { citizenConnector, fileConnector, syntheticConnector } from './builtin.ts';
import { rssConnector } from './rss/connector.ts';
import type { SourceConnector } from './types.ts';

export const INSTALLED: ReadonlyArray<SourceConnector<any>> = [rssConnector, fileConnector, citizenConnector, syntheticConnector];
