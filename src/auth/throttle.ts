// The login throttle, one for the JSON login and the login form. It slows guessing without letting a
// stranger lock anyone out: failures are counted per address and account typed (after FREE_TRIES the
// next try waits 30 s, then 1, 2, 4… minutes, up to MAX_DELAY_S) and per address over all accounts (ADDRESS_TRIES
// an hour). The account itself is never locked, so someone else's guesses from elsewhere do not keep
// its owner out. The answer and the counting are the same for accounts that exist and for those that
// do not. Counters live in the database (rate-limiter-flexible's Drizzle store), so every web process
// sees the same counts; the keys are HMACs, so the table holds no address or e-mail.
import { createHmac } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { loginAttempts } from './schema.ts';

export const FREE_TRIES = 5;
export const FIRST_DELAY_S = 30;
export const MAX_DELAY_S = 15 * 60;
export const ADDRESS_TRIES = 50;
const HOUR_S = 3600;

export class LoginThrottle {
  /** Failures of one address on one account (reset by a success). */
  private readonly pair: RateLimiterDrizzle;
  /** The wait imposed on one address and account after too many failures. */
  private readonly wait: RateLimiterDrizzle;
  /** Failures of one address over all accounts. */
  private readonly address: RateLimiterDrizzle;

  constructor(db: Db, private readonly key: Buffer) {
    const store = { storeClient: db, schema: loginAttempts, clearExpiredByTimeout: false };
    this.pair = new RateLimiterDrizzle({ ...store, keyPrefix: 'p', points: 1_000_000, duration: 24 * HOUR_S });
    this.wait = new RateLimiterDrizzle({ ...store, keyPrefix: 'w', points: 1, duration: MAX_DELAY_S });
    this.address = new RateLimiterDrizzle({ ...store, keyPrefix: 'a', points: ADDRESS_TRIES, duration: HOUR_S });
  }

  private id(...parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\u0000')).digest('base64url').slice(0, 32);
  }

  private keys(ip: string, email: string) {
    return { pair: this.id('pair', ip, email.trim().toLowerCase()), address: this.id('address', ip) };
  }

  /** Seconds this address must wait before trying this account again; 0 when it may try now. */
  async waitFor(ip: string, email: string): Promise<number> {
    const k = this.keys(ip, email);
    const [wait, address] = await Promise.all([this.wait.get(k.pair), this.address.get(k.address)]);
    const secs = (r: RateLimiterRes | null) => (r ? Math.ceil(r.msBeforeNext / 1000) : 0);
    return Math.max(wait && wait.consumedPoints > 0 ? secs(wait) : 0, address && address.consumedPoints >= ADDRESS_TRIES ? secs(address) : 0);
  }

  async failed(ip: string, email: string): Promise<void> {
    const k = this.keys(ip, email);
    const [pair] = await Promise.all([this.pair.penalty(k.pair, 1), this.address.penalty(k.address, 1)]);
    const over = pair.consumedPoints - FREE_TRIES;
    if (over > 0) await this.wait.block(k.pair, Math.min(FIRST_DELAY_S * 2 ** (over - 1), MAX_DELAY_S));
  }

  async succeeded(ip: string, email: string): Promise<void> {
    const k = this.keys(ip, email);
    await Promise.all([this.pair.delete(k.pair), this.wait.delete(k.pair)]);
  }
}

/** Drops counters that have expired (the auth job runs it hourly). */
export async function purgeLoginAttempts(db: Db): Promise<number> {
  const rows = await db.delete(loginAttempts).where(lt(loginAttempts.expire, new Date())).returning({ key: loginAttempts.key });
  return rows.length;
}
