// Webhook senders for tests: build, sign and POST the events the platforms push — Facebook Page feed
// changes (X-Hub-Signature-256 = "sha256=" + HMAC-SHA256(app secret, body)) and Zalo OA user_send_text
// (X-ZEvent-Signature = "mac=" + SHA-256(app_id + body + timestamp + OA secret key)). The signing here is
// written from api-contracts.md independently of src/connectors, so a drift on either side shows.
import { createHash, createHmac } from 'node:crypto';

export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
}

export type SignatureMode = 'good' | 'bad' | 'missing';

export interface FeedChange {
  item: 'post' | 'status' | 'photo' | 'share' | 'comment' | 'reaction' | 'like';
  verb: 'add' | 'edited' | 'remove';
  post_id: string;
  comment_id?: string;
  parent_id?: string;
  created_time?: number;
  from?: { id: string; name: string };
  message?: string;
  reaction_type?: string;
}

/** A Page webhook with one entry and the given feed changes, signed with the app secret. */
export function facebookFeedWebhook(pageId: string, changes: FeedChange[], appSecret: string, options: { time?: number; signature?: SignatureMode } = {}): SignedWebhook {
  const time = options.time ?? 1_767_225_600;
  const body = JSON.stringify({ object: 'page', entry: [{ id: pageId, time, changes: changes.map((value) => ({ field: 'feed', value })) }] });
  const mode = options.signature ?? 'good';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (mode !== 'missing') headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', mode === 'good' ? appSecret : `${appSecret}-wrong`).update(body).digest('hex')}`;
  return { body, headers };
}

export interface ZaloTextEvent {
  appId: string;
  oaId: string;
  senderId: string;
  text: string;
  msgId: string;
  /** ms since epoch, sent as a string. */
  timestamp?: string;
  userIdByApp?: string;
}

/** A user_send_text event as Zalo sends it (ids as strings), signed with the OA secret key. */
export function zaloTextWebhook(event: ZaloTextEvent, oaSecretKey: string, options: { signature?: SignatureMode; rawIds?: boolean } = {}): SignedWebhook {
  const timestamp = event.timestamp ?? '1767225600000';
  const json = {
    app_id: event.appId,
    user_id_by_app: event.userIdByApp ?? '979122185046046317',
    event_name: 'user_send_text',
    sender: { id: event.senderId },
    recipient: { id: event.oaId },
    message: { text: event.text, msg_id: event.msgId },
    timestamp,
  };
  let body = JSON.stringify(json);
  // Some senders put large ids as bare JSON numbers; `rawIds` reproduces that.
  if (options.rawIds) body = body.replace(`"id":"${event.senderId}"`, `"id":${event.senderId}`);
  return { body, headers: zaloSignatureHeaders(body, event.appId, timestamp, oaSecretKey, options.signature ?? 'good') };
}

/** Any Zalo event body (follow, user_send_image, …), signed. */
export function zaloWebhook(json: Record<string, unknown>, appId: string, oaSecretKey: string, signature: SignatureMode = 'good'): SignedWebhook {
  const body = JSON.stringify(json);
  return { body, headers: zaloSignatureHeaders(body, appId, String(json.timestamp ?? ''), oaSecretKey, signature) };
}

function zaloSignatureHeaders(body: string, appId: string, timestamp: string, oaSecretKey: string, mode: SignatureMode): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (mode !== 'missing') headers['x-zevent-signature'] = `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${mode === 'good' ? oaSecretKey : 'wrong-key'}`).digest('hex')}`;
  return headers;
}

/** POSTs a signed webhook to a URL (a test server), answering the status and body. */
export async function postWebhook(url: string, hook: SignedWebhook): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: hook.headers, body: hook.body, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text() };
}
