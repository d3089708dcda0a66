// Word-level differences between two texts (longest common subsequence), for comparing revisions.
export interface DiffPart {
  type: 'same' | 'add' | 'del';
  text: string;
}

const MAX_TOKENS = 6000;

export function diffWords(before: string, after: string): DiffPart[] {
  let a = tokens(before);
  let b = tokens(after);
  // Common head and tail first: revisions usually change a little in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffPart[] = [];
  if (head) out.push({ type: 'same', text: a.slice(0, head).join('') });
  const end: DiffPart[] = tail ? [{ type: 'same', text: a.slice(a.length - tail).join('') }] : [];
  a = a.slice(head, a.length - tail);
  b = b.slice(head, b.length - tail);
  if (a.length * b.length > MAX_TOKENS * MAX_TOKENS / 4 || a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    if (a.length) out.push({ type: 'del', text: a.join('') });
    if (b.length) out.push({ type: 'add', text: b.join('') });
    return merge([...out, ...end]);
  }
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ type: 'same', text: a[i] });
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) out.push({ type: 'del', text: a[i++] });
    else out.push({ type: 'add', text: b[j++] });
  }
  while (i < n) out.push({ type: 'del', text: a[i++] });
  while (j < m) out.push({ type: 'add', text: b[j++] });
  return merge([...out, ...end]);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.type === p.type) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

export const changed = (parts: DiffPart[]): boolean => parts.some((p) => p.type !== 'same');

/** Words with their trailing spaces, so that a changed phrase stays one part. */
const tokens = (text: string): string[] => text.split(/(?<=\s)(?=\S)/).filter(Boolean);
