// Synthetic District 10 concerns for the demo stream and the benchmarks (dữ liệu mô phỏng). Every
// scenario has many wordings of its core complaint, places, details and closers; generate.ts combines
// them and writes each post in one of the styles people use (with or without diacritics, teencode,
// shouting, stretched letters, emoji). Names of people are invented; phone numbers are not real.

export interface Scenario {
  id: string;
  /** Relative weight in the background stream. */
  weight: number;
  /** Core sentences: the concern, in many wordings. {place} is filled from `places`. */
  core: string[];
  places: string[];
  details: string[];
  closers: string[];
  /** Praise rather than complaint: closers and emoji are kinder. */
  positive?: boolean;
}

export const OPENERS = [
  '', '', '', '', 'Mọi người ơi, ', 'Bà con ơi, ', 'Cho mình hỏi chút, ', 'Phản ánh: ', 'Góp ý với phường: ', 'Thật sự bức xúc, ', 'Ai ở gần đây biết không, ',
  'Xin phép admin, ', 'Nhờ page đăng giúp: ', 'Hôm nay ', 'Sáng nay ', 'Chiều nay ', 'Tối qua ', 'Tuần này ', 'Lại nữa, ', 'Báo cho mọi người biết, ',
];

export const ANGRY_CLOSERS = [
  'Đề nghị chính quyền sớm giải quyết.', 'Bao giờ mới xử lý dứt điểm đây?', 'Đã phản ánh nhiều lần mà vẫn vậy.', 'Lần thứ 3 rồi đó!!!', 'Ai có trách nhiệm xin vào xem giúp.',
  'Mong phường quan tâm.', 'Chán thật sự.', 'Không hiểu nổi luôn.', 'Xin cơ quan chức năng vào cuộc.', 'Gọi đường dây nóng không ai nghe.', 'Bức xúc quá rồi.',
  'Mong được phản hồi sớm.', 'Cứ thế này hoài sao chịu nổi.', 'Ai đi qua cẩn thận nha.', 'Share cho mọi người cùng biết.',
];

export const KIND_CLOSERS = ['Cảm ơn phường nhiều!', 'Rất đáng khen.', 'Bà con ai cũng vui.', 'Mong các nơi khác học hỏi.', 'Cảm ơn các anh chị cán bộ.', 'Quá tuyệt vời luôn.', 'Tuyệt vời!'];

export const NAMES = ['anh Tuấn', 'chị Hoa', 'cô Lan', 'chú Bảy', 'bác Tư', 'anh Hùng', 'chị Mai', 'em Vy', 'ông Sáu', 'bà Năm'];

export const SCENARIOS: Scenario[] = [
  {
    id: 'ngap-ba-hat',
    weight: 3,
    core: [
      'Mưa có 30 phút mà đường {place} ngập tới đầu gối', 'nước ngập lênh láng ở {place} sau cơn mưa', '{place} lại ngập nặng, xe chết máy hàng loạt', 'ngập nước ở {place} tràn cả vào nhà dân',
      'cứ mưa là {place} thành sông', 'đoạn {place} ngập sâu, nước cống đen ngòm trào lên', 'triều cường với mưa lớn làm {place} ngập không đi được', 'đi làm về phải lội nước ở {place}',
      'ngập nước {place} kéo dài mấy tiếng chưa rút', 'nắp cống ở {place} bị nghẹt rác nên nước không thoát được', 'xe máy chết máy nằm la liệt ở {place} vì ngập',
    ],
    places: ['Bà Hạt', 'Vĩnh Viễn', 'Bà Hạt gần chợ Nguyễn Tri Phương', 'Nguyễn Kim', 'hẻm 285 Cách Mạng Tháng 8', 'Bà Hạt phường 9'],
    details: ['Nước vào tận nhà, đồ đạc hư hết.', 'Thuê người đẩy xe 50 nghìn.', 'Học sinh đi học về ướt hết.', 'Nhà mình phải kê đồ lên cao.', 'Cống thoát nước làm rồi mà vẫn ngập.', ''],
    closers: [],
  },
  {
    id: 'ket-xe-3-2',
    weight: 4,
    core: [
      'kẹt xe kinh khủng trên đường {place} giờ tan tầm', '{place} kẹt cứng cả tiếng đồng hồ', 'ùn tắc giao thông ở {place} mỗi sáng đi làm', 'giờ cao điểm {place} nhích từng chút một',
      'ngày nào cũng kẹt xe ở {place}', 'đoạn {place} kẹt xe không lối thoát', 'xe máy leo lề vì kẹt xe ở {place}', 'từ nhà tới chỗ làm qua {place} mất gần 1 tiếng vì kẹt xe',
      'kẹt xe ở {place} mà không thấy CSGT phân luồng', 'đèn giao thông ở {place} hư nên kẹt xe tứ phía',
    ],
    places: ['3/2', 'Ba Tháng Hai', '3/2 gần Vạn Hạnh Mall', 'ngã tư 3/2 - Lý Thường Kiệt', '3/2 đoạn trước Vạn Hạnh Mall', 'đường 3/2 phường 12'],
    details: ['Đi học trễ luôn.', 'Khói bụi ngộp thở.', 'Bóp kèn inh ỏi.', 'Xe cứu thương cũng không qua được.', 'Tháng này là lần thứ mấy rồi không biết.', ''],
    closers: [],
  },
  {
    id: 'rac-ly-thai-to',
    weight: 3,
    core: [
      'rác thải tập kết ở góc {place} bốc mùi hôi thối', 'bãi rác tự phát ở {place} ruồi nhặng bu đầy', 'điểm tập kết rác {place} để cả tuần không ai dọn', 'người ta vứt rác bừa bãi ở {place}',
      'xe thu gom rác ở {place} làm rơi vãi nước rác ra đường', 'mùi rác ở {place} hôi không chịu nổi', 'rác chất đống trên vỉa hè {place}', 'đi ngang {place} phải bịt mũi vì mùi rác',
    ],
    places: ['Lý Thái Tổ - Hùng Vương', 'Lý Thái Tổ', 'chợ Nguyễn Tri Phương', 'hẻm 12 Hòa Hảo', 'Ngô Quyền', 'đường Hùng Vương'],
    details: ['Muỗi với chuột bò ra đầy.', 'Trẻ con trong hẻm bị ho.', 'Chiều nào cũng vậy.', 'Dân buôn bán xung quanh than trời.', ''],
    closers: [],
  },
  {
    id: 'karaoke-on',
    weight: 2,
    core: [
      'karaoke hát tới 12 giờ đêm ở {place}', 'tiếng ồn karaoke ở {place} không ai ngủ được', 'nhà hàng xóm ở {place} mở loa kẹo kéo hát cả ngày', 'quán nhậu ở {place} hát hò ồn ào tới khuya',
      'loa kẹo kéo ở {place} mở hết công suất', 'đêm nào cũng bị tiếng karaoke ở {place} tra tấn',
    ],
    places: ['hẻm 51 Thành Thái', 'phường 14', 'hẻm 139 Lý Thường Kiệt', 'cư xá Bắc Hải', 'đường Sư Vạn Hạnh'],
    details: ['Nhà có con nhỏ với người già.', 'Gọi công an phường thì tắt được 10 phút.', 'Mai còn đi làm sớm.', 'Học sinh ôn thi không học được.', ''],
    closers: [],
  },
  {
    id: 'lua-dao-cong-an',
    weight: 2,
    core: [
      'có người giả danh công an gọi điện bắt chuyển khoản', 'cảnh báo lừa đảo: gọi điện nói con bị tai nạn cần chuyển tiền gấp', 'đối tượng lừa đảo mạo danh cán bộ phường yêu cầu cài app VNeID giả',
      'nhận cuộc gọi lừa đảo tự xưng nhân viên điện lực đòi cắt điện', 'bị lừa đảo qua tin nhắn trúng thưởng', 'lừa đảo giả danh công an gọi điện về việc cập nhật căn cước',
      'mẹ mình suýt bị lừa chuyển khoản cho kẻ giả danh công an',
    ],
    places: ['phường 12', 'Quận 10', 'phường Hòa Hưng', 'cư xá Nguyễn Trung Trực', 'phường 15'],
    details: ['Số gọi tới là 0912 345 678.', 'Tụi nó đọc đúng tên và số căn cước luôn.', 'Yêu cầu chuyển vào STK 0071000123456.', 'Người già rất dễ tin.', ''],
    closers: ['Mọi người cảnh giác nha.', 'Tuyệt đối không chuyển tiền.', 'Báo ngay cho công an phường.', 'Share cho ông bà cha mẹ biết.'],
  },
  {
    id: 'cho-kham-benh-vien',
    weight: 2,
    core: [
      'chờ khám ở {place} từ 6 giờ sáng tới trưa', 'xếp hàng lấy số ở {place} mệt mỏi quá', 'khám bảo hiểm y tế ở {place} chờ cả buổi', 'nhân viên ở {place} thái độ khó chịu với bệnh nhân',
      'bệnh nhân nằm chung giường ở {place}', 'khám bhyt trái tuyến ở {place} không được hưởng', 'thuốc bhyt ở {place} hết hoài phải ra ngoài mua',
    ],
    places: ['Bệnh viện Nhân dân 115', 'BV 115', 'Bệnh viện Quận 10', 'trạm y tế phường', 'Bệnh viện Trưng Vương'],
    details: ['Mẹ mình lớn tuổi ngồi không nổi.', 'Không có chỗ ngồi chờ.', 'Bảng điện tử gọi số hư.', ''],
    closers: [],
  },
  {
    id: 'tuyen-sinh-lop-6',
    weight: 2,
    core: [
      'tuyển sinh lớp 6 trường {place} năm nay rối quá', 'học phí với các khoản thu đầu năm ở {place} nhiều quá', 'trường {place} thu tiền học thêm bắt buộc', 'phụ huynh xếp hàng nộp hồ sơ ở {place} từ sáng sớm',
      'con mình không được nhận vào trường {place} dù nhà ở gần', 'sĩ số lớp ở {place} lên 50 em một lớp', 'quỹ phụ huynh trường {place} thu không minh bạch',
    ],
    places: ['Nguyễn Du', 'THCS Nguyễn Văn Tố', 'Hoàng Văn Thụ', 'THCS Colette', 'Trần Phú'],
    details: ['Hệ thống đăng ký online bị lỗi.', 'Không biết hỏi ai.', 'Con khóc cả tối.', 'Phụ huynh nhóm zalo bàn tán xôn xao.', ''],
    closers: ['Mong phòng giáo dục giải thích rõ.', 'Phụ huynh hoang mang quá.', 'Xin nhà trường công khai các khoản thu.'],
  },
  {
    id: 'so-hong-cham',
    weight: 1,
    core: [
      'nộp hồ sơ cấp sổ hồng ở {place} 3 tháng chưa có', 'làm thủ tục giấy phép xây dựng ở {place} bị hẹn lên hẹn xuống', 'hồ sơ đất đai ở {place} bị trả về vì thiếu giấy tờ mà không nói rõ',
      'thủ tục hành chính ở {place} rườm rà quá', 'đi chứng thực ở {place} phải đi lại 4 lần', 'dịch vụ công trực tuyến của {place} lỗi hoài',
    ],
    places: ['UBND phường', 'bộ phận một cửa phường 13', 'UBND Quận 10', 'phường Diên Hồng', 'bộ phận tiếp nhận hồ sơ'],
    details: ['Cán bộ nói hệ thống đang nâng cấp.', 'Mất mấy ngày nghỉ làm.', 'Không ai hướng dẫn.', ''],
    closers: [],
  },
  {
    id: 'cuop-giat',
    weight: 2,
    core: [
      'cướp giật điện thoại ở {place} giữa ban ngày', 'vừa bị giật túi xách trên đường {place}', 'trộm xe máy trong hẻm {place} liên tục', 'hai thanh niên đi xe máy giật dây chuyền ở {place}',
      'tình hình an ninh ở {place} dạo này phức tạp', 'camera ghi lại cảnh trộm bẻ khóa xe ở {place}',
    ],
    places: ['Ngô Gia Tự', 'Nguyễn Tri Phương', 'hẻm 100 Tô Hiến Thành', 'Thành Thái', 'Lê Hồng Phong'],
    details: ['Nạn nhân là một cô gái đi làm về.', 'Người đi đường không ai dám can.', 'Đã trình báo công an phường.', ''],
    closers: ['Mọi người cẩn thận tài sản nha.', 'Mong công an tăng cường tuần tra.', 'Đi đường nhớ cất điện thoại.'],
  },
  {
    id: 'lan-chiem-via-he',
    weight: 2,
    core: [
      'lấn chiếm vỉa hè buôn bán ở {place} người đi bộ phải xuống lòng đường', 'hàng quán bày tràn ra vỉa hè {place}', 'xe đậu kín vỉa hè {place}',
      'vỉa hè {place} biến thành bãi giữ xe', 'sạp hàng chiếm hết lối đi ở {place}',
    ],
    places: ['chợ Nguyễn Tri Phương', 'chợ Hòa Hưng', 'Sư Vạn Hạnh', 'Nguyễn Chí Thanh', 'Ba Tháng Hai'],
    details: ['Người già với trẻ em đi rất nguy hiểm.', 'Dẹp xong hôm sau lại bày ra.', ''],
    closers: [],
  },
  {
    id: 'den-duong-hong',
    weight: 1,
    core: [
      'đèn đường ở {place} hư cả tháng nay tối thui', 'hẻm {place} không có đèn đường, tối đi rất sợ', 'trụ đèn ở {place} chập điện nguy hiểm',
      'đèn chiếu sáng {place} chập chờn lúc tắt lúc mở',
    ],
    places: ['hẻm 285', 'hẻm 470 Cách Mạng Tháng 8', 'cư xá Bắc Hải', 'Hồ Bá Kiện', 'Nhật Tảo'],
    details: ['Mới có vụ cướp giật ở đó.', 'Con nít đi học thêm về tối.', ''],
    closers: [],
  },
  {
    id: 'dao-duong-ly-thuong-kiet',
    weight: 2,
    core: [
      'đường {place} đào lên lấp xuống hoài', 'công trình sửa đường {place} rào chắn cả năm chưa xong', 'lô cốt trên đường {place} gây kẹt xe', 'mặt đường {place} sau khi đào lấp lồi lõm ổ gà',
      'thi công cống ở {place} bụi mù mịt', 'đường {place} thi công ban đêm ồn ào',
    ],
    places: ['Lý Thường Kiệt', 'Tô Hiến Thành', 'Thành Thái', 'Hòa Hảo', 'Ngô Quyền'],
    details: ['Mưa xuống là sình lầy.', 'Té xe mấy vụ rồi.', 'Biển báo thi công cũng không có.', ''],
    closers: [],
  },
  {
    id: 'sot-xuat-huyet',
    weight: 1,
    core: [
      'khu {place} có mấy ca sốt xuất huyết', 'muỗi nhiều quá ở {place}, xin phường phun thuốc', 'con mình bị sốt xuất huyết nhập viện, nhà ở {place}',
      'nước đọng ở {place} thành ổ lăng quăng', 'dịch sốt xuất huyết ở {place} tăng mà chưa thấy phun thuốc diệt muỗi',
    ],
    places: ['phường 6', 'hẻm 43 Vĩnh Viễn', 'phường 8', 'cư xá Đồng Tiến', 'Diên Hồng'],
    details: ['Trẻ con trong hẻm bị liên tục.', 'Bệnh viện quá tải.', ''],
    closers: [],
  },
  {
    id: 'mat-nuoc',
    weight: 1,
    core: [
      'khu {place} mất nước 2 ngày nay', 'nước máy ở {place} đục ngầu có mùi', 'cúp nước ở {place} không báo trước', 'áp lực nước yếu ở {place}, lầu 2 không có nước',
      'cúp điện liên tục ở {place} giữa trời nóng',
    ],
    places: ['phường 10', 'Nguyễn Lâm', 'chung cư Nguyễn Kim', 'hẻm 100 Trần Nhân Tôn', 'phường 2'],
    details: ['Phải đi mua nước bình.', 'Tiền nước vẫn tính đủ.', 'Trời nóng mà không có nước tắm.', ''],
    closers: [],
  },
  {
    id: 'xay-dung-nut-nha',
    weight: 1,
    core: [
      'công trình xây dựng bên cạnh ở {place} làm nứt tường nhà mình', 'nhà xây không phép ở {place} lấn ra hẻm', 'công trình ở {place} thi công xuyên đêm, vật liệu rơi xuống đường',
      'xây dựng sai phép ở {place} mà không thấy ai xử lý',
    ],
    places: ['hẻm 15 Đào Duy Từ', 'Nguyễn Tiểu La', 'Cao Thắng', 'phường 4'],
    details: ['Báo phường rồi mà chưa thấy xuống.', 'Chủ công trình hứa đền mà không làm.', ''],
    closers: [],
  },
  {
    id: 'khen-can-cuoc',
    weight: 2,
    positive: true,
    core: [
      'làm căn cước ở {place} nhanh gọn, cán bộ nhiệt tình', 'cảm ơn {place} hỗ trợ người già làm định danh điện tử tận nhà', 'bộ phận một cửa {place} phục vụ rất chu đáo',
      'thủ tục ở {place} giờ nhanh hơn nhiều, 15 phút là xong', 'công an {place} hướng dẫn cài VNeID rất tận tình',
    ],
    places: ['phường 12', 'UBND phường Hòa Hưng', 'phường 15', 'phường Vườn Lài'],
    details: ['Không phải chờ lâu.', 'Các bạn đoàn viên hỗ trợ nhiệt tình.', ''],
    closers: [],
  },
  {
    id: 'khen-duong-sach',
    weight: 1,
    positive: true,
    core: [
      'ngày hội đọc sách ở {place} vui quá', 'chương trình văn nghệ cuối tuần ở {place} rất ý nghĩa', 'sân chơi thiếu nhi mới ở {place} sạch đẹp',
      'công viên {place} được cải tạo xanh mát', 'lễ hội ẩm thực ở {place} đông vui',
    ],
    places: ['công viên Lê Thị Riêng', 'nhà văn hóa Quận 10', 'công viên Hòa Bình', 'Nhà thiếu nhi Quận 10'],
    details: ['Con mình thích lắm.', 'Mong tổ chức thường xuyên.', ''],
    closers: [],
  },
  {
    id: 'gia-dien-tang',
    weight: 1,
    core: [
      'tiền điện tháng này tăng gấp đôi ở {place}', 'hóa đơn tiền điện tăng vô lý', 'giá cả chợ {place} tăng mà lương không tăng', 'tiền nước tháng này tăng bất thường',
      'chi phí sinh hoạt ở {place} đắt đỏ quá',
    ],
    places: ['Quận 10', 'chợ Nguyễn Tri Phương', 'chợ Hòa Hưng', 'phường 13'],
    details: ['Nhà chỉ có 2 người.', 'Không biết tính kiểu gì.', ''],
    closers: [],
  },
  {
    id: 'cay-xanh-do',
    weight: 1,
    core: [
      'cây xanh ở {place} bị gãy nhánh đè lên xe', 'mưa gió làm cây đổ chắn ngang đường {place}', 'cây trên đường {place} nghiêng sắp đổ mà chưa ai cắt tỉa',
      'nhánh cây khô ở {place} rơi trúng người đi đường',
    ],
    places: ['Hùng Vương', 'Lý Thái Tổ', 'Sư Vạn Hạnh', 'Ngô Gia Tự'],
    details: ['May mà không ai bị thương.', 'Cây xanh công ty nên kiểm tra.', ''],
    closers: [],
  },
  {
    id: 'hang-rong-truong',
    weight: 1,
    core: [
      'hàng rong bu trước cổng trường {place} bán đồ ăn không rõ nguồn gốc', 'giờ tan học cổng trường {place} kẹt cứng vì phụ huynh đậu xe', 'trước cổng trường {place} bán đồ chơi nguy hiểm cho học sinh',
    ],
    places: ['Nguyễn Du', 'Hoàng Văn Thụ', 'tiểu học Điện Biên', 'Trần Phú'],
    details: ['Con nít ăn vào đau bụng.', ''],
    closers: [],
  },
  {
    id: 'nghia-vu-quan-su',
    weight: 1,
    core: [
      'khám tuyển nghĩa vụ quân sự năm nay ở {place} lịch thế nào', 'con trai mình nhận lệnh gọi nhập ngũ ở {place}, hồ sơ cần gì', 'tạm hoãn nghĩa vụ quân sự cho sinh viên ở {place} làm sao',
    ],
    places: ['phường 12', 'Ban chỉ huy quân sự Quận 10', 'phường 14'],
    details: ['Hỏi nhiều nơi mà chưa rõ.', ''],
    closers: ['Ai biết chỉ giúp với.', 'Cảm ơn mọi người.'],
  },
];

/** Chatter that belongs to no issue: greetings, one-offs, ads, off-topic talk. */
export const CHATTER = [
  'Chúc cả nhà cuối tuần vui vẻ', 'Có ai biết quán phở nào ngon gần đây không', 'Tìm chó lạc màu vàng ở hẻm 20', 'Cho thuê phòng trọ giá rẻ liên hệ 0909 000 111', 'Hôm nay trời đẹp quá',
  'Ai đi đá banh chiều nay không', 'Bán xe máy cũ còn mới 90%', 'Nhận dạy kèm tiếng Anh tại nhà', 'Quán cà phê mới mở ở Sư Vạn Hạnh đẹp lắm', 'Chúc mừng sinh nhật page',
  'Tuyển nhân viên bán hàng part time', 'Tìm người nhặt được ví tên Nguyễn Văn Minh', 'Trận bóng tối qua hay quá', 'Xin công thức làm bánh flan', 'Thanh lý tủ lạnh cũ',
];
