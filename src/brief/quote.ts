// A representative post as the brief quotes it: the stored text (already redacted at ingestion), on one
// line, without web addresses or emoji (a committee's report carries no links to third-party pages), and short: cut
// at a word boundary near MAX characters.
const MAX = 160;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
// Emoji and their joiners and variation selectors: the document's fonts have no such glyphs.
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{200D}\u{FE0E}\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu;

export function quote(text: string, max = MAX): string {
  const flat = text.replace(URL, ' ').replace(PICTOGRAPH, ' ').replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?–-]+$/u, '')}…`;
}
