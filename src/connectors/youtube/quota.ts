// YouTube Data API quota accounting: a daily budget of units that resets at midnight Pacific Time, a cost
// per operation, and a ledger of what was spent today. Calls are charged before they are made (YouTube
// charges failed calls too) and refused locally once the budget would be exceeded, so polling stops before
// the platform starts answering quotaExceeded. The docs disagree on costs (videos.insert: 1600 units, 100
// units, or its own bucket of 100 calls/day), so every number here is configuration.
import { QuotaExceeded } from '../errors.ts';

export type QuotaOperation = 'commentThreads.list' | 'videos.insert';

export const DEFAULT_DAILY_BUDGET = 10_000;
export const DEFAULT_COSTS: Record<QuotaOperation, number> = { 'commentThreads.list': 1, 'videos.insert': 1600 };

/** Where spent units are kept: in memory by default; a database table when several processes share a project. */
export interface QuotaLedger {
  used(day: string): Promise<number>;
  /** Adds units (negative to give back) to a day and returns the new total; atomic in a shared ledger. */
  add(day: string, units: number): Promise<number>;
}

export class MemoryQuotaLedger implements QuotaLedger {
  private readonly days = new Map<string, number>();
  async used(day: string): Promise<number> {
    return this.days.get(day) ?? 0;
  }
  async add(day: string, units: number): Promise<number> {
    const total = (this.days.get(day) ?? 0) + units;
    this.days.set(day, total);
    return total;
  }
}

export interface QuotaOptions {
  dailyBudget?: number;
  costs?: Partial<Record<QuotaOperation, number>>;
  ledger?: QuotaLedger;
  now?: () => Date;
  /** The zone whose midnight resets the quota; America/Los_Angeles for YouTube. */
  timeZone?: string;
}

export class QuotaBudget {
  readonly dailyBudget: number;
  readonly costs: Record<QuotaOperation, number>;
  private readonly ledger: QuotaLedger;
  private readonly now: () => Date;
  private readonly timeZone: string;

  constructor(options: QuotaOptions = {}) {
    this.dailyBudget = options.dailyBudget ?? DEFAULT_DAILY_BUDGET;
    this.costs = { ...DEFAULT_COSTS, ...options.costs };
    this.ledger = options.ledger ?? new MemoryQuotaLedger();
    this.now = options.now ?? (() => new Date());
    this.timeZone = options.timeZone ?? 'America/Los_Angeles';
  }

  /** Charges one call of `operation`, or throws QuotaExceeded without charging when it would not fit. */
  async spend(operation: QuotaOperation): Promise<void> {
    const cost = this.costs[operation];
    const day = this.day();
    // Add first, then check the total: two processes sharing a ledger cannot both take the last units.
    const total = await this.ledger.add(day, cost);
    if (total > this.dailyBudget) {
      await this.ledger.add(day, -cost);
      const left = Math.max(0, this.dailyBudget - (total - cost));
      throw new QuotaExceeded({ source: 'youtube', code: 'localBudget', platformMessage: `${operation} costs ${cost}, ${left} of ${this.dailyBudget} units left today` }, this.resetAt());
    }
  }

  /** Marks today's budget as spent (the platform said quotaExceeded). */
  async exhaust(): Promise<void> {
    const day = this.day();
    const used = await this.ledger.used(day);
    if (used < this.dailyBudget) await this.ledger.add(day, this.dailyBudget - used);
  }

  async remaining(): Promise<number> {
    return Math.max(0, this.dailyBudget - (await this.ledger.used(this.day())));
  }

  /** Today's date in the reset zone, YYYY-MM-DD. */
  day(at = this.now()): string {
    const p = zoneParts(at, this.timeZone);
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  }

  /** The next midnight in the reset zone. */
  resetAt(at = this.now()): Date {
    const p = zoneParts(at, this.timeZone);
    const midnightWall = Date.UTC(p.year, p.month - 1, p.day + 1);
    let guess = midnightWall - zoneOffsetMs(at, this.timeZone);
    guess = midnightWall - zoneOffsetMs(new Date(guess), this.timeZone); // the offset at midnight itself (DST)
    return new Date(guess);
  }
}

function zoneParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Wall-clock time in the zone minus UTC, in ms. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const p = zoneParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
