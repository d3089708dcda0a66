// Past work of an office, one claim per JSONL line: {"id","statement","verdict","title","body"}, the id
// being the office's own. Idempotent by id: a line whose id is known is skipped. A bad line is reported
// by its number and the others still go in. The correction (title, body) is kept with the claim until
// the sites' correction type publishes it.
import { inArray } from 'drizzle-orm';
import type { Actor } from '../audit/index.ts';
import type { AppContext } from '../app/context.ts';
import { DomainError } from '../core/errors.ts';
import { translate } from '../i18n/catalog.ts';
import { checkStatement, createClaim } from './claims.ts';
import { CLAIM_VERDICTS, claims, type ClaimVerdict } from './schema.ts';

export interface ImportLineError {
  line: number;
  message: string;
}

export interface ClaimImportSummary {
  created: number;
  skipped: number;
  errors: ImportLineError[];
}

interface Line {
  line: number;
  id: string;
  statement: string;
  verdict: ClaimVerdict;
  title: string | null;
  body: string | null;
}

const MAX_ID = 200;

export async function importClaims(ctx: AppContext, actor: Actor, jsonl: string, unitId: number): Promise<ClaimImportSummary> {
  const summary: ClaimImportSummary = { created: 0, skipped: 0, errors: [] };
  const good: Line[] = [];
  const seen = new Set<string>();
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = parseLine(raw, i + 1);
    if ('message' in parsed) return void summary.errors.push(parsed);
    if (seen.has(parsed.id)) return void summary.errors.push({ line: i + 1, message: `mã "${parsed.id}" lặp lại trong tệp / id repeated in the file` });
    seen.add(parsed.id);
    good.push(parsed);
  });
  const known = new Set<string>();
  for (let k = 0; k < good.length; k += 500) {
    const ids = good.slice(k, k + 500).map((l) => l.id);
    const rows = await ctx.db.select({ externalId: claims.externalId }).from(claims).where(inArray(claims.externalId, ids));
    for (const r of rows) known.add(r.externalId!);
  }
  for (const l of good) {
    if (known.has(l.id)) {
      summary.skipped++;
      continue;
    }
    try {
      const created = await createClaim(ctx, actor, { statement: l.statement, unitId, createdFrom: 'import', externalId: l.id, verdict: l.verdict }, { allowDuplicate: true });
      await ctx.db.update(claims).set({ status: 'da_ket_luan', correctionTitle: l.title, correctionBody: l.body }).where(inArray(claims.id, [created.id]));
      summary.created++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      summary.errors.push({ line: l.line, message: bilingual(e) });
    }
  }
  return summary;
}

function bilingual(e: DomainError): string {
  return `${translate('vi', e.messageKey, e.params)} / ${translate('en', e.messageKey, e.params)}`;
}

function parseLine(raw: string, line: number): Line | ImportLineError {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { line, message: 'không phải JSON hợp lệ / not valid JSON' };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { line, message: 'cần một đối tượng JSON / a JSON object is needed' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'number' ? String(o.id) : o.id;
  if (typeof id !== 'string' || !id.trim() || id.length > MAX_ID) return { line, message: 'thiếu "id" / "id" is missing' };
  if (typeof o.statement !== 'string') return { line, message: 'thiếu "statement" / "statement" is missing' };
  try {
    checkStatement(o.statement);
  } catch (e) {
    return { line, message: bilingual(e as DomainError) };
  }
  if (typeof o.verdict !== 'string' || !CLAIM_VERDICTS.includes(o.verdict as ClaimVerdict)) {
    return { line, message: `"verdict" phải là một trong / must be one of: ${CLAIM_VERDICTS.join(', ')}` };
  }
  const text = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  return { line, id: id.trim(), statement: o.statement, verdict: o.verdict as ClaimVerdict, title: text(o.title), body: text(o.body) };
}
