import { describe, expect, it } from 'vitest';
import { analyze, MAX_TOPICS, postTopics } from './analyze.ts';
import { compileConcepts } from './concepts/concepts.ts';
import { similarity } from './dedup/signature.ts';
import { loadAnalyzer } from './node.ts';

const models = loadAnalyzer();

// [what, post, expectations]
const CASES: Array<[string, string, { redacted?: string; normalizedHas?: string; words?: string[]; label?: string; topics?: string[]; concepts?: string[]; places?: string[]; frustrated?: boolean }]> = [
  [
    'traffic complaint with a phone number and teencode',
    'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall, gọi 0903 123 456 ko ai nghe!!!',
    { redacted: 'Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall, gọi [SĐT] ko ai nghe!!!', normalizedHas: 'gọi [SĐT] không ai nghe', words: ['kinh_khủng', 'Vạn_Hạnh_Mall'], label: 'negative', topics: ['giao-thong'], places: ['d-ba-thang-hai', 'van-hanh-mall'], frustrated: true },
  ],
  ['flooding without diacritics', 'ngap nuoc o Ba Hat qua troi, bao gio moi het vay', { label: 'negative', topics: ['ngap-nuoc'], places: ['d-ba-hat'] }],
  ['praise', 'Cảm ơn phường 12 đã sửa xong đèn đường hẻm 285, bà con rất vui 👍', { label: 'positive', places: ['q10-p12'], frustrated: false }],
  ['scam warning with an account number', 'Cảnh báo lừa đảo: giả danh công an yêu cầu chuyển khoản vào STK 0071000123456', { redacted: 'Cảnh báo lừa đảo: giả danh công an yêu cầu chuyển khoản vào STK [STK]', topics: ['lua-dao'] }],
  ['citizen ID survives normalisation as a placeholder', 'CCCD của tôi 079203001234 bị ghi sai', { normalizedHas: '[CCCD]' }],
  ['acronyms keep their repeated letters', 'Số CCCD của mình 079203001234 bị ghi sai, đội PCCC tới sau 5 phút', { normalizedHas: 'Số CCCD của mình [CCCD] bị ghi sai, đội PCCC tới', concepts: ['cccd-vneid', 'chay-no'] }],
  ['empty text', '', { redacted: '', label: 'neutral', topics: [], places: [] }],
];

describe('analyze', () => {
  it.each(CASES)('%s', (_what, text, want) => {
    const a = analyze(text, models);
    if (want.redacted !== undefined) expect(a.text_redacted).toBe(want.redacted);
    if (want.normalizedHas) expect(a.normalized).toContain(want.normalizedHas);
    for (const w of want.words ?? []) expect(a.words).toContain(w);
    if (want.label) expect(a.sentiment.label).toBe(want.label);
    if (want.topics) expect(a.topics).toEqual(expect.arrayContaining(want.topics));
    if (want.topics?.length === 0) expect(a.topics).toEqual([]);
    if (want.concepts) expect(a.concepts).toEqual(expect.arrayContaining(want.concepts));
    if (want.places) expect(a.places.map((p) => p.id)).toEqual(want.places);
    if (want.frustrated !== undefined) expect(a.frustration > 0.2).toBe(want.frustrated);
    expect(a.frustration).toBeGreaterThanOrEqual(0);
    expect(a.toxicity).toBeGreaterThanOrEqual(0);
    expect(a.toxicity).toBeLessThanOrEqual(1);
    expect(a.signature).toMatch(/^m1:[0-9a-f]{256}$/);
  });

  it('gives the same signature to a post and its copy without diacritics', () => {
    const post = 'Rác thải tập kết ở góc Lý Thái Tổ - Hùng Vương bốc mùi hôi thối cả tuần nay, đề nghị phường cho xe thu gom sớm';
    const stripped = post.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    expect(similarity(analyze(post, models).signature, analyze(stripped, models).signature)).toBeGreaterThan(0.9);
  });

  it('analyses only the start of a huge post', () => {
    const a = analyze('kẹt xe '.repeat(200_000), models);
    expect(a.text_redacted.length).toBe(20_000);
    expect(a.topics).toContain('giao-thong');
  });

  it('never loses personal data into later fields', () => {
    const a = analyze('Liên hệ chị Lan 0903123456, email lan.nguyen@gmail.com', models);
    expect(JSON.stringify(a)).not.toMatch(/0903123456|lan\.nguyen/);
  });
});

// A post carries a topic only when it is about it: a concern the concept lexicon recognises gives its
// topic alone, and words used in passing (a street, a car, a venue, an idiom) give none.
describe('topic tags', () => {
  it.each([
    ['a flooded street that also mentions cars and a jam', 'Nước ngập tới yên xe trên đường Thành Thái, xe chết máy nằm la liệt, kẹt cứng cả tiếng đồng hồ', ['ngap-nuoc']],
    ["a power cut that burnt a TV (the concept's topic, not also fires)", 'Điện chập chờn suốt buổi chiều, cái quạt với tivi nhà tui cháy luôn rồi', ['gia-ca-doi-song']],
    ['a scam posing as the power company', 'Cảnh báo: kẻ gian giả danh nhân viên điện lực gọi báo nợ tiền điện, đòi chuyển khoản nếu không sẽ cắt điện', ['lua-dao']],
    ['a scam posing as the traffic police: the scam, not the traffic fine', 'Có người xưng là CSGT gọi báo xe bị phạt nguội, bắt chuyển khoản nộp phạt ngay', ['lua-dao']],
    ['a greeting', 'Chào buổi sáng cả nhà, chúc mọi người cuối tuần vui vẻ nha', []],
    ['"trộm vía" (touch wood) is not theft', 'Trộm vía con bé nhà mình dạo này ăn ngoan ngủ kỹ', []],
    ['"dat do" typed without diacritics is "đặt đồ" (ordering), not "đắt đỏ"', 'dat do an tren app giao cham qua', []],
    ['karaoke at home', 'Tối qua cả nhà hát karaoke gia đình, vui quá trời', []],
    ['trees enjoyed in a park', 'Sáng chủ nhật đi bộ công viên, cây xanh mát rượi, không khí trong lành ghê', []],
    ['papers in a wallet found and returned', 'Khen anh xe ôm nhặt được ví trả lại, tiền bạc giấy tờ còn đủ', []],
    ['a cart for rent', 'Nhà em có xe ba gác cho thuê, chở đồ chuyển nhà giá rẻ, ai cần alo', []],
    ['a loud karaoke bar at night', 'Quán karaoke đầu hẻm mở loa tới 1h sáng, không ai ngủ được', ['moi-truong']],
    ['"cống hiến" (dedication) is no sewer', 'Đội nhà thua 3-0, cống hiến cả mùa giải mà kết quả vầy đó', []],
    ['"mất nước mắt" (tears) is no water cut', 'Mất nước mắt vì phim Hàn tối qua luôn', []],
    ['a wish of good health', 'Tuần mới chúc cả nhà nhiều sức khỏe, làm ăn phát đạt', []],
    ['an ID card in a wallet found', 'Nhặt được ví ở góc Thành Thái, bên trong có CCCD tên Lan, chủ nhân liên hệ mình', []],
    ['a hospital as a landmark', 'Phòng mới có chỗ để xe rộng, ngay gần bệnh viện Nhi Đồng, sạch sẽ thoáng mát', []],
    ['a lost ID card to be made again', 'Làm lại CCCD bị mất ở phường mất mấy ngày vậy mn', ['thu-tuc-hanh-chinh']],
    // Ads are no public concern (topics.json's exclude), whatever topic words they use.
    ['a shop for rent', 'Cho thuê mặt bằng kinh doanh đường Hùng Vương, ngang 4m, phù hợp mở shop', []],
    ['a house for sale', 'Cần bán gấp nhà hẻm Thành Thái, sổ hồng riêng, công chứng ngay, giá 6,5 tỷ', []],
    ['a plumbing service', 'Nhận sửa điện nước, thông cống nghẹt, lắp máy bơm tại nhà, gọi 0913 702 459', []],
    ['textbooks for sale', 'Thanh lý bộ sách giáo khoa lớp 8 còn mới, ai cần inbox em báo giá', []],
    ['a clinic opening with a discount', 'Khai trương phòng khám nha khoa, giảm giá 50% cạo vôi răng', []],
    ['a rent complaint is not a rental ad', 'Sạp trong chợ cho thuê mắc quá trời, buôn bán không đủ tiền thuê, chịu hết nổi', ['gia-ca-doi-song']],
    ['a citizen who wrote to the page is not an ad', 'Đã inbox page phường mấy lần về vụ hồ sơ tạm trú mà không ai trả lời', ['thu-tuc-hanh-chinh']],
  ])('%s', (_what, text, topics) => {
    expect(analyze(text, models).topics).toEqual(topics);
  });

  const lexicon = compileConcepts({
    concepts: [
      { id: 'ngap', name: { vi: 'Ngập', en: 'Flooding' }, title: { vi: 'Ngập', en: 'Flooding' }, topic: 'ngap-nuoc', query: ['ngập'] },
      { id: 'ket-xe', name: { vi: 'Kẹt xe', en: 'Jams' }, title: { vi: 'Kẹt xe', en: 'Jams' }, topic: 'giao-thong', query: ['"kẹt xe"'] },
      { id: 'lua', name: { vi: 'Lừa', en: 'Scam' }, title: { vi: 'Lừa', en: 'Scam' }, topic: 'lua-dao', query: ['"lừa đảo"'], precedence: 1 },
    ],
  });

  it('a post of no concept that voices a concern keeps its first query topic; one that does not gets none', () => {
    expect(MAX_TOPICS).toBe(2);
    expect(postTopics(['giao-thong', 'ngap-nuoc', 'moi-truong'], [], lexicon)).toEqual(['giao-thong']);
    expect(postTopics(['y-te'], [])).toEqual(['y-te']);
    expect(postTopics(['y-te'], [], lexicon, false)).toEqual([]);
    expect(postTopics([], [], lexicon)).toEqual([]);
    // A concept's topic and an outranking query topic need no concern voiced.
    expect(postTopics([], ['ket-xe'], lexicon, false)).toEqual(['giao-thong']);
    expect(postTopics(['lua-dao'], [], lexicon, false)).toEqual(['lua-dao']);
  });

  it('a neutral question or notice that names a topic\'s words is not tagged; a complaint is', () => {
    expect(analyze('cho em hỏi tiệm thuốc tây nào mở 24/24 gần đây ạ', models).topics).toEqual([]);
    expect(analyze('Tiệm thuốc tây đầu hẻm bán thuốc hết hạn, mua về con uống bị nôn, quá tệ', models).topics).toEqual(['y-te']);
  });

  it("a post with concepts gets its strongest concept's topic only", () => {
    expect(postTopics(['giao-thong', 'ngap-nuoc'], ['ngap', 'ket-xe'], lexicon)).toEqual(['ngap-nuoc']);
    expect(postTopics([], ['ket-xe'], lexicon)).toEqual(['giao-thong']);
    // A concept the lexicon does not know gives nothing of its own.
    expect(postTopics(['y-te'], ['khong-co'], lexicon)).toEqual(['y-te']);
  });

  it('a query topic whose concepts take precedence wins over the post\'s concept, and stands alone', () => {
    expect(postTopics(['giao-thong', 'lua-dao'], ['ket-xe'], lexicon)).toEqual(['lua-dao']);
    expect(postTopics(['giao-thong', 'lua-dao'], [], lexicon)).toEqual(['lua-dao']);
    expect(postTopics(['gia-ca-doi-song'], ['lua'], lexicon)).toEqual(['lua-dao']);
  });
});
