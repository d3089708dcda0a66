// What may reach the log about a request or a failure: never a request body, the parameters of a failed
// SQL query, or an e-mail address. A failed query's error carries its SQL text and parameters (an
// e-mail typed at login, a post's text); the log keeps the error's kind, its code and the first line
// of its message with the parameters cut off and addresses masked, and the stack's frames.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

export const maskEmails = (s: string): string => s.replace(EMAIL, '[email]');

interface SafeError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SafeError;
}

/** An error as the log may hold it. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an error]' };
  const e = error as Error & { code?: unknown };
  // "Failed query: SELECT … \nparams: a@b.vn,…": the first line names the statement, the rest is data.
  const firstLine = e.message.split('\n')[0].replace(/\bparams:.*$/s, '').slice(0, 300);
  const out: SafeError = { type: e.name, message: maskEmails(firstLine) };
  if (typeof e.code === 'string') out.code = e.code;
  if (e.stack) out.stack = e.stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** A request as the log may hold it: method and path, e-mails in the query masked. */
export function safeRequest(req: { method?: string; url?: string }): { method?: string; url?: string } {
  return { method: req.method, url: req.url === undefined ? undefined : maskEmails(safeDecode(req.url)) };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
