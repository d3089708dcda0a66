import { describe, expect, it } from 'vitest';
import data from '../../data/topics.json' with { type: 'json' };
import { QueryParseError } from './ast.ts';
import { prepareDocument as prepareDocumentFor } from './document.ts';
import { accentAware, classifyTopics, compileTaxonomy, expandNearGroups, topicDocument, type TaxonomyData } from './topics.ts';

const taxonomy = compileTaxonomy(data as TaxonomyData);

// [post, topics it must get, topics it must not get]
const POSTS: [string, string[], string[]][] = [
  ['Kẹt xe kinh khủng trên đường 3/2 sáng nay', ['giao-thong'], ['ngap-nuoc']],
  ['ket xe qua troi, tac duong tu 7h', ['giao-thong'], []],
  ['CSGT phạt nguội nhiều quá', ['giao-thong'], []],
  ['Tai nạn giao thông ở ngã 7 Lý Thái Tổ', ['giao-thong'], []],
  ['Nước ngập tới gối ở Bà Hạt, xe chết máy hàng loạt', ['ngap-nuoc'], []],
  ['mua xong la ngap, cong nghet het', ['ngap-nuoc'], []],
  ['Triều cường dâng cao, hẻm nhà mình bì bõm', ['ngap-nuoc'], []],
  ['Rác bốc mùi hôi thối cả tuần không ai thu gom', ['moi-truong'], []],
  ['xa rac bua bai, o nhiem qua', ['moi-truong'], []],
  ['Quán karaoke hát tới 2h sáng, ồn ào không ngủ được', ['moi-truong'], []],
  ['Nhà bên cạnh xây dựng trái phép 5 tầng', ['dat-dai-xay-dung'], []],
  ['Bao giờ mới được cấp sổ hồng vậy', ['dat-dai-xay-dung'], []],
  ['so hong cho chung cu bao gio co', ['dat-dai-xay-dung'], []],
  ['Làm căn cước ở phường chờ cả buổi, hẹn lên hẹn xuống', ['thu-tuc-hanh-chinh'], []],
  ['dang ky tam tru online tren vneid duoc khong', ['thu-tuc-hanh-chinh'], []],
  ['Sau sáp nhập phường có phải đổi giấy tờ không?', ['thu-tuc-hanh-chinh'], []],
  ['Cướp giật điện thoại ở đường Sư Vạn Hạnh', ['an-ninh-trat-tu'], []],
  ['nhóm thanh niên đua xe, quái xế lạng lách', ['an-ninh-trat-tu'], []],
  ['Cháy nhà ở hẻm 12 Thành Thái', ['an-ninh-trat-tu'], []],
  ['Cảnh giác đối tượng giả danh công an gọi điện yêu cầu chuyển khoản', ['lua-dao'], []],
  ['bi lua dao qua mang mat 50 trieu', ['lua-dao'], []],
  ['Tin nhắn lạ yêu cầu cập nhật định danh, bấm link lạ là mất tiền', ['lua-dao'], []],
  ['Giá xăng lại tăng, tiền điện tháng này gấp đôi', ['gia-ca-doi-song'], []],
  ['gia thue phong tro quan 10 dat qua', ['gia-ca-doi-song'], []],
  ['Học phí năm nay tăng, phụ huynh lo lắng', ['giao-duc'], []],
  ['tuyen sinh lop 10 nam nay the nao', ['giao-duc'], []],
  ['Vào bệnh viện 115 chờ cả ngày mới được khám', ['y-te'], []],
  ['bhyt trai tuyen co duoc huong khong', ['y-te'], []],
  ['Sốt xuất huyết tăng mạnh ở phường', ['y-te'], []],
  ['Lễ hội văn hóa ẩm thực ở công viên Lê Thị Riêng', ['van-hoa-xa-hoi'], []],
  ['Ông cụ nhặt được của rơi trả lại người mất', ['van-hoa-xa-hoi'], []],
  ['Tiểu thương chợ Nguyễn Tri Phương than ế ẩm, mặt bằng bỏ trống', ['kinh-te'], []],
  ['Thuế khoán hộ kinh doanh tăng', ['kinh-te'], []],
  ['Lễ giao nhận quân năm 2026, thanh niên lên đường nhập ngũ', ['quoc-phong-an-ninh'], []],
  ['kham nghia vu quan su o dau vay', ['quoc-phong-an-ninh'], []],
  ['Cảnh giác với tin giả, xuyên tạc về chủ quyền biển đảo', ['quoc-phong-an-ninh'], []],
  // words whose unaccented form is another word must not fire
  ['Cho em hỏi chút ạ', [], ['moi-truong']],
  ['Chưa thấy ai trả lời, thôi kệ', [], ['van-hoa-xa-hoi', 'moi-truong']],
  ['Thuê nhà ở đâu rẻ', [], ['kinh-te']],
  ['Chạy bộ buổi sáng ở công viên', [], ['an-ninh-trat-tu']],
  ['Lúa gạo miền Tây được mùa', [], ['lua-dao']],
  ['Cảm ơn mọi người đã chia sẻ', [], ['giao-thong', 'ngap-nuoc', 'moi-truong', 'lua-dao']],
  // a tag only when the post is about the topic: noise from bars is the environment's
  ['Quán nhậu đầu hẻm hát karaoke tới 1h sáng, ồn ào không ai ngủ được', ['moi-truong'], ['an-ninh-trat-tu', 'dat-dai-xay-dung']],
  ['hang xom hat toi 1 gio sang, loa to qua', ['moi-truong'], ['van-hoa-xa-hoi', 'an-ninh-trat-tu']],
  ['lai ngap. to hien thanh nuoc toi bap chan, xe chet may dat dai hai ben le', ['ngap-nuoc'], ['dat-dai-xay-dung']],
  ['Nước lên tới gối rồi bà con ơi', ['ngap-nuoc'], []],
  ['Cúp điện từ sáng tới giờ chưa có điện lại', ['gia-ca-doi-song'], []],
  // generic words count only in their topic's context
  ['Cần bán xe máy Vision 2022 chính chủ, giá 25 triệu', [], ['giao-thong']],
  ['mấy ông xe ôm đậu xe chắn hết lối vào hẻm', ['giao-thong'], []],
  ['khó khăn lắm mới tìm được chỗ gửi xe gần chợ', [], ['gia-ca-doi-song']],
  ['Tiếng ồn từ công trình bên cạnh bắt đầu từ 5h sáng', ['moi-truong', 'dat-dai-xay-dung'], ['kinh-te']],
  ['Giờ tan trường phụ huynh đậu xe tràn ra giữa đường, kẹt cứng', ['giao-thong'], ['giao-duc']],
  // words with diacritics that fold into other words
  ['UBND phường thông báo tiếp nhận hồ sơ chứng thực vào thứ Bảy', ['thu-tuc-hanh-chinh'], ['dat-dai-xay-dung']],
  ['Đi ngang thấy có công an lập biên bản quán lấn chiếm vỉa hè', ['giao-thong'], ['giao-duc']],
  ['Dịch vụ công trực tuyến nhanh, nộp hồ sơ là xong', ['thu-tuc-hanh-chinh'], ['lua-dao']],
];

describe('classifyTopics with the default taxonomy', () => {
  it.each(POSTS)('%s', (post, must, mustNot) => {
    const got = classifyTopics(post, taxonomy);
    for (const id of must) expect(got).toContain(id);
    for (const id of mustNot) expect(got).not.toContain(id);
  });

  it('has the thirteen stable ids with Vietnamese and English names', () => {
    expect(taxonomy.topics.map((t) => t.id)).toEqual(['giao-thong', 'ngap-nuoc', 'moi-truong', 'dat-dai-xay-dung', 'thu-tuc-hanh-chinh', 'an-ninh-trat-tu', 'lua-dao', 'gia-ca-doi-song', 'giao-duc', 'y-te', 'van-hoa-xa-hoi', 'kinh-te', 'quoc-phong-an-ninh']);
    for (const t of taxonomy.topics) expect(t.name.vi && t.name.en).toBeTruthy();
  });

  it('gives the same topics as evaluating every query (the word index skips nothing it should not)', () => {
    for (const [post] of POSTS) {
      const doc = topicDocument(prepareDocumentFor(post), taxonomy);
      const slow = taxonomy.topics.filter((t) => t.queries.some((q) => q.test({ doc, source: '', places: [] }))).map((t) => t.id);
      expect(classifyTopics(post, taxonomy)).toEqual(slow);
    }
  });

  it('expands NEAR between OR-lists into the OR of every pair, and leaves other queries alone', () => {
    expect(expandNearGroups('(a OR "b c") NEAR/4 (d OR e)')).toBe('((a OR "b c") AND (d OR e) AND (a NEAR/4 d OR a NEAR/4 e OR "b c" NEAR/4 d OR "b c" NEAR/4 e))');
    expect(expandNearGroups('x NEAR/3 (y OR =z) NOT w')).toBe('((x) AND (y OR =z) AND (x NEAR/3 y OR x NEAR/3 =z)) NOT w');
    expect(expandNearGroups('a NEAR b OR (c AND d)')).toBe('a NEAR b OR (c AND d)');
  });

  it('makes terms with diacritics exact or unaccented when the taxonomy asks for it', () => {
    expect(accentAware('"kẹt xe" OR csgt -"ngập rác"')).toBe('(="kẹt xe" OR ="ket xe") OR csgt NOT (="ngập rác" OR ="ngap rac")');
    expect(accentAware('=cháy NEAR/4 nhà')).toBe('(=cháy NEAR/4 =nhà OR =cháy NEAR/4 =nha)');
    const of = (matching: TaxonomyData['matching']) => compileTaxonomy({ matching, topics: [{ id: 'so', name: { vi: 'S', en: 'S' }, query: '"sổ chung"' }] });
    expect(classifyTopics('nộp hồ sơ chứng thực', of('folded'))).toEqual(['so']);
    expect(classifyTopics('nộp hồ sơ chứng thực', of('diacritics'))).toEqual([]);
    expect(classifyTopics('nhà có sổ chung', of('diacritics'))).toEqual(['so']);
    expect(classifyTopics('nha co so chung', of('diacritics'))).toEqual(['so']);
  });

  it('names the topic and position of a bad query', () => {
    expect(() => compileTaxonomy({ topics: [{ id: 'x', name: { vi: 'X', en: 'X' }, query: ['ok', '(broken'] }] })).toThrow(QueryParseError);
    expect(() => compileTaxonomy({ topics: [{ id: 'x', name: { vi: 'X', en: 'X' }, query: '(broken' }] })).toThrow(/topic "x".*position 7/);
  });
});
