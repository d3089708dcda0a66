// Page webhooks: the GET subscription handshake (hub.mode / hub.verify_token / hub.challenge), the
// X-Hub-Signature-256 check (HMAC-SHA256 of the raw body with the app secret, compared in constant time),
// and feed changes → neutral events. Posts and comments that are added or edited become upserts, removals
// become removes; reactions, likes and other items are skipped. Per-item value keys are not fully
// confirmed by official docs (api-contracts.md), so parsing takes what is there and tolerates the rest.
import { createHmac } from 'node:crypto';
import { BadRequest } from '../errors.ts';
import { parseJsonKeepingIds } from '../json.ts';
import { bodyText, headerValue, safeEqual } from '../signatures.ts';
import type { InboundEvent, RemotePost, WebhookReceiver, WebhookRequest } from '../types.ts';
import { parseGraphTime } from './records.ts';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** Answers the subscription GET: 200 with hub.challenge when the verify token matches, else 403. */
export function facebookHandshake(query: Record<string, unknown>, verifyToken: string): { status: number; body: string } {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode === 'subscribe' && verifyToken && typeof token === 'string' && typeof challenge === 'string' && challenge && safeEqual(token, verifyToken)) {
    return { status: 200, body: challenge };
  }
  return { status: 403, body: '' };
}

export function facebookSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** True when `header` is the sha256= HMAC of exactly these bytes. */
export function checkFacebookSignature(rawBody: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  return safeEqual(header.trim().toLowerCase(), facebookSignature(rawBody, appSecret));
}

interface FeedValue {
  item?: string;
  verb?: string;
  post_id?: string;
  comment_id?: string;
  parent_id?: string;
  created_time?: number | string;
  from?: { id?: string | number; name?: string };
  message?: string;
}

const POST_ITEMS = new Set(['post', 'status', 'photo', 'video', 'share']);

/**
 * Neutral events from a Page webhook body. Throws BadRequest when the body is not a page event.
 * With `pageId`, entries of other Pages (one app callback serves every Page of the app) are skipped.
 */
export function parseFacebookFeed(rawBody: Buffer | string, options: { pageId?: string } = {}): InboundEvent[] {
  let body: { object?: string; entry?: { id?: string | number; time?: number; changes?: { field?: string; value?: FeedValue }[] }[] };
  try {
    body = parseJsonKeepingIds(bodyText(rawBody)) as typeof body;
  } catch {
    throw new BadRequest({ source: 'facebook', platformMessage: 'webhook body is not JSON' });
  }
  if (body?.object !== 'page' || !Array.isArray(body.entry)) throw new BadRequest({ source: 'facebook', platformMessage: 'not a page webhook' });
  const events: InboundEvent[] = [];
  for (const entry of body.entry) {
    if (options.pageId && String(entry.id ?? '') !== options.pageId) continue;
    for (const change of entry.changes ?? []) {
      if (change.field !== 'feed' || !change.value) continue;
      const event = feedEvent(change.value, String(entry.id ?? ''), entry.time);
      if (event) events.push(event);
    }
  }
  return events;
}

function feedEvent(value: FeedValue, pageId: string, entryTime: number | undefined): InboundEvent | null {
  const item = value.item ?? '';
  const isComment = item === 'comment';
  if (!isComment && !POST_ITEMS.has(item)) return null;
  const externalId = isComment ? value.comment_id : value.post_id;
  if (!externalId) return null;
  const parentExternalId = isComment ? (value.parent_id ?? value.post_id) : undefined;
  if (value.verb === 'remove') return { type: 'remove', externalId: String(externalId), parentExternalId, kind: isComment ? 'comment' : 'post' };
  if (value.verb !== 'add' && value.verb !== 'edited') return null;
  const created = value.created_time ?? entryTime;
  const record: RemotePost = {
    kind: isComment ? 'comment' : 'post',
    externalId: String(externalId),
    parentExternalId,
    threadExternalId: isComment && value.post_id ? String(value.post_id) : undefined,
    authorExternalId: value.from?.id !== undefined ? String(value.from.id) : isComment ? '' : pageId,
    authorName: value.from?.name,
    createdAt: parseGraphTime(typeof created === 'string' && /^\d+$/.test(created) ? Number(created) : created),
    text: value.message ?? '',
  };
  return { type: 'upsert', record };
}

/** The neutral receiver for Page webhooks; with `pageId`, only that Page's changes are read. */
export function facebookWebhook(config: { appSecret: string; verifyToken: string; pageId?: string }): WebhookReceiver {
  return {
    authenticate: (req: WebhookRequest) => checkFacebookSignature(req.rawBody, headerValue(req.headers, SIGNATURE_HEADER), config.appSecret),
    parse: (rawBody) => parseFacebookFeed(rawBody, { pageId: config.pageId }),
    handshake: (query) => facebookHandshake(query, config.verifyToken),
  };
}
