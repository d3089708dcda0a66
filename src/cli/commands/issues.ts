// `nhipcau issues [--json] [--from DATE] [--to DATE]`: the listening desk's issues of a period, most
// pressing first. --json prints one array of {"id","label","topics","places","post_ids","external_ids","count","voices",
// "frustration","sentiment","spike","first_seen","last_seen"}.
import { getSource, listIssues, parsePostDate } from '../../listening/index.ts';
import { defineCommand } from '../commands.ts';

export interface IssuesCommandOptions {
  json?: boolean;
  from?: string;
  to?: string;
  limit?: string;
  topic?: string;
  ward?: string;
  source?: string;
}

const FAR_FUTURE = Date.now() + 10 * 365 * 24 * 3600_000;

export default defineCommand<IssuesCommandOptions>({
  forwardable: true,
  async run(ctx, options, io) {
    const from = options.from ? parsePostDate(options.from, FAR_FUTURE) : { ok: true as const, date: new Date('2000-01-01T00:00:00Z') };
    const to = options.to ? parsePostDate(options.to, FAR_FUTURE) : { ok: true as const, date: new Date(Date.now() + 60_000) };
    if (!from.ok) return fail(io, `--from: ${from.reason}`);
    if (!to.ok) return fail(io, `--to: ${to.reason}`);
    let sources: number[] | undefined;
    if (options.source) {
      const s = await getSource(ctx.db, options.source);
      if (!s) return fail(io, `không có nguồn / no source "${options.source}"`);
      sources = [s.id];
    }
    const limit = options.limit ? Math.max(1, Math.min(1000, Number(options.limit) || 1000)) : 1000;
    const issues = await listIssues(ctx, { from: from.date, to: to.date, limit, topic: options.topic, ward: options.ward, sources, postIds: Boolean(options.json) });
    if (options.json) {
      const out = issues.map((i) => ({
        id: i.id,
        label: i.label,
        topics: i.topics,
        places: i.places,
        post_ids: i.postIds ?? [],
        external_ids: i.externalIds ?? [],
        count: i.count,
        voices: i.voices,
        frustration: i.frustration,
        sentiment: i.sentiment,
        spike: i.spike,
        first_seen: i.firstSeen,
        last_seen: i.lastSeen,
      }));
      io.out(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    if (!issues.length) {
      io.out('Chưa có vấn đề nào trong khoảng thời gian này. / No issues in this period.\n');
      return 0;
    }
    io.out(`${'#'.padStart(6)}  ${'bài'.padStart(5)}  ${'người'.padStart(5)}  bức xúc  đột biến  vấn đề / issue\n`);
    for (const i of issues) {
      io.out(`${String(i.id).padStart(6)}  ${String(i.count).padStart(5)}  ${String(i.voices).padStart(5)}  ${i.frustration.toFixed(2).padStart(7)}  ${(i.spike ? 'có / yes' : '').padEnd(8)}  ${i.pinned ? '📌 ' : ''}${i.label}\n`);
    }
    return 0;
  },
});

function fail(io: { err(t: string): void }, message: string): number {
  io.err(`nhipcau issues: ${message}\n`);
  return 2;
}
