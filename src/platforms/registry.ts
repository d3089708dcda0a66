// The platforms this installation knows, in display order: the one list. Listening's source kinds,
// the channels a site can post to and the accounts the credential store holds all come from it.
import { facebookPlatform } from './facebook.ts';
import { rssPlatform } from './rss/rss.ts';
import type { ListenCapability, PlatformDefinition } from './types.ts';
import { youtubePlatform } from './youtube.ts';
import { zaloPlatform } from './zalo.ts';

const PLATFORMS: PlatformDefinition[] = [rssPlatform, facebookPlatform(), zaloPlatform(), youtubePlatform()];

export const platforms = (): readonly PlatformDefinition[] => PLATFORMS;
export const platform = (id: string): PlatformDefinition | undefined => PLATFORMS.find((p) => p.id === id);

/** The platform read by listening sources of this kind ('facebook_page' → Facebook). */
export const platformOfKind = (kind: string): PlatformDefinition | undefined => PLATFORMS.find((p) => p.listen?.kind === kind);

/** What listening can read: every platform's listen capability. */
export const listenCapabilities = (): Array<ListenCapability<any>> => PLATFORMS.flatMap((p) => (p.listen ? [p.listen] : []));
