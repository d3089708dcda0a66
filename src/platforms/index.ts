// The public face of the platforms feature: what listening, sites and cases use. See README.md.
export type {
  AccountBinding,
  AccountSpec,
  ClassifiedFailure,
  ConnectedAccount,
  Credentials,
  FailureKind,
  InboundEvent,
  IncomingPost,
  ListenCapability,
  Messenger,
  PlatformDefinition,
  PlatformEnvironment,
  PollContext,
  PollResult,
  PublishCapability,
  Publisher,
  PublishStep,
  SettingField,
  WebhookReceiver,
  WebhookRequest,
} from './types.ts';
export { configurePlatforms, platformEnvironment, resetPlatforms } from './environment.ts';
export { listenCapabilities, platform, platformOfKind, platforms } from './registry.ts';
export { classifyFailure, nextDelayMs, SourceFailure } from './failures.ts';
export {
  accountOf,
  credentialsOf,
  dropConnectionIfUnused,
  findConnection,
  getConnection,
  listConnections,
  markRefused,
  refreshConnection,
  refreshExpiringTokens,
  saveConnection,
  sendMessage,
  tokenState,
  type ConnectionInput,
  type TokenState,
} from './connections.ts';
export { platformConnections, type PlatformConnection } from './schema.ts';
