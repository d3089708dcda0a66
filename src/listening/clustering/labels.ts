// An issue's key phrases, best first ("ngập nước", "đường Bà Hạt", "mưa lớn"): its secondary tags, and the
// head of its title when it has no civic concept (titles.ts).
// Phrases are preferred over the words they contain; a phrase that names a known place is written
// the way the gazetteer writes it.
import { fold } from '@nhipcau/text-vi';
import type { IssueState } from './model.ts';

/** Key phrases with weights, best first. */
export function keyPhrases(issue: Pick<IssueState, 'centroid' | 'surfaces'>, placeNames: ReadonlyMap<string, string> = new Map(), idf: (hash: number) => number = () => 1, n = 10): Array<[string, number]> {
  // Weights were set with the document frequencies of their day; today's say better what is common.
  const ranked = [...issue.centroid.entries()]
    .map(([h, w]) => ({ surface: issue.surfaces.get(h) ?? '', w: w * idf(h) * (issue.surfaces.get(h)?.includes(' ') ? 1.3 : 1) }))
    .filter((t) => t.surface)
    .sort((a, b) => b.w - a.w);
  const picked: Array<{ folded: string; surface: string; w: number }> = [];
  for (const t of ranked) {
    const folded = fold(t.surface);
    // Skip a word already inside a chosen phrase, and a phrase overlapping a chosen one by a word.
    if (picked.some((p) => contains(p.folded, folded) || contains(folded, p.folded) || overlaps(p.folded, folded))) continue;
    picked.push({ folded, surface: placeNames.get(folded) ?? t.surface, w: t.w });
    if (picked.length >= n) break;
  }
  return picked.map((p) => [p.surface, Math.round(p.w * 1000) / 1000]);
}

const contains = (phrase: string, word: string): boolean => ` ${phrase} `.includes(` ${word} `);
const overlaps = (a: string, b: string): boolean => {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return wa.length > 1 && wb.length > 1 && (wa[wa.length - 1] === wb[0] || wb[wb.length - 1] === wa[0]);
};
