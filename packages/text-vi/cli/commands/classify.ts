// `nhipcau text classify --model MODEL`: JSONL {"id","text"} in, {"id","label","scores"} out, one
// line per input line. MODEL is a model file from `nhipcau text train`, or a shipped one by name:
// "sentiment" (lexicon and rules: negative/neutral/positive) or "toxicity" (clean/offensive).
import { stat } from 'node:fs/promises';
import type { TextCommand } from '../main.ts';
import { errorLine, mapLines, parseRecord } from '../lines.ts';
import { loadClassifierModel, loadToxicityModel } from '../../src/node.ts';
import { classify } from '../../src/classify/model.ts';
import { sentiment } from '../../src/sentiment/sentiment.ts';

const usage = `Usage: nhipcau text classify --model MODEL

Reads JSONL lines {"id": …, "text": "…"} on stdin and writes {"id", "label", "scores"} for each,
where scores maps every label to its probability (they sum to 1). A line that is not such a
record gives {"id", "error"}; every input line gets exactly one output line.

  --model MODEL   a model file written by \`nhipcau text train\`, or a shipped model:
                    sentiment   lexicon and rules: negative / neutral / positive
                    toxicity    trained on ViHOS: clean / offensive
                  (write ./sentiment to mean a file of that name)`;

type Scorer = (text: string) => { label: string; scores: Record<string, number> };

const SHIPPED: Record<string, () => Scorer> = {
  sentiment: () => (text) => {
    const r = sentiment(text);
    return { label: r.label, scores: r.scores };
  },
  toxicity: () => {
    const model = loadToxicityModel();
    return (text) => classify(model, text);
  },
};

/** Probabilities with 6 decimals: enough to rank and threshold, and lines stay short. */
const round = (scores: Record<string, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(scores)) out[k] = Math.round(v * 1e6) / 1e6;
  return out;
};

const command: TextCommand = {
  summary: 'classify JSONL {"id","text"} lines with a trained model, or the shipped sentiment/toxicity',
  usage,
  async run(argv, io) {
    if (argv.length !== 2 || argv[0] !== '--model') {
      io.error.write(`nhipcau text classify: ${argv.length === 0 ? 'missing --model MODEL' : `unexpected arguments "${argv.join(' ')}"`}\n\n${usage}\n`);
      return 2;
    }
    const name = argv[1];
    let scorer: Scorer;
    try {
      if (SHIPPED[name]) scorer = SHIPPED[name]();
      else {
        const info = await stat(name).catch(() => null);
        if (!info?.isFile()) throw new Error(`no such file (shipped models: ${Object.keys(SHIPPED).join(', ')})`);
        const model = loadClassifierModel(name);
        scorer = (text) => classify(model, text);
      }
    } catch (e) {
      io.error.write(`nhipcau text classify: cannot load model ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    await mapLines(
      io,
      (line) => {
        if (line.trim() === '') return errorLine(null, 'empty line');
        const parsed = parseRecord(line);
        if (!parsed.ok) return errorLine(parsed.id, parsed.error);
        const { label, scores } = scorer(parsed.record.text);
        return JSON.stringify({ id: parsed.record.id ?? null, label, scores: round(scores) });
      },
      (line, e) => errorLine(safeId(line), e instanceof Error ? e.message : String(e)),
    );
    return 0;
  },
};

function safeId(line: string): unknown {
  try { return (JSON.parse(line) as { id?: unknown }).id ?? null; } catch { return null; }
}

export default command;
