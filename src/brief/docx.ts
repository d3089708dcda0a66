// The brief as DOCX (docx 9): the same blocks as the PDF (layout.ts), in Times New Roman 13 as Vietnamese
// official documents are typed (Word has it everywhere; LibreOffice maps it to Liberation Serif), the
// Party document header as a borderless two-column table, page numbers at the top from page two, charts
// as PNG rendered from their SVG.
import { AlignmentType, BorderStyle, Document, ExternalHyperlink, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import { briefCharts, chartPng, type Chart } from './charts.ts';
import type { BriefData } from './data.ts';
import { briefBlocks, type Block, type Run } from './layout.ts';
import { viDate } from '../core/time.ts';
import { dateLine, periodLine, vi } from './statements.ts';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const INDENT = 567; // 1 cm, in twips
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function runs(list: Run[], size?: number): Array<TextRun | ExternalHyperlink> {
  return list.map((r) =>
    r.link
      ? new ExternalHyperlink({ link: r.link, children: [new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size })] })
      : new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }),
  );
}

const centred = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined })] });

const plainCell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });

function header(data: BriefData): Array<Paragraph | Table> {
  const cell = plainCell;
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell([centred(vi('brief.committee', { unit: data.organisationShort.toLocaleUpperCase('vi') }), { size: 25 }), centred(vi('brief.office'), { bold: true, size: 25 }), centred('*')], 45),
            cell([centred(vi('brief.party'), { bold: true, underline: true }), new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 160 }, children: [new TextRun({ text: dateLine(data), italics: true })] })], 55),
          ],
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400 }, children: [new TextRun({ text: vi('brief.heading'), bold: true, size: 28 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: periodLine(data), italics: true })] }),
  ];
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cell = (children: Paragraph, k: number) => new TableCell({ children: [children], width: { size: Math.round((b.widths[k] * 100) / total), type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.head.map((h, k) => cell(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: h, bold: true, size: 23 })] }), k)) }),
      ...b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, k) => cell(new Paragraph({ alignment: b.right?.includes(k) ? AlignmentType.RIGHT : k === 0 && b.widths[0] < 10 ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs(c, 23) }), k)),
          }),
      ),
    ],
  });
}

async function chart(c: Chart, scale: number): Promise<Paragraph> {
  const width = Math.round(600 * scale);
  const height = Math.round((c.height / c.width) * width);
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: await chartPng(c), transformation: { width, height }, altText: { name: c.title, title: c.title, description: c.title } })] });
}

async function blockNodes(b: Block): Promise<Array<Paragraph | Table>> {
  switch (b.kind) {
    case 'h1':
      return [new Paragraph({ pageBreakBefore: b.pageBreak, keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: b.text, bold: true })] })];
    case 'h2':
      return [new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: b.text, bold: true })] })];
    case 'p':
      return [new Paragraph({ alignment: b.small ? AlignmentType.LEFT : AlignmentType.JUSTIFIED, keepNext: b.keepWithNext, indent: { firstLine: INDENT }, spacing: { after: 80 }, children: runs(b.runs, b.small ? 22 : undefined) })];
    case 'quote':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: INDENT, right: 200 }, spacing: { after: 60 }, children: [new TextRun({ text: b.text, italics: true, size: 24 })] })];
    case 'list':
      return b.items.map((t) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { after: 60 }, children: [new TextRun(`- ${t}`)] }));
    case 'table':
      return [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'chart':
      return [await chart(b.chart, b.scale)];
    case 'sign': {
      const left = [
        new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: b.recipientsLabel, bold: true, italics: true, size: 24, underline: { type: UnderlineType.SINGLE } })] }),
        ...b.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, italics: true, size: 22 })] })),
      ];
      const right = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [new TextRun({ text: b.onBehalf, bold: true })] }), centred(b.role, { bold: true }), new Paragraph({ spacing: { after: 1200 }, children: [] })];
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ cantSplit: true, children: [plainCell(left, 45), plainCell(right, 55)] })] })];
    }
  }
}

export async function renderDocx(data: BriefData): Promise<Buffer> {
  const blocks = briefBlocks(data, briefCharts(data));
  const children: Array<Paragraph | Table> = [...header(data)];
  for (const b of blocks) children.push(...(await blockNodes(b)));
  const doc = new Document({
    creator: 'Nhịp Cầu',
    title: `${vi('brief.heading')} ${viDate(data.from)} – ${viDate(data.to)}`,
    description: periodLine(data),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        // Left 30 mm, right 15 mm, top and bottom 20 mm; page numbers at the top from page two.
        properties: { titlePage: true, page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
