// Zalo OA webhooks: X-ZEvent-Signature is "mac=" + hex SHA-256 of (app_id + raw body + timestamp +
// OA secret key) — a plain hash, not an HMAC, with the OA secret key (not the app secret). The timestamp is
// the event's own `timestamp` field (ms, as a string). Only user_send_text becomes a neutral event; other
// events (follow, images, echoes of our own messages) are skipped. Zalo wants HTTP 200 within 2 s: verify,
// enqueue and answer, never process inline.
import { createHash } from 'node:crypto';
import { BadRequest } from '../errors.ts';
import { parseJsonKeepingIds } from '../json.ts';
import { bodyText, headerValue, safeEqual } from '../signatures.ts';
import type { InboundEvent, WebhookReceiver, WebhookRequest } from '../types.ts';

export const SIGNATURE_HEADER = 'x-zevent-signature';

export interface ZaloWebhookConfig {
  appId: string;
  oaSecretKey: string;
  /** Refuse events whose timestamp is further than this from now (replay window); off by default because Zalo retries for hours. */
  maxAgeMs?: number;
  now?: () => number;
}

interface ZaloEvent {
  app_id?: string;
  event_name?: string;
  sender?: { id?: string };
  recipient?: { id?: string };
  message?: { text?: string; msg_id?: string };
  timestamp?: string;
  user_id_by_app?: string;
}

export function zaloSignature(rawBody: Buffer | string, config: { appId: string; oaSecretKey: string }, timestamp: string): string {
  return `mac=${createHash('sha256').update(config.appId).update(rawBody).update(timestamp).update(config.oaSecretKey).digest('hex')}`;
}

function readEvent(rawBody: Buffer | string): ZaloEvent {
  let event: unknown;
  try {
    event = parseJsonKeepingIds(bodyText(rawBody));
  } catch {
    throw new BadRequest({ source: 'zalo', platformMessage: 'webhook body is not JSON' });
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) throw new BadRequest({ source: 'zalo', platformMessage: 'webhook body is not an event' });
  return event as ZaloEvent;
}

/** True when `header` signs exactly these bytes with the event's timestamp (and, if set, the timestamp is recent). */
export function checkZaloSignature(rawBody: Buffer | string, header: string | undefined, config: ZaloWebhookConfig): boolean {
  if (!header || !config.oaSecretKey) return false;
  let event: ZaloEvent;
  try {
    event = readEvent(rawBody);
  } catch {
    return false;
  }
  const timestamp = event.timestamp === undefined ? '' : String(event.timestamp);
  if (!timestamp) return false;
  if (config.maxAgeMs !== undefined && Math.abs((config.now?.() ?? Date.now()) - Number(timestamp)) > config.maxAgeMs) return false;
  return safeEqual(header.trim().toLowerCase(), zaloSignature(rawBody, config, timestamp));
}

/** Neutral events from an authenticated body: user_send_text → an inbound message. */
export function parseZaloEvent(rawBody: Buffer | string): InboundEvent[] {
  const event = readEvent(rawBody);
  if (event.event_name !== 'user_send_text') return [];
  const msgId = event.message?.msg_id;
  const sender = event.sender?.id;
  if (!msgId || !sender) throw new BadRequest({ source: 'zalo', platformMessage: 'user_send_text without msg_id or sender' });
  const ms = Number(event.timestamp);
  return [
    {
      type: 'upsert',
      record: {
        kind: 'message',
        externalId: String(msgId),
        threadExternalId: event.recipient?.id === undefined ? undefined : String(event.recipient.id),
        authorExternalId: String(sender),
        createdAt: new Date(Number.isFinite(ms) ? ms : 0),
        text: event.message?.text ?? '',
      },
    },
  ];
}

export function zaloWebhook(config: ZaloWebhookConfig): WebhookReceiver {
  return {
    authenticate: (req: WebhookRequest) => checkZaloSignature(req.rawBody, headerValue(req.headers, SIGNATURE_HEADER), config),
    parse: parseZaloEvent,
  };
}
