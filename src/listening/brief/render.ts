// One entry for the CLI and the app: the brief of a period in a format, with its file name.
import type { AppContext } from '../../app/context.ts';
import { gatherBrief } from './data.ts';
import { renderDocx } from './docx.ts';
import type { BriefPeriod } from './period.ts';
import { renderPdf } from './pdf.ts';

export const BRIEF_FORMATS = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
export type BriefFormat = keyof typeof BRIEF_FORMATS;

export const briefFileName = (period: BriefPeriod, format: BriefFormat): string => `ban-tin-du-luan_${period.from}_${period.to}.${format}`;

export async function buildBrief(ctx: AppContext, period: BriefPeriod, format: BriefFormat, options: { baseUrl?: string } = {}): Promise<Buffer> {
  const data = await gatherBrief(ctx, period, options);
  return format === 'pdf' ? renderPdf(data) : renderDocx(data);
}
