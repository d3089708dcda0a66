import { describe, expect, it } from 'vitest';
import { loadSegmenter } from '../node.ts';
import { segment, segmentToString } from './segment.ts';
import { segmentSyllables } from './core.ts';

const model = loadSegmenter();

describe('segment with the shipped model', () => {
  it('records how it was trained and its held-out dev F1', () => {
    expect(model.meta.trainedOn).toMatch(/ud_vi_vtb train\+dev/);
    expect(model.meta.devF1TrainOnly).toBeGreaterThanOrEqual(0.95);
    expect(model.dict.size).toBeGreaterThan(100_000);
  });

  it.each([
    ['Hà Nội là thủ đô của Việt Nam.', 'Hà_Nội là thủ_đô của Việt_Nam .'],
    ['Chủ tịch UBND phường đã chỉ đạo xử lý dứt điểm việc lấn chiếm vỉa hè.', 'Chủ_tịch UBND phường đã chỉ_đạo xử_lý dứt_điểm việc lấn_chiếm vỉa_hè .'],
    ['Người dân phản ánh tình trạng ngập nước kéo dài trên đường Nguyễn Trãi.', 'Người dân phản_ánh tình_trạng ngập nước kéo_dài trên đường Nguyễn_Trãi .'],
    ['Thành phố Hồ Chí Minh đang triển khai chương trình chuyển đổi số.', 'Thành_phố Hồ_Chí_Minh đang triển_khai chương_trình chuyển_đổi số .'],
    ['Học sinh trường Nguyễn Du được nghỉ học do mưa lớn.', 'Học_sinh trường Nguyễn_Du được nghỉ học do mưa lớn .'],
    ['Tôi nhớ lời anh chủ tịch xã Bùi Văn Luyến nhắc đi nhắc lại', 'Tôi nhớ lời anh chủ_tịch xã Bùi_Văn_Luyến nhắc đi nhắc lại'],
    ['Tôi không biết làm gì cả.', 'Tôi không biết làm gì cả .'],
  ])('%s', (text, expected) => {
    expect(segmentToString(text, model)).toBe(expected);
  });

  it('keeps multi-syllable tokens (money, phone) as one word and never joins punctuation or emoji', () => {
    expect(segmentToString('Giá tăng 1,5 triệu đồng, gọi 0912 345 678!', model)).toBe('Giá tăng 1,5_triệu_đồng , gọi 0912_345_678 !');
    expect(segmentToString('Hà Nội ❤️ Sài Gòn =)) 😂😂', model)).toBe('Hà_Nội ❤️ Sài_Gòn =)) 😂 😂');
  });

  it('returns words as arrays of syllables', () => {
    expect(segment('Hà Nội là thủ đô', model)).toEqual([['Hà', 'Nội'], ['là'], ['thủ', 'đô']]);
  });

  it('segments text typed without diacritics', () => {
    const out = segmentToString('nguoi dan phan anh tinh trang ngap nuoc o thanh pho', model);
    expect(out).toContain('phan_anh');
    expect(out).toContain('tinh_trang');
    expect(out).toContain('thanh_pho');
  });

  it('treats tone placement and case variants alike', () => {
    expect(segmentToString('HOÀ BÌNH', model)).toBe('HOÀ_BÌNH');
    expect(segmentToString('hoà bình', model)).toBe('hoà_bình');
  });

  it('only groups pre-tokenised text, never changing a character', () => {
    const texts = [
      'Hiện nay xã có 68 tổ nhân dân , mỗi tổ phụ trách 40 gia đình .',
      'Chủ trương tốt nhưng dân không hiểu , không hưởng ứng thì cũng chịu thua !',
      'LBKT TP. HCM RBKT ngày 30-4-2004 giá 2.000 đồng , tăng 95% .',
      'ông Tr’ hy , 3, .HCM Th. ); knock-out 43H-016',
    ];
    for (const text of texts) {
      const out = segmentToString(text, model, { pretokenized: true });
      expect(out.replace(/_/g, ' ')).toBe(text);
    }
  });

  it('gives one word list for empty and blank text', () => {
    expect(segment('', model)).toEqual([]);
    expect(segment('  \t ', model)).toEqual([]);
    expect(segmentSyllables([], model)).toEqual([]);
  });

  it('survives control, zero-width and bidi characters and a 1 MB line', () => {
    expect(segmentToString('Hà\u200bNội\u0000là\u202ethủ đô', model)).toBe('Hà_Nội là thủ_đô');
    const line = 'Người dân phản ánh tình trạng ngập nước, giá 50k 😂 '.repeat(20_000);
    // Linear in the line's length: a quadratic step would run past the test's time limit (speed is bench:text's).
    const words = segment(line, model);
    expect(words.length).toBeGreaterThan(100_000);
  }, 60_000);
});
