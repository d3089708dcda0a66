// A local SMTP server that keeps what it receives, for tests of mail (no network beyond loopback).
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtp(): Promise<{ port: number; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded text of a quoted-printable or base64 part, good enough for assertions. */
export function bodyText(raw: string): string {
  const b64 = /Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw);
  if (b64) return Buffer.from(b64[1].replace(/\s+/g, ''), 'base64').toString('utf8');
  const qp = raw.split(/\r?\n\r?\n/).slice(1).join('\n');
  return Buffer.from(qp.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

export function subjectOf(raw: string): string {
  const m = /^Subject: (.+(?:\r?\n[ \t].+)*)/m.exec(raw);
  if (!m) return '';
  const words = [...m[1].matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)];
  if (!words.length) return m[1].replace(/\r?\n[ \t]/g, ' ');
  // Adjacent encoded words join without the space between them; a character may be split across two.
  const bytes = words.map(([, enc, text]) => (enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')));
  return Buffer.concat(bytes).toString('utf8');
}
