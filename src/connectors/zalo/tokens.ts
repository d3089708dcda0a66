// Zalo OA token refresh: POST oauth.zaloapp.com/v4/oa/access_token with a form body (refresh_token, app_id,
// grant_type=refresh_token) and the app secret in the secret_key header → {access_token, refresh_token,
// expires_in}. A refresh token is treated as single-use, so refreshes of one OA must not run concurrently:
// `tokenKeeper` refreshes once for all waiting callers and hands the new pair to `save` before using it.
import { createHttp, type ConnectorLogger, type HttpClient } from '../http.ts';
import { Unavailable } from '../errors.ts';
import { zaloOAuthErrorMapper } from './errors.ts';

export interface ZaloOAuthConfig {
  appId: string;
  /** The app secret (sent as the secret_key header). */
  secretKey: string;
  /** Default https://oauth.zaloapp.com */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: ConnectorLogger;
}

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires. */
  expiresAt: Date;
}

export class ZaloOAuth {
  readonly baseUrl: string;
  private readonly http: HttpClient;

  constructor(private readonly config: ZaloOAuthConfig) {
    this.baseUrl = (config.baseUrl ?? 'https://oauth.zaloapp.com').replace(/\/+$/, '');
    this.http = createHttp({ source: 'zalo', mapError: zaloOAuthErrorMapper, timeoutMs: config.timeoutMs, fetch: config.fetch, log: config.log, secrets: [config.secretKey] });
  }

  async refresh(refreshToken: string, now = new Date()): Promise<ZaloTokens> {
    const res = await this.http.request<{ access_token?: string; refresh_token?: string; expires_in?: string | number }>({
      method: 'POST',
      url: `${this.baseUrl}/v4/oa/access_token`,
      headers: { secret_key: this.config.secretKey },
      form: { refresh_token: refreshToken, app_id: this.config.appId, grant_type: 'refresh_token' },
      secrets: [refreshToken],
    });
    const data = res.data;
    if (!data?.access_token || !data.refresh_token) throw new Unavailable({ source: 'zalo', status: res.status, platformMessage: 'refresh answer without tokens' }, 'unexpected response', true);
    const expiresIn = Number(data.expires_in) || 3600;
    return { accessToken: data.access_token, refreshToken: data.refresh_token, expiresAt: new Date(now.getTime() + expiresIn * 1000) };
  }
}

export interface TokenKeeperOptions {
  oauth: ZaloOAuth;
  load(): Promise<ZaloTokens>;
  /** Persist a new pair; called before the new access token is used. */
  save(tokens: ZaloTokens): Promise<void>;
  /** Refresh this long before expiry; default 5 min. */
  marginMs?: number;
  now?: () => Date;
}

/** A token source for ZaloOA that refreshes ahead of expiry, one refresh at a time. */
export function tokenKeeper(options: TokenKeeperOptions): { accessToken(): Promise<string>; refreshNow(): Promise<string> } {
  const margin = options.marginMs ?? 5 * 60_000;
  const now = options.now ?? (() => new Date());
  let inflight: Promise<string> | undefined;
  const refreshNow = () => {
    inflight ??= (async () => {
      try {
        const current = await options.load();
        const next = await options.oauth.refresh(current.refreshToken, now());
        await options.save(next);
        return next.accessToken;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };
  return {
    async accessToken() {
      if (inflight) return inflight;
      const current = await options.load();
      return current.expiresAt.getTime() - margin > now().getTime() ? current.accessToken : refreshNow();
    },
    refreshNow,
  };
}
