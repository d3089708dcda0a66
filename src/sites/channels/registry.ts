// The channels a site can connect, in display order. The one place that lists platforms.
import type { ChannelDefinition } from './channel.ts';

const CHANNELS: ChannelDefinition[] = [];

export const channelDefinitions = (): readonly ChannelDefinition[] => CHANNELS;
export const channelDefinition = (id: string): ChannelDefinition | undefined => CHANNELS.find((c) => c.id === id);

/** Adds a channel (tests register fakes this way). */
export function registerChannel(definition: ChannelDefinition): void {
  const at = CHANNELS.findIndex((c) => c.id === definition.id);
  if (at >= 0) CHANNELS[at] = definition;
  else CHANNELS.push(definition);
}
