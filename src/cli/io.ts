// Where a command reads and writes: the terminal, or buffers when a running server executes it.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** The whole of standard input (e.g. a password). */
  readStdin(): Promise<string>;
  /** Standard input is a terminal (nothing was piped). */
  interactive: boolean;
  /** Standard error is a terminal (progress bars are drawn there). */
  tty?: boolean;
  /** The caller's working directory, for relative paths (the server's, unless forwarded). */
  cwd?: string;
}

export function processIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY),
    tty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export function bufferIO(stdin: string, cwd?: string): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), readStdin: async () => stdin, interactive: false, cwd };
}

/** Output handed to `write` as it is printed (a forwarded command streaming back to its caller). */
export function streamIO(stdin: string, write: (stream: 'out' | 'err', text: string) => void, options: { cwd?: string; tty?: boolean } = {}): CliIO {
  return { out: (t) => write('out', t), err: (t) => write('err', t), readStdin: async () => stdin, interactive: false, cwd: options.cwd, tty: options.tty };
}
