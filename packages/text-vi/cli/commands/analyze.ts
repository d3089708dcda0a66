// `nhipcau text analyze`: JSONL {"id","text"} in; for each line the whole analysis out:
// {"id","text_redacted","normalized","words","sentiment":{"label","score"},"frustration","toxicity",
//  "topics","places":[{"id","name","type"}],"signature"}. A line that is not such a record gives
// {"id","error"}; every input line gets exactly one output line; exit 0 unless I/O fails.
import type { TextCommand } from '../main.ts';
import { errorLine, mapLines, parseRecord } from '../lines.ts';
import { analyze } from '../../src/analyze.ts';
import { loadAnalyzer } from '../../src/node.ts';

const usage = `Usage: nhipcau text analyze < posts.jsonl > analysed.jsonl

Reads JSONL lines {"id": …, "text": "…"} (an optional "source" is used by topic queries) and
writes, for each, one line:
  {"id", "text_redacted", "normalized", "words", "sentiment": {"label", "score"},
   "frustration", "toxicity", "topics", "places": [{"id", "name", "type"}], "signature"}
text_redacted has personal data replaced ([SĐT] [EMAIL] [CCCD] [STK] [TÊN]); normalized is that
text with legacy encodings, tone marks, repeated letters and teencode fixed; words joins the
syllables of a word with "_"; sentiment is negative/neutral/positive with a score in -1..1;
frustration and toxicity are 0..1; topics are ids of the default district taxonomy; places are
from the Quận 10 gazetteer; signature is a MinHash signature for near-duplicates.
A line that is not such a record gives {"id", "error"}. Texts longer than 20,000 characters are
analysed on their first 20,000.`;

const command: TextCommand = {
  summary: 'the whole analysis of JSONL {"id","text"}: redaction, words, sentiment, frustration, toxicity, topics, places',
  usage,
  async run(argv, io) {
    if (argv.length > 0) {
      io.error.write(`nhipcau text analyze: unexpected argument "${argv[0]}"\n\n${usage}\n`);
      return 2;
    }
    const models = loadAnalyzer();
    await mapLines(
      io,
      (line) => {
        if (line.trim() === '') return errorLine(null, 'empty line');
        const parsed = parseRecord(line);
        if (!parsed.ok) return errorLine(parsed.id, parsed.error);
        const { id, text, source } = parsed.record;
        // The id prepended to the analysis as text: spreading both into a new object costs more than analysing.
        const analysis = JSON.stringify(analyze(text, models, { source: typeof source === 'string' ? source : undefined }));
        return `{"id":${JSON.stringify(id ?? null)},${analysis.slice(1)}`;
      },
      (line, e) => errorLine(safeId(line), e instanceof Error ? e.message : String(e)),
    );
    return 0;
  },
};

function safeId(line: string): unknown {
  try {
    return (JSON.parse(line) as { id?: unknown }).id ?? null;
  } catch {
    return null;
  }
}

export default command;
