// The brief as a list of blocks (headings, paragraphs, tables, charts, quotes) in reading order, so the
// PDF and the DOCX print the same report. Page one is the summary (I.), then the detail of each key issue
// (II.), then the method in plain Vietnamese (appendix). Links appear only with a public URL.
import type { Chart } from './charts.ts';
import type { BriefData } from './data.ts';
import { viDate } from '../core/time.ts';
import { proposals } from './proposals.ts';
import { afterAnswer, casesLine, change, handling, linkOf, num, overallLines, peakText, placesText, situation, sourcesText, toneText, vi, viDateTime } from './statements.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type Block =
  | { kind: 'h1'; text: string; pageBreak?: boolean }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; runs: Run[]; small?: boolean; keepWithNext?: boolean }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; items: string[]; id?: string }
  | { kind: 'table'; widths: number[]; head: string[]; rows: Run[][][]; right?: number[] }
  | { kind: 'chart'; chart: Chart; scale: number }
  /** The end of a Party document: recipients on the left, who signs on the right (space left for the signature). */
  | { kind: 'sign'; recipientsLabel: string; recipients: string[]; onBehalf: string; role: string };

const p = (...runs: Run[]): Block => ({ kind: 'p', runs });
const lead = (label: string, text: string): Block => p({ text: `${label} `, bold: true }, { text });

export function briefBlocks(data: BriefData, charts: Chart[]): Block[] {
  const period = data.days === 7 ? vi('brief.word.week') : vi('brief.word.period');
  const chart = (id: Chart['id']) => charts.find((c) => c.id === id);
  const out: Block[] = [];

  // I. Summary: page one.
  out.push({ kind: 'h1', text: vi('brief.sec.summary') });
  out.push({ kind: 'h2', text: vi('brief.sec.situation') });
  out.push(p({ text: situation(data).join(' ') }));
  out.push({ kind: 'h2', text: vi('brief.sec.key') });
  if (data.key.length) {
    out.push(p({ text: vi('brief.s.keyIntro', { n: data.key.length }) }));
    out.push({
      kind: 'table',
      widths: [5, 34, 33, 28],
      head: [vi('brief.col.no'), vi('brief.col.issue'), vi('brief.col.change'), vi('brief.col.handling')],
      rows: data.key.map((i, k) => {
        const c = change(data, i);
        return [[{ text: String(k + 1) }], [{ text: i.title, bold: true, link: linkOf(data, i.link) }], [{ text: `${c.word} `, italic: true }, { text: c.text }], [{ text: handling(i) }]];
      }),
    });
  } else out.push(p({ text: vi('brief.s.noIssues', { period }) }));
  out.push({ kind: 'h2', text: vi('brief.sec.cases') });
  out.push(p({ text: casesLine(data).join(' ') }));
  out.push({ kind: 'h2', text: vi('brief.sec.proposals') });
  out.push({ kind: 'list', items: proposals(data), id: 'summary-end' });

  // II. Detail.
  out.push({ kind: 'h1', text: vi('brief.sec.detail'), pageBreak: true });
  let n = 0;
  out.push({ kind: 'h2', text: `${++n}. ${vi('brief.sec.overall')}` });
  const daily = chart('daily');
  if (daily) out.push({ kind: 'chart', chart: daily, scale: 0.9 });
  for (const s of overallLines(data)) out.push(p({ text: s }));

  for (const i of data.key) {
    out.push({ kind: 'h2', text: `${++n}. ${i.title}` });
    const peak = peakText(data, i.daily, 'brief.d.peak');
    const c = change(data, i);
    // The heading, what changed and the timeline stay on one page.
    out.push({ ...lead(c.word, [c.text, peak].filter(Boolean).join(' ')), keepWithNext: true } as Block);
    const timeline = chart(`issue-${i.id}`);
    if (timeline) out.push({ kind: 'chart', chart: timeline, scale: 0.9 });
    out.push(lead(vi('brief.d.places'), placesText(data, i) + (i.places.length ? ` ${vi('brief.d.named', { list: i.places.slice(0, 5).join(', ') })}` : '')));
    out.push(lead(vi('brief.d.tone'), toneText(i)));
    if (i.topics.length) out.push(lead(vi('brief.d.topics'), `${i.topics.join(', ')}.`));
    const loop = afterAnswer(data, i);
    out.push(lead(vi('brief.d.handling'), [handling(i) + (i.cases.length > 1 ? ` ${i.cases.map((x) => `“${x.title}”`).join('; ')}.` : ''), loop].filter(Boolean).join(' ')));
    if (i.quotes.length) {
      out.push(p({ text: vi('brief.d.quotes'), italic: true }));
      for (const q of i.quotes) out.push({ kind: 'quote', text: `“${q}”` });
    }
  }

  if (data.others.length) {
    out.push({ kind: 'h2', text: `${++n}. ${vi('brief.sec.others')}` });
    out.push({
      kind: 'table',
      widths: [56, 12, 12, 20],
      head: [vi('brief.col.issue'), vi('brief.col.posts'), vi('brief.col.voices'), vi('brief.col.change')],
      right: [1, 2],
      rows: data.others.map((i) => [[{ text: i.title, link: linkOf(data, i.link) }], [{ text: num(i.posts) }], [{ text: num(i.voices) }], [{ text: vi(`brief.trendWord.${i.trend}`, { period }) }]]),
    });
  }
  if (data.cases.overdueCases.length) {
    out.push({ kind: 'h2', text: `${++n}. ${vi('brief.sec.overdue')}` });
    out.push({
      kind: 'table',
      widths: [58, 24, 18],
      head: [vi('brief.col.case'), vi('brief.col.unit'), vi('brief.col.due')],
      rows: data.cases.overdueCases.map((c) => [[{ text: c.title, link: linkOf(data, c.link) }], [{ text: c.unit }], [{ text: c.dueDay ? viDate(c.dueDay) : '—' }]]),
    });
    if (data.cases.overdue > data.cases.overdueCases.length) out.push(p({ text: vi('brief.d.moreOverdue', { n: data.cases.overdue - data.cases.overdueCases.length }) }));
  }

  out.push({
    kind: 'sign',
    recipientsLabel: vi('brief.sign.recipients'),
    recipients: [vi('brief.sign.toStanding'), vi('brief.sign.toMembers'), vi('brief.sign.toArchive')],
    onBehalf: vi('brief.sign.onBehalf', { office: vi('brief.office') }),
    role: vi('brief.sign.role'),
  });

  // Appendix: the method, numbered, each with its lead words in bold.
  out.push({ kind: 'h1', text: vi('brief.sec.appendix') });
  const method = [
    vi('brief.m.counted', { period }),
    sourcesText(data),
    vi('brief.m.issues'),
    vi('brief.m.tone'),
    vi('brief.m.minVoices', { min: data.minVoices }),
    vi('brief.m.cases', { period }),
    vi('brief.m.proposals'),
  ];
  method.forEach((m, k) => {
    const dot = m.indexOf('. ');
    out.push(p({ text: `${k + 1}. ${m.slice(0, dot + 1)} `, bold: true }, { text: m.slice(dot + 2) }));
  });
  if (data.synthetic) out.push(p({ text: vi('brief.m.synthetic'), bold: true, italic: true }));
  const overview = linkOf(data, data.links.overview);
  if (overview) out.push({ kind: 'p', runs: [{ text: vi('brief.m.link', { url: overview }), link: overview }], small: true });
  out.push({ kind: 'p', runs: [{ text: vi('brief.m.generated', { time: viDateTime(data.generatedAt) }), italic: true }], small: true });
  return out;
}
