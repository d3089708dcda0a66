import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentiment, SENTIMENT_LABELS } from './sentiment.ts';
import { frustration } from './frustration.ts';
import { parseSentimentLexicon } from './lexicon.ts';
import { SENTIMENT_LEXICON_TSV } from './lexicon-data.ts';
import { trainClassifier } from '../classify/train.ts';

describe('sentiment', () => {
  it.each([
    // plain praise, with and without diacritics, teencode and emoji
    ['Thầy dạy rất hay và nhiệt tình', 'positive'],
    ['thay day rat hay va nhiet tinh', 'positive'],
    ['Cảm ơn phường đã xử lý nhanh chóng 👍', 'positive'],
    ['dịch vụ ok lắm 👍👍', 'positive'],
    ['đẹp vl', 'positive'],
    ['Cán bộ một cửa tận tình, chu đáo, rất chuyên nghiệp', 'positive'],
    ['không tệ lắm', 'positive'],
    ['không những đẹp mà còn rẻ', 'positive'],
    ['tuy giá hơi cao nhưng chất lượng rất tốt', 'positive'],
    ['giỏi ghê', 'positive'],
    ['cảm ơn vì đã hỗ trợ bà con', 'positive'],
    [':))', 'positive'],
    // criticism: negation before and after, teencode, profanity, complaints, emoji
    ['Phòng học không tốt', 'negative'],
    ['ko tốt', 'negative'],
    ['k đc tốt lắm', 'negative'],
    ['hok thích chút nào', 'negative'],
    ['có đẹp đâu', 'negative'],
    ['chẳng hề đẹp', 'negative'],
    ['chán vl', 'negative'],
    ['thiếu chuyên nghiệp', 'negative'],
    ['thái độ nhân viên quá đáng, hách dịch', 'negative'],
    ['Đường ngập quá, bao giờ mới sửa???', 'negative'],
    ['bao gio moi sua duong vay troi', 'negative'],
    ['Sản phẩm đẹp nhưng pin quá tệ', 'negative'],
    ['buôn bán ế ẩm', 'negative'],
    ['cần cải thiện chất lượng phục vụ', 'negative'],
    ['😡😡', 'negative'],
    // sarcasm: praise in an otherwise negative post
    ['hay quá ha, đường ngập cả tháng nay mà không ai làm gì', 'negative'],
    ['giỏi ghê, tháng nào cũng cúp nước', 'negative'],
    ['cảm ơn vì đã để dân sống chung với rác', 'negative'],
    // no opinion, questions, words that only look like opinions
    ['hôm nay trời mưa', 'neutral'],
    ['Có tốt không?', 'neutral'],
    ['tôi hay đi chợ buổi sáng', 'neutral'],
    ['Phường thông báo lịch tiêm chủng tuần tới', 'neutral'],
    ['em xin lỗi, vui lòng cho em hỏi lịch học', 'neutral'],
    ['tin tức kinh tế hôm nay', 'neutral'],
  ])('%s → %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });

  it.each([
    // requests for information: the state they ask about is not the writer's judgement
    ['Có ai biết đường Ngô Gia Tự giờ còn ngập không ạ? Em định đi ngang', 'neutral'],
    ['Có ai thấy con chó vàng đi lạc khu vực chợ không ạ', 'neutral'],
    ['Mình cần tìm thợ sửa máy lạnh uy tín quanh khu vực P12, ai biết chỉ giúp', 'neutral'],
    ['Tìm chìa khóa xe máy bị rơi ở chợ, ai nhặt được xin liên hệ, cảm ơn nhiều', 'neutral'],
    ['bhyt trai tuyen co duoc huong 100% khong moi nguoi', 'neutral'],
    // notices and adverts
    ['Mất điện từ 8h tới 15h hôm nay do điện lực bảo trì, bà con lưu ý', 'neutral'],
    ['Nhận ship đồ ăn vặt khu vực Q10, inbox mình nha 😍', 'neutral'],
    ['Cần bán xe máy Vision 2022 chính chủ, xe đẹp, giá 25 triệu', 'neutral'],
    ['Trạm y tế tiêm ngừa miễn phí cho trẻ dưới 5 tuổi vào thứ Bảy này', 'neutral'],
    // …but a complaint that no notice came is still a complaint
    ['Cúp nước 2 ngày rồi mà không có thông báo gì hết, dân sống sao nổi', 'negative'],
    // sarcasm marked by "đúng là", "ghê", "thật", "🙂" in a complaint; the same praise alone is praise
    ['Phường làm việc hiệu quả ghê, phản ánh 2 tuần chưa ai trả lời 🙂', 'negative'],
    ['giỏi thật, hứa sửa đường từ tết năm ngoái tới giờ vẫn y nguyên', 'negative'],
    ['Phường làm việc hiệu quả ghê', 'positive'],
    // thanks that open a post are not undone by the hardship thanked for
    ['Cảm ơn mấy anh dân phòng đội mưa đẩy xe giúp bà con qua đoạn ngập, ấm lòng ghê', 'positive'],
    ['tks mấy anh cs giao thông đứng phân luồng dưới mưa, vất vả quá', 'positive'],
    // a post typed without diacritics stays one even when teencode expansion marked a few words
    ['hôm nay ket xe kinh khung luôn a, tre lam rồi', 'negative'],
    // a post that opens with a request is one throughout
    ['Xin hỏi phường có đường dây nóng báo ngập không ạ? Hẻm nhà em nước đọng từ chiều chưa rút.', 'neutral'],
    // typed without diacritics: "hoi" is "hỏi" (ask), not "hôi" (smelly); "ban" is not "bẩn"
    ['cho hoi o quan 10 cho nao sua dien thoai uy tin vay', 'neutral'],
    ['ban xe chinh chu, bien so tp, gia 26tr, lh anh Thanh', 'neutral'],
    // recipes, greetings, recurrence
    ['Món cuối tuần: gà kho gừng, ướp nước mắm 30 phút, kho lửa nhỏ là ngon', 'neutral'],
    ['Chào buổi sáng, chúc cả nhà một ngày an lành', 'positive'],
    ['LẠI CÚP!!! ngày thứ 3 rồi', 'negative'],
    // everyday words of the ward ("thiếu nhi" is children, not "lacking")
    ['Đội bóng đá thiếu nhi của phường vô địch giải quận, chúc mừng các cháu', 'positive'],
  ])('what the post does: %s → %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });

  it('orders strength: "rất tốt" > "tốt" > "hơi tốt" > 0 > "không tốt"', () => {
    const s = (t: string) => sentiment(t).score;
    expect(s('rất tốt')).toBeGreaterThan(s('tốt'));
    expect(s('tốt')).toBeGreaterThan(s('hơi tốt'));
    expect(s('hơi tốt')).toBeGreaterThan(0);
    expect(s('không tốt')).toBeLessThan(0);
  });

  it('gives scores that sum to 1 and agree with the label, for any input', () => {
    const odd = ['', '   ', '\u0000\u0007', '\u202eđẹp\u202c', 'x\u200by', '🏳️‍🌈', 'tốt '.repeat(50_000), '\ufffd\ufffd'];
    for (const text of ['Rất tốt', 'không tốt', 'trời mưa', ...odd]) {
      const r = sentiment(text);
      const total = SENTIMENT_LABELS.reduce((a, l) => a + r.scores[l], 0);
      expect(total).toBeCloseTo(1, 9);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.scores[r.label]).toBe(Math.max(...Object.values(r.scores)));
    }
  });

  it("blends with an installation's own model, which can override the rules", () => {
    const examples = [
      ...['xe rác đến đúng giờ', 'đèn đường sáng trưng', 'hẻm được trải nhựa'].map((text) => ({ text, label: 'positive' })),
      ...['xe rác không đến', 'đèn đường tắt cả tuần', 'hẻm đầy ổ gà'].map((text) => ({ text, label: 'negative' })),
    ];
    const model = trainClassifier(examples, { epochs: 30, holdout: 0 });
    expect(sentiment('xe rác đến đúng giờ').label).toBe('positive');
    expect(sentiment('đèn đường sáng trưng', { model, modelWeight: 1 }).label).toBe('positive');
    expect(sentiment('đèn đường tắt cả tuần', { model, modelWeight: 1 }).label).toBe('negative');
    const blended = sentiment('đèn đường tắt cả tuần', { model });
    expect(blended.scores.negative).toBeGreaterThan(blended.scores.positive);
    const numeric = trainClassifier(examples.map((e) => ({ text: e.text, label: e.label === 'positive' ? 1 : 0 })), { epochs: 5, holdout: 0 });
    expect(() => sentiment('tốt', { model: numeric })).toThrow(/labelMap/);
    expect(sentiment('tốt', { model: numeric, labelMap: { '0': 'negative', '1': 'positive' } }).label).toBeDefined();
  });
});

describe('frustration', () => {
  const angry = 'ĐÃ PHẢN ÁNH NHIỀU LẦN MÀ VẪN KHÔNG AI GIẢI QUYẾT!!! BỨC XÚC QUÁ 😡';
  const calm = 'Đường hẻm 12 bị ngập khi mưa lớn, đề nghị phường xem xét.';
  const praise = 'Cảm ơn các anh chị cán bộ phường rất nhiệt tình hỗ trợ bà con ❤️';

  it('ranks an angry ALL CAPS complaint above a calm complaint above praise', () => {
    expect(frustration(angry)).toBeGreaterThan(frustration(calm));
    expect(frustration(calm)).toBeGreaterThan(frustration(praise));
    expect(frustration(praise)).toBe(0);
    expect(frustration(angry)).toBeGreaterThan(0.7);
  });

  it.each([
    ['PHƯỜNG LÀM ĂN KIỂU GÌ VẬY???? RÁC NGẬP ĐƯỜNG LẦN THỨ 5 RỒI', 'Rác ngập đường, mong phường thu gom'],
    ['đm bao giờ mới sửa cái đèn này vậy', 'bao giờ sửa cái đèn này vậy'],
    ['mãi không ai dọn rác, chán vcl', 'chưa ai dọn rác'],
    ['lần thứ 4 phản ánh rồi mà vẫn chưa ai giải quyết', 'phản ánh việc chưa ai giải quyết'],
    ['ngập quáaaaa!!!', 'ngập quá'],
  ])('"%s" is more frustrated than "%s"', (more, less) => {
    expect(frustration(more)).toBeGreaterThan(frustration(less));
  });

  it('stays in 0..1 and takes a sentiment computed elsewhere', () => {
    for (const t of [angry, calm, praise, '', '!!!!!!!!!!!!', 'ĐM '.repeat(1000)]) {
      const f = frustration(t);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    expect(frustration(calm, { score: 0.9 })).toBe(0);
    expect(frustration(calm, { score: -1 })).toBeGreaterThan(frustration(calm));
  });
});

describe('sentiment lexicon', () => {
  const tsv = readFileSync(new URL('../../data/sentiment-lexicon.tsv', import.meta.url), 'utf8');

  it('is compiled into lexicon-data.ts unchanged (rerun scripts/text-vi/build-sentiment-lexicon.ts)', () => {
    expect(SENTIMENT_LEXICON_TSV).toBe(tsv);
  });

  it('has several hundred phrases and no phrase listed twice with the same kind', () => {
    const rows = tsv.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').slice(0, 2).join('\t'));
    expect(new Set(rows).size).toBe(rows.length);
    expect(parseSentimentLexicon(tsv).size).toBeGreaterThan(500);
  });

  it('reports malformed lines with their number', () => {
    expect(() => parseSentimentLexicon('# comment\ntốt\tsent\t2\nxấu\tbad-kind\t1\n')).toThrow(/line 3/);
    expect(() => parseSentimentLexicon('tốt\tsent\tabc')).toThrow(/line 1/);
  });
});
