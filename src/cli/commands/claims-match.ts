// `nhipcau claims match`: JSONL {"id","text"} on stdin → one line out per line in:
// {"id","claim","level","score"}, claim being the matched claim's own id (the office's, or ours) or null.
// A malformed line still gets its line out, with "error" saying why.
import { claims, matchText } from '../../claims/index.ts';
import { defineCommand } from '../commands.ts';

export default defineCommand<Record<string, never>>({
  forwardable: true,
  async run(ctx, _options, io) {
    const input = await io.readStdin();
    const ownIds = new Map<string, string>();
    for (const r of await ctx.db.select({ id: claims.id, externalId: claims.externalId }).from(claims)) ownIds.set(String(r.id), r.externalId ?? String(r.id));
    const lines = input.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    let out = '';
    for (const raw of lines) {
      let id: unknown = null;
      let text: unknown;
      let error: string | undefined;
      try {
        const v = JSON.parse(raw) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          id = (v as { id?: unknown }).id ?? null;
          text = (v as { text?: unknown }).text;
        }
        if (typeof text !== 'string') error = 'thiếu "text" / "text" is missing';
      } catch {
        error = 'không phải JSON hợp lệ / not valid JSON';
      }
      if (error || typeof text !== 'string') {
        out += JSON.stringify({ id, claim: null, level: null, score: 0, error }) + '\n';
        continue;
      }
      const r = await matchText(ctx, text);
      out += JSON.stringify({ id, claim: r.claim ? ownIds.get(r.claim) ?? r.claim : null, level: r.level, score: r.score }) + '\n';
      if (out.length > 1 << 16) (io.out(out), (out = ''));
    }
    io.out(out);
    return 0;
  },
});
