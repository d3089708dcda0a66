import { describe, expect, it } from 'vitest';
import { authorHasher, MAX_TEXT, preparePost, RepeatFilter, type PreparedPost, type RawPost } from './prepare.ts';

const hash = authorHasher(Buffer.alloc(32, 7));
const NOW = Date.parse('2026-11-26T12:00:00Z');
const base: RawPost = { externalId: 'fb_1', text: 'Kẹt xe ở Ba Tháng Hai', createdAt: '2026-11-20T08:00:00+07:00', authorExternalId: '100045' };

const REJECTED: Array<[string, RawPost, RegExp]> = [
  ['no text', { ...base, text: undefined }, /missing text/],
  ['text is a number', { ...base, text: 42 }, /not a string/],
  ['blank text', { ...base, text: ' \n\t ' }, /empty text/],
  ['only invisible characters', { ...base, text: '\u200b \u200d\ufe0f\u00ad' }, /empty text/],
  ['a date more than a day ahead', { ...base, createdAt: '2026-11-27T13:00:00Z' }, /date in the future/],
  ['no date', { ...base, createdAt: undefined }, /missing created_at/],
  ['odd date', { ...base, createdAt: 'hôm kia' }, /unrecognised date/],
  ['object id', { ...base, externalId: { a: 1 } }, /id is not/],
  ['huge id', { ...base, externalId: 'x'.repeat(400) }, /longer than/],
];

describe('preparePost', () => {
  it('hashes the author (same author, same hash; never the id itself)', () => {
    const a = preparePost(base, hash, NOW);
    const b = preparePost({ ...base, externalId: 'fb_2' }, hash, NOW);
    const c = preparePost({ ...base, authorExternalId: '999' }, hash, NOW);
    if (!a.ok || !b.ok || !c.ok) throw new Error('rejected');
    expect(a.post.authorHash).toMatch(/^[0-9a-f]{32}$/);
    expect(a.post.authorHash).toBe(b.post.authorHash);
    expect(a.post.authorHash).not.toBe(c.post.authorHash);
    expect(JSON.stringify(a.post)).not.toContain('100045');
    const other = preparePost(base, authorHasher(Buffer.alloc(32, 8)), NOW);
    expect(other.ok && other.post.authorHash).not.toBe(a.post.authorHash);
  });

  it('hashes a name when there is no id, and gives null without either', () => {
    const named = preparePost({ ...base, authorExternalId: undefined, authorName: 'Nguyễn Văn A' }, hash, NOW);
    expect(named.ok && named.post.authorHash).toMatch(/^[0-9a-f]{32}$/);
    const anonymous = preparePost({ ...base, authorExternalId: '' }, hash, NOW);
    expect(anonymous.ok && anonymous.post.authorHash).toBeNull();
  });

  it.each(REJECTED)('refuses a post with %s', (_what, raw, reason) => {
    const r = preparePost(raw, hash, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('derives a stable id from the content when there is none', () => {
    const a = preparePost({ ...base, externalId: undefined }, hash, NOW);
    const b = preparePost({ ...base, externalId: '' }, hash, NOW);
    expect(a.ok && a.post.externalId).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(a.ok && b.ok && a.post.externalId === b.post.externalId).toBe(true);
  });

  it('keeps numeric ids exact as strings, cuts huge text, drops NUL and unsafe links', () => {
    const r = preparePost({ ...base, externalId: 1234567890123, text: `a\u0000b ${'x'.repeat(1_000_000)}`, url: 'javascript:alert(1)' }, hash, NOW);
    if (!r.ok) throw new Error(r.reason);
    expect(r.post.externalId).toBe('1234567890123');
    expect(r.post.text.length).toBe(MAX_TEXT);
    expect(r.post.text.startsWith('a b')).toBe(true);
    expect(r.post.url).toBeNull();
    const ok = preparePost({ ...base, url: 'https://facebook.com/q10/posts/1' }, hash, NOW);
    expect(ok.ok && ok.post.url).toBe('https://www.facebook.com/posts/1');
  });

  it('accepts a clock a few hours ahead, and emoji-only text', () => {
    const r = preparePost({ ...base, createdAt: '2026-11-26T20:00:00Z', text: '😡😡😡' }, hash, NOW);
    expect(r.ok && r.post.postedAt.toISOString()).toBe('2026-11-26T20:00:00.000Z');
  });
});

describe('RepeatFilter', () => {
  const post = (externalId: string, over: Partial<PreparedPost> = {}): PreparedPost => {
    const r = preparePost({ ...base, externalId }, hash, NOW);
    if (!r.ok) throw new Error(r.reason);
    return { ...r.post, ...over };
  };

  it('keeps the first of one account’s same words on one Vietnam day, and drops the repeats', () => {
    const f = new RepeatFilter();
    expect(f.repeats(post('a'))).toBe(false);
    // Case and spacing do not make a new text; the same post again is not a repeat of itself.
    expect(f.repeats(post('b', { text: '  kẹt XE ở Ba   Tháng Hai', postedAt: new Date('2026-11-20T16:59:00Z') }))).toBe(true);
    expect(f.repeats(post('a'))).toBe(false);
    // The next Vietnam day (17:00 UTC is midnight there), another author, other words, no author: kept.
    expect(f.repeats(post('c', { postedAt: new Date('2026-11-20T17:00:00Z') }))).toBe(false);
    expect(f.repeats(post('d', { authorHash: 'other' }))).toBe(false);
    expect(f.repeats(post('e', { text: 'Kẹt xe ở Ba Tháng Hai, lần nữa' }))).toBe(false);
    expect(f.repeats(post('g', { authorHash: null }))).toBe(false);
    expect(f.repeats(post('h', { authorHash: null }))).toBe(false);
  });

  it('remembers a bounded number of texts', () => {
    const f = new RepeatFilter(2);
    f.repeats(post('a'));
    f.repeats(post('b', { text: 'một' }));
    f.repeats(post('c', { text: 'hai' }));
    expect(f.repeats(post('d'))).toBe(false); // forgotten
    expect(f.repeats(post('e', { text: 'hai' }))).toBe(true);
  });
});
