export async function runAppCli(argv: string[]): Promise<number> {
  process.stderr.write(`nhipcau: not yet implemented: ${argv.join(' ')}\n`);
  return 2;
}
