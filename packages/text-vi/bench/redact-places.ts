// Micro-benchmark of redact, findPlaces, classifyTopics and signature on 200-character posts.
// Run alone: node --import tsx packages/text-vi/bench/redact-places.ts (or from bench/run.ts).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { signature } from '../src/dedup/index.ts';
import { compileGazetteer, findPlaces, type GazetteerData } from '../src/places/index.ts';
import { classifyTopics, compileTaxonomy, type TaxonomyData } from '../src/query/index.ts';
import { redact } from '../src/redact/index.ts';

const SEEDS = [
  'Bà con Phường 12 phản ánh tình trạng kẹt xe kéo dài trên đường 3/2 đoạn gần Vạn Hạnh Mall vào giờ cao điểm, anh Nam ở hẻm 285 cho biết mỗi sáng mất 30 phút. Liên hệ 0903 123 456.',
  'Ngập nặng đường Bà Hạt sau cơn mưa chiều 12/9, nước tràn vào nhà, thuê xe kéo 200.000đ. Mọi người ơi có ai biết số đường dây nóng không? Gọi 1022 mãi không được.',
  'Cảnh báo lừa đảo: đối tượng giả danh công an gọi điện yêu cầu chuyển khoản vào STK 0071000123456 Vietcombank. Bà con tuyệt đối không làm theo, báo ngay cho công an phường.',
  'hoc phi nam nay tang qua, con em di hoc truong Nguyen Du ma dong tien hoc them muon xiu. co ai biet chinh sach mien giam cua quan 10 khong a, chi Lan o hem 12 noi co ho tro',
  'Rác thải tập kết ở góc Lý Thái Tổ - Hùng Vương bốc mùi hôi thối cả tuần nay, ruồi nhặng bu đầy. Đề nghị UBND phường Vườn Lài cho xe thu gom sớm, email: cudan.q10@gmail.com',
  'Vào BV 115 khám mà chờ từ 6h sáng tới trưa, bhyt trái tuyến không được hưởng. Ai có kinh nghiệm chỉ giúp với. Số CCCD của mình 079203001234 bị ghi sai trên VNeID nữa.',
];

/** Posts of exactly `length` characters, cut from the seeds at different offsets. */
function posts(count: number, length = 200): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = SEEDS[i % SEEDS.length];
    const text = (seed + ' ' + SEEDS[(i + 1) % SEEDS.length]).slice(i % 17);
    out.push(text.slice(0, length).padEnd(length, ' ') + (i % 10));
  }
  return out;
}

function time(label: string, items: string[], fn: (s: string) => unknown): void {
  for (let i = 0; i < 2000; i++) fn(items[i % items.length]); // warm-up
  let sink = 0;
  const rounds = 5;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of items) sink += fn(s) ? 1 : 0;
  const us = ((performance.now() - start) * 1000) / (rounds * items.length);
  console.log(`  ${label.padEnd(16)} ${us.toFixed(2).padStart(7)} µs/post  (${Math.round(1e6 / us).toLocaleString('en')} posts/s)`);
  if (sink < 0) console.log(sink); // keeps the results alive
}

export async function benchRedactPlaces(): Promise<void> {
  const data = (name: string) => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
  const gazetteer = compileGazetteer(data('places-quan-10.json') as GazetteerData);
  const taxonomy = compileTaxonomy(data('topics.json') as TaxonomyData);
  const items = posts(10_000);
  console.log(`redact / places / topics / signature — ${items.length.toLocaleString('en')} posts of 200 characters, one core`);
  time('redact', items, (s) => redact(s).spans.length);
  time('findPlaces', items, (s) => findPlaces(s, gazetteer).length);
  time('classifyTopics', items, (s) => classifyTopics(s, taxonomy).length);
  time('signature', items, (s) => signature(s).length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchRedactPlaces();
