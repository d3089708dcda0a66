// Entry of the `nhipcau` command. Sub-commands load lazily: `nhipcau text …` never loads the server.
const argv = process.argv.slice(2);

// A closed pipe (`nhipcau … | head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

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
