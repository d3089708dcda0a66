// Writes a JSONL file of synthetic District 10 posts (the demo's scenarios), for benchmarks and trials:
//   node --import tsx bench/listening/make-posts.ts FILE COUNT [SEED] [DAYS]
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generatePosts } from '../../src/listening/demo/generate.ts';

export async function makePosts(file: string, count: number, seed = 1, days = 30, source = 'facebook-q10'): Promise<void> {
  const out = createWriteStream(file);
  const start = Date.now() - days * 24 * 3600_000;
  for (const p of generatePosts({ seed, start, gapMs: (days * 24 * 3600_000) / count, count, authors: Math.max(50, Math.round(count / 4)) })) {
    const line = `${JSON.stringify({ id: p.id, source, author: p.author, created_at: p.createdAt.toISOString(), text: p.text, parent_id: null, url: null })}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, count, seed, days] = process.argv.slice(2);
  if (!file || !count) {
    console.error('usage: make-posts.ts FILE COUNT [SEED] [DAYS]');
    process.exit(2);
  }
  await makePosts(file, Number(count), Number(seed ?? 1), Number(days ?? 30));
}
