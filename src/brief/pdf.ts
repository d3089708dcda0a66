// The brief as PDF (pdfmake 0.3), laid out as a Vietnamese Party document: the two-column header (the
// committee and the office on the left, the Party's name and the date line on the right), the title and
// the week, numbered sections, page numbers at the top from page two, Liberation Serif (metric-compatible
// with Times New Roman, every Vietnamese letter) embedded from fonts/; charts as SVG in Noto Sans.
// pdfmake may read only our fonts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { briefCharts, type Chart } from './charts.ts';
import type { BriefData } from './data.ts';
import { briefBlocks, type Block, type Run } from './layout.ts';
import { viDate } from '../core/time.ts';
import { dateLine, periodLine, vi } from './statements.ts';

export const FONTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
const WIDTH = 481; // A4 width minus margins, in points
const PAGE_NUMBER = 'page-number';
const SUMMARY_END = 'summary-end';

let configured = false;
function configure(): void {
  if (configured) return;
  const font = (name: string) => path.join(FONTS_DIR, name);
  pdfmake.setFonts({
    Serif: { normal: font('LiberationSerif-Regular.ttf'), bold: font('LiberationSerif-Bold.ttf'), italics: font('LiberationSerif-Italic.ttf'), bolditalics: font('LiberationSerif-Bold.ttf') },
    NotoSans: { normal: font('NotoSans-Regular.ttf'), bold: font('NotoSans-Bold.ttf'), italics: font('NotoSans-Regular.ttf'), bolditalics: font('NotoSans-Bold.ttf') },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(FONTS_DIR + path.sep));
  configured = true;
}

type Node = Record<string, unknown> | string;

// Links keep the text's colour: the report is printed, and an official document is black on white.
const runs = (list: Run[]): Node[] => list.map((r) => ({ text: r.text, bold: r.bold, italics: r.italic, ...(r.link ? { link: r.link } : {}) }));

/** The header of a Party document: two columns, and the date line under the Party's name. */
function header(data: BriefData): Node[] {
  return [
    {
      columns: [
        {
          width: 220,
          stack: [
            { text: vi('brief.committee', { unit: data.organisationShort.toLocaleUpperCase('vi') }), fontSize: 12.5 },
            { text: vi('brief.office'), bold: true, fontSize: 12.5 },
            { text: '*', alignment: 'center', fontSize: 12.5 },
          ],
          alignment: 'center',
        },
        {
          width: '*',
          stack: [
            { text: vi('brief.party'), bold: true, fontSize: 13, decoration: 'underline' },
            { text: dateLine(data), italics: true, fontSize: 13, margin: [0, 8, 0, 0] },
          ],
          alignment: 'center',
        },
      ],
      columnGap: 10,
    },
    { text: vi('brief.heading'), bold: true, fontSize: 14, alignment: 'center', margin: [0, 22, 0, 2] },
    { text: periodLine(data), italics: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 10] },
  ];
}

function chartNode(c: Chart, scale: number): Node {
  return { svg: c.svg, width: Math.round(WIDTH * scale), alignment: 'center', margin: [0, 2, 0, 4] };
}

function blockNode(b: Block, k: number): Node {
  switch (b.kind) {
    case 'h1':
      return { text: b.text, bold: true, fontSize: 13 * k, margin: [0, 10 * k, 0, 4 * k], headlineLevel: 1, ...(b.pageBreak ? { pageBreak: 'before' } : {}) };
    case 'h2':
      return { text: b.text, bold: true, fontSize: 13 * k, margin: [0, 6 * k, 0, 3 * k], headlineLevel: 2 };
    case 'p':
      // Small print (the link, the compilation note) is not justified: a long address would stretch the line.
      return { text: runs(b.runs), alignment: b.small ? 'left' : 'justify', leadingIndent: 28, margin: [0, 0, 0, 4 * k], ...(b.small ? { fontSize: 11 * k } : {}) };
    case 'quote':
      return { text: b.text, italics: true, fontSize: 12 * k, alignment: 'justify', margin: [28, 0, 10, 3 * k] };
    case 'list':
      // The id goes on the last item: pdfmake reports the pages of text it placed, not of stacks.
      return { stack: b.items.map((t, n) => ({ ...(n === b.items.length - 1 && b.id ? { id: b.id } : {}), text: `- ${t}`, alignment: 'justify', leadingIndent: 28, margin: [0, 0, 0, 3 * k] })) };
    case 'table': {
      const total = b.widths.reduce((a, w) => a + w, 0);
      // Each column adds its padding (4 + 4) and a rule to the width.
      const widths = b.widths.map((w) => Math.floor(((WIDTH - 9 * b.widths.length - 1) * w) / total));
      return {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths,
          body: [
            b.head.map((h) => ({ text: h, bold: true, alignment: 'center' })),
            ...b.rows.map((r) => r.map((cell, k) => ({ text: runs(cell), alignment: b.right?.includes(k) ? 'right' : k === 0 && b.widths[0] < 10 ? 'center' : 'left' }))),
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#444444', vLineColor: () => '#444444', paddingTop: () => 2, paddingBottom: () => 2 },
        fontSize: 11 * k,
        margin: [0, 2, 0, 6 * k],
      };
    }
    case 'chart':
      return chartNode(b.chart, b.scale);
    case 'sign':
      // As Party documents end: "Nơi nhận:" underlined, the recipients in small italics; on the right who
      // signs, in capitals, with room for the signature and the name.
      return {
        columns: [
          { width: 200, stack: [{ text: b.recipientsLabel, bold: true, italics: true, decoration: 'underline', fontSize: 12 }, ...b.recipients.map((r) => ({ text: `- ${r}`, italics: true, fontSize: 11 }))] },
          { width: '*', stack: [{ text: b.onBehalf, bold: true, fontSize: 13 * k }, { text: b.role, bold: true, fontSize: 13 * k }, { text: ' ', margin: [0, 0, 0, 60] }], alignment: 'center' },
        ],
        columnGap: 10,
        margin: [0, 14 * k, 0, 0],
        unbreakable: true,
      };
  }
}

/** Font sizes tried in turn until the summary fits on page one: 13 pt as official documents are set, then 12, 11.5 and 11. */
const SCALES = [1, 12 / 13, 11.5 / 13, 11 / 13];

export function briefDocument(data: BriefData, charts: Chart[] = briefCharts(data), k = 1, onSummaryEnd?: (page: number) => void): Record<string, unknown> {
  const content: Node[] = [...header(data)];
  // A heading, and a paragraph marked to keep with what follows, go in one unbreakable stack with the next block.
  let held: Node[] = [];
  for (const b of briefBlocks(data, charts)) {
    const node = blockNode(b, k);
    // A list is held with its heading by its first item only, so a long list can break across pages.
    const [first, ...rest] = b.kind === 'list' ? ((node as { stack: Node[] }).stack ?? []) : [node];
    held.push(first);
    if (b.kind === 'h2' || (b.kind === 'p' && b.keepWithNext)) continue;
    content.push(held.length > 1 ? { stack: held, unbreakable: true } : held[0], ...rest);
    held = [];
  }
  content.push(...held);
  return {
    info: { title: `${vi('brief.heading')} ${viDate(data.from)} – ${viDate(data.to)}`, author: data.organisation, creator: 'Nhịp Cầu', subject: periodLine(data) },
    pageSize: 'A4',
    // Left 30 mm, right 15 mm, top and bottom 20 mm, as Vietnamese administrative documents are set.
    pageMargins: [85, 57, 29, 57],
    defaultStyle: { font: 'Serif', fontSize: 13 * k, lineHeight: 1.12 },
    header: (page: number) => (page > 1 ? { id: PAGE_NUMBER, text: String(page), alignment: 'center', fontSize: 12, margin: [0, 28, 0, 0] } : null),
    // A heading never ends a page: it moves to the next one with what it heads (the page numbers are
    // laid out with the page, so they are not "what follows"). The summary's last block reports its page.
    pageBreakBefore: (node: { id?: string; headlineLevel?: number; pageNumbers?: number[] }, nodes: { getFollowingNodesOnPage(): Array<{ id?: string }> }) => {
      if (node.id === SUMMARY_END && node.pageNumbers) onSummaryEnd?.(Math.max(...node.pageNumbers));
      return Boolean(node.headlineLevel) && !nodes.getFollowingNodesOnPage().some((n) => n.id !== PAGE_NUMBER);
    },
    content,
  };
}

export async function renderPdf(data: BriefData): Promise<Buffer> {
  configure();
  const charts = briefCharts(data);
  let out: Buffer | undefined;
  for (const k of SCALES) {
    let summaryEnd = 1;
    out = Buffer.from(await pdfmake.createPdf(briefDocument(data, charts, k, (page) => (summaryEnd = page))).getBuffer());
    if (summaryEnd <= 1) break;
  }
  return out as Buffer;
}
