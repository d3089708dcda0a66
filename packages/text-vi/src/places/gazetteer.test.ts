import { describe, expect, it } from 'vitest';
import data from '../../data/places-quan-10.json' with { type: 'json' };
import { compileGazetteer, findPlaces } from './gazetteer.ts';
import type { GazetteerData } from './types.ts';

const gazetteer = compileGazetteer(data as GazetteerData);
const show = (text: string) => findPlaces(text, gazetteer).map((p) => `${p.id}:${text.slice(p.start, p.end)}`);

// [post, expected "id:matched text" in order]
const CASES: [string, string[]][] = [
  // wards, old numbering, every common spelling
  ['Bà con Phường 12 phản ánh', ['q10-p12:Phường 12']],
  ['kẹt xe ở P.12 gần Vạn Hạnh Mall', ['q10-p12:P.12', 'van-hanh-mall:Vạn Hạnh Mall']],
  ['nha o p12 q10', ['q10-p12:p12', 'q10:q10']],
  ['F15 mất điện từ sáng', ['q10-p15:F15']],
  ['phuong12 ngap', ['q10-p12:phuong12']],
  ['phuong 14 quan 10', ['q10-p14:phuong 14', 'q10:quan 10']],
  ['P. 9, Q.10, TP.HCM', ['q10-p9:P. 9', 'q10:Q.10']],
  ['phường 11 cũ', ['q10-p10:phường 11']],
  // wards since July 2025
  ['Phường Vườn Lài tổ chức họp dân', ['p-vuon-lai:Phường Vườn Lài']],
  ['dân Vườn Lài bức xúc', ['p-vuon-lai:Vườn Lài']],
  ['phuong Hoa Hung', ['p-hoa-hung:phuong Hoa Hung']],
  ['UBND phường Diên Hồng', ['p-dien-hong:phường Diên Hồng']],
  // district
  ['Quận 10 có 11 phường', ['q10:Quận 10']],
  ['o quan muoi', ['q10:quan muoi']],
  // streets with abbreviations and missing diacritics
  ['đường 3/2 ngập sâu', ['d-ba-thang-hai:đường 3/2']],
  ['ket xe duong 3 thang 2', ['d-ba-thang-hai:duong 3 thang 2']],
  ['đ.3/2 đoạn trước Nhà hát Hòa Bình', ['d-ba-thang-hai:đ.3/2', 'nha-hat-hoa-binh:Nhà hát Hòa Bình']],
  ['LTK kẹt cứng', ['d-ly-thuong-kiet:LTK']],
  ['268 Lý Thường Kiệt, Phường 14, Quận 10', ['d-ly-thuong-kiet:Lý Thường Kiệt', 'q10-p14:Phường 14', 'q10:Quận 10']],
  ['ly thuong kiet ket xe', ['d-ly-thuong-kiet:ly thuong kiet']],
  ['hẻm 285 CMT8', ['d-cach-mang-thang-tam:CMT8']],
  ['tren duong cach mang thang 8 gan cv le thi rieng', ['d-cach-mang-thang-tam:duong cach mang thang 8', 'cv-le-thi-rieng:cv le thi rieng']],
  ['Sư Vạn Hạnh ngập tới gối', ['d-su-van-hanh:Sư Vạn Hạnh']],
  ['đường Bà Hạt bị đào xới', ['d-ba-hat:đường Bà Hạt']],
  ['168 Hùng Vương', ['d-hung-vuong:Hùng Vương']],
  ['góc Lý Thái Tổ - Hùng Vương', ['d-ly-thai-to:Lý Thái Tổ', 'd-hung-vuong:Hùng Vương']],
  ['mặt tiền Ngô Gia Tự', ['d-ngo-gia-tu:Ngô Gia Tự']],
  ['đường Hòa Hưng', ['d-hoa-hung:đường Hòa Hưng']],
  ['12 Hòa Hưng', ['d-hoa-hung:Hòa Hưng']],
  // landmarks, markets, hospitals, schools
  ['ngã 7 Lý Thái Tổ kẹt xe', ['nga-bay-ly-thai-to:ngã 7 Lý Thái Tổ']],
  ['vong xoay nga bay', ['nga-bay-ly-thai-to:vong xoay nga bay']],
  ['chợ Hòa Hưng bán đắt', ['cho-hoa-hung:chợ Hòa Hưng']],
  ['cho nguyen tri phuong', ['cho-nguyen-tri-phuong:cho nguyen tri phuong']],
  ['bv 115 quá tải', ['bv-nhan-dan-115:bv 115']],
  ['Bệnh viện Nhân dân 115', ['bv-nhan-dan-115:Bệnh viện Nhân dân 115']],
  ['đưa bé vào Nhi Đồng 1', ['bv-nhi-dong-1:Nhi Đồng 1']],
  ['BV Trưng Vương', ['bv-trung-vuong:BV Trưng Vương']],
  ['sinh viên ĐH Bách Khoa', ['dh-bach-khoa:ĐH Bách Khoa']],
  ['dhbk tuyen sinh', ['dh-bach-khoa:dhbk']],
  ['trường THPT Nguyễn Du', ['thpt-nguyen-du:trường THPT Nguyễn Du']],
  ['hồ Kỳ Hòa', ['ky-hoa:hồ Kỳ Hòa']],
  ['Việt Nam Quốc Tự', ['viet-nam-quoc-tu:Việt Nam Quốc Tự']],
  ['xem bóng đá ở sân Thống Nhất', ['svd-thong-nhat:sân Thống Nhất']],
  // not places
  ['số 12 nhà tôi', []],
  ['lớp 12 thi cử', []],
  ['Phường 12 Quận 3', []],
  ['phuong 12 q.Tan Binh', []],
  ['ngày 3/2 kỷ niệm thành lập Đảng', []],
  ['mừng Đảng 3/2', []],
  ['Giỗ Tổ Hùng Vương 10/3', []],
  ['vua Lý Thái Tổ dời đô', []],
  ['hội nghị Diên Hồng', []],
  ['chiến thắng Điện Biên Phủ', []],
  ['Cách mạng tháng Tám thành công', []],
  ['mua tủ lạnh ở Nguyễn Kim', []],
  ['gọi 115 cấp cứu', []],
  ['F1 phải cách ly 14 ngày, F0 điều trị tại nhà', []],
  ['anh Lan đi vĩnh viễn', []],
  ['Vĩnh viễn không quên', []],
  ['NHỚ MÃI VĨNH VIỄN', []],
  ['', []],
];

// As people write in comments (issue 12): abbreviations, missing cues, typos, lists, and the traps around them.
const AS_WRITTEN: [string, string[]][] = [
  // a strict name that is a word ("vĩnh viễn", forever) is the street when written with capitals inside a sentence
  ['cây đổ chắn ngang Vĩnh Viễn rồi mn ơi', ['d-vinh-vien:Vĩnh Viễn']],
  ['nhà ở Vĩnh Viễn, gần hẻm 120', ['d-vinh-vien:Vĩnh Viễn']],
  // spelling forgiven: i for y, one typo in a later syllable of a long name, but not in short ones
  ['Lí Thường Kiệt ùn tắc', ['d-ly-thuong-kiet:Lí Thường Kiệt']],
  ['kì hòa cuối tuần đông', ['ky-hoa:kì hòa']],
  ['Ngập nặng Nguyễn Tri Phươg', ['d-nguyen-tri-phuong:Nguyễn Tri Phươg']],
  ['Đường Sư Vạng Hạnh ngập', ['d-su-van-hanh:Đường Sư Vạng Hạnh']],
  ['chị Nguyễn Ngọc Lợi', []],
  // abbreviations
  ['TTH bữa nay kẹt', ['d-to-hien-thanh:TTH']],
  ['SVH ngập tới yên xe', ['d-su-van-hanh:SVH']],
  ['đường LHP đoạn gần 3/2', ['d-le-hong-phong:đường LHP', 'd-ba-thang-hai:3/2']],
  ['đg NCT đoạn gần chùa Giác Ngộ', ['d-nguyen-chi-thanh:đg NCT', 'chua-giac-ngo:chùa Giác Ngộ']],
  ['đường Cách Mạng kẹt cứng', ['d-cach-mang-thang-tam:đường Cách Mạng']],
  ['nhạc NCT hay', []],
  // weak cues, cues after the name, streets named one after another
  ['Ai biết tiệm in ở Thành Thái', ['d-thanh-thai:Thành Thái']],
  ['ngã ba Thành Thái', ['d-thanh-thai:Thành Thái']],
  ['Lê Hồng Phong đoạn gần Trần Bình Trọng', ['d-le-hong-phong:Lê Hồng Phong', 'd-tran-binh-trong:Trần Bình Trọng']],
  ['Ngô Gia Tự, Nguyễn Duy Dương, Bà Hạt mất điện', ['d-ngo-gia-tu:Ngô Gia Tự', 'd-nguyen-duy-duong:Nguyễn Duy Dương', 'd-ba-hat:Bà Hạt']],
  ['vien tim thanh thai', ['vien-tim:vien tim', 'd-thanh-thai:thanh thai']],
  ['quán karaoke trên Đồng Nai', ['d-dong-nai:Đồng Nai']],
  ['chạy 3/2 ban đêm', ['d-ba-thang-hai:3/2']],
  ['Ba Thang Hai street', ['d-ba-thang-hai:Ba Thang Hai']],
  ['về quê Đồng Nai', []],
  ['mua tủ lạnh ở Nguyễn Kim', []],
  ['nghỉ tới 3/2 mới đi làm', []],
  // wards: new names without "phường", lists, counts, other districts
  ['ở Diên Hồng có ai biết', ['p-dien-hong:Diên Hồng']],
  ['Hoà Hưng, Diên Hồng, Vườn Lài', ['p-hoa-hung:Hoà Hưng', 'p-dien-hong:Diên Hồng', 'p-vuon-lai:Vườn Lài']],
  ['ở Hòa Hưng', ['p-hoa-hung:Hòa Hưng']],
  ['phường 12, 13, 15 cũ', ['q10-p12:phường 12', 'q10-p13:13', 'q10-p15:15']],
  ['nhà em ở phường mười lăm', ['q10-p15:phường mười lăm']],
  ['nhắn fanpage phường 2 lần', []],
  ['P12 Tân Bình', []],
  ['F8 phun thuốc diệt muỗi', ['q10-p8:F8']],
  ['thpt nguyen du q10', ['thpt-nguyen-du:thpt nguyen du', 'q10:q10']],
  // another type's word before a bare name, people and events
  ['đường Vườn Lài bên Tân Phú', []],
  ['Bệnh viện Nguyễn Tri Phương bên quận 5', []],
  ['trường chuyên Lê Hồng Phong', []],
  ['Kinh tế cơ sở B trên Nguyễn Tri Phương', ['ueh-co-so-b:Kinh tế cơ sở B', 'd-nguyen-tri-phuong:Nguyễn Tri Phương']],
  ['Đọc Bách khoa toàn thư', []],
  ['sinh viên gần Bách khoa', ['dh-bach-khoa:Bách khoa']],
  ['lý thường kiệt đánh Tống', []],
  ['bài thơ của Lý Thường Kiệt', []],
  ['siêu thị GO Miền Đông', ['go-mien-dong:GO Miền Đông']],
  // places added for issue 12
  ['Ngã 6 Nguyễn Tri Phương ùn ứ', ['nga-sau-nguyen-tri-phuong:Ngã 6 Nguyễn Tri Phương']],
  ['chung cư Ngô Gia Tự xuống cấp', ['chung-cu-ngo-gia-tu:chung cư Ngô Gia Tự']],
  ['HUFLIT tuyển sinh', ['dh-huflit:HUFLIT']],
  // typos and weak cues where they would be wrong
  ['tuyến đường Quang Trung ở Gò Vấp', []],
  ['VKS đề nghị phạt Nguyễn Duy Dũng', []],
  ['thuốc trợ dương nhân tạo', []],
  ['đạo diễn Phương Hoa', []],
  ['chi gần 3,2 triệu USD', []],
  ['thắng với kết quả 3-2', []],
  ['vượt qua Thủy 3-2 ở trận bán kết', []],
  ['truyền cảm hứng từ cách mạng hoa hồng', []],
  ['uy tín nhất tại LHP', []],
  ['báo giới Anh quốc, từ trước Giáng sinh', []],
  ['đường Ba Vì đoạn gần Hồng Lĩnh', ['d-ba-vi:đường Ba Vì', 'd-hong-linh:Hồng Lĩnh']],
];

describe('findPlaces on places as people write them', () => {
  it.each(AS_WRITTEN)('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });
});

describe('findPlaces on Quận 10 posts', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('returns canonical names and types', () => {
    expect(findPlaces('kẹt xe đường 3/2 gần BV 115', gazetteer).map(({ id, name, type }) => ({ id, name, type }))).toEqual([
      { id: 'd-ba-thang-hai', name: 'Ba Tháng Hai', type: 'street' },
      { id: 'bv-nhan-dan-115', name: 'Bệnh viện Nhân dân 115', type: 'hospital' },
    ]);
  });

  it('maps offsets through decomposed (NFD) text', () => {
    const text = 'ngập ở Phường 12'.normalize('NFD');
    const [p] = findPlaces(text, gazetteer);
    expect(text.slice(p.start, p.end).normalize('NFC')).toBe('Phường 12');
  });
});

describe('gazetteer data file', () => {
  const places = (data as GazetteerData).places;
  const ids = new Set(places.map((p) => p.id));
  it('has unique ids, known types, and references that resolve', () => {
    expect(ids.size).toBe(places.length);
    for (const p of places) {
      expect(['district', 'ward', 'street', 'market', 'landmark', 'school', 'hospital']).toContain(p.type);
      for (const ref of [...(p.parents ?? []), ...(p.successors ?? []), ...(p.formerWards ?? [])]) expect(ids, `${p.id} → ${ref}`).toContain(ref);
    }
  });
  it('lists the 11 pre-2025 wards with GSO codes and a successor for each', () => {
    const old = places.filter((p) => p.type === 'ward' && p.gso);
    expect(old.map((p) => p.name.replace('Phường ', '')).sort((a, b) => +a - +b)).toEqual(['1', '2', '4', '6', '8', '9', '10', '12', '13', '14', '15']);
    for (const p of old) expect(p.successors?.length).toBeGreaterThan(0);
  });
  it('names the wards since 1 July 2025 with their codes and former wards (vn-units-2025)', () => {
    const byId = new Map(places.map((p) => [p.id, p]));
    const merged = (id: string) => [byId.get(id)?.name, byId.get(id)?.code, byId.get(id)?.formerWards?.map((w) => byId.get(w)?.name).sort()];
    expect(merged('p-vuon-lai')).toEqual(['Phường Vườn Lài', '27190', ['Phường 1', 'Phường 10', 'Phường 2', 'Phường 4', 'Phường 9']]);
    expect(merged('p-dien-hong')).toEqual(['Phường Diên Hồng', '27169', ['Phường 14', 'Phường 6', 'Phường 8']]);
    expect(merged('p-hoa-hung')).toEqual(['Phường Hòa Hưng', '27163', ['Phường 12', 'Phường 13', 'Phường 14', 'Phường 15']]);
  });
  it('rejects duplicate ids', () => {
    expect(() => compileGazetteer({ places: [places[0], places[0]] })).toThrow(/duplicate/);
  });
});
