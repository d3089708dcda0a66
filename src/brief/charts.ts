// The brief's charts (posts per day, overall and for each key issue): ECharts rendered on the server to SVG
// (ssr), labels in Noto Sans; PNG (for DOCX) through sharp from the same SVG.
import * as echarts from 'echarts';
import sharp from 'sharp';
import { translate, type MessageKey } from '../i18n/catalog.ts';
import type { BriefData } from './data.ts';

export interface Chart {
  id: 'daily' | `issue-${number}`;
  title: string;
  svg: string;
  width: number;
  height: number;
}

const vi = (key: string) => translate('vi', key as MessageKey);
const FONT = 'Noto Sans, DejaVu Sans, sans-serif';
const RED = '#9c2a1f';
const COLOURS = ['#9c2a1f', '#c8962d', '#4a6fa5', '#5b8c5a', '#7a5c99', '#888888'];

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: COLOURS, textStyle: { fontFamily: FONT, fontSize: 12, color: '#222' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}


/** Posts per day of the period (bars), the negative ones in darker red, day labels DD/MM; values over the bars of a short period, zeros left out. */
function dayBars(days: string[], posts: number[], negative: number[] | null, width: number, height: number): string {
  return render(
    {
      grid: { left: 40, right: 12, top: negative ? 28 : 20, bottom: 24 },
      legend: negative ? { top: 0, data: [vi('brief.chart.daily'), vi('brief.chart.negative')] } : undefined,
      xAxis: { type: 'category', data: days.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`) },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      series: [
        { name: vi('brief.chart.daily'), type: 'bar', data: posts, barGap: '-100%', itemStyle: { color: '#d9a39b' }, label: { show: !negative && days.length <= 14, position: 'top', fontSize: 11, color: '#333333', textBorderWidth: 0, formatter: (p: { value: unknown }) => (p.value ? String(p.value) : '') } },
        ...(negative ? [{ name: vi('brief.chart.negative'), type: 'bar', data: negative, itemStyle: { color: RED } }] : []),
      ],
    },
    width,
    height,
  );
}

export function briefCharts(data: BriefData): Chart[] {
  const days = data.daily.map((d) => d.day);
  const out: Chart[] = [];
  if (data.totals.posts) out.push({ id: 'daily', title: vi('brief.chart.daily'), width: 640, height: 200, svg: dayBars(days, data.daily.map((d) => d.posts), data.daily.map((d) => d.negative), 640, 200) });
  for (const i of data.key) out.push({ id: `issue-${i.id}`, title: vi('brief.chart.daily'), width: 640, height: 130, svg: dayBars(days, i.daily, null, 640, 130) });
  return out;
}

/** The chart as PNG at twice its size (sharp renders the SVG with the system's fonts). */
export async function chartPng(chart: Chart): Promise<Buffer> {
  return sharp(Buffer.from(chart.svg), { density: 144 }).png().toBuffer();
}
