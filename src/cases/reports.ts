// Citizen reports, from the public form of any unit site or the portal, and from Open311 apps. One
// path for both: validate everything, prepare photos, check for a similar open report, route, then
// store the case and its files in one transaction (nothing is stored half-way).
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { Unit } from '../org/index.ts';
import { insertFileRows, prepareFile, removeFiles, writeFiles, type IncomingFile, type PreparedFile } from './attachments.ts';
import { createCase, recentOpenSignatures } from './cases.ts';
import { feedListening } from './listening.ts';
import { listRules, suggestOwner } from './routing.ts';
import type { Case, CaseSource } from './schema.ts';
import { loadCasesSettings } from './settings.ts';
import { isTopic, signatureSimilarity, suggestPlace, suggestTopic, textSignature } from './text.ts';

/** Ho Chi Minh City, with a margin: a point outside is a mistake (or 0,0 from a broken GPS). */
export const BOUNDS = { latMin: 10.3, latMax: 11.2, longMin: 106.3, longMax: 107.1 };
export const SIMILARITY_THRESHOLD = 0.5;

const trimmed = (max: number) => z.string().trim().max(max);
const blankNull = (max: number) => trimmed(max).transform((s) => (s === '' ? null : s));
const coordinate = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.replace(',', '.')) : v), z.number().finite().nullable());

export const reportSchema = z
  .object({
    topic: trimmed(60).refine((t) => t === '' || isTopic(t), { message: 'unknown topic' }).transform((s) => s || null),
    title: blankNull(200),
    description: trimmed(5000).pipe(z.string().min(10)),
    wardId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.number().int().positive().max(2_147_483_647).nullable()),
    address: blankNull(300),
    lat: coordinate,
    long: coordinate,
    name: blankNull(100),
    email: z.union([z.literal(''), trimmed(254).toLowerCase().pipe(z.email())]).transform((s) => s || null),
    phone: z.union([z.literal(''), trimmed(20).regex(/^\+?[0-9 .()-]{8,20}$/)]).transform((s) => s || null),
    zalo: blankNull(40),
  })
  .partial({ topic: true, title: true, wardId: true, address: true, lat: true, long: true, name: true, email: true, phone: true, zalo: true })
  .superRefine((r, issue) => {
    const hasLat = r.lat !== null && r.lat !== undefined;
    const hasLong = r.long !== null && r.long !== undefined;
    if (hasLat !== hasLong) issue.addIssue({ code: 'custom', path: [hasLat ? 'long' : 'lat'], message: 'lat/long' });
    if (hasLat && ((r.lat as number) < BOUNDS.latMin || (r.lat as number) > BOUNDS.latMax)) issue.addIssue({ code: 'custom', path: ['lat'], message: 'lat' });
    if (hasLong && ((r.long as number) < BOUNDS.longMin || (r.long as number) > BOUNDS.longMax)) issue.addIssue({ code: 'custom', path: ['long'], message: 'long' });
  });
export type ReportInput = z.infer<typeof reportSchema>;

export interface Similar {
  id: number;
  title: string;
  status: Case['status'];
  unitId: number;
  similarity: number;
}

/** Recent reports that look like this one (best first, at most 3). */
export async function findSimilar(ctx: AppContext, title: string, description: string): Promise<Similar[]> {
  const sig = textSignature(title, description);
  const out: Similar[] = [];
  for (const r of await recentOpenSignatures(ctx.db)) {
    const s = signatureSimilarity(sig, r.signature as string);
    if (s >= SIMILARITY_THRESHOLD) out.push({ id: r.id, title: r.title, status: r.status, unitId: r.unitId, similarity: s });
  }
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, 3);
}

/** A title for a report that has none: the start of its first sentence. */
export function titleFrom(description: string): string {
  const first = description.split(/(?<=[.!?…])\s|\n/)[0]?.trim() || description.trim();
  return first.length <= 120 ? first : `${first.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

export interface ReportContext {
  source: Extract<CaseSource, 'report' | 'open311'>;
  /** The unit whose site took the report (null: the portal or an app). */
  site: Unit | null;
  open311KeyId?: number | null;
  mediaUrl?: string | null;
  /** Suggest a topic from the text when none is given (not for Open311, whose client chose a service). */
  suggestTopic?: boolean;
}

/** Checks and converts photos before anything is stored. */
export async function preparePhotos(files: IncomingFile[]): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for (const f of files) out.push(await prepareFile(f, false));
  return out;
}

/** Routes and stores a validated report with its prepared photos. */
export async function submitReport(ctx: AppContext, input: ReportInput, photos: PreparedFile[], rc: ReportContext): Promise<Case> {
  const tree = await ctx.units.current();
  const title = input.title || titleFrom(input.description);
  const text = `${title}\n${input.description}\n${input.address ?? ''}`;
  const topic = input.topic ?? (rc.suggestTopic === false ? null : suggestTopic(text));
  const named = suggestPlace(text, tree);
  let wardId = input.wardId && tree.get(input.wardId)?.kind === 'ward' ? input.wardId : null;
  // A report on a ward's (or its party cells') site is about that ward unless it says otherwise.
  const siteWard = rc.site ? tree.lineage(rc.site.id).find((u) => u.kind === 'ward') : undefined;
  wardId ??= named.wardId ?? siteWard?.id ?? null;
  const direct = rc.site && (rc.site.kind === 'school' || rc.site.kind === 'mass_org') ? rc.site.id : null;
  const unitId = direct ?? suggestOwner(tree, await listRules(ctx.db), { topic, wardId, placeId: named.placeId }).unitId;
  const settings = await loadCasesSettings(ctx.db);
  const written = await writeFiles(ctx.config.dataDir, photos);
  let c: Case;
  try {
    c = await createCase(
      ctx.db,
      'citizen',
      {
        source: rc.source,
        title,
        description: input.description,
        topic,
        wardId,
        placeId: named.placeId,
        address: input.address ?? null,
        lat: input.lat ?? null,
        long: input.long ?? null,
        unitId,
        contact: { name: input.name, email: input.email, phone: input.phone, zalo: input.zalo },
        open311KeyId: rc.open311KeyId ?? null,
        mediaUrl: rc.mediaUrl ?? null,
      },
      settings,
      (tx, created) => insertFileRows(tx, 'citizen', created, written, true),
    );
  } catch (e) {
    await removeFiles(ctx.config.dataDir, written);
    throw e;
  }
  await feedListening(ctx, c).catch((e) => ctx.log.warn({ err: e, caseId: c.id }, 'listening ingest of a report failed'));
  return c;
}
