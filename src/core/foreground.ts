// Requests first, heavy background work after. On the embedded database everything — web requests, the
// database itself, an import's clustering — shares one thread, so a long import used to make public
// pages wait seconds. The web layer counts the requests it is answering; background work (imports,
// analysis batches) is cut into short steps and, before each, waits its turn: until no request is in
// flight, or a short while at most, so that a busy site slows an import down but never stops it.

let inFlight = 0;
let waiting: Array<() => void> = [];

/** The web layer: a request started. */
export function foregroundStarted(): void {
  inFlight++;
}

/** The web layer: a request was answered (or abandoned). */
export function foregroundEnded(): void {
  inFlight = Math.max(0, inFlight - 1);
  if (inFlight === 0 && waiting.length) {
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  }
}

/** How long background work waits for requests to finish before it takes its step anyway. */
const MAX_WAIT_MS = 200;

/** Background work: lets waiting callbacks run, then waits until no request is in flight (at most MAX_WAIT_MS). */
export async function backgroundTurn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (inFlight === 0) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, MAX_WAIT_MS);
    function done() {
      clearTimeout(timer);
      waiting = waiting.filter((w) => w !== done);
      resolve();
    }
    waiting.push(done);
  });
}
