// `nhipcau text redact`: plain text in, the same text with personal data replaced by placeholders
// out, one line per line.
import { redact } from '../../src/redact/index.ts';
import type { TextCommand } from '../main.ts';
import { mapLines } from '../lines.ts';

/** Characters that some tools read as line breaks: replaced by a space so line counts stay equal. */
const LINE_BREAKS = /[\r\v\f\u0085\u2028\u2029]/g;

const command: TextCommand = {
  summary: 'replace phones, e-mails, ID and account numbers, private names with [SĐT] [EMAIL] [CCCD] [STK] [TÊN]',
  usage: [
    'Usage: nhipcau text redact < posts.txt > redacted.txt',
    '',
    'Reads UTF-8 text, one post per line, and writes each line with personal data replaced:',
    '  phone numbers [SĐT], e-mail addresses [EMAIL], citizen ID numbers [CCCD],',
    '  bank account numbers [STK], names of private persons [TÊN].',
    'Dates, money, house numbers, streets, wards and public hotlines are left as they are.',
    'One output line per input line; invalid bytes become U+FFFD. Exit 0 unless I/O fails.',
  ].join('\n'),
  async run(argv, io) {
    if (argv.length > 0) {
      io.error.write(`nhipcau text redact: unexpected argument "${argv[0]}"\n\n${command.usage}\n`);
      return 2;
    }
    await mapLines(io, (line) => redact(line).text.replace(LINE_BREAKS, ' '), (line) => line.replace(LINE_BREAKS, ' '));
    return 0;
  },
};

export default command;
