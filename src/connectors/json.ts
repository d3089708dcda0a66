// JSON parsing that keeps large integer ids exact. Some platforms send 19-digit ids as JSON numbers
// (beyond Number.MAX_SAFE_INTEGER); JSON.parse would round them. Integers that are not safe become
// strings, every other value parses as usual.

const SAFE_DIGITS = 15; // every integer of up to 15 digits is exact as a double

export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(quoteLargeIntegers(text));
}

/** Wraps integer literals that a double cannot hold exactly in quotes; leaves strings untouched. */
export function quoteLargeIntegers(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    const startsNumber = c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39);
    if (!startsNumber) continue;
    let j = i + (c === 0x2d ? 1 : 0);
    const digitsStart = j;
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    const next = text[j];
    const isInteger = next !== '.' && next !== 'e' && next !== 'E';
    if (isInteger && j - digitsStart > SAFE_DIGITS && !Number.isSafeInteger(Number(text.slice(i, j)))) {
      out += `${text.slice(last, i)}"${text.slice(i, j)}"`;
      last = j;
    }
    // Skip the rest of the number literal (fraction/exponent) so its digits are not read again.
    while (j < text.length && /[0-9.eE+-]/.test(text[j] as string)) j++;
    i = j - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
