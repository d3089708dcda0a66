// Reading what is new since last time from a newest-first PostReader: page on until a page shows an item
// older than `stopAt`, or until `maxPages`; then say where to continue (`pending`) so nothing between is
// skipped. Items at exactly `stopAt` are read again on purpose — storage drops duplicates by id, and
// several items can share one timestamp.
import type { PostReader, RemotePost } from './types.ts';

export interface NewerState {
  /** Continue from this cursor (an unfinished walk). */
  after?: string;
  /** ISO time: stop once items older than this appear. Absent: read up to maxPages. */
  stopAt?: string;
}

export interface NewerResult {
  items: RemotePost[];
  /** ISO time of the newest item read, if any. */
  newest?: string;
  /** Set when maxPages ran out before reaching stopAt (or the end): continue from here next time. */
  pending?: NewerState;
}

export async function readNewer(reader: PostReader, state: NewerState, options: { maxPages: number; limit?: number; signal?: AbortSignal }): Promise<NewerResult> {
  const stopAt = state.stopAt ? Date.parse(state.stopAt) : undefined;
  const items: RemotePost[] = [];
  let newest: number | undefined;
  let after = state.after;
  for (let page = 0; page < options.maxPages; page++) {
    const res = await reader.read({ cursor: after, limit: options.limit, signal: options.signal });
    let reachedOlder = false;
    for (const item of res.items) {
      const t = item.createdAt.getTime();
      if (stopAt !== undefined && t < stopAt) {
        reachedOlder = true;
        continue;
      }
      items.push(item);
      if (newest === undefined || t > newest) newest = t;
    }
    if (reachedOlder || !res.cursor) return { items, newest: iso(newest) };
    after = res.cursor;
  }
  return { items, newest: iso(newest), pending: { after, stopAt: state.stopAt } };
}

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

/** The later of two ISO times (either may be absent). */
export const laterOf = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b);
