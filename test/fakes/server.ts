// The shared machinery of the fake platform servers: a node:http server on an ephemeral port, a log of
// every request, and failure injection (a canned answer, or a request left hanging until the client gives
// up) matched by method and path, for a number of times. Each platform fake (facebook.ts, youtube.ts,
// zalo.ts) builds its documented shapes on top and answers documented errors for requests that drift
// from the contract.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and buffers as they are. */
  body?: unknown;
}

export interface InjectMatch {
  method?: string;
  /** A path prefix, or a pattern tested against the path. */
  path?: string | RegExp;
  /** How many matching requests get this answer; default 1. Infinity for all. */
  times?: number;
}

/** 'hang' keeps the request open without an answer (the client's timeout fires). */
export type Injected = FakeReply | 'hang';

interface Injection extends InjectMatch {
  reply: Injected | ((req: FakeRequest) => Injected);
  left: number;
}

export type Handler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export class FakeServer {
  /** Every request received, in order (bodies included). */
  readonly requests: FakeRequest[] = [];
  private readonly injections: Injection[] = [];
  private server?: Server;
  private baseUrl = '';

  constructor(private readonly handler: Handler) {}

  get url(): string {
    if (!this.baseUrl) throw new Error('fake server not started');
    return this.baseUrl;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the next matching request(s) with `reply` instead of the normal behaviour. */
  inject(reply: Injection['reply'], match: InjectMatch = {}): void {
    this.injections.push({ ...match, reply, left: match.times ?? 1 });
  }

  /** Drops injections that have not fired yet. */
  clearInjections(): void {
    this.injections.length = 0;
  }

  /** Requests whose path starts with `prefix` (and method, when given). */
  requestsTo(prefix: string | RegExp, method?: string): FakeRequest[] {
    return this.requests.filter((r) => matches({ path: prefix, method }, r));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: Buffer.concat(chunks) };
    this.requests.push(request);
    let reply: Injected;
    try {
      const injection = this.injections.find((i) => i.left > 0 && matches(i, request));
      if (injection) {
        injection.left--;
        reply = typeof injection.reply === 'function' ? injection.reply(request) : injection.reply;
      } else {
        reply = await this.handler(request);
      }
    } catch (e) {
      reply = { status: 500, body: { fakeError: String((e as Error).stack ?? e) } };
    }
    if (reply === 'hang') return; // left open; closed by the client's abort or close()
    send(res, reply);
  }
}

function matches(match: InjectMatch, req: FakeRequest): boolean {
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? req.path.startsWith(match.path) : match.path.test(req.path);
}

function send(res: ServerResponse, reply: FakeReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body: string | Buffer = '';
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') body = reply.body;
  else if (reply.body !== undefined) {
    body = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

// ---- helpers shared by the platform fakes ----

/** The parsed body of a JSON or form request, or an error string saying why it is not acceptable. */
export function readBody(req: FakeRequest, accept: ('json' | 'form')[]): { json?: Record<string, unknown>; form?: URLSearchParams; error?: string } {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json' && accept.includes('json')) {
    try {
      const parsed = JSON.parse(req.rawBody.toString('utf8') || 'null');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'body must be a JSON object' };
      return { json: parsed as Record<string, unknown> };
    } catch {
      return { error: 'body is not valid JSON' };
    }
  }
  if (type === 'application/x-www-form-urlencoded' && accept.includes('form')) return { form: new URLSearchParams(req.rawBody.toString('utf8')) };
  return { error: `unsupported content type '${type ?? ''}' (expected ${accept.join(' or ')})` };
}

/** Deterministic counters and ids derived from a seed. */
export class Ids {
  private n = 0;
  constructor(readonly seed: number) {}
  next(): number {
    return ++this.n;
  }
  /** A large numeric id as a string (e.g. 19 digits), unique per call. */
  bigNumeric(digits = 19): string {
    const n = this.next();
    const base = BigInt(10) ** BigInt(digits - 1);
    return (base + BigInt(this.seed) * 1_000_003n + BigInt(n) * 7_919n).toString();
  }
  /** An id of `length` (≤ 11) base64url characters (YouTube style): a bijection of (seed, n), so unique per call. */
  base64url(length = 11): string {
    const n = this.next();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const mask = (1n << 64n) - 1n;
    let x = (((BigInt(this.seed) << 32n) + BigInt(n)) * 0x9e3779b97f4a7c15n) & mask; // odd multiplier: a bijection mod 2^64
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet[Number(x & 63n)];
      x >>= 6n;
    }
    return out;
  }
}

/** A clock that starts at a fixed time and moves one minute per tick (deterministic created times). */
export class TickClock {
  private t: number;
  constructor(start = Date.UTC(2026, 0, 1, 0, 0, 0)) {
    this.t = start;
  }
  tick(ms = 60_000): Date {
    this.t += ms;
    return new Date(this.t);
  }
}

/** Opaque page cursors: the offset, base64url-encoded with a tag so foreign cursors are rejected. */
export const cursor = {
  encode: (tag: string, offset: number): string => Buffer.from(`${tag}:${offset}`).toString('base64url'),
  decode(tag: string, value: string): number | undefined {
    const text = Buffer.from(value, 'base64url').toString('utf8');
    const at = text.lastIndexOf(':');
    const n = text.slice(at + 1);
    return at > 0 && text.slice(0, at) === tag && /^\d+$/.test(n) ? Number(n) : undefined;
  },
};
