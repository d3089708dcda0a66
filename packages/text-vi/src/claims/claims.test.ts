import { describe, expect, it } from 'vitest';
import { loadClaimSynonyms, loadTeencode } from '../node.ts';
import { figureAt } from './figures.ts';
import { ClaimMatcher } from './matcher.ts';
import { claimSentences } from './text.ts';

const models = { teencode: loadTeencode(), synonyms: loadClaimSynonyms() };
const tokens = (text: string) => claimSentences(text, models).flatMap((s) => s.tokens);

function matcher(options = {}) {
  const m = new ClaimMatcher(models, options);
  m.addClaim('dien', 'Cắt điện cả tuần ở phường Diên Hồng để thay trạm biến áp');
  m.addClaim('xe', 'Từ tháng sau phạt 4 triệu xe máy không chính chủ');
  m.addClaim('rac', 'Phí thu gom rác tăng lên 150 nghìn mỗi tháng');
  return m;
}

describe('claim text', () => {
  it('reads a figure the same however it is written', () => {
    for (const t of ['phạt 4 triệu', 'phat 4tr', 'phạt 4 củ', 'phạt bốn triệu', 'phạt 4.000.000 đồng']) expect(tokens(t)).toContain('4000000d');
    expect(tokens('tăng lên 150k')).toContain('150000d');
    expect(tokens('giá 1,2 triệu')).toContain('1200000d');
    expect(tokens('cúp điện 1 tuần')).toEqual(tokens('cắt điện cả tuần'));
    expect(tokens('trước 30/6')).toContain('ngay30_6');
    expect(tokens('trước mùng 1 tháng 7')).toContain('ngay1_7');
    expect(tokens('từ tháng 7')).toContain('thang7');
    expect(tokens('từ 6 giờ chiều')).toContain('18h');
  });

  it('leaves a number that is no figure as it is', () => {
    expect(figureAt(['hem', '285'], ['', ' '], 0, 2)?.token).toBe('hem285');
    expect(tokens('có thật là không mọi người')).toEqual([]);
  });

  it('folds diacritics and expands teencode before the synonym table', () => {
    expect(tokens('ko chinh chu')).toEqual(tokens('xe không chính chủ'));
    expect(tokens('cup dien')).toEqual(tokens('mất điện'));
  });
});

describe('ClaimMatcher', () => {
  it('links a post that repeats a claim in other words, without diacritics or as a question', () => {
    const m = matcher();
    expect(m.match('cup dien 7 ngay lien o dien hong luon do, lo tich nuoc di').claim).toBe('dien');
    const q = m.match('Có thật là đi xe máy không đứng tên mình sẽ bị phạt 4 củ không mọi người?');
    expect(q).toMatchObject({ claim: 'xe' });
    expect(m.match('tien rac tang len 150k/thang roi do').claim).toBe('rac');
  });

  it('finds a rumour told in one sentence of a longer post', () => {
    const m = matcher();
    const post = 'Hôm qua đi chợ về mệt quá. Mấy cô bán rau nói điện lực sẽ ngắt điện cả tuần bên Diên Hồng. Trời nóng như vầy chắc chết, mà chưa thấy thông báo gì trên nhóm khu phố hết trơn, ai biết chỉ với.';
    expect(m.match(post)).toMatchObject({ claim: 'dien' });
  });

  it('leaves alone a notice on the same subject and place that lacks the false figure', () => {
    const m = matcher();
    const notice = m.match('Điện lực thông báo tạm ngừng cấp điện khu phố 3 phường Diên Hồng ngày 12/6 từ 7h30 đến 15h30 để bảo trì lưới điện.');
    expect(notice.claim).toBeNull();
    // Another fee of the same amount is not the rumour about the rubbish fee.
    expect(m.match('Phí gửi xe ở chung cư tăng lên 150 nghìn một tháng, ban quản lý mới thông báo.').level).not.toBe('confirmed');
    expect(m.match('Quán phở trên đường Ngô Gia Tự tăng giá lên 55 nghìn một tô rồi.').claim).toBeNull();
  });

  it('scores a claim down when another figure of its kind stands in its place', () => {
    const m = matcher();
    const right = m.match('Từ tháng sau phạt 4 triệu xe máy không chính chủ');
    const other = m.match('Từ tháng sau phạt 400 nghìn xe máy không chính chủ');
    expect(right.level).toBe('confirmed');
    expect(other.score).toBeLessThan(right.score * 0.7);
  });

  it('takes its thresholds as parameters', () => {
    const text = 'Nghe nói phường Diên Hồng cúp điện cả tuần để thay trạm biến áp';
    expect(matcher().match(text).level).toBe('confirmed');
    expect(matcher({ confirm: 0.99 }).match(text).level).toBe('suggested');
    expect(matcher({ suggest: 0.99, confirm: 0.995 }).match(text).claim).toBeNull();
  });

  it('learns from a person: a confirmed text becomes a phrasing, a rejected one vetoes its like', () => {
    const m = matcher();
    const slang = 'bên DH sắp tối thui nguyên tuần đó, sạc pin dự trữ đi';
    const before = m.match(slang).score;
    m.learn('dien', 'DH sắp tối thui nguyên tuần, sạc pin dự trữ', 'confirmed');
    expect(m.match(slang)).toMatchObject({ claim: 'dien' });
    expect(m.match(slang).score).toBeGreaterThan(before);

    const complaint = 'Diên Hồng cúp điện cả tuần nay rồi, chiều nào cũng cúp 2 tiếng, gọi tổng đài không ai nghe';
    expect(m.match(complaint).claim).toBe('dien');
    m.learn('dien', complaint, 'rejected');
    expect(m.match(complaint).claim).toBeNull();
    expect(m.match('Diên Hồng cúp điện cả tuần nay rồi, chiều nào cũng cúp 2 tiếng, gọi tổng đài hoài không ai nghe').claim).toBeNull();
    // The claim itself still matches.
    expect(m.match('Có thật là Diên Hồng bị cắt điện cả tuần không?').claim).toBe('dien');
  });

  it('demotes a confirmed link when two claims are about as close', () => {
    const m = new ClaimMatcher(models);
    m.addClaim('a', 'Phạt 2 triệu nếu không phân loại rác');
    m.addClaim('b', 'Phạt 2 triệu nếu không phân loại rác tại nguồn');
    expect(m.match('không phân loại rác tại nguồn bị phạt 2 triệu').level).toBe('suggested');
  });

  it('forgets a removed claim and refuses a statement with no words that count', () => {
    const m = matcher();
    m.removeClaim('rac');
    expect(m.match('tien rac tang len 150k/thang roi do').claim).toBeNull();
    expect(m.size).toBe(2);
    expect(m.addClaim('x', 'có thật không mọi người ơi???')).toBe(false);
    expect(m.match('').claim).toBeNull();
  });
});
