// The brief as PDF (pdfmake 0.3): Noto Sans embedded (fonts/, OFL) so every Vietnamese letter renders,
// charts as SVG, every statement followed by its figure codes and the link of the dashboard view, and an
// appendix table of all figures with the queries that produced them. pdfmake may read only our fonts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import { briefCharts, type Chart } from './charts.ts';
import type { BriefData } from './data.ts';
import { viDate } from './period.ts';
import { absolute, citation, formatFigure, num, pct, periodLine, sections, viDateTime, type Section } from './statements.ts';

export const FONTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);
const LINK = '#1f4e8c';

let configured = false;
function configure(): void {
  if (configured) return;
  const regular = path.join(FONTS_DIR, 'NotoSans-Regular.ttf');
  const bold = path.join(FONTS_DIR, 'NotoSans-Bold.ttf');
  pdfmake.setFonts({ NotoSans: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(FONTS_DIR + path.sep));
  configured = true;
}

type Node = Record<string, unknown> | string;

function statementNodes(data: BriefData, s: Section): Node[] {
  return s.statements.map((st) => {
    const refs = st.refs.map((r) => citation(data, r)).filter(Boolean);
    const url = absolute(data, st.link);
    return {
      margin: [0, 0, 0, 5],
      text: [
        { text: `${st.text} ` },
        ...(refs.length ? [{ text: `[${refs.join(', ')}] `, color: LINK, link: url }] : []),
        { text: `xem: ${url}`, color: LINK, fontSize: 7.5, link: url },
      ],
    };
  });
}

const chartNode = (c: Chart): Node => ({ stack: [{ text: c.title, bold: true, fontSize: 9, margin: [0, 4, 0, 2] }, { svg: c.svg, width: 480 }], margin: [0, 2, 0, 8], unbreakable: true });

const table = (widths: Array<string | number>, head: string[], body: Array<Array<Node | string | number>>): Node => ({
  table: { headerRows: 1, widths, body: [head.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...body.map((r) => r.map((c) => (typeof c === 'number' ? { text: num(c), alignment: 'right' } : c)))] },
  layout: 'lightHorizontalLines',
  fontSize: 8.5,
  margin: [0, 2, 0, 8],
});

export function briefDocument(data: BriefData, charts: Chart[] = briefCharts(data)): Record<string, unknown> {
  const chart = (id: Chart['id']) => charts.filter((c) => c.id === id).map(chartNode);
  const content: Node[] = [
    { text: data.organisation.toUpperCase(), bold: true, fontSize: 10, alignment: 'center' },
    { text: vi('brief.heading'), bold: true, fontSize: 16, alignment: 'center', margin: [0, 8, 0, 2] },
    { text: vi('brief.subheading'), fontSize: 10, alignment: 'center' },
    { text: periodLine(data), fontSize: 10, alignment: 'center', margin: [0, 2, 0, 2] },
    { text: vi('brief.generated', { time: viDateTime(data.generatedAt) }), fontSize: 8, alignment: 'center', color: '#555555' },
    { text: vi('brief.principle', { min: data.places.minVoices }), fontSize: 8, italics: true, color: '#555555', margin: [0, 8, 0, 6] },
  ];
  for (const s of sections(data)) {
    content.push({ text: s.title, bold: true, fontSize: 12, margin: [0, 8, 0, 4] });
    content.push(...statementNodes(data, s));
    if (s.id === 'overview') content.push(...chart('daily'));
    if (s.id === 'issues' && data.issues.length) {
      content.push(...chart('issues'));
      content.push(
        table(
          [18, '*', 40, 40, 45],
          ['#', vi('brief.col.issue'), vi('brief.col.posts'), vi('brief.col.voices'), vi('brief.col.frustration')],
          data.issues.map((i, k) => [String(k + 1), { text: i.label, link: absolute(data, i.link), color: LINK }, i.posts, i.voices, { text: pct(i.frustration), alignment: 'right' }]),
        ),
      );
    }
    if (s.id === 'places' && data.places.rows.length) {
      content.push(table(['*', 50, 55], [vi('brief.col.place'), vi('brief.col.posts'), vi('brief.col.frustration')], data.places.rows.map((p) => [{ text: p.name, link: absolute(data, p.link), color: LINK }, p.posts, { text: pct(p.frustration), alignment: 'right' }])));
    }
    if (s.id === 'sentiment') content.push(...chart('sentiment'), ...chart('topics'));
    if (s.id === 'cases' && data.cases?.overdueCases.length) {
      content.push({ text: vi('brief.overdueList'), fontSize: 9, margin: [0, 2, 0, 2] });
      content.push(table(['*', 70], [vi('brief.col.case'), vi('brief.col.due')], data.cases.overdueCases.map((c) => [{ text: `#${c.id} ${c.title}`, link: absolute(data, c.link), color: LINK }, viDate(c.dueDay)])));
    }
  }
  content.push({ text: vi('brief.section.appendix'), bold: true, fontSize: 12, margin: [0, 10, 0, 4], pageBreak: 'before' });
  content.push({ text: vi('brief.appendixNote'), fontSize: 8, color: '#555555', margin: [0, 0, 0, 4] });
  content.push(
    table(
      [26, '*', 48, 48, 150],
      [vi('brief.col.ref'), vi('brief.col.figure'), vi('brief.col.value'), vi('brief.col.query'), vi('brief.col.link')],
      data.figures.map((f, k) => [`B${k + 1}`, f.label, { text: formatFigure(f), alignment: 'right' }, f.query, { text: absolute(data, f.link), link: absolute(data, f.link), color: LINK, fontSize: 7 }]),
    ),
  );
  content.push({ text: vi('brief.method'), bold: true, fontSize: 11, margin: [0, 8, 0, 4] });
  for (const [name, text] of Object.entries(data.queries)) content.push({ text: [{ text: `${name}: `, bold: true }, text], fontSize: 7, margin: [0, 0, 0, 4], color: '#333333' });
  return {
    info: { title: `${vi('brief.heading')} ${viDate(data.from)} – ${viDate(data.to)}`, author: data.organisation, creator: 'Nhịp Cầu', subject: periodLine(data) },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'NotoSans', fontSize: 10, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({ text: `${viDate(data.from)} – ${viDate(data.to)} · ${page}/${pages}`, alignment: 'center', fontSize: 8, color: '#777777', margin: [0, 20, 0, 0] }),
    content,
  };
}

export async function renderPdf(data: BriefData): Promise<Buffer> {
  configure();
  const doc = pdfmake.createPdf(briefDocument(data));
  return Buffer.from(await doc.getBuffer());
}
