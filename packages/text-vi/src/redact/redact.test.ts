import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

// [input, expected output]. Real shapes of Vietnamese posts: with and without diacritics, teencode.
const MUST_REDACT: [string, string][] = [
  // phones: mobile, every common grouping
  ['Liên hệ 0903 123 456 để được tư vấn', 'Liên hệ [SĐT] để được tư vấn'],
  ['LH 0903.123.456 gặp chị chủ nhà', 'LH [SĐT] gặp chị chủ nhà'],
  ['sđt 0903-123-456', 'sđt [SĐT]'],
  ['Gọi +84 903 123 456 nha', 'Gọi [SĐT] nha'],
  ['zalo 84903123456', 'zalo [SĐT]'],
  ['(+84) 903 123 456', '[SĐT]'],
  ['+84903123456', '[SĐT]'],
  ['sdt 0903123456 zalo luon', 'sdt [SĐT] zalo luon'],
  ['sdt0903123456', 'sdt[SĐT]'],
  ['Ai nhặt được ví gọi giúp em 0987654321 với ạ', 'Ai nhặt được ví gọi giúp em [SĐT] với ạ'],
  ['ĐT: 0912 345 678 - 0938 111 222', 'ĐT: [SĐT] - [SĐT]'],
  ['SĐT: 0933735073/0912737074', 'SĐT: [SĐT]/[SĐT]'],
  ['0903 12 34 56 chính chủ', '[SĐT] chính chủ'],
  ['090 1234 567', '[SĐT]'],
  ['số cũ 01234 567 890 vẫn dùng', 'số cũ [SĐT] vẫn dùng'],
  ['cho thue phong lh 0369.888.999 a Tuan', 'cho thue phong lh [SĐT] a Tuan'],
  ['ｓđｔ ０９０３１２３４５６'.normalize('NFC'), 'ｓđｔ ０９０３１２３４５６'],
  // landlines
  ['Gọi (028) 3865 1234 trong giờ hành chính', 'Gọi [SĐT] trong giờ hành chính'],
  ['điện thoại 028 3865 1234', 'điện thoại [SĐT]'],
  ['028.3865.1234', '[SĐT]'],
  ['02838651234', '[SĐT]'],
  ['+84 28 3865 1234', '[SĐT]'],
  ['(024) 3825 1234 ở Hà Nội', '[SĐT] ở Hà Nội'],
  ['ĐT: 3865 1234 gặp chú bảo vệ', 'ĐT: [SĐT] gặp chú bảo vệ'],
  ['liên hệ 38651234 giờ hành chính', 'liên hệ [SĐT] giờ hành chính'],
  // e-mail, plain and obfuscated
  ['Gửi hồ sơ về nguyenvannam1990@gmail.com nhé', 'Gửi hồ sơ về [EMAIL] nhé'],
  ['email: lan.tran_89@yahoo.com.vn.', 'email: [EMAIL].'],
  ['mail abc @ gmail . com', 'mail [EMAIL]'],
  ['mail abc[at]gmail.com', 'mail [EMAIL]'],
  ['liên hệ abc (at) gmail (dot) com', 'liên hệ [EMAIL]'],
  ['Email: HoangMai@Hotmail.com', 'Email: [EMAIL]'],
  // citizen IDs
  ['CCCD 079203001234 bị rơi ở chợ', 'CCCD [CCCD] bị rơi ở chợ'],
  ['căn cước số 079 203 001 234', 'căn cước số [CCCD]'],
  ['nhặt được thẻ 0792 0300 1234 ai mất liên hệ', 'nhặt được thẻ [CCCD] ai mất liên hệ'],
  ['CMND 025123456 cấp ngày 12/3/2010', 'CMND [CCCD] cấp ngày 12/3/2010'],
  ['cmnd so 215123456', 'cmnd so [CCCD]'],
  ['số 025 123 456 là cmnd cũ', 'số [CCCD] là cmnd cũ'],
  ['mat giay to co so 079203001234', 'mat giay to co so [CCCD]'],
  ['Chứng minh nhân dân: 381234567', 'Chứng minh nhân dân: [CCCD]'],
  // bank accounts
  ['STK 0071000123456 Vietcombank chủ TK', 'STK [STK] Vietcombank chủ TK'],
  ['số tài khoản: 1903 5555 1234 56 Techcombank', 'số tài khoản: [STK] Techcombank'],
  ['stk: 123456789 MB Bank', 'stk: [STK] MB Bank'],
  ['chuyển khoản vào 19035555123456 nhé', 'chuyển khoản vào [STK] nhé'],
  ['ck vao tk 0123456789 acb', 'ck vao tk [STK] acb'],
  ['số tk Agribank 6380205123456', 'số tk Agribank [STK]'],
  ['tk vcb 0071000123456 ten NGUYEN VAN A', 'tk vcb [STK] ten NGUYEN VAN A'],
  ['STK Vietinbank - 101 868 123 456', 'STK Vietinbank - [STK]'],
  ['ủng hộ bà con qua STK 0903123456 MB', 'ủng hộ bà con qua STK [STK] MB'],
  // names of private persons
  ['anh Nguyễn Văn Nam ở tổ 5 bị mất xe', 'anh [TÊN] ở tổ 5 bị mất xe'],
  ['chị Lan ở hẻm 12 bán bánh mì', 'chị [TÊN] ở hẻm 12 bán bánh mì'],
  ['Hỏi bác Tư đầu hẻm là biết', 'Hỏi bác [TÊN] đầu hẻm là biết'],
  ['nhà ông Sáu bị ngập', 'nhà ông [TÊN] bị ngập'],
  ['cô Hoa bán xôi dễ thương lắm', 'cô [TÊN] bán xôi dễ thương lắm'],
  ['em Minh học lớp 5 bị lạc', 'em [TÊN] học lớp 5 bị lạc'],
  ['Anh Tuấn ơi cho em hỏi', 'Anh [TÊN] ơi cho em hỏi'],
  ['cam on chi Lan nhieu', 'cam on chi [TÊN] nhieu'],
  ['co Hoa ban xoi o dau hem', 'co [TÊN] ban xoi o dau hem'],
  ['ong Nguyen Van Tam bi lua', 'ong [TÊN] bi lua'],
  ['cháu Bảo Ngọc 5 tuổi đi lạc ở công viên', 'cháu [TÊN] 5 tuổi đi lạc ở công viên'],
  ['Tôi tên là Trần Thị Mai, ở Phường 12', 'Tôi tên là [TÊN], ở Phường 12'],
  ['anh Nam Phường 12 nhờ đăng', 'anh [TÊN] Phường 12 nhờ đăng'],
  ['chị Phương bán rau', 'chị [TÊN] bán rau'],
  ['anh Quân xe ôm', 'anh [TÊN] xe ôm'],
  ['cô giáo Hạnh dạy lớp 3', 'cô giáo [TÊN] dạy lớp 3'],
  ['bà Tư và chú Ba cãi nhau', 'bà [TÊN] và chú [TÊN] cãi nhau'],
  ['Thanh ly do cu lh a Tuan 0909.888.777', 'Thanh ly do cu lh a Tuan [SĐT]'],
  ['Em chào cô Hoa, em là phụ huynh bé Na lớp 2', 'Em chào cô [TÊN], em là phụ huynh bé [TÊN] lớp 2'],
  ['đt: 0903 123 456 (Zalo)', 'đt: [SĐT] (Zalo)'],
  ['ai thấy anh Trần Văn Hùng ở chợ Nguyễn Tri Phương báo giúp', 'ai thấy anh [TÊN] ở chợ Nguyễn Tri Phương báo giúp'],
  ['gửi lời cảm ơn đến chị Lan', 'gửi lời cảm ơn đến chị [TÊN]'],
  ['cho anh Nam mượn xe', 'cho anh [TÊN] mượn xe'],
  ['tra tien cho chi Hoa roi', 'tra tien cho chi [TÊN] roi'],
  ['giao cho anh Tuấn bên cạnh', 'giao cho anh [TÊN] bên cạnh'],
  // mixed
  ['Anh Hùng (0903 123 456, hung@gmail.com) STK 0071000123456', 'Anh [TÊN] ([SĐT], [EMAIL]) STK [STK]'],
];

const MUST_NOT_TOUCH: string[] = [
  // dates and times
  'Ngày 12/3/2024 lúc 8h30 sáng',
  'họp lúc 08:30 ngày 03.12.2024',
  'từ 7/7 đến 15/8/2025',
  'thứ 2 ngày 02/01/2025 nghỉ',
  'hạn chót 31-12-2025',
  // money and percentages
  'giá 1.500.000đ một tháng',
  'lương 15.000.000 đồng, tăng 15%',
  'thiệt hại 1.200.000.000 đồng',
  'dự án 100.000.000.000 đồng',
  'giá xăng 25.000 đ/lít',
  'vay 500 triệu, lãi 0,5%',
  'chuyển khoản 500.000đ tiền điện',
  'chuyển khoản 1.500.000 cho chủ trọ',
  'ck 500k nha',
  'phí 150000000 vnđ',
  'Tổng 2.345.678.901 đồng',
  // house numbers, streets, wards
  'nhà số 12/3A đường Sư Vạn Hạnh',
  '268 Lý Thường Kiệt, Phường 14, Quận 10',
  'hẻm 285 Cách Mạng Tháng Tám',
  'đường Ba Tháng Hai và Lý Thái Tổ kẹt xe',
  'đường Bà Hạt ngập nặng',
  'ngã tư Bà Hạt - Nguyễn Tri Phương',
  'chợ Bà Chiểu đông quá',
  'đường Cô Giang quận 1',
  'Ông Ích Khiêm quận 11 bị ngập',
  '590 Bà Hạt, Phường 9',
  'Phường 12 tổ chức họp dân',
  'Tổ 5 khu phố 3',
  // hotlines
  'Gọi 111, 112, 113, 114, 115 khi cần',
  'đường dây nóng 1022 của thành phố',
  'tổng đài 1900 1234',
  'hotline 1900.636.789',
  'gọi 1800 1091 miễn phí',
  'CSKH 19001234',
  // kinship words as pronouns, public figures, officials
  'anh ơi cho em hỏi',
  'chị em mình đi chợ',
  'Chị Em ơi giúp với',
  'Anh em ơi hôm nay kẹt xe quá',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Bác Hồ kính yêu',
  'Bác Hồ đã dạy',
  'Chủ tịch UBND phường 12, ông Nguyễn Văn An cho biết',
  'ông Trần Văn Bình, Chủ tịch UBND Phường 14, trả lời',
  'Phó Chủ tịch UBND Quận 10 bà Lê Thị Hoa chủ trì',
  'bà Nguyễn Thị Lan - Bí thư Đảng ủy phường phát biểu',
  // legal references, plates, school years, public figures
  'theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân',
  'Quyết định số 1234/QĐ-UBND ngày 5/6/2025',
  'xe biển số 51F-123.45 đỗ trước hẻm',
  'năm học 2024-2025 tăng học phí',
  'Bà Hạt ngập quá trời',
  'duong Ba Hat ngap qua',
  'ra chợ Bà Chiểu mua đồ',
  'Đồng chí Nguyễn Văn Nên, Bí thư Thành ủy, thăm hỏi bà con',
  'Đề nghị phường xử lý, cảm ơn anh chị',
  'ngày 30/4/1975 và 2/9/1945',
  // ordinary numbers
  'lớp 12 có 45 học sinh',
  'đợt 3 có 1200 hồ sơ',
  'mã số thuế 0301234567-001 của công ty',
  'năm 2025 quận 10 có 11 phường',
  'dân số 23851234 người',
  'mã hồ sơ 38651234',
];

// Names written without a kinship word, or in shapes the kinship rule missed (issue 12): signatures,
// introductions, rare family names, lower case, no diacritics, capitals, chat shorthand.
const NAMES_WITHOUT_TITLE: [string, string][] = [
  // signatures and form labels
  ['Người gửi: Nguyễn Văn Lợi, tổ 4', 'Người gửi: [TÊN], tổ 4'],
  ['Đề nghị sửa đèn đường.\n- Trần Văn Bình, tổ 7', 'Đề nghị sửa đèn đường.\n- [TÊN], tổ 7'],
  ['Ký tên\nThân Đức Hải', 'Ký tên\n[TÊN]'],
  ['Họ tên: Ninh Thị Hạnh. Địa chỉ: 54 Thành Thái', 'Họ tên: [TÊN]. Địa chỉ: 54 Thành Thái'],
  ['Họ và tên: TRẦN THỊ BÍCH NGỌC\nPhản ánh: mất trật tự', 'Họ và tên: [TÊN]\nPhản ánh: mất trật tự'],
  ['Xin chân thành cảm ơn!\nĐỗ Thị Thanh Xuân', 'Xin chân thành cảm ơn!\n[TÊN]'],
  // introductions
  ['Tôi là Nguyễn Thị Tuyết, ở hẻm 285', 'Tôi là [TÊN], ở hẻm 285'],
  ['mk là Thảo nè, ib mk nha', 'mk là [TÊN] nè, ib mk nha'],
  ['em la Hoang Thi My, sinh vien nam 2', 'em la [TÊN], sinh vien nam 2'],
  // rare family names, with and without a kinship word
  ['Hôm qua cô La Bảo Mơ dạy thay', 'Hôm qua cô [TÊN] dạy thay'],
  ['Diêm Thị Thủy ở tổ 9 bị giật túi', '[TÊN] ở tổ 9 bị giật túi'],
  ['Cảm ơn Quách Thị Ngọc Hân và Khổng Minh Trí', 'Cảm ơn [TÊN] và [TÊN]'],
  ['Bé Ông Gia Hân đi lạc ở Vạn Hạnh Mall', 'Bé [TÊN] đi lạc ở Vạn Hạnh Mall'],
  // lower case, no diacritics
  ['nguyen van loi o to 3 bi mat xe', '[TÊN] o to 3 bi mat xe'],
  ['toi la tran van hau o hem 245 hoa hao', 'toi la [TÊN] o hem 245 hoa hao'],
  ['ho ten: pham van duc, dia chi: 22 nguyen ngoc loc', 'ho ten: [TÊN], dia chi: 22 nguyen ngoc loc'],
  ['Nguyen Thi Tuyet, to 12 kp 3', '[TÊN], to 12 kp 3'],
  ['anh tuan xe om dau hem nhiet tinh lam', 'anh [TÊN] xe om dau hem nhiet tinh lam'],
  ['Tôi là nguyễn thị bích nhà ở hẻm 126', 'Tôi là [TÊN] nhà ở hẻm 126'],
  ['ví có CCCD tên tran minh khang, ai biết nhắn giúp', 'ví có CCCD tên [TÊN], ai biết nhắn giúp'],
  ['Hồ sơ nộp 3 tuần chưa có. — đỗ thành nam', 'Hồ sơ nộp 3 tuần chưa có. — [TÊN]'],
  ['nguyen hoang phuc ơi, ví của bạn để quên ở quán', '[TÊN] ơi, ví của bạn để quên ở quán'],
  ['Cảm ơn Nguyễn Tuấn Anh và Lê Thành Nam', 'Cảm ơn [TÊN] và [TÊN]'],
  // capitals, chat shorthand, nicknames
  ['CẢM ƠN THẦY LÊ QUANG VINH đã kèm đội tuyển', 'CẢM ƠN THẦY [TÊN] đã kèm đội tuyển'],
  ['a Tuấn ơi cho e hỏi', 'a [TÊN] ơi cho e hỏi'],
  ['LH: Mr Khoa 0912 000 111', 'LH: Mr [TÊN] [SĐT]'],
  ['Thằng Bin con chị Mai đá banh bể kiếng', 'Thằng [TÊN] con chị [TÊN] đá banh bể kiếng'],
  ['Cảm ơn anh chị Ban điều hành khu phố', 'Cảm ơn anh chị Ban điều hành khu phố'],
  // next to streets named after people
  ['Trương Văn Phát ở 90 Nguyễn Kim bị mất xe', '[TÊN] ở 90 Nguyễn Kim bị mất xe'],
  ['ông Tạ Văn Cường đầu hẻm 95 Nguyễn Duy Dương nuôi chó thả rông', 'ông [TÊN] đầu hẻm 95 Nguyễn Duy Dương nuôi chó thả rông'],
];

// Phrases that begin with a family name, or follow a cue, and are not private persons.
const LOOK_ALIKES: string[] = [
  'Hồ Bá Kiện với Hoàng Dư Khương bị ngập',
  'Trường THPT Nguyễn Du tổ chức lễ tri ân',
  'con học THCS Hoàng Văn Thụ',
  'Nhà sách Nguyễn Văn Cừ có bán sách lớp 1',
  'Lên Võ Văn Tần mua sách rồi ghé Nguyễn Thị Minh Khai',
  'duong Ly Thuong Kiet ket xe qua troi',
  'Ngập nặng Nguyễn Tri Phươg đoạn gần chợ',
  'Xin hỏi Chủ tịch UBND phường Nguyễn Văn A khi nào tiếp dân?',
  'ông Lê Văn Hòa, Phó Chủ tịch UBND phường Hòa Hưng, cho biết',
  'Chủ tịch nước Lương Cường gửi thư',
  'Đại tướng Võ Nguyên Giáp là niềm tự hào',
  'Đi taxi Mai Linh về Hòa Hưng',
  'Quý Ông Bà cô bác nhớ mang căn cước',
  'Đoàn Thanh niên phường ra quân',
  'ra Hà Nội công tác',
  'Lễ Vu Lan ở chùa Giác Ngộ',
  'toi la nguoi dan phuong 12',
  'Tôi là Đảng viên 40 năm tuổi Đảng',
  'anh tuan sau ghe lai nha',
  'ai thay thi bao giup',
  'len phuong hoi bo phan van hoa xa hoi',
  'con cho do van khoe ko',
  'Anh em ơi kẹt xe quá',
];

describe('redact: names without a kinship word, in lower case, capitals and without diacritics', () => {
  it.each(NAMES_WITHOUT_TITLE)('%s', (input, expected) => {
    expect(redact(input).text).toBe(expected);
  });
});

describe('redact: streets, schools, places, brands, officials and public figures that look like names', () => {
  it.each(LOOK_ALIKES)('%s', (input) => {
    expect(redact(input)).toEqual({ text: input, spans: [] });
  });

  it('keeps the caller\'s places that begin with a family name', () => {
    expect(redact('kẹt xe ở Trần Văn Ơn').text).toBe('kẹt xe ở [TÊN]');
    expect(redact('kẹt xe ở Trần Văn Ơn', { placeNames: ['Trần Văn Ơn'] }).text).toBe('kẹt xe ở Trần Văn Ơn');
  });
});

describe('redact: every phone, e-mail, ID, account and private name in the table', () => {
  it.each(MUST_REDACT)('%s', (input, expected) => {
    expect(redact(input).text).toBe(expected);
  });
});

describe('redact: dates, money, house numbers, streets, hotlines, pronouns and officials untouched', () => {
  it.each(MUST_NOT_TOUCH)('%s', (input) => {
    expect(redact(input)).toEqual({ text: input, spans: [] });
  });
});

describe('redact: spans and options', () => {
  it('returns typed spans as offsets into the original', () => {
    const text = 'LH 0903 123 456, mail a@b.vn';
    const { spans } = redact(text);
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([['phone', '0903 123 456'], ['email', 'a@b.vn']]);
  });

  it('maps offsets back through decomposed (NFD) input', () => {
    const text = 'chị Lan ở hẻm 12, sđt 0903123456'.normalize('NFD');
    const { text: out, spans } = redact(text);
    expect(out.normalize('NFC')).toBe('chị [TÊN] ở hẻm 12, sđt [SĐT]');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Lan', '0903123456']);
  });

  it('redacts only the kinds asked for', () => {
    expect(redact('anh Nam 0903123456', { types: ['phone'] }).text).toBe('anh Nam [SĐT]');
  });

  it('leaves extra place names given by the caller', () => {
    expect(redact('ra chợ bà Hom rồi').text).toBe('ra chợ bà Hom rồi');
    expect(redact('gặp bà Rịu ở cổng', { placeNames: ['Bà Rịu'] }).text).toBe('gặp bà Rịu ở cổng');
  });

  it('does not crash on hostile input', () => {
    for (const text of ['', '\u202e0903123456', '\u200b\u200b', 'x'.repeat(100_000) + '0903123456', '@'.repeat(5000), '1 '.repeat(10_000)]) {
      expect(() => redact(text)).not.toThrow();
    }
  });
});

describe('redact: rare family names and names after kinship words', () => {
  it.each([
    ['Hôm qua cô La Bảo Mơ bị mất xe', 'Hôm qua cô [TÊN] bị mất xe'],
    ['Người gửi: Lê Thị La', 'Người gửi: [TÊN]'],
    ['Nguyễn Thị La Bảo Mơ, tổ 7', '[TÊN], tổ 7'],
    ['nhà bà La bán bánh', 'nhà bà [TÊN] bán bánh'],
    ['bà Diêm bán xôi ở hẻm 3', 'bà [TÊN] bán xôi ở hẻm 3'],
    ['chú Diêm Văn Tư báo mất điện', 'chú [TÊN] báo mất điện'],
    ['Lều Văn Khoa phản ánh', '[TÊN] phản ánh'],
    ['anh Sùng A Páo giúp', 'anh [TÊN] giúp'],
  ])('%s', (text, want) => expect(redact(text).text).toBe(want));

  it.each(['chợ Bà Điểm đông người', 'đường Bà Hạt ngập', 'đường Lạc Long Quân', 'Từ hôm qua nước ngập', 'đường Ba Tháng Hai kẹt xe'])('keeps %s', (text) => expect(redact(text).text).toBe(text));
});
