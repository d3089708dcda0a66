// Checks the brief's arguments (the CLI checks them before opening the database, and again where the
// command runs): dates YYYY-MM-DD, from ≤ to, at most a year, and an output ending in .pdf or .docx.
import path from 'node:path';
import { translate, type MessageKey } from '../i18n/catalog.ts';
import { parsePeriod, type BriefPeriod, type PeriodError } from './period.ts';

export const PERIOD_ERRORS: Record<PeriodError, MessageKey> = { format: 'brief.invalidDate', order: 'brief.invalidOrder', span: 'brief.invalidSpan' };
export const OUT_FORMATS = ['pdf', 'docx'] as const;

export function checkBriefArgs(o: { from: string; to: string; out: string }): { ok: true; period: BriefPeriod; format: (typeof OUT_FORMATS)[number] } | { ok: false; message: string } {
  const p = parsePeriod(o.from, o.to);
  if (!p.ok) {
    const key = PERIOD_ERRORS[p.error];
    return { ok: false, message: `${translate('vi', key)} / ${translate('en', key)} (--from ${o.from} --to ${o.to})` };
  }
  const format = path.extname(o.out).slice(1).toLowerCase();
  if (!(OUT_FORMATS as readonly string[]).includes(format)) return { ok: false, message: `tệp --out phải có đuôi .pdf hoặc .docx / --out must end in .pdf or .docx: ${o.out}` };
  return { ok: true, period: p.period, format: format as (typeof OUT_FORMATS)[number] };
}
