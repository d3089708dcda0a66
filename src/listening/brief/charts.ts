// The brief's charts: ECharts rendered on the server to SVG (ssr), with Vietnamese labels in Noto Sans;
// PNG (for DOCX) through sharp from the same SVG.
import * as echarts from 'echarts';
import sharp from 'sharp';
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import type { BriefData } from './data.ts';

export interface Chart {
  id: 'daily' | 'issues' | 'sentiment' | 'topics';
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

const short = (s: string, n = 38) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function briefCharts(data: BriefData): Chart[] {
  const out: Chart[] = [];
  const days = data.daily.map((d) => `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`);
  out.push({
    id: 'daily',
    title: vi('brief.chart.daily'),
    width: 640,
    height: 260,
    svg: render(
      {
        grid: { left: 48, right: 48, top: 36, bottom: 32 },
        legend: { top: 0, data: [vi('brief.chart.daily'), vi('brief.chart.dailyFrustration')] },
        xAxis: { type: 'category', data: days },
        yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [
          { name: vi('brief.chart.daily'), type: 'bar', data: data.daily.map((d) => d.posts), itemStyle: { color: RED } },
          { name: vi('brief.chart.dailyFrustration'), type: 'line', yAxisIndex: 1, data: data.daily.map((d) => Math.round(d.frustration * 100)), itemStyle: { color: '#c8962d' } },
        ],
      },
      640,
      260,
    ),
  });
  if (data.issues.length) {
    const list = data.issues.slice(0, 8).reverse();
    const height = 60 + list.length * 30;
    out.push({
      id: 'issues',
      title: vi('brief.chart.issues'),
      width: 640,
      height,
      svg: render(
        {
          grid: { left: 250, right: 40, top: 10, bottom: 28 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: list.map((i) => short(i.label)), axisLabel: { width: 240, overflow: 'truncate' } },
          series: [{ type: 'bar', data: list.map((i) => i.posts), itemStyle: { color: RED }, label: { show: true, position: 'right' } }],
        },
        640,
        height,
      ),
    });
  }
  if (data.totals.posts) {
    out.push({
      id: 'sentiment',
      title: vi('brief.chart.sentiment'),
      width: 640,
      height: 240,
      svg: render(
        {
          legend: { orient: 'vertical', left: 10, top: 'middle' },
          series: [
            {
              type: 'pie',
              radius: ['40%', '70%'],
              center: ['60%', '50%'],
              label: { formatter: '{b}: {c} ({d}%)', color: '#222222' },
              data: [
                { name: vi('brief.negative'), value: data.totals.negative, itemStyle: { color: RED } },
                { name: vi('brief.neutral'), value: data.totals.neutral, itemStyle: { color: '#aaaaaa' } },
                { name: vi('brief.positive'), value: data.totals.positive, itemStyle: { color: '#5b8c5a' } },
              ],
            },
          ],
        },
        640,
        240,
      ),
    });
  }
  if (data.topics.length) {
    const list = data.topics.slice(0, 8).reverse();
    const height = 60 + list.length * 28;
    out.push({
      id: 'topics',
      title: vi('brief.chart.topics'),
      width: 640,
      height,
      svg: render(
        {
          grid: { left: 200, right: 40, top: 10, bottom: 28 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: list.map((tp) => tp.name) },
          series: [{ type: 'bar', data: list.map((tp) => tp.posts), itemStyle: { color: '#4a6fa5' }, label: { show: true, position: 'right' } }],
        },
        640,
        height,
      ),
    });
  }
  return out;
}

/** The chart as PNG at twice its size (sharp renders the SVG with the system's fonts). */
export async function chartPng(chart: Chart): Promise<Buffer> {
  return sharp(Buffer.from(chart.svg), { density: 144 }).png().toBuffer();
}
