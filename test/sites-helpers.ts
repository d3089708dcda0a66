// Helpers for the publishing tests: multipart bodies, an item created through the office form.
import type { App } from '../src/web/types.ts';
import type { Session } from './http.ts';

export function multipart(fields: Record<string, string | string[]>, files: Array<{ name: string; filename: string; bytes: Buffer; type?: string }> = []): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----nc${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
  for (const f of files) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts the item form; returns the response (303 to the item on success). */
export async function postItem(app: App, s: Session, url: string, fields: Record<string, string | string[]>, files: Parameters<typeof multipart>[1] = []) {
  const form = multipart({ _csrf: s.csrf, ...fields }, files);
  return app.inject({ method: 'POST', url, payload: form.body, headers: { ...form.headers, cookie: s.cookie } });
}

export const itemIdOf = (location: unknown): number => Number(/\/admin\/items\/(\d+)/.exec(String(location))?.[1]);
