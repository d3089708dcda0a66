// The brief's sentences, in Vietnamese, built from BriefData. Each statement cites the figures it uses
// (their numbers in the appendix) and links the dashboard view that shows them; both renderers print
// exactly these.
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import type { BriefData, Figure } from './data.ts';
import { viDate } from './period.ts';

export interface Statement {
  text: string;
  /** Figure ids cited (see BriefData.figures). */
  refs: string[];
  link: string;
}

export interface Section {
  id: 'overview' | 'issues' | 'spikes' | 'places' | 'sentiment' | 'cases';
  title: string;
  statements: Statement[];
}

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);
export const num = (n: number) => n.toLocaleString('vi-VN');
export const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`;
export const share = (part: number, whole: number) => (whole ? pct(part / whole) : '0%');

export function formatFigure(f: Figure): string {
  if (f.format === 'percent') return pct(f.value);
  if (f.format === 'score') return f.value.toLocaleString('vi-VN');
  return num(f.value);
}

/** 'B12' style citation of a figure: its 1-based row in the appendix. */
export function citation(data: BriefData, id: string): string {
  const i = data.figures.findIndex((f) => f.id === id);
  return i < 0 ? '' : `B${i + 1}`;
}

export const absolute = (data: BriefData, link: string): string => `${data.baseUrl}${link}`;

export function sections(data: BriefData): Section[] {
  const t = data.totals;
  const out: Section[] = [];
  const overview: Statement[] = [];
  if (!t.posts) overview.push({ text: vi('brief.s.noPosts'), refs: ['posts'], link: data.links.overview });
  else {
    overview.push({ text: vi('brief.s.volume', { posts: num(t.posts), voices: num(t.voices), issues: num(t.issues) }), refs: ['posts', 'voices', 'issues'], link: data.links.overview });
    const change = t.previousPosts ? (t.posts - t.previousPosts) / t.previousPosts : null;
    overview.push({
      text: change === null ? vi('brief.s.previousNone') : vi(change >= 0 ? 'brief.s.previousUp' : 'brief.s.previousDown', { previous: num(t.previousPosts), change: pct(Math.abs(change)) }),
      refs: ['previousPosts'],
      link: data.links.overview,
    });
    const peak = [...data.daily].sort((a, b) => b.posts - a.posts || a.day.localeCompare(b.day))[0];
    if (peak && data.daily.length > 1) overview.push({ text: vi('brief.s.peakDay', { day: viDate(peak.day), posts: num(peak.posts) }), refs: ['posts'], link: `/admin/listening?from=${peak.day}&to=${peak.day}` });
  }
  out.push({ id: 'overview', title: vi('brief.section.overview'), statements: overview });

  const issues: Statement[] = data.issues.slice(0, 5).map((i, k) => ({
    text: vi(i.spike ? 'brief.s.issueSpike' : 'brief.s.issue', { rank: k + 1, label: i.label, posts: num(i.posts), voices: num(i.voices), frustration: pct(i.frustration) }),
    refs: [`issue${k + 1}.posts`, `issue${k + 1}.voices`, `issue${k + 1}.frustration`],
    link: i.link,
  }));
  if (!issues.length) issues.push({ text: vi('brief.s.noIssues'), refs: ['issues'], link: data.links.overview });
  out.push({ id: 'issues', title: vi('brief.section.issues'), statements: issues });

  const spikes: Statement[] = data.spikes.map((s, k) => ({ text: vi('brief.s.spike', { label: s.label, hours: s.hours, observed: num(s.observed), expected: s.expected.toLocaleString('vi-VN'), at: viDateTime(s.at) }), refs: [`spike${k + 1}`], link: s.link }));
  if (!spikes.length) spikes.push({ text: vi('brief.s.noSpikes'), refs: [], link: data.links.overview });
  out.push({ id: 'spikes', title: vi('brief.section.spikes'), statements: spikes });

  const places: Statement[] = data.places.rows.slice(0, 5).map((p) => ({ text: vi('brief.s.place', { place: p.name, posts: num(p.posts), frustration: pct(p.frustration) }), refs: [`place.${p.ward}`], link: p.link }));
  if (!places.length) places.push({ text: vi('brief.s.noPlaces', { min: data.places.minVoices }), refs: [], link: data.links.overview });
  if (data.places.hiddenPosts) places.push({ text: vi('brief.s.placesHidden', { posts: num(data.places.hiddenPosts), places: data.places.hiddenPlaces, min: data.places.minVoices }), refs: ['place.hidden'], link: data.links.overview });
  out.push({ id: 'places', title: vi('brief.section.places'), statements: places });

  const sentiment: Statement[] = [];
  if (t.posts) {
    sentiment.push({ text: vi('brief.s.sentiment', { negative: share(t.negative, t.posts), neutral: share(t.neutral, t.posts), positive: share(t.positive, t.posts), frustration: pct(t.frustration) }), refs: ['negative', 'neutral', 'positive', 'frustration'], link: data.links.overview });
    const top = data.topics.slice(0, 3);
    if (top.length) sentiment.push({ text: vi('brief.s.topics', { list: top.map((tp) => `${tp.name} (${num(tp.posts)})`).join(', ') }), refs: top.map((tp) => `topic.${tp.topic}`), link: data.links.overview });
  } else sentiment.push({ text: vi('brief.s.noPosts'), refs: ['posts'], link: data.links.overview });
  out.push({ id: 'sentiment', title: vi('brief.section.sentiment'), statements: sentiment });

  if (data.cases) {
    const c = data.cases;
    const cases: Statement[] = [
      { text: vi('brief.s.cases', { opened: num(c.opened), answered: num(c.answered), onTime: num(c.answeredOnTime), reopened: num(c.reopened) }), refs: ['cases.opened', 'cases.answered', 'cases.onTime', 'cases.reopened'], link: c.link },
      { text: c.overdue ? vi('brief.s.overdue', { overdue: num(c.overdue) }) : vi('brief.s.noOverdue'), refs: ['cases.overdue'], link: '/admin/cases?status=overdue' },
    ];
    c.effects.forEach((e, k) => {
      const f = (x: number | null) => (x === null ? '—' : pct(x));
      cases.push({
        text: vi(e.complete ? 'brief.s.effect' : 'brief.s.effectPending', { label: e.issueLabel, day: viDate(e.answeredDay), days: e.days, before: num(e.before.posts), after: num(e.after.posts), fBefore: f(e.before.frustration), fAfter: f(e.after.frustration) }),
        refs: [`effect${k + 1}.before`, `effect${k + 1}.after`],
        link: e.link,
      });
    });
    out.push({ id: 'cases', title: vi('brief.section.cases'), statements: cases });
  }
  return out;
}

export function viDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${d.slice(11, 16)} ${viDate(d.slice(0, 10))}`;
}

export const periodLine = (data: BriefData): string => vi('brief.period', { from: viDate(data.from), to: viDate(data.to), days: data.days });
