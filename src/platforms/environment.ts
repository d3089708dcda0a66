// The one way to point every platform at other servers: local fakes in tests and e2e, or a proxy.
// Listening's polls, cross-posting, token refresh and messages all read this.
import type { PlatformEnvironment } from './types.ts';

const environment: PlatformEnvironment = { baseUrls: {} };

/** Merges base URLs (by key: facebook, youtube, youtube-upload, zalo, zalo-oauth), fetch and timeout. */
export function configurePlatforms(patch: Partial<PlatformEnvironment>): void {
  Object.assign(environment, patch, { baseUrls: { ...environment.baseUrls, ...(patch.baseUrls ?? {}) } });
}

/** Back to the platforms' real addresses. */
export function resetPlatforms(): void {
  environment.baseUrls = {};
  delete environment.fetch;
  delete environment.timeoutMs;
}

export const platformEnvironment = (): PlatformEnvironment => environment;
