// `nhipcau text train`: trains a classifier from JSONL {"text","label"} files and writes a model
// file for `nhipcau text classify --model`. Bad lines are skipped, counted and reported by number.
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import type { TextCommand } from '../main.ts';
import { readLines } from '../lines.ts';
import { trainClassifier, type ClassWeight, type LabeledText } from '../../src/classify/train.ts';
import { classify } from '../../src/classify/model.ts';
import { evaluateLabels } from '../../src/classify/metrics.ts';
import { serializeModel } from '../../src/classify/serialize.ts';

const usage = `Usage: nhipcau text train --train FILE --out MODEL [--dev FILE] [options]

Trains a text classifier (hashed word and character n-grams, calibrated softmax) from JSONL
lines {"text": "...", "label": "..."}; labels may be strings or numbers and are kept as strings.
With --dev, the dev file picks the number of epochs and calibrates the probabilities, and its
accuracy and macro-F1 are printed; without it, 10% of the training lines do that job.
Unusable lines are skipped; their count and line numbers go to stderr.

  --train FILE          training data (JSONL)
  --out MODEL           where to write the model file
  --dev FILE            development data (JSONL)
  --epochs N            maximum passes over the data (default 10)
  --class-weight W      none | sqrt | balanced (default sqrt: favours rare classes a little)
  --seed N              random seed (default 1); the same data and seed give the same model`;

interface Loaded { examples: LabeledText[]; bad: { line: number; reason: string }[] }

/** Reads a JSONL file of labelled texts; a line that is not usable is recorded, never fatal. */
export async function readLabeled(path: string): Promise<Loaded> {
  const examples: LabeledText[] = [];
  const bad: Loaded['bad'] = [];
  let n = 0;
  for await (const line of readLines(createReadStream(path))) {
    n++;
    if (line.trim() === '') { bad.push({ line: n, reason: 'empty line' }); continue; }
    let value: unknown;
    try { value = JSON.parse(line); } catch { bad.push({ line: n, reason: 'malformed JSON' }); continue; }
    const obj = value as { text?: unknown; label?: unknown } | null;
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) { bad.push({ line: n, reason: 'not a JSON object' }); continue; }
    if (typeof obj.text !== 'string') { bad.push({ line: n, reason: 'missing "text" string' }); continue; }
    const label = typeof obj.label === 'number' && Number.isFinite(obj.label) ? String(obj.label) : obj.label;
    if (typeof label !== 'string' || label === '') { bad.push({ line: n, reason: 'missing "label" (string or number)' }); continue; }
    examples.push({ text: obj.text, label });
  }
  return { examples, bad };
}

function reportBad(err: NodeJS.WritableStream, path: string, bad: Loaded['bad']): void {
  if (bad.length === 0) return;
  const shown = bad.slice(0, 20).map((b) => `line ${b.line}: ${b.reason}`).join('; ');
  err.write(`nhipcau text train: ${path}: skipped ${bad.length} bad line${bad.length > 1 ? 's' : ''} (${shown}${bad.length > 20 ? '; …' : ''})\n`);
}

function parseArgs(argv: string[]): Record<string, string> | string {
  const known = new Set(['--train', '--out', '--dev', '--epochs', '--class-weight', '--seed']);
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!known.has(a)) return `unknown option "${a}"`;
    if (i + 1 >= argv.length) return `${a} needs a value`;
    out[a.slice(2)] = argv[++i];
  }
  if (!out.train) return 'missing --train FILE';
  if (!out.out) return 'missing --out MODEL';
  if (out['class-weight'] && !['none', 'sqrt', 'balanced'].includes(out['class-weight'])) return '--class-weight must be none, sqrt or balanced';
  for (const k of ['epochs', 'seed']) if (out[k] && !/^\d+$/.test(out[k])) return `--${k} must be a whole number`;
  return out;
}

const command: TextCommand = {
  summary: 'train a classifier: --train FILE.jsonl --out MODEL [--dev FILE.jsonl]',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      io.error.write(`nhipcau text train: ${args}\n\n${usage}\n`);
      return 2;
    }
    for (const path of [args.train, args.dev].filter((p): p is string => !!p)) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        io.error.write(`nhipcau text train: cannot read ${path}: no such file\n`);
        return 1;
      }
    }
    const started = performance.now();
    const train = await readLabeled(args.train);
    reportBad(io.error, args.train, train.bad);
    const dev = args.dev ? await readLabeled(args.dev) : undefined;
    if (dev && args.dev) reportBad(io.error, args.dev, dev.bad);
    const labels = new Set(train.examples.map((e) => String(e.label)));
    if (labels.size < 2) {
      io.error.write(`nhipcau text train: ${args.train}: need at least 2 different labels in usable lines, found ${labels.size}\n`);
      return 1;
    }
    const model = trainClassifier(train.examples, {
      dev: dev?.examples,
      epochs: args.epochs ? Number(args.epochs) : undefined,
      seed: args.seed ? Number(args.seed) : undefined,
      classWeight: args['class-weight'] as ClassWeight | undefined,
    });
    const bytes = serializeModel(model);
    try {
      await writeFile(args.out, bytes);
    } catch (e) {
      io.error.write(`nhipcau text train: cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      `trained on ${train.examples.length} examples, ${model.labels.length} labels (${model.labels.join(', ')}) in ${seconds} s`,
      `wrote ${args.out} (${bytes.length} bytes)`,
    ];
    if (dev) {
      const known = dev.examples.filter((e) => labels.has(String(e.label)));
      const ev = evaluateLabels(dev.examples.map((e) => String(e.label)), dev.examples.map((e) => classify(model, e.text).label));
      lines.push(`dev: ${dev.examples.length} examples, accuracy ${ev.accuracy.toFixed(4)}, macro-F1 ${ev.macroF1.toFixed(4)}`);
      if (known.length < dev.examples.length) lines.push(`dev: ${dev.examples.length - known.length} examples have labels not seen in training`);
    }
    io.output.write(lines.join('\n') + '\n');
    return 0;
  },
};

export default command;
