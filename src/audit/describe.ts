// The audit log in words: "Nguyễn Văn A đã xuất bản bài “…”", the record named and linked by the feature
// that owns it (each feature's auditTargets), the actor by the name on their account.
import type { AppContext } from '../app/context.ts';
import type { AuditTarget, AuditTargetResolver } from '../app/feature.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import messages from './messages.ts';
import type { AuditEntry } from './schema.ts';

export type AuditTargets = Readonly<Record<string, AuditTargetResolver>>;

/** The actions the log knows how to say (those with an 'audit.do.' message), in the catalog's order: the filter's list. */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(messages.vi).flatMap((k) => (k.startsWith('audit.do.') ? [k.slice('audit.do.'.length)] : []));
const KNOWN = new Set(KNOWN_ACTIONS);
export const actionKey = (action: string): MessageKey | null => (KNOWN.has(action) ? (`audit.do.${action}` as MessageKey) : null);

export interface DescribedEntry {
  entry: AuditEntry;
  /** The person's name, or null for the system and the command line (entry.actorLabel says which). */
  actor: AuditTarget | null;
  /** The record, when the entry names one: named and linked when its feature still knows it; null when it is gone or there is none. */
  target: AuditTarget | null;
}

/** Names every actor and record of `entries`: one lookup per target type. */
export async function describeEntries(ctx: AppContext, entries: readonly AuditEntry[], targets: AuditTargets): Promise<DescribedEntry[]> {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (id === null || !targets[type]) return;
    const ids = wanted.get(type) ?? new Set<string>();
    wanted.set(type, ids.add(id));
  };
  for (const e of entries) {
    want(e.targetType, e.targetId);
    if (e.actorId !== null) want('user', String(e.actorId));
  }
  const found = new Map<string, Map<string, AuditTarget>>();
  await Promise.all([...wanted].map(async ([type, ids]) => found.set(type, await (targets[type] as AuditTargetResolver)(ctx, [...ids]))));
  const lookup = (type: string, id: string | null) => (id === null ? undefined : found.get(type)?.get(id));
  return entries.map((entry) => ({
    entry,
    actor: entry.actorId === null ? null : (lookup('user', String(entry.actorId)) ?? { label: entry.actorLabel }),
    // A record of a type no feature names is shown by its id; one its feature no longer knows, as gone.
    target: entry.targetId === null ? null : targets[entry.targetType] ? (lookup(entry.targetType, entry.targetId) ?? null) : { label: `#${entry.targetId}` },
  }));
}
