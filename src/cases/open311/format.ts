// Open311 GeoReport v2 output: the same objects as JSON or XML, and errors in the spec's shape
// {"errors":[{"code":<http status>,"description":"…"}]} (XML: <errors><error><code/><description/></error></errors>).
export type Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Element names of list items, by the list's name (as the GeoReport examples write them). */
const ITEM: Record<string, string> = { service_requests: 'request', services: 'service', attributes: 'attribute', values: 'value', errors: 'error', endpoints: 'endpoint', formats: 'format' };

function xmlOf(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlOf(ITEM[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => xmlOf(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Serialises a document whose single top-level key is its root element. */
export function render(format: Format, doc: Record<string, Value>): { type: string; body: string } {
  // JSON keeps the root as its one key, as api-contracts.md writes it: {"services":[…]}, {"errors":[…]}.
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(doc) };
  const [root, value] = Object.entries(doc)[0];
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${xmlOf(root, value)}` };
}

export const errorDoc = (code: number, description: string): Record<string, Value> => ({ errors: [{ code, description }] });

export type { Value };
