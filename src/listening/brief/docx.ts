// The brief as DOCX (docx 9), the same statements, tables and appendix as the PDF; charts as PNG
// rendered from their SVG; Noto Sans embedded so the document looks the same on any computer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, ExternalHyperlink, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import { briefCharts, chartPng, type Chart } from './charts.ts';
import type { BriefData } from './data.ts';
import { viDate } from './period.ts';
import { FONTS_DIR } from './pdf.ts';
import { absolute, citation, formatFigure, num, pct, periodLine, sections, viDateTime } from './statements.ts';

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);
const FONT = 'Noto Sans';
const LINK = '1F4E8C';

const link = (text: string, url: string, size?: number) => new ExternalHyperlink({ link: url, children: [new TextRun({ text, color: LINK, underline: {}, size })] });

function cell(content: string | number | Paragraph, opts: { bold?: boolean; right?: boolean; url?: string } = {}): TableCell {
  const text = typeof content === 'number' ? num(content) : content;
  const para =
    text instanceof Paragraph
      ? text
      : new Paragraph({ alignment: opts.right || typeof content === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [opts.url ? link(text, opts.url, 18) : new TextRun({ text, bold: opts.bold, size: 18 })] });
  return new TableCell({ children: [para], shading: opts.bold ? { fill: 'EEEEEE' } : undefined });
}

function table(head: string[], body: Array<Array<TableCell>>): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, { bold: true })) }), ...body.map((r) => new TableRow({ children: r }))] });
}

async function chartParagraphs(c: Chart): Promise<Paragraph[]> {
  const width = 600;
  const height = Math.round((c.height / c.width) * width);
  return [
    new Paragraph({ children: [new TextRun({ text: c.title, bold: true, size: 18 })], spacing: { before: 120 } }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: await chartPng(c), transformation: { width, height }, altText: { name: c.title, title: c.title, description: c.title } })] }),
  ];
}

export async function renderDocx(data: BriefData): Promise<Buffer> {
  const charts = briefCharts(data);
  const chart = async (id: Chart['id']) => (await Promise.all(charts.filter((c) => c.id === id).map(chartParagraphs))).flat();
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: data.organisation.toUpperCase(), bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: vi('brief.heading'), bold: true, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(vi('brief.subheading'))] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(periodLine(data))] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: vi('brief.generated', { time: viDateTime(data.generatedAt) }), size: 16, color: '555555' })] }),
    new Paragraph({ spacing: { before: 160, after: 120 }, children: [new TextRun({ text: vi('brief.principle', { min: data.places.minVoices }), italics: true, size: 16, color: '555555' })] }),
  ];
  for (const s of sections(data)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s.title, bold: true })] }));
    for (const st of s.statements) {
      const refs = st.refs.map((r) => citation(data, r)).filter(Boolean);
      const url = absolute(data, st.link);
      children.push(new Paragraph({ spacing: { after: 80 }, children: [new TextRun(`${st.text} `), ...(refs.length ? [link(`[${refs.join(', ')}]`, url), new TextRun(' ')] : []), link(`xem: ${url}`, url, 15)] }));
    }
    if (s.id === 'overview') children.push(...(await chart('daily')));
    if (s.id === 'issues' && data.issues.length) {
      children.push(...(await chart('issues')));
      children.push(table(['#', vi('brief.col.issue'), vi('brief.col.posts'), vi('brief.col.voices'), vi('brief.col.frustration')], data.issues.map((i, k) => [cell(String(k + 1)), cell(i.label, { url: absolute(data, i.link) }), cell(i.posts), cell(i.voices), cell(pct(i.frustration), { right: true })])));
    }
    if (s.id === 'places' && data.places.rows.length) {
      children.push(table([vi('brief.col.place'), vi('brief.col.posts'), vi('brief.col.frustration')], data.places.rows.map((p) => [cell(p.name, { url: absolute(data, p.link) }), cell(p.posts), cell(pct(p.frustration), { right: true })])));
    }
    if (s.id === 'sentiment') children.push(...(await chart('sentiment')), ...(await chart('topics')));
    if (s.id === 'cases' && data.cases?.overdueCases.length) {
      children.push(new Paragraph({ children: [new TextRun(vi('brief.overdueList'))] }));
      children.push(table([vi('brief.col.case'), vi('brief.col.due')], data.cases.overdueCases.map((c) => [cell(`#${c.id} ${c.title}`, { url: absolute(data, c.link) }), cell(viDate(c.dueDay))])));
    }
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun({ text: vi('brief.section.appendix'), bold: true })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: vi('brief.appendixNote'), size: 16, color: '555555' })] }));
  children.push(
    table(
      [vi('brief.col.ref'), vi('brief.col.figure'), vi('brief.col.value'), vi('brief.col.query'), vi('brief.col.link')],
      data.figures.map((f, k) => [cell(`B${k + 1}`), cell(f.label), cell(formatFigure(f), { right: true }), cell(f.query), cell(absolute(data, f.link), { url: absolute(data, f.link) })]),
    ),
  );
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: vi('brief.method'), bold: true })] }));
  for (const [name, text] of Object.entries(data.queries)) children.push(new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true, size: 15 }), new TextRun({ text, size: 15 })] }));

  const doc = new Document({
    creator: 'Nhịp Cầu',
    title: `${vi('brief.heading')} ${viDate(data.from)} – ${viDate(data.to)}`,
    description: periodLine(data),
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    fonts: [
      { name: FONT, data: readFileSync(path.join(FONTS_DIR, 'NotoSans-Regular.ttf')), characterSet: '00' },
    ],
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${viDate(data.from)} – ${viDate(data.to)} · `, PageNumber.CURRENT], size: 16, color: '777777' })] })] }) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
