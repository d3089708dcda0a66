// A plain-text table for benchmark output, so every section prints figures the same way.

export type Cell = string | number;

/** Prints `rows` under `headers`, numbers right-aligned, with a title line. */
export function printTable(title: string, headers: string[], rows: Cell[][]): void {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = headers.map((h, k) => Math.max(h.length, ...text.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[], numeric: boolean[]) =>
    '  ' + cells.map((c, k) => (numeric[k] ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join('  ');
  const numericCols = headers.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number'));
  console.log(`\n${title}`);
  console.log(line(headers, numericCols));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of text) console.log(line(r, numericCols));
}

function formatNumber(x: number): string {
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return x.toFixed(Math.abs(x) < 10 ? 4 : 2);
}

/** Runs `fn` repeatedly for at least `minMs` (after one warm-up call); returns calls per second. */
export function timeIt(fn: () => void, minMs = 1000): number {
  fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    calls++;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}
