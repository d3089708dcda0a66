import { fold } from '../normalize/fold.ts';

// How much a folded word says about which rumour a text repeats. The words of asking and hearsay
// ("có thật là … không", "nghe nói", "hả mọi người") say nothing; the generic words of places and
// offices ("phường", "đường", "thông báo") little, because the accurate notice on the same street
// has them too; figures the most, because the false figure is usually the rumour.

/** Words that carry no weight: function words, asking, hearsay, address, filler. */
const NONE = new Set(`
a à ạ ai anh ba bà bác bạn bao bây biết bị bởi các cái cả càng cần cháu chị chỉ chiều chính cho chú chưa chuyện có còn cô của cũng đã đang đâu đây để đến đều đi được đó đừng em gì giờ giùm giúp hả hay hãy hết hỏi hôm hơn khi không kia kìa là lại làm lắm luôn mà mấy mẹ mình mọi một mới muốn nào này nay nè nên nếu nghe ngày người nha nhà nhé nhỉ nhiều như những nói nữa ơi ông ở phải qua quá ra rằng rất rồi sao sáng sẽ so sự tại thật thấy thế thì thiệt tin tối tôi trời trong từ tui vậy vẫn về vì với vô vào xem xin ý ta thôi đấy đâu hông nghen nghe đồn hình như đúng không
mn mng ae thì ra mà vs bây giờ nghĩ biết mọi ổng bả tụi bọn ấy kể tính coi hoài
`.split(/\s+/).filter(Boolean).map(foldWord));

/** Words that carry little: generic words of places, offices, time and asking for facts. */
const WEAK = new Set(`
phường quận đường hẻm khu phố thành tp hcm sài gòn thông báo tháng tuần năm tới sau trước nay sắp bắt đầu quy định mới nhà nước chính quyền
dân bà con hộ gia đình đầu cuối trên dưới sắp tới toàn bộ hết cả chung
`.split(/\s+/).filter(Boolean).map(foldWord));

function foldWord(w: string): string {
  return fold(w).toLowerCase();
}

export const FIGURE_WEIGHT = 2;
export const SYNONYM_WEIGHT = 1.2;
export const WEAK_WEIGHT = 0.35;

/** A token's base weight: 0 for words that say nothing. */
export function baseWeight(token: string, isFigure: boolean, isSynonym: boolean): number {
  if (isFigure) return FIGURE_WEIGHT;
  if (isSynonym) return SYNONYM_WEIGHT;
  if (NONE.has(token)) return 0;
  if (WEAK.has(token)) return WEAK_WEIGHT;
  // A lone digit or letter left over ("a" of "cúm a" is in the table): little.
  if (token.length === 1) return WEAK_WEIGHT;
  return 1;
}
