// An issue's clustering state as stored in listening_issues.centroid (JSON), and back.
import type { IssueState } from './model.ts';
import type { TitleBasis } from './titles.ts';

interface StoredCentroid {
  v: 1;
  at: number;
  /** [term hash, weight, surface] */
  t: Array<[number, number, string]>;
  topics: Record<string, number>;
  /** Absent in centroids stored before civic concepts. */
  concepts?: Record<string, number>;
  title?: TitleBasis | null;
  places: Record<string, number>;
  wards: Record<string, number>;
  count: number;
  /** [post id, similarity, signature] */
  reps: Array<[number, number, string | null]>;
}

/** Terms of a centroid kept in the database (the model may hold a few more between prunes). */
const STORED_TERMS = 100;

/** Representatives are stored without their signatures (they only keep copies out of the list). */
export function encodeIssue(issue: IssueState): string {
  const stored: StoredCentroid = {
    v: 1,
    at: issue.centroidAt,
    t: [...issue.centroid]
      .sort((a, b) => b[1] - a[1])
      .slice(0, STORED_TERMS)
      .map(([h, w]) => [h, Math.round(w * 1e5) / 1e5, issue.surfaces.get(h) ?? '']),
    topics: Object.fromEntries(issue.topics),
    concepts: Object.fromEntries(issue.concepts),
    title: issue.title ?? null,
    places: Object.fromEntries(issue.places),
    wards: Object.fromEntries(issue.wards),
    count: issue.count,
    reps: issue.reps.map((r) => [r.id, Math.round(r.sim * 1e4) / 1e4, null]),
  };
  return JSON.stringify(stored);
}

export interface IssueRow {
  id: number;
  centroid: unknown;
  pinned: boolean;
  renamed: boolean;
  apart: number[] | null;
  first_seen: string | Date;
  last_seen: string | Date;
  post_count: number;
}

export function decodeIssue(row: IssueRow): IssueState {
  const c = (row.centroid ?? {}) as Partial<StoredCentroid>;
  const centroid = new Map<number, number>();
  const surfaces = new Map<number, string>();
  for (const [h, w, s] of c.t ?? []) {
    centroid.set(h, w);
    if (s) surfaces.set(h, s);
  }
  let norm = 0;
  for (const w of centroid.values()) norm += w * w;
  return {
    id: row.id,
    centroid,
    centroidAt: c.at ?? toMs(row.last_seen),
    norm: Math.sqrt(norm),
    surfaces,
    topics: new Map(Object.entries(c.topics ?? {})),
    concepts: new Map(Object.entries(c.concepts ?? {})),
    title: c.title ?? null,
    places: new Map(Object.entries(c.places ?? {})),
    wards: new Map(Object.entries(c.wards ?? {})),
    count: c.count ?? row.post_count,
    firstSeen: toMs(row.first_seen),
    lastSeen: toMs(row.last_seen),
    pinned: row.pinned,
    renamed: row.renamed,
    apart: new Set(row.apart ?? []),
    reps: (c.reps ?? []).map(([id, sim]) => ({ id, sim, sig: null })),
    indexed: new Set(),
    dirty: false,
    savedAt: Date.now(),
  };
}

/** Timestamps come back as Date (drizzle select) or text (raw SQL): both become epoch ms. */
export function toMs(v: string | Date | number | null | undefined): number {
  if (v === null || v === undefined) return Number.NaN;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  const iso = v.includes('T') ? v : v.replace(' ', 'T');
  return Date.parse(/[+-]\d{2}$/.test(iso) ? `${iso}:00` : iso);
}
