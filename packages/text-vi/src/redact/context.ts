// What stands around a capitalised phrase and makes it a place or an official rather than a private
// person: a place word right before it ("đường Nguyễn Kim", "chợ Bà Chiểu"), a house number
// ("268 Lý Thường Kiệt"), a role before or after it ("Chủ tịch UBND phường Nguyễn Văn A",
// "ông Lê Văn Hòa, Phó Chủ tịch"). Shared by the title-based and the family-name-based finders.

/** Words right before a phrase that make it a place ("đường Bà Hạt", "chợ Bà Chiểu", "trường THPT Nguyễn Du"). */
export const PLACE_BEFORE = new Set(['đường', 'phố', 'hẻm', 'ngõ', 'kiệt', 'chợ', 'cầu', 'ngã', 'quận', 'huyện', 'phường', 'xã', 'khu', 'trường', 'viện', 'cư', 'rạch', 'kênh', 'bến', 'ấp', 'thôn', 'góc', 'khúc', 'đoạn', 'dọc', 'tuyến', 'chùa', 'miếu', 'núi', 'số', 'đ', 'đg', 'làng', 'hồ']);
/** The same unaccented, for words without diacritics; "cho", "so", "ben", "ho" are left out (cho = give, so, bên, họ). */
export const PLACE_BEFORE_PLAIN = new Set(['duong', 'pho', 'hem', 'ngo', 'kiet', 'nga', 'quan', 'huyen', 'phuong', 'xa', 'khu', 'truong', 'vien', 'rach', 'kenh', 'ap', 'thon', 'goc', 'khuc', 'doan', 'tuyen', 'mieu', 'nui', 'd', 'dg', 'lang']);
/**
 * Before a family name only (a kinship word after them is a person: "quán cô Ba"): kinds of schools,
 * parks and shops whose names are people's ("THPT Nguyễn Du", "công viên Lê Thị Riêng", "taxi Mai Linh").
 */
export const PLACE_BEFORE_SURNAME = new Set(['thpt', 'thcs', 'th', 'học', 'non', 'giáo', 'viên', 'xá', 'sách', 'tiệm', 'quán', 'hiệu', 'hãng', 'taxi', 'vàng', 'thuốc', 'ty', 'tttm', 'siêu', 'thị', 'mall', 'cv', 'bv', 'ql', 'tỉnh', 'tp', 'hoc', 'vien', 'sach', 'tiem', 'hieu', 'hang', 'vang', 'thuoc', 'tinh', 'xa', 'tượng', 'đài', 'tuong', 'dai']);

export const OFFICIAL = '(?:phó |pho )?(?:chủ tịch|chu tich|bí thư|bi thu|giám đốc|giam doc|trưởng|truong|chánh|chanh|đại biểu|dai bieu|đbqh|dbqh|thượng tá|thuong ta|trung tá|trung ta|đại tá|dai ta|thiếu tá|thieu ta|đại úy|đại uý|dai uy|thứ trưởng|thu truong|bộ trưởng|bo truong|người phát ngôn|nguoi phat ngon|tổ trưởng|to truong|khu phố trưởng|đại tướng|dai tuong|đồng chí|dong chi)';
/** After the name, a role also counts when generic ("anh Nam, cán bộ địa chính phường"). */
export const OFFICIAL_AFTER = new RegExp(`^\\s*[,(–—-]\\s*(?:${OFFICIAL}|cán bộ|can bo|công an|cong an|chiến sĩ|chien si)`, 'iu');
/** Before the name: "Chủ tịch UBND phường 12, ông …", "Phó Giám đốc Sở X ông …". */
export const OFFICIAL_BEFORE = new RegExp(`${OFFICIAL}(?:[ \\u00a0]+[\\p{L}\\d.]+){0,5}[ \\u00a0]*[,:–-]?[ \\u00a0]*$`, 'iu');

/** True when the phrase from `start` to `end` is an official named in a role. */
export function isOfficial(text: string, start: number, end: number): boolean {
  return OFFICIAL_AFTER.test(text.slice(end, end + 40)) || OFFICIAL_BEFORE.test(text.slice(Math.max(0, start - 70), start));
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/**
 * The word right before `at` (lower case, diacritics kept), or '' when a sentence or clause mark
 * (. , ; : ! ? line break, brackets) separates them.
 */
export function wordBefore(text: string, at: number): string {
  const start = wordStartBefore(text, at);
  let end = start;
  while (end < at && LETTER_OR_DIGIT.test(text[end])) end++;
  return text.slice(start, end).toLowerCase();
}

/** Where the word right before `at` starts (`at` itself when there is none across spaces). */
export function wordStartBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  const end = i + 1;
  while (i >= 0 && LETTER_OR_DIGIT.test(text[i])) i--;
  return i + 1 === end ? at : i + 1;
}
