// The door: every post, whatever its source, is checked and made safe to keep here. Author ids and
// names become an HMAC with the installation's author-hash key (so distinct voices can be counted and
// nobody can be looked up), and a post's address keeps only the platform and the post's id; the text is capped and cleaned of characters PostgreSQL cannot store.
// Redaction of personal data in the text follows, in the analysis step, before anything is stored.
// Bad input, on purpose: no text (or only spaces and invisible characters) and times more than a day
// ahead are refused with a reason; a huge text is cut to MAX_TEXT; one account's same words posted
// again the same day are dropped as duplicates (RepeatFilter); emoji-only and foreign-language posts are
// kept (see language.ts) and the clustering keeps them out of issues.
import { createHash, createHmac } from 'node:crypto';
import { parsePostDate } from './dates.ts';
import { vnDayNumber } from '../../core/time.ts';
import { normalisePostUrl } from '../../core/post-url.ts';

/** Text beyond this is cut (a 1 MB post is kept as its first 20,000 characters). */
export const MAX_TEXT = 20_000;
const MAX_ID = 300;
const MAX_URL = 2_000;

export interface RawPost {
  externalId?: unknown;
  parentExternalId?: unknown;
  authorExternalId?: unknown;
  authorName?: unknown;
  createdAt?: unknown;
  text?: unknown;
  url?: unknown;
}

export interface PreparedPost {
  externalId: string;
  parentExternalId: string | null;
  authorHash: string | null;
  postedAt: Date;
  /** Not yet redacted. */
  text: string;
  url: string | null;
}

export type Prepared = { ok: true; post: PreparedPost } | { ok: false; reason: string };

export type AuthorHasher = (authorId: string | null, authorName: string | null) => string | null;

/** HMAC-SHA256 of the author, 128 bits in hex; null when the source gives no author. */
export function authorHasher(key: Buffer): AuthorHasher {
  return (id, name) => {
    const who = id ? `id:${id}` : name ? `name:${name.trim().toLowerCase()}` : null;
    return who ? createHmac('sha256', key).update(who).digest('hex').slice(0, 32) : null;
  };
}

export function preparePost(raw: RawPost, hash: AuthorHasher, now = Date.now()): Prepared {
  if (typeof raw.text !== 'string') return { ok: false, reason: raw.text === undefined || raw.text === null ? 'missing text' : 'text is not a string' };
  let text = clean(raw.text.length > MAX_TEXT * 2 ? raw.text.slice(0, MAX_TEXT * 2) : raw.text).trim();
  if (!text || INVISIBLE.test(text)) return { ok: false, reason: 'empty text' };
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  const date = parsePostDate(raw.createdAt, now);
  if (!date.ok) return { ok: false, reason: date.reason };
  const authorId = idString(raw.authorExternalId);
  const authorName = typeof raw.authorName === 'string' && raw.authorName.trim() ? raw.authorName.slice(0, 500) : null;
  let externalId = safeId(idString(raw.externalId));
  if (raw.externalId !== undefined && raw.externalId !== null && raw.externalId !== '' && !externalId) return { ok: false, reason: 'id is not a string or number' };
  if (externalId && externalId.length > MAX_ID) return { ok: false, reason: `id longer than ${MAX_ID} characters` };
  // No id: the content is the id, so importing the same file twice still adds nothing.
  externalId ??= `sha1:${createHash('sha1').update(`${authorId ?? authorName ?? ''}\u0000${date.date.toISOString()}\u0000${text}`).digest('hex')}`;
  return {
    ok: true,
    post: {
      externalId,
      parentExternalId: safeId(idString(raw.parentExternalId))?.slice(0, MAX_ID) ?? null,
      authorHash: hash(authorId, authorName),
      postedAt: date.date,
      text,
      url: safeUrl(raw.url),
    },
  };
}

function idString(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string' && v.trim()) return clean(v.trim());
  return null;
}

/** Zero-width spaces and joiners, variation selectors, direction marks, soft hyphens: a post of only these shows nothing. */
const INVISIBLE = /^[\s\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]*$/;

/** NUL cannot be stored in PostgreSQL text; other control characters (but tab and newlines) are noise. */
const clean = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');

/** An http(s) address without its author or tracking parameters (see core/post-url.ts). */
function safeUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > MAX_URL) return null;
  return normalisePostUrl(v);
}

/** An id that is an address (some exports use the post's address as its id) loses its author the same way. */
const safeId = (id: string | null): string | null => (id && /^https?:\/\//i.test(id) ? (normalisePostUrl(id) ?? id) : id);

/**
 * One account posting the same words again on the same Vietnam day says nothing new: the repeats are
 * dropped at the door (counted as duplicates), so 500 copies from one account are one post and one
 * voice, and neither inflate an issue nor make a spike. Copies from many accounts are kept: each is a
 * voice (clustering puts them in one issue as near-duplicates). Posts without an author are kept, as
 * nobody can tell whose they are. The filter remembers the latest `max` texts (memory stays flat);
 * a post is never a repeat of itself (same external id), so a retried batch is stored in full.
 */
export class RepeatFilter {
  private readonly kept = new Map<string, string>();

  constructor(private readonly max = 100_000) {}

  /** True when an earlier post of the same author, day and words was kept instead. */
  repeats(post: PreparedPost): boolean {
    if (!post.authorHash) return false;
    const day = vnDayNumber(post.postedAt);
    const words = post.text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const key = createHash('sha1').update(`${post.authorHash}\u0000${day}\u0000${words}`).digest('base64');
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept !== post.externalId;
    this.kept.set(key, post.externalId);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value as string);
    return false;
  }
}
