// Charts drawn on the server with ECharts (SVG renderer, `ssr: true`): pages show them without any
// script, and they scale to the screen through their viewBox. ECharts is loaded on first use.
import type { Locale } from '../i18n/define.ts';
import { VN_TIME_ZONE } from '../core/time.ts';

type ECharts = typeof import('echarts');
let echartsModule: Promise<ECharts> | undefined;
const load = (): Promise<ECharts> => (echartsModule ??= import('echarts'));

const COLORS = { negative: '#c0392b', neutral: '#95a5a6', positive: '#27ae60', total: '#1f5fa8', spike: '#e67e22' };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

async function render(option: Record<string, unknown>, width: number, height: number): Promise<string> {
  const echarts = await load();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const fmt = new Map<string, Intl.DateTimeFormat>();
function timeLabel(ms: number, step: 'hour' | 'day', locale: Locale): string {
  const key = `${step}:${locale}`;
  let f = fmt.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VN_TIME_ZONE, day: '2-digit', month: '2-digit', ...(step === 'hour' ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) });
    fmt.set(key, f);
  }
  return f.format(new Date(ms));
}

export interface VolumePoint {
  t: number;
  n: number;
  negative: number;
  positive: number;
}

/** Posts over time, stacked by sentiment; an optional marker where a spike fired. */
export async function volumeChart(points: VolumePoint[], step: 'hour' | 'day', locale: Locale, labels: { negative: string; neutral: string; positive: string }, spikeAt?: number): Promise<string> {
  const x = points.map((p) => timeLabel(p.t, step, locale));
  const spikeIndex = spikeAt === undefined ? -1 : points.findIndex((p, i) => spikeAt >= p.t && (i === points.length - 1 || spikeAt < points[i + 1].t));
  const bar = (name: string, color: string, data: number[], markLine?: unknown) => ({ name, type: 'bar', stack: 'v', barMaxWidth: 18, itemStyle: { color }, data, ...(markLine ? { markLine } : {}) });
  return render(
    {
      grid: { left: 40, right: 12, top: 30, bottom: 40 },
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
      xAxis: { type: 'category', data: x, axisLabel: { fontSize: 11, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
      series: [
        bar(labels.negative, COLORS.negative, points.map((p) => p.negative)),
        bar(labels.neutral, COLORS.neutral, points.map((p) => p.n - p.negative - p.positive)),
        bar(
          labels.positive,
          COLORS.positive,
          points.map((p) => p.positive),
          spikeIndex >= 0 ? { symbol: 'none', silent: true, lineStyle: { color: COLORS.spike, width: 2, type: 'dashed' }, label: { formatter: '⚡', fontSize: 14 }, data: [{ xAxis: spikeIndex }] } : undefined,
        ),
      ],
    },
    720,
    260,
  );
}

/** A single line of totals (the dashboard's volume of all posts). */
export async function totalsChart(points: Array<{ t: number; n: number }>, step: 'hour' | 'day', locale: Locale, name: string): Promise<string> {
  return render(
    {
      grid: { left: 40, right: 12, top: 16, bottom: 36 },
      xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => timeLabel(p.t, step, locale)), axisLabel: { fontSize: 11, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
      series: [{ name, type: 'line', showSymbol: false, smooth: 0.3, areaStyle: { opacity: 0.15 }, lineStyle: { width: 2, color: COLORS.total }, itemStyle: { color: COLORS.total }, data: points.map((p) => p.n) }],
    },
    720,
    200,
  );
}

/** Sentiment mix as one horizontal stacked bar with percentages. */
export async function sentimentChart(mix: { negative: number; neutral: number; positive: number }, labels: { negative: string; neutral: string; positive: string }): Promise<string> {
  const total = mix.negative + mix.neutral + mix.positive || 1;
  const pct = (n: number) => Math.round((n * 100) / total);
  const part = (name: string, color: string, n: number) => ({
    name,
    type: 'bar',
    stack: 's',
    barWidth: 28,
    itemStyle: { color },
    label: { show: pct(n) >= 8, formatter: `${pct(n)}%`, color: '#fff', fontSize: 12 },
    data: [n],
  });
  return render(
    {
      grid: { left: 8, right: 8, top: 28, bottom: 4 },
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
      xAxis: { type: 'value', show: false, max: total },
      yAxis: { type: 'category', show: false, data: [''] },
      series: [part(labels.negative, COLORS.negative, mix.negative), part(labels.neutral, COLORS.neutral, mix.neutral), part(labels.positive, COLORS.positive, mix.positive)],
    },
    360,
    72,
  );
}
