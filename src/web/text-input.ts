// Text that cannot be stored or shown is refused at the door, once for every route: NUL (PostgreSQL
// text cannot hold it, so it used to surface as a failed query and a 500), other C0 control characters
// but tab and line breaks, and lone UTF-16 surrogates (not characters at all). Bodies that are bytes
// (uploads, signed webhooks) are not text here: their own readers clean what they keep.

const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first value (or key) holding a forbidden character, or null when all are clean. */
export function badTextAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return BAD.test(value) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = badTextAt(value[i], `${path}[${i}]`, depth + 1);
      if (at) return at;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const name = path ? `${path}.${key}` : key;
    if (BAD.test(key)) return name;
    const at = badTextAt(v, name, depth + 1);
    if (at) return at;
  }
  return null;
}
