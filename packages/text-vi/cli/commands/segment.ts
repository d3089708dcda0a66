// `nhipcau text segment`: one output line per input line, words separated by single spaces and
// the syllables of a word joined by "_" ("Hà Nội là thủ đô" → "Hà_Nội là thủ_đô").
import type { TextCommand } from '../main.ts';
import { mapLines } from '../lines.ts';
import { loadSegmenter } from '../../src/node.ts';
import { segmentToString } from '../../src/segment/segment.ts';

const usage = `Usage: nhipcau text segment [--pretokenized] [--model <file>]

Reads UTF-8 lines on stdin and writes each line word-segmented: words separated by one space,
syllables of a word joined by "_". An empty line gives an empty line; a line that cannot be
processed is echoed with its whitespace collapsed (and the reason goes to stderr).

  --pretokenized   the input is already tokenised (tokens separated by spaces, as in
                   ud_vi_vtb): tokens are only grouped, never split or changed
  --model <file>   a segmenter model file (default: the shipped models/segmenter.bin)`;

const command: TextCommand = {
  summary: 'word segmentation: "Hà Nội là thủ đô" → "Hà_Nội là thủ_đô"',
  usage,
  async run(argv, io) {
    let pretokenized = false;
    let modelPath: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--pretokenized') pretokenized = true;
      else if (a === '--model' && i + 1 < argv.length) modelPath = argv[++i];
      else {
        io.error.write(`nhipcau text segment: unknown option "${a}"\n\n${usage}\n`);
        return 2;
      }
    }
    const model = modelPath ? loadSegmenter(modelPath) : loadSegmenter();
    const options = { pretokenized };
    await mapLines(
      io,
      (line) => (line.length === 0 ? '' : segmentToString(line, model, options)),
      (line, e) => {
        io.error.write(`nhipcau text segment: ${e instanceof Error ? e.message : String(e)}\n`);
        return line.split(/[\s\u0000-\u001f\u007f-\u009f]+/).filter(Boolean).join(' ');
      },
    );
    return 0;
  },
};

export default command;
