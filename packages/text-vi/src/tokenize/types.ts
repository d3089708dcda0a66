// Tokens carry their exact source text, a type, and UTF-16 offsets into the input string
// (`text.slice(start, end) === token.text` always holds).

export type TokenType =
  | 'word' // letters (Vietnamese syllable, foreign word, abbreviation "TP.", hyphenated "Wai-kru")
  | 'alnum' // letters mixed with digits: "A5", "F0", "43H-016", "COVID-19"
  | 'number' // "68", "2.000", "1,5", "20-25"
  | 'date' // "12/3/2025", "12-3", "12.03.2025", "2025-03-12", "3/2025"
  | 'time' // "8h30", "20h", "20:15", "8:30:00"
  | 'money' // "50k", "200.000đ", "2tr", "1,5 triệu", "100 nghìn đồng", "$5", "5 USD"
  | 'percent' // "95%", "7,5 %"
  | 'phone' // "0912 345 678", "0912.345.678", "+84 912 345 678", "02838291234"
  | 'house_number' // "12/3A", "45/12/3", "số 12/3" (number after a house-number cue)
  | 'url' // "https://…", "www.…", "example.com.vn/path"
  | 'email'
  | 'hashtag' // "#HàNội"
  | 'mention' // "@ubnd.quan1"
  | 'emoji' // "😂", "👍🏽", "👨‍👩‍👧", "🇻🇳", "1️⃣", and emoticons ":))", "=))", "<3", ":v"
  | 'punct' // ",", "...", "?!", "“"
  | 'symbol'; // "+", "=", "©", U+FFFD

export interface Token {
  text: string;
  type: TokenType;
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset just past the last code unit. */
  end: number;
}
