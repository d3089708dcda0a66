import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { backgroundTurn, foregroundEnded, foregroundStarted } from './foreground.ts';

describe('requests before background work', () => {
  it('a background step waits while a request is in flight and goes on once it is answered', async () => {
    foregroundStarted();
    let went = false;
    const turn = backgroundTurn().then(() => (went = true));
    for (let i = 0; i < 5; i++) await tick();
    expect(went).toBe(false);
    foregroundEnded();
    await turn;
    expect(went).toBe(true);
  });

  it('with no request in flight it only lets waiting callbacks run', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('waiting callback'));
    await backgroundTurn();
    order.push('background step');
    expect(order).toEqual(['waiting callback', 'background step']);
  });

  it('a site that never goes quiet slows background work down but does not stop it', async () => {
    foregroundStarted();
    try {
      await backgroundTurn(); // resolves after its longest wait even though the request is still open
    } finally {
      foregroundEnded();
    }
  });
});
