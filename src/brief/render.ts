// One entry for the CLI and the app: the brief of a period in a format, with its file name.
import type { AppContext } from '../app/context.ts';
import { gatherBrief } from './data.ts';
import type { BriefPeriod } from './period.ts';

export const BRIEF_FORMATS = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
export type BriefFormat = keyof typeof BRIEF_FORMATS;

export const briefFileName = (period: BriefPeriod, format: BriefFormat): string => `ban-tin-du-luan_${period.from}_${period.to}.${format}`;

export async function buildBrief(ctx: AppContext, period: BriefPeriod, format: BriefFormat, options: { baseUrl?: string } = {}): Promise<Buffer> {
  const data = await gatherBrief(ctx, period, options);
  // The renderers (pdfmake, docx, ECharts, fonts) weigh about 100 MB: loaded on the first brief, not at start.
  if (format === 'pdf') return (await import('./pdf.ts')).renderPdf(data);
  return (await import('./docx.ts')).renderDocx(data);
}
