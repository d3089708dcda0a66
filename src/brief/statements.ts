// The brief's sentences, in Vietnamese, built from BriefData: figures in words a committee reads ("ý kiến",
// "người", frustration as low / medium / high), dates as Vietnamese documents write them. Both renderers
// print exactly these, through layout.ts.
import { translate, type MessageKey } from '../i18n/catalog.ts';
import type { BriefCase, BriefData, BriefIssue } from './data.ts';
import { viDate, vnDay, VN_OFFSET_MS, vnWallClock } from '../core/time.ts';

export const vi = (key: string, params?: Record<string, string | number>): string => translate('vi', key as MessageKey, params);
export const num = (n: number): string => n.toLocaleString('vi-VN');
export const pct = (x: number): string => `${Math.round(x * 100).toLocaleString('vi-VN')}%`;
export const share = (part: number, whole: number): string => (whole ? pct(part / whole) : '0%');

/** 'tuần' for a week, 'kỳ' for any other period. */
export const periodWord = (data: Pick<BriefData, 'days'>): string => vi(data.days === 7 ? 'brief.word.week' : 'brief.word.period');
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export function level(frustration: number): string {
  return vi(frustration >= 0.5 ? 'brief.level.high' : frustration >= 0.25 ? 'brief.level.medium' : 'brief.level.low');
}

/** 'HH:MM ngày DD/MM/YYYY', Vietnam time. */
export function viDateTime(iso: string): string {
  const d = vnWallClock(Date.parse(iso));
  return `${d.slice(11, 16)} ngày ${viDate(d.slice(0, 10))}`;
}

/** The date line of a Vietnamese official document: days under 10 and months 1 and 2 take a leading zero. */
export function dateLine(data: Pick<BriefData, 'organisationShort' | 'generatedAt'>): string {
  const d = new Date(Date.parse(data.generatedAt) + VN_OFFSET_MS);
  const month = d.getUTCMonth() + 1;
  return vi('brief.dateLine', { place: data.organisationShort, day: String(d.getUTCDate()).padStart(2, '0'), month: month <= 2 ? `0${month}` : String(month), year: d.getUTCFullYear() });
}

export const periodLine = (data: Pick<BriefData, 'from' | 'to' | 'days'>): string => vi(data.days === 7 ? 'brief.week' : 'brief.period', { from: viDate(data.from), to: viDate(data.to) });

/** An app path as the document prints it: absolute to the public URL, or nothing without one. */
export const linkOf = (data: Pick<BriefData, 'baseUrl'>, path: string): string | undefined => (data.baseUrl ? `${data.baseUrl}${path}` : undefined);

export function situation(data: BriefData): string[] {
  const t = data.totals;
  const period = periodWord(data);
  if (!t.posts) return [vi('brief.s.none', { period })];
  const diff = t.previousPosts ? (t.posts - t.previousPosts) / t.previousPosts : null;
  const change =
    diff === null
      ? vi('brief.s.changeNone', { period })
      : Math.abs(diff) < 0.05
        ? vi('brief.s.changeSame', { period, previous: num(t.previousPosts) })
        : vi(diff > 0 ? 'brief.s.changeUp' : 'brief.s.changeDown', { period, previous: num(t.previousPosts), pct: pct(Math.abs(diff)) });
  return [
    vi('brief.s.volume', { period, posts: num(t.posts), voices: num(t.voices), issues: num(t.issues), change }),
    vi('brief.s.tone', { negative: share(t.negative, t.posts), neutral: share(t.neutral, t.posts), positive: share(t.positive, t.posts), level: level(t.frustration) }),
  ];
}

/** What changed for an issue: the word (new, growing, easing, steady) and the volume and voices against the period before. */
export function change(data: BriefData, i: BriefIssue): { word: string; text: string } {
  const period = periodWord(data);
  const parts = [vi(`brief.trend.${i.trend}`, { period, posts: num(i.posts), voices: num(i.voices), prevPosts: num(i.previous.posts), prevVoices: num(i.previous.voices) })];
  if (i.spike) parts.push(vi('brief.trend.spike', { at: viDateTime(i.spike.at) }));
  return { word: `${vi(`brief.trendWord.${i.trend}`, { period })}:`, text: parts.join(' ') };
}

function caseState(c: BriefCase): string {
  const unit = c.unit || '—';
  if (c.overdue) return vi('brief.h.overdue', { unit, due: c.dueDay ? viDate(c.dueDay) : '—' });
  if (c.answeredDay) return vi(c.onTime === true ? 'brief.h.answeredOnTime' : c.onTime === false ? 'brief.h.answeredLate' : 'brief.h.answered', { unit, day: viDate(c.answeredDay) });
  if (!c.open) return vi('brief.h.closed', { unit });
  return c.dueDay ? vi('brief.h.open', { unit, due: viDate(c.dueDay) }) : vi('brief.h.openNoDue', { unit });
}

/** What has been done about an issue through cases. */
export function handling(i: BriefIssue): string {
  if (!i.cases.length) return vi('brief.h.none');
  if (i.cases.length === 1) return caseState(i.cases[0]);
  const overdue = i.cases.filter((c) => c.overdue).length;
  const answered = i.cases.filter((c) => c.answeredDay).length;
  const open = i.cases.filter((c) => c.open && !c.overdue && !c.answeredDay).length;
  return vi('brief.h.many', { n: i.cases.length, answered, open, overdue });
}

export function casesLine(data: BriefData): string[] {
  const c = data.cases;
  const period = periodWord(data);
  return [
    vi('brief.s.cases', { period, opened: num(c.opened), answered: num(c.answered), onTime: num(c.answeredOnTime), reopened: num(c.reopened) }),
    c.overdue ? vi('brief.s.overdue', { overdue: num(c.overdue) }) : vi('brief.s.noOverdue'),
  ];
}

export function placesText(data: BriefData, i: BriefIssue): string {
  const min = data.minVoices;
  if (!i.wards.length) return vi('brief.d.noPlaces', { min });
  const list = i.wards.slice(0, 4).map((w) => vi('brief.d.wardPosts', { place: w.name, posts: num(w.posts) }));
  const rest = i.otherPosts + i.wards.slice(4).reduce((a, w) => a + w.posts, 0);
  if (rest > 0) list.push(vi('brief.d.placesOther', { posts: num(rest), min }));
  return `${list.join('; ')}.`;
}

export function toneText(i: BriefIssue): string {
  const n = i.posts;
  return vi('brief.d.toneText', { negative: share(i.sentiment.negative, n), neutral: share(i.sentiment.neutral, n), positive: share(i.sentiment.positive, n), level: level(i.frustration) });
}

export function peakText(data: BriefData, daily: number[], key: 'brief.d.peak' | 'brief.d.overallPeak'): string | null {
  let best = -1;
  daily.forEach((n, k) => {
    if (n > 0 && (best < 0 || n > daily[best])) best = k;
  });
  if (best < 0 || daily.length < 2) return null;
  const day = vnDay(Date.parse(data.start) + best * 86_400_000);
  return vi(key, { day: viDate(day), posts: num(daily[best]) });
}

export function overallLines(data: BriefData): string[] {
  const out: string[] = [];
  const peak = peakText(data, data.daily.map((d) => d.posts), 'brief.d.overallPeak');
  if (peak) out.push(peak);
  if (data.topics.length) out.push(vi('brief.d.overallTopics', { list: data.topics.slice(0, 4).map((t) => `${t.name} (${num(t.posts)})`).join(', ') }));
  const p = data.places;
  if (p.rows.length) out.push(vi('brief.d.overallPlaces', { list: p.rows.slice(0, 5).map((r) => `${r.name} (${num(r.posts)})`).join(', ') }));
  else if (data.totals.posts) out.push(vi('brief.d.overallNoPlaces', { min: data.minVoices }));
  if (p.hiddenPosts) out.push(vi('brief.d.overallHidden', { posts: num(p.hiddenPosts), places: num(p.hiddenPlaces), min: data.minVoices }));
  const spikes = data.spikes.slice(0, 3).map((s) => vi('brief.d.spike', { label: s.label, observed: num(s.observed), hours: s.hours, at: viDateTime(s.at), expected: s.expected.toLocaleString('vi-VN') }));
  out.push(spikes.length ? capital(vi('brief.d.spikes', { list: spikes.join('; ') })) : vi('brief.d.noSpikes'));
  return out;
}

export function sourcesText(data: BriefData): string {
  const period = periodWord(data);
  if (!data.sources.length) return vi('brief.m.noSources', { period });
  const known = new Set(['facebook_page', 'zalo_oa', 'youtube_channel', 'rss', 'citizen', 'file', 'synthetic']);
  const byName = new Map<string, number>();
  for (const s of data.sources) {
    const name = vi(`brief.source.${known.has(s.kind) ? s.kind : 'other'}`);
    byName.set(name, (byName.get(name) ?? 0) + s.posts);
  }
  return vi('brief.m.sources', { period, list: [...byName].map(([source, posts]) => vi('brief.sourceCount', { source, posts: num(posts) })).join('; ') });
}

/** Closing the loop: the issue's posts in the period before and after the day its first case was first answered, when that day is in the period. */
export function afterAnswer(data: BriefData, i: BriefIssue): string | null {
  const answered = i.cases.find((c) => c.answeredDay && c.answeredDay >= data.from && c.answeredDay <= data.to);
  if (!answered?.answeredDay) return null;
  let before = 0;
  let after = 0;
  data.daily.forEach((d, k) => {
    if (d.day < (answered.answeredDay as string)) before += i.daily[k] ?? 0;
    else if (d.day > (answered.answeredDay as string)) after += i.daily[k] ?? 0;
  });
  return vi('brief.d.afterAnswer', { period: periodWord(data), before: num(before), after: num(after) });
}
