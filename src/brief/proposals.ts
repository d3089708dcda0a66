// Proposed next steps, by rule, in plain official Vietnamese. For each key issue: an overdue case → urge
// its unit; a new or growing issue, or a spike, with no case → give it to a unit (the cases desk's routing
// rules or the ward; otherwise the committee names one); a spike → follow it and give official
// information; an open case → follow it; posts still coming after the answer → ask the unit to review it;
// answered → make the result known; mostly positive → praise; otherwise keep following. Overdue cases of
// other issues are urged too. Issues given the same step are named in one line, so the list stays short
// enough for page one.
import type { BriefData, BriefIssue } from './data.ts';
import { viDate } from '../core/time.ts';
import { periodWord, vi } from './statements.ts';

const OTHER_OVERDUE = 2;
const MAX_LINES = 6;

type Step = { rule: 'urge' | 'assign' | 'spike' | 'follow' | 'recheck' | 'inform' | 'praise' | 'watch'; unit?: string; title: string; due?: string };
const ORDER: Step['rule'][] = ['urge', 'assign', 'spike', 'follow', 'recheck', 'inform', 'praise', 'watch'];
/** Steps that name several issues in one line when they share the rule (and the unit). */
const GROUPED = new Set<Step['rule']>(['assign', 'spike', 'inform', 'praise', 'watch']);

/** Posts kept coming after the answer: at least 3 on the days after it, and at least half as many as before it in the period. */
function louderAfter(i: BriefIssue, days: string[], answeredDay: string): boolean {
  let before = 0;
  let after = 0;
  days.forEach((d, k) => {
    if (d < answeredDay) before += i.daily[k] ?? 0;
    else if (d > answeredDay) after += i.daily[k] ?? 0;
  });
  return after >= 3 && after * 2 >= before;
}

function stepsFor(i: BriefIssue, days: string[]): Step[] {
  const title = i.title;
  const steps: Step[] = [];
  const overdue = i.cases.find((c) => c.overdue);
  if (overdue) steps.push({ rule: 'urge', unit: overdue.unit, title: overdue.title, due: overdue.dueDay ?? undefined });
  const rising = i.trend === 'new' || i.trend === 'growing' || Boolean(i.spike);
  const negative = i.posts ? i.sentiment.negative / i.posts : 0;
  const positive = i.posts ? i.sentiment.positive / i.posts : 0;
  if (!i.cases.length && rising && positive < 0.5) steps.push({ rule: 'assign', unit: i.owner ?? undefined, title });
  if (i.spike && negative >= positive) steps.push({ rule: 'spike', title });
  if (steps.length) return steps;
  const open = i.cases.find((c) => c.open);
  const answered = i.cases.find((c) => c.answeredDay && !c.open);
  if (open) return [{ rule: 'follow', unit: open.unit, title, due: open.dueDay ?? undefined }];
  if (answered && negative >= 0.5 && louderAfter(i, days, answered.answeredDay as string)) return [{ rule: 'recheck', unit: answered.unit, title }];
  if (answered) return [{ rule: 'inform', title }];
  if (positive >= 0.5) return [{ rule: 'praise', title }];
  return [{ rule: 'watch', title }];
}

const titles = (list: string[]): string => {
  const quoted = list.map((t) => `“${t}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${vi('brief.and')} ${quoted.at(-1)}` : quoted[0];
};

function sentence(rule: Step['rule'], group: Step[], org: string): string {
  const s = group[0];
  const many = group.length > 1;
  const list = titles(group.map((g) => g.title));
  switch (rule) {
    case 'urge':
      return vi('brief.p.urge', { unit: s.unit || org, title: s.title, due: s.due ? viDate(s.due) : '—' });
    case 'assign':
      if (s.unit) return vi(many ? 'brief.p.assignMany' : 'brief.p.assign', { unit: s.unit, title: s.title, titles: list });
      return vi(many ? 'brief.p.assignAnyMany' : 'brief.p.assignAny', { title: s.title, titles: list });
    case 'spike':
      return vi(many ? 'brief.p.spikeMany' : 'brief.p.spike', { title: s.title, titles: list, org });
    case 'follow':
      return s.due ? vi('brief.p.follow', { unit: s.unit || org, title: s.title, due: viDate(s.due) }) : vi('brief.p.followNoDue', { unit: s.unit || org, title: s.title });
    case 'recheck':
      return vi('brief.p.recheck', { unit: s.unit || org, title: s.title });
    case 'inform':
      return vi(many ? 'brief.p.informMany' : 'brief.p.inform', { title: s.title, titles: list, org });
    case 'praise':
      return vi(many ? 'brief.p.praiseMany' : 'brief.p.praise', { title: s.title, titles: list });
    case 'watch':
      return vi(many ? 'brief.p.watchMany' : 'brief.p.watch', { title: s.title, titles: list });
  }
}

export function proposals(data: BriefData): string[] {
  const days = data.daily.map((d) => d.day);
  const steps = data.key.flatMap((i) => stepsFor(i, days));
  // Overdue cases not about a key issue: named one by one (the oldest first), then counted.
  const urged = new Set(steps.filter((s) => s.rule === 'urge').map((s) => s.title));
  const others = data.cases.overdueCases.filter((c) => !data.key.some((i) => i.cases.some((k) => k.id === c.id)));
  for (const c of others.slice(0, OTHER_OVERDUE)) if (!urged.has(c.title)) steps.push({ rule: 'urge', unit: c.unit, title: c.title, due: c.dueDay ?? undefined });
  const lines: Array<{ rule: Step['rule']; text: string }> = [];
  for (const rule of ORDER) {
    const mine = steps.filter((s) => s.rule === rule);
    if (GROUPED.has(rule)) {
      const byUnit = new Map<string, Step[]>();
      for (const s of mine) byUnit.set(s.unit ?? '', [...(byUnit.get(s.unit ?? '') ?? []), s]);
      for (const group of byUnit.values()) lines.push({ rule, text: sentence(rule, group, data.organisationShort) });
    } else for (const s of mine) lines.push({ rule, text: sentence(rule, [s], data.organisationShort) });
    if (rule === 'urge') {
      const more = data.cases.overdue - mine.length;
      if (more > 0) lines.push({ rule, text: vi('brief.p.urgeMore', { n: more }) });
    }
  }
  if (!lines.length) return [vi('brief.p.none', { period: periodWord(data) })];
  // Too many lines for page one: the issues to give to units go in one line, each with its unit.
  const assigns = steps.filter((s) => s.rule === 'assign');
  if (lines.length > MAX_LINES && lines.filter((l) => l.rule === 'assign').length > 1) {
    const list = assigns.map((s) => (s.unit ? vi('brief.p.assignTo', { title: s.title, unit: s.unit }) : `“${s.title}”`)).join('; ');
    const at = lines.findIndex((l) => l.rule === 'assign');
    const kept = lines.filter((l) => l.rule !== 'assign');
    kept.splice(at, 0, { rule: 'assign', text: vi('brief.p.assignEach', { list }) });
    return kept.map((l) => l.text);
  }
  return lines.map((l) => l.text);
}
