// The connectors this installation knows. The one file where source kinds are wired in: platform
// connectors (src/connectors/<platform>/) add themselves to this list.
import { citizenConnector, fileConnector, syntheticConnector } from './builtin.ts';
import { facebookPageConnector } from './facebook/connector.ts';
import { rssConnector } from './rss/connector.ts';
import type { SourceConnector } from './types.ts';
import { youtubeChannelConnector } from './youtube/connector.ts';
import { zaloOaConnector } from './zalo/connector.ts';

export const INSTALLED: ReadonlyArray<SourceConnector<any>> = [
  rssConnector,
  facebookPageConnector(),
  youtubeChannelConnector(),
  zaloOaConnector(),
  fileConnector,
  citizenConnector,
  syntheticConnector,
];
