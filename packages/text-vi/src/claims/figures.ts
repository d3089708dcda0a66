// Figures in rumours: the false amount, the length of the outage, the date are what tells a rumour
// from the accurate notice on the same subject, so "4tr", "4 triệu", "bốn triệu" and "4 củ" must read
// as one token ("4000000d"), and "1 tuần" as "7ngay". Works on folded words; `seps[i]` is the text
// between word i-1 and word i.

const DIGITS = /^\d+$/;
const SPOKEN: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, nua: 0.5 };
/** Unit words after a number: multiplier and unit of the token. */
const UNITS: Record<string, [number, string]> = {
  trieu: [1e6, 'd'], tr: [1e6, 'd'], cu: [1e6, 'd'], ty: [1e9, 'd'],
  nghin: [1e3, 'd'], ngan: [1e3, 'd'], k: [1e3, 'd'], ng: [1e3, 'd'], dong: [1, 'd'], d: [1, 'd'], vnd: [1, 'd'],
  ngay: [1, 'ngay'], tuan: [7, 'ngay'], thang: [1, 'thang'], nam: [1, 'nam'], tuoi: [1, 'tuoi'],
  gio: [1, 'h'], h: [1, 'h'], tieng: [1, 'h'], cho: [1, 'cho'], lan: [1, 'lan'], lit: [1, 'lit'],
};
/** Words a number names a member of: "lớp 10", "hẻm 285", "tháng 7" (the month, not seven months). */
const NAMED = new Set(['lop', 'hem', 'quan', 'phuong', 'so', 'tuyen', 'muc', 'khu', 'to', 'lau', 'tang']);
/** A number glued to its unit: "4tr", "200k", "1tr2", "18h", "30%" comes apart (the sign is a separator). */
const GLUED = /^(\d+)(k|tr|trieu|cu|ty|d|ng|h|ngay|nam|tuoi|lit)(\d{0,3})$/;

export interface Figure {
  token: string;
  /** Words used. */
  length: number;
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

/** The figure starting at words[i], or null. */
export function figureAt(words: readonly string[], seps: readonly string[], i: number, end: number): Figure | null {
  const w = words[i];
  // "tháng 7" as a month, "lớp 10": the number belongs to the word before it.
  if (NAMED.has(w) && i + 1 < end && DIGITS.test(words[i + 1])) return { token: w + words[i + 1], length: 2 };
  // "mùng 1 tháng 7", "ngày 30 tháng 6": the date "1/7", "30/6" in words.
  if ((w === 'mung' || w === 'ngay') && i + 3 < end && DIGITS.test(words[i + 1]) && words[i + 2] === 'thang' && DIGITS.test(words[i + 3])) {
    return { token: `ngay${Number(words[i + 1])}_${Number(words[i + 3])}`, length: 4 };
  }
  if (w === 'thang' && i + 1 < end && DIGITS.test(words[i + 1]) && Number(words[i + 1]) <= 12) return { token: 'thang' + words[i + 1], length: 2 };
  let value: number | null = null;
  let j = i + 1;
  const glued = GLUED.exec(w);
  if (glued) {
    const [mult, unit] = UNITS[glued[2]] ?? [1, glued[2]];
    const frac = glued[3] ? Number(glued[3]) / 10 ** glued[3].length : 0;
    return { token: fmt((Number(glued[1]) + frac) * mult) + unit, length: 1 };
  }
  if (DIGITS.test(w)) {
    value = Number(w);
    // "500.000", "1.200.000": thousands groups; "1,5 triệu": a decimal before a unit.
    while (j < end && /^\d{3}$/.test(words[j]) && (seps[j] === '.' || seps[j] === ',')) value = value * 1000 + Number(words[j++]);
    if (j < end && seps[j] === ',' && /^\d{1,2}$/.test(words[j]) && j + 1 < end && UNITS[words[j + 1]]) value += Number(words[j]) / 10 ** words[j].length, j++;
    // A date: "30/6", "1/7".
    if (j === i + 1 && j < end && seps[j] === '/' && DIGITS.test(words[j]) && value >= 1 && value <= 31 && Number(words[j]) >= 1 && Number(words[j]) <= 12) {
      return { token: `ngay${value}_${Number(words[j])}`, length: 2 };
    }
    if (j < end && seps[j].includes('%')) return { token: fmt(value) + 'pct', length: j - i };
    if (j >= end && seps[end]?.includes('%')) return { token: fmt(value) + 'pct', length: j - i };
  } else if (SPOKEN[w] !== undefined && j < end && UNITS[words[j]]) {
    value = SPOKEN[w];
    // "mười lăm", "hai mươi": enough for the figures rumours use.
    if (w === 'muoi' && words[j] === 'lam') value = 15, j++;
  }
  if (value === null) return null;
  if (j < end && words[j] === 'phan' && words[j + 1] === 'tram') return { token: fmt(value) + 'pct', length: j + 2 - i };
  const unitWord = j < end ? words[j] : undefined;
  const unit = unitWord === undefined ? undefined : UNITS[unitWord];
  if (!unit) return DIGITS.test(w) ? { token: fmt(value), length: j - i } : null;
  let v = value * unit[0];
  let len = j + 1 - i;
  // "1 triệu 2" is 1.2 million; "6 giờ chiều" is 18h.
  if (unit[1] === 'd' && unit[0] >= 1e6 && len + i < end && /^\d$/.test(words[i + len])) v += Number(words[i + len]) * unit[0] / 10, len++;
  if (unit[1] === 'h' && i + len < end && (words[i + len] === 'chieu' || words[i + len] === 'toi') && v < 12) v += 12, len++;
  return { token: fmt(v) + unit[1], length: len };
}

/** Whether a token is a figure, and its unit ("4000000d" → "d"). */
export function figureUnit(token: string): string | null {
  const m = /^\d[\d.]*([a-z]*)$/.exec(token);
  return m ? m[1] : token.startsWith('ngay') && /^ngay\d/.test(token) ? 'date' : null;
}
