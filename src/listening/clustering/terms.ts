// What a post says, as clustering sees it: content words and two-word phrases of the analysed words,
// folded (no case, no diacritics: "ket xe" and "kẹt xe" are one term) and hashed. Function words,
// numbers, punctuation, emoji and redaction placeholders carry no issue and are dropped.
import { fold } from '@nhipcau/text-vi';

/** A term: its 32-bit hash and the form to show in labels (with diacritics when any post had them). */
export interface Term {
  hash: number;
  surface: string;
  phrase: boolean;
  /** Part of a place's name the post mentions ("thành thái"): says where, not what. */
  place?: boolean;
}

// Folded function words of social-media Vietnamese (including common teencode left unexpanded).
const STOPWORDS = new Set(
  `a ah ai anh ba bac ban bang bao bay be bi bo boi but ca cac cai can cang canh cho chi chinh chu chua chuyen co con cu cua cung cuoc da dai dang dang_ay day de den deu di dieu do doan dong du duoc gi gio gium giup ha hai han hay he het hoac hoi hom hon hu huhu hihi haha hehe kia khi khong kia la lai lam lan len lo luc ma mai may minh moi mot muon na nao nay ne neu ngay nghe nguoi nha nhe nhi nhieu nhu nhung no noi nua o oi ong phai qua quy ra rang rat roi sao se sau so ta tai tam tao tat thanh thay the thi thoi thu tien toi tra tren trong tu tuy uh uk ui va van vay ve vi voi vo vua xin xong ok okay dc duoc k ko kg kh hk j z v r ng mk mn mng ad admin inbox ib cmt share like
   qua_troi kinh_khung that_su thuc_su cuc_ky vo_cung rat_la qua_la luon_luon bao_gio bay_gio luc_nao hom_nay hom_qua sang_nay chieu_nay toi_nay ngay_mai
   moi_nguoi ba_con nguoi_ta cho_minh cho_em cho_toi ai_do ai_biet co_ai tai_sao the_nao nhu_the nhu_vay vi_vay cho_nen tuy_nhien nhung_ma the_la
   cam_on xin_chao xin_loi lam_on de_nghi mong_muon hy_vong gan ben canh phia doan khu cho_nay o_day ngay_nay hien_nay`
    .split(/\s+/),
);
const PLACEHOLDER_WORDS = new Set(['sđt', 'email', 'cccd', 'stk', 'tên', 'số_điện_thoại']);
const HAS_LETTER = /\p{L}/u;

/** FNV-1a over UTF-16 code units. */
export function termHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Terms of a post from its analysed words (syllables joined by "_"), in order, with repeats. */
export function postTerms(words: readonly string[]): Term[] {
  const content: Array<{ key: string; surface: string }> = [];
  let inTag = false;
  for (let i = 0; i < words.length; i++) {
    const raw = words[i];
    // HTML pasted into a post ("<img src=x …>") says nothing about the issue.
    if (inTag) {
      if (raw.includes('>')) inTag = false;
      continue;
    }
    if (raw.startsWith('<') && i + 1 < words.length && /^\/?[a-z][a-z0-9]*$/i.test(words[i + 1] ?? '')) {
      inTag = !raw.includes('>');
      i++;
      content.push({ key: '', surface: '' });
      continue;
    }
    if (raw === '[' && i + 2 < words.length && words[i + 2] === ']') {
      i += 2; // a placeholder such as [SĐT]
      continue;
    }
    if (!HAS_LETTER.test(raw)) {
      content.push({ key: '', surface: '' }); // numbers and punctuation break phrases
      continue;
    }
    const lower = raw.toLowerCase();
    if (PLACEHOLDER_WORDS.has(lower)) continue;
    const key = fold(lower);
    if (key.length < 2 || STOPWORDS.has(key)) {
      content.push({ key: '', surface: '' });
      continue;
    }
    content.push({ key, surface: lower.replace(/_/g, ' ') });
  }
  const out: Term[] = [];
  for (let i = 0; i < content.length; i++) {
    const w = content[i];
    if (!w.key) continue;
    out.push({ hash: termHash(w.key), surface: w.surface, phrase: w.key.includes('_') });
    // Two-word phrases from single-syllable words ("kẹt xe", "ngập nước"); a segmented word is already a phrase.
    const next = content[i + 1];
    if (next?.key && !w.key.includes('_') && !next.key.includes('_')) {
      const key = `${w.key} ${next.key}`;
      out.push({ hash: termHash(key), surface: `${w.surface} ${next.surface}`, phrase: true });
    }
  }
  return out;
}

/** True when the surface has Vietnamese diacritics (preferred for display). */
export const hasMarks = (s: string): boolean => fold(s) !== s.toLowerCase();
