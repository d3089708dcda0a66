// `nhipcau text <command>`: the text core's own CLI. Commands load lazily so each starts fast.
import { processIO, type LineIO } from './lines.ts';

export interface TextCommand {
  summary: string;
  usage: string;
  run(argv: string[], io: LineIO): Promise<number>;
}

const commands: Record<string, () => Promise<TextCommand>> = {
  segment: async () => (await import('./commands/segment.ts')).default,
  redact: async () => (await import('./commands/redact.ts')).default,
  train: async () => (await import('./commands/train.ts')).default,
  classify: async () => (await import('./commands/classify.ts')).default,
  analyze: async () => (await import('./commands/analyze.ts')).default,
  query: async () => (await import('./commands/query.ts')).default,
};

export async function runTextCli(argv: string[], io: LineIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.output.write(await helpText());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.error.write(`nhipcau text: unknown command "${name}"\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.output.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

async function helpText(): Promise<string> {
  const lines = ['Usage: nhipcau text <command> [options]   (UTF-8 lines on stdin, one output line per input line)', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  return lines.join('\n') + '\n';
}
