// Entry of the `nhipcau` command. Sub-commands load lazily: `nhipcau text …` never loads the server.
const argv = process.argv.slice(2);

async function main(): Promise<number> {
  if (argv[0] === 'text') {
    const { runTextCli } = await import('@nhipcau/text-vi/cli');
    return runTextCli(argv.slice(1));
  }
  const { runAppCli } = await import('./app.ts');
  return runAppCli(argv);
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`nhipcau: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
