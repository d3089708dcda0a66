// `npm run bench:claims`: the claim matcher on the hand-written sets (main/, and dev/ written apart to
// see whether tuning on main/ overfitted), beside a baseline: character n-gram TF-IDF cosine with the
// threshold picked after the fact (the best F1 over the set, which no real system could know).
// Printed per set: recall (posts that spread or ask about a claim linked to it, at either level),
// precision of all links, precision of confirmed links, the share of near misses linked; then the speed
// in posts per second against 1,000 claims on one core (claims made by varying the hand-written ones'
// figures and places: for the speed test only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimMatcher, fold } from '@nhipcau/text-vi';
import { loadClaimSynonyms, loadTeencode } from '@nhipcau/text-vi/node';

const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Claim { id: string; statement: string }
interface Post { id: string; text: string }
interface Truth { id: string; claim: string | null; kind: 'spread' | 'near_miss' | 'unrelated'; near?: string }
interface Link { claim: string | null; level: 'confirmed' | 'suggested' | null }

const readJsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const models = { teencode: loadTeencode(), synonyms: loadClaimSynonyms() };

function load(set: string) {
  const dir = path.join(HERE, set);
  const claims = readJsonl<Claim>(path.join(dir, 'claims.jsonl'));
  const posts = readJsonl<Post>(path.join(dir, 'posts.jsonl'));
  const truth = new Map(readJsonl<Truth>(path.join(dir, 'truth.jsonl')).map((t) => [t.id, t]));
  return { claims, posts, truth };
}

interface Figures { recall: number; precision: number; confirmedPrecision: number; nearLinked: number; links: number; confirmed: number }

function score(posts: Post[], truth: Map<string, Truth>, links: Map<string, Link>): Figures {
  let spread = 0, found = 0, linked = 0, correct = 0, conf = 0, confCorrect = 0, near = 0, nearLinked = 0;
  for (const p of posts) {
    const t = truth.get(p.id)!;
    const l = links.get(p.id)!;
    if (t.kind === 'spread') spread++;
    if (t.kind === 'near_miss') near++;
    if (!l.claim) continue;
    linked++;
    const ok = l.claim === t.claim;
    if (ok) correct++, found++;
    if (l.level === 'confirmed') conf++, ok && confCorrect++;
    if (t.kind === 'near_miss') nearLinked++;
  }
  return { recall: found / spread, precision: linked ? correct / linked : 1, confirmedPrecision: conf ? confCorrect / conf : 1, nearLinked: nearLinked / near, links: linked, confirmed: conf };
}

const pct = (x: number) => x.toFixed(3);
function line(name: string, f: Figures): string {
  return `${name.padEnd(34)} recall ${pct(f.recall)}  precision ${pct(f.precision)}  confirmed precision ${pct(f.confirmedPrecision)} (${f.confirmed} confirmed)  near misses linked ${(f.nearLinked * 100).toFixed(1)} %`;
}

function runMatcher(set: ReturnType<typeof load>) {
  const m = new ClaimMatcher(models);
  for (const c of set.claims) m.addClaim(c.id, c.statement);
  const links = new Map<string, Link>();
  const misses: string[] = [];
  for (const p of set.posts) {
    const r = m.match(p.text);
    links.set(p.id, { claim: r.claim, level: r.level });
    const t = set.truth.get(p.id)!;
    if (process.env.BENCH_VERBOSE && (r.claim !== t.claim)) misses.push(`  ${t.kind.padEnd(9)} want ${t.claim ?? t.near ?? '-'} got ${r.claim ?? '-'}/${r.level ?? '-'} ${r.score} [${r.candidates.slice(0, 2).map((c) => c.claim + ':' + c.score).join(' ')}] ${p.text.slice(0, 110)}`);
  }
  if (misses.length) console.log(misses.join('\n'));
  return score(set.posts, set.truth, links);
}

// --- baseline: character n-gram (3–5, within words padded by spaces) TF-IDF cosine ---
function ngrams(text: string): Map<string, number> {
  const s = ` ${text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const out = new Map<string, number>();
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) {
    const g = s.slice(i, i + n);
    if (g.trim().length === 0) continue;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}
function baseline(set: ReturnType<typeof load>, foldFirst: boolean) {
  const prep = (t: string) => (foldFirst ? fold(t) : t);
  const docs = [...set.claims.map((c) => ngrams(prep(c.statement))), ...set.posts.map((p) => ngrams(prep(p.text)))];
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const vec = (d: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, tf] of d) {
      const w = (1 + Math.log(tf)) * Math.log((docs.length + 1) / ((df.get(g) ?? 0) + 1) + 1);
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  };
  const claimVecs = set.claims.map((c) => vec(ngrams(prep(c.statement))));
  const best = set.posts.map((p) => {
    const v = vec(ngrams(prep(p.text)));
    let top = -1, which = 0;
    claimVecs.forEach((cv, i) => {
      let s = 0;
      for (const [g, w] of v) s += w * (cv.get(g) ?? 0);
      if (s > top) (top = s), (which = i);
    });
    return { id: p.id, claim: set.claims[which].id, score: top };
  });
  let bestF: Figures | null = null, bestT = 0, bestF1 = -1;
  for (let t = 0.05; t <= 0.9; t += 0.01) {
    const links = new Map<string, Link>(best.map((b) => [b.id, b.score >= t ? { claim: b.claim, level: 'suggested' } : { claim: null, level: null }]));
    const f = score(set.posts, set.truth, links);
    const f1 = (2 * f.recall * f.precision) / (f.recall + f.precision || 1);
    if (f1 > bestF1) (bestF1 = f1), (bestF = f), (bestT = t);
  }
  return { figures: bestF!, threshold: bestT };
}

// --- speed: 1,000 claims made from the hand-written ones ---
function speed(set: ReturnType<typeof load>) {
  const places = ['Diên Hồng', 'Vườn Lài', 'Hòa Hưng', 'Bàn Cờ', 'Nhiêu Lộc', 'Tân Định', 'Bến Thành', 'Chợ Lớn', 'Phú Thọ', 'Bình Thới', 'Tân Sơn Nhất', 'Xuân Hòa', 'Cầu Kiệu', 'Gia Định', 'Thạnh Mỹ Tây', 'An Đông', 'Minh Phụng', 'Bình Tây', 'Phú Lâm', 'Chánh Hưng'];
  const m = new ClaimMatcher(models);
  let n = 0;
  for (let k = 0; n < 1000; k++) {
    const c = set.claims[k % set.claims.length];
    const variant = c.statement.replace(/\d+/g, (d) => String(Number(d) + Math.floor(k / set.claims.length))) + ` ở ${places[k % places.length]} ${k}`;
    m.addClaim(`S${k}`, variant);
    n++;
  }
  const texts = set.posts.map((p) => p.text);
  for (const t of texts) m.match(t); // warm-up
  const rounds = 20;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) m.match(t);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  return { perSecond: (rounds * texts.length) / seconds, chars };
}

for (const name of ['main', 'dev']) {
  const set = load(name);
  const spread = [...set.truth.values()].filter((t) => t.kind === 'spread').length;
  const near = [...set.truth.values()].filter((t) => t.kind === 'near_miss').length;
  console.log(`\n${name}/: ${set.claims.length} claims, ${set.posts.length} posts (${spread} spreading or asking, ${near} near misses, ${set.posts.length - spread - near} unrelated)`);
  console.log(line('matcher', runMatcher(set)));
  for (const foldFirst of [false, true]) {
    const b = baseline(set, foldFirst);
    console.log(line(`baseline char 3–5-gram TF-IDF${foldFirst ? ' folded' : ''}`, b.figures) + `  (best threshold after the fact ${b.threshold.toFixed(2)})`);
  }
}
const s = speed(load('main'));
console.log(`\nspeed: ${Math.round(s.perSecond)} posts/s against 1,000 claims on one core (posts of ${Math.round(s.chars)} characters on average)`);
