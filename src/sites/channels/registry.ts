// The channels a site can connect, in display order. The one place that lists platforms.
import { facebookChannel } from './adapters/facebook.ts';
import { youtubeChannel } from './adapters/youtube.ts';
import { zaloChannel } from './adapters/zalo.ts';
import type { ChannelDefinition } from './channel.ts';

const CHANNELS: ChannelDefinition[] = [facebookChannel, zaloChannel, youtubeChannel];

export const channelDefinitions = (): readonly ChannelDefinition[] => CHANNELS;
export const channelDefinition = (id: string): ChannelDefinition | undefined => CHANNELS.find((c) => c.id === id);

/** Adds or replaces a channel (tests register fakes this way). */
export function registerChannel(definition: ChannelDefinition): void {
  const at = CHANNELS.findIndex((c) => c.id === definition.id);
  if (at >= 0) CHANNELS[at] = definition;
  else CHANNELS.push(definition);
}
