// Benchmark of `nhipcau text analyze`: 200-character posts streamed through the command as JSONL
// (parse → analyze → serialise), on one core; prints posts/s and peak memory.
// Run alone: node --import tsx packages/text-vi/bench/analyze.ts [posts]   (or from bench/run.ts).
import { Readable, Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { TextCommand } from '../cli/main.ts';

const SEEDS = [
  'Bà con Phường 12 phản ánh tình trạng kẹt xe kéo dài trên đường 3/2 đoạn gần Vạn Hạnh Mall vào giờ cao điểm, anh Nam ở hẻm 285 cho biết mỗi sáng mất 30 phút. Liên hệ 0903 123 456.',
  'Ngập nặng đường Bà Hạt sau cơn mưa chiều 12/9, nước tràn vào nhà, thuê xe kéo 200.000đ. Mọi người ơi có ai biết số đường dây nóng không? Gọi 1022 mãi không được.',
  'Cảnh báo lừa đảo: đối tượng giả danh công an gọi điện yêu cầu chuyển khoản vào STK 0071000123456 Vietcombank. Bà con tuyệt đối không làm theo, báo ngay cho công an phường.',
  'hoc phi nam nay tang qua, con em di hoc truong Nguyen Du ma dong tien hoc them muon xiu. co ai biet chinh sach mien giam cua quan 10 khong a, chi Lan o hem 12 noi co ho tro',
  'Rác thải tập kết ở góc Lý Thái Tổ - Hùng Vương bốc mùi hôi thối cả tuần nay, ruồi nhặng bu đầy. Đề nghị UBND phường Vườn Lài cho xe thu gom sớm, email: cudan.q10@gmail.com',
  'Vào BV 115 khám mà chờ từ 6h sáng tới trưa, bhyt trái tuyến ko đc hưởng. Ai có kinh nghiệm chỉ giúp với. Số CCCD của mình 079203001234 bị ghi sai trên VNeID nữa!!!',
];

// Post i is cut from seeds i mod 6 and i+1 mod 6 at offset i mod 17, so the texts repeat every 102
// posts; their JSON is made once, so that the timing is the command's, not the input generator's.
const PERIOD = 102;
const TEXT_JSON = Array.from({ length: PERIOD }, (_, i) => JSON.stringify((SEEDS[i % SEEDS.length] + ' ' + SEEDS[(i + 1) % SEEDS.length]).slice(i % 17, (i % 17) + 200)));

function post(i: number): string {
  return `{"id":${i},"text":${TEXT_JSON[i % PERIOD]}}`;
}

/** JSONL lines generated on demand, so the input never sits in memory. */
function input(count: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      const lines: string[] = [];
      for (let k = 0; k < 500 && i < count; k++) lines.push(post(i++));
      this.push(lines.length ? lines.join('\n') + '\n' : null);
    },
  });
}

/**
 * The command as `npx nhipcau text analyze` runs it: the app's compiled JavaScript (scripts/build.mjs),
 * not the TypeScript sources through tsx, whose transform wraps every closure it creates in a naming
 * call (esbuild's keepNames) and so slows the code it runs. From source when the compiler is missing.
 */
async function loadCommand(): Promise<{ command: TextCommand; compiled: boolean }> {
  const { ensureBuilt } = (await import(new URL('../../../scripts/build.mjs', import.meta.url).href)) as { ensureBuilt(): Promise<string | undefined> };
  const entry = await ensureBuilt(); // <build>/src/cli/main.js
  if (!entry) return { command: (await import('../cli/commands/analyze.ts')).default, compiled: false };
  const file = join(dirname(dirname(dirname(entry))), 'packages/text-vi/cli/commands/analyze.js');
  return { command: ((await import(pathToFileURL(file).href)) as { default: TextCommand }).default, compiled: true };
}

/** The timed run, in this process: posts/s, and the process's peak memory (high-water mark). */
async function measure(count: number): Promise<{ postsPerSecond: number; lines: number; bytes: number; peakMb: number; compiled: boolean }> {
  const { command, compiled } = await loadCommand();
  let bytes = 0;
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      for (let k = chunk.indexOf(10); k !== -1; k = chunk.indexOf(10, k + 1)) lines++;
      done();
    },
  });
  // Warm-up: load the models and let the JIT settle.
  await command.run([], { input: input(3_000), output: new Writable({ write: (_c, _e, d) => d() }), error: process.stderr });
  const start = performance.now();
  await command.run([], { input: input(count), output: sink, error: process.stderr });
  const seconds = (performance.now() - start) / 1000;
  return { postsPerSecond: count / seconds, lines, bytes, peakMb: process.resourceUsage().maxRSS / 1024, compiled };
}

/**
 * Runs the measurement in a process of its own (a fresh heap, as `nhipcau text analyze` runs), so the
 * peak memory is the command's, not that of the benchmarks run before it. Five runs, one after the
 * other: this machine's speed drifts by a third from one minute to the next (other tenants share its
 * memory bandwidth), so the median is reported with every run.
 */
export async function benchAnalyze(count = 100_000, runs = 5): Promise<void> {
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (let k = 0; k < runs; k++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(count)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`analyze benchmark failed (exit ${child.status})`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Awaited<ReturnType<typeof measure>>);
  }
  const speeds = results.map((r) => r.postsPerSecond).sort((a, b) => a - b);
  const median = speeds[Math.floor(speeds.length / 2)];
  const r = results[0];
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  console.log(`analyze — ${count.toLocaleString('en')} JSONL posts of 200 characters streamed through \`nhipcau text analyze\` (${r.compiled ? 'compiled, as shipped' : 'from source: no compiler'}), one core, in a process of its own, ${runs} runs`);
  console.log(`  ${fmt(median)} posts/s median  (${(1e6 / median).toFixed(0)} µs/post; runs ${results.map((x) => fmt(x.postsPerSecond)).join(', ')}; ${r.lines.toLocaleString('en')} lines, ${(r.bytes / 1e6).toFixed(1)} MB out each; target ≥ 5,000 posts/s)`);
  console.log(`  peak memory (RSS high-water mark): ${Math.max(...results.map((x) => x.peakMb)).toFixed(0)} MB, the highest of the runs  (target < 300 MB, whatever the input size)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const k = process.argv.indexOf('--child');
  if (k >= 0) console.log(JSON.stringify(await measure(Number(process.argv[k + 1]))));
  else await benchAnalyze(Number(process.argv[2]) || undefined);
}
