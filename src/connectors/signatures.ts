// Helpers for checking webhook signatures: constant-time comparison and case-insensitive header lookup.
import { timingSafeEqual } from 'node:crypto';

/** Compares two strings in time independent of where they differ (length differences return early). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The first value of a header, looked up case-insensitively. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export const bodyText = (raw: Buffer | string): string => (typeof raw === 'string' ? raw : raw.toString('utf8'));
