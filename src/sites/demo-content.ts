// Templates of the demo content: real-looking news of a Quận 10 ward, cell, school or association,
// filled per unit so that 91 sites stay a few kilobytes in the repository. {u} = unit name, {s} = street,
// {w} = ward, {n} = a number, {m} = a man's name, {f} = a woman's name.
import type { Audience, ContentField, ItemKind } from './schema.ts';

export interface Template {
  kind: ItemKind;
  field?: ContentField;
  title: string;
  sapo: string;
  paragraphs: string[];
  tags: string[];
  audiences?: Audience[];
  details?: Record<string, string>;
}

export const STREETS = ['Thành Thái', 'Ba Tháng Hai', 'Lý Thường Kiệt', 'Sư Vạn Hạnh', 'Nguyễn Tri Phương', 'Tô Hiến Thành', 'Lê Hồng Phong', 'Ngô Gia Tự', 'Hòa Hảo', 'Cao Thắng', 'Điện Biên Phủ', 'Nguyễn Chí Thanh', 'Bắc Hải', 'Hồ Thị Kỷ', 'Vĩnh Viễn', 'Nguyễn Kim'];
export const MEN = ['Nguyễn Văn Hùng', 'Lê Văn Phúc', 'Võ Minh Tuấn', 'Đặng Quốc Bảo', 'Đỗ Văn Nam', 'Trương Công Danh'];
export const WOMEN = ['Trần Thị Mai', 'Phạm Thị Hồng', 'Huỳnh Thị Lan', 'Bùi Thị Thu Hà', 'Ngô Thị Kim Oanh', 'Lý Thị Ngọc Ánh'];

export const ARTICLES: Template[] = [
  {
    kind: 'article',
    field: 'van_hoa_xa_hoi',
    title: '{u} ra quân khơi thông cống rãnh, chống ngập nước đường {s}',
    sapo: 'Trước mùa mưa, {u} huy động lực lượng đoàn viên, tổ dân phố nạo vét {n} mét cống, giảm tình trạng ngập nước cục bộ trên đường {s}.',
    paragraphs: [
      'Sáng chủ nhật, hơn {n} đoàn viên, hội viên và bà con khu phố đã cùng tham gia nạo vét, thu gom rác thải tại các miệng cống trên đường {s}. Đây là đoạn đường thường xuyên ngập nước sau những cơn mưa lớn.',
      'Theo lãnh đạo {u}, công tác khơi thông dòng chảy được duy trì hằng tháng, kết hợp tuyên truyền người dân không xả rác xuống cống, không lấn chiếm vỉa hè che lấp hố ga.',
      'Bà con có thể phản ánh điểm ngập, cống nghẹt qua chuyên mục Phản ánh – Kiến nghị trên trang thông tin điện tử của phường để được xử lý kịp thời.',
    ],
    tags: ['ngập nước', 'môi trường', 'đường ' + '{s}'],
    audiences: ['nhan_dan', 'doan_vien'],
  },
  {
    kind: 'article',
    field: 'kinh_te_chinh_tri',
    title: '{u} sơ kết công tác 9 tháng, triển khai nhiệm vụ quý IV',
    sapo: 'Hội nghị đánh giá kết quả thực hiện nghị quyết, chỉ ra hạn chế và đề ra {n} nhóm giải pháp trọng tâm cho những tháng cuối năm.',
    paragraphs: [
      'Tại hội nghị, các đại biểu thống nhất đánh giá công tác xây dựng Đảng, chính quyền và hệ thống chính trị tiếp tục được quan tâm; việc học tập, quán triệt nghị quyết được tổ chức nghiêm túc, đúng thời gian.',
      'Bên cạnh kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra một số hạn chế như tỷ lệ đảng viên tham gia sinh hoạt ở nơi cư trú chưa đồng đều, việc cập nhật thông tin trên trang điện tử còn chậm.',
      'Quý IV, {u} tập trung nâng cao chất lượng sinh hoạt chi bộ, đẩy mạnh chuyển đổi số trong công tác tuyên truyền và giải quyết dứt điểm các phản ánh của người dân.',
    ],
    tags: ['nghị quyết', 'sơ kết'],
    audiences: ['dang_vien_duong_chuc'],
  },
  {
    kind: 'article',
    field: 'quoc_phong_an_ninh',
    title: 'Ra mắt mô hình "Camera an ninh" trên đường {s}',
    sapo: 'Với sự chung tay của người dân, {n} camera đã được lắp đặt, góp phần giữ gìn an ninh trật tự, phòng chống trộm cắp trên địa bàn.',
    paragraphs: [
      'Mô hình do Ban điều hành khu phố phối hợp Công an phường triển khai, kinh phí từ nguồn xã hội hóa. Hình ảnh từ camera được kết nối về trụ sở khu phố và lực lượng bảo vệ dân phố.',
      'Ông {m}, Trưởng khu phố, cho biết từ khi có camera, tình trạng trộm xe, giật túi xách trên tuyến đường giảm rõ rệt, bà con yên tâm hơn khi ra đường buổi tối.',
    ],
    tags: ['an ninh trật tự', 'camera'],
    audiences: ['nhan_dan'],
  },
  {
    kind: 'article',
    field: 'van_hoa_xa_hoi',
    title: 'Trao {n} phần quà cho hộ nghèo, hộ cận nghèo',
    sapo: '{u} phối hợp các mạnh thường quân trao quà, học bổng cho các gia đình có hoàn cảnh khó khăn và học sinh vượt khó.',
    paragraphs: [
      'Mỗi phần quà gồm gạo, dầu ăn, nhu yếu phẩm và tiền mặt, tổng trị giá hơn {n} triệu đồng. Cùng dịp, {u} trao học bổng cho học sinh nghèo học giỏi.',
      'Hoạt động nằm trong chương trình "Không để ai bị bỏ lại phía sau", thể hiện truyền thống tương thân tương ái của người dân Quận 10.',
    ],
    tags: ['an sinh xã hội', 'hộ nghèo'],
    audiences: ['nhan_dan', 'hoi_vien'],
  },
  {
    kind: 'article',
    field: 'kinh_te_chinh_tri',
    title: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
    sapo: 'Tổ công nghệ số cộng đồng của {u} hỗ trợ bà con nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt, cài đặt định danh điện tử.',
    paragraphs: [
      'Mỗi sáng thứ bảy, các thành viên tổ công nghệ số cộng đồng có mặt tại trụ sở để hướng dẫn người dân, nhất là người cao tuổi, thực hiện thủ tục hành chính trên Cổng dịch vụ công.',
      'Từ đầu năm, tổ đã hỗ trợ hơn {n} lượt người dân, góp phần nâng tỷ lệ hồ sơ trực tuyến toàn trình của phường.',
    ],
    tags: ['chuyển đổi số', 'dịch vụ công'],
    audiences: ['nhan_dan', 'dang_vien_huu_tri'],
  },
  {
    kind: 'article',
    field: 'quoc_phong_an_ninh',
    title: 'Tuyên truyền phòng chống lừa đảo qua mạng cho người cao tuổi',
    sapo: 'Nhiều thủ đoạn giả danh cơ quan chức năng, nhắn tin trúng thưởng được Công an phường phân tích để bà con nhận diện và phòng tránh.',
    paragraphs: [
      'Buổi tuyên truyền thu hút đông đảo đảng viên hưu trí, hội viên Hội Người cao tuổi. Báo cáo viên nhấn mạnh: cơ quan công an không làm việc qua điện thoại, không yêu cầu chuyển tiền vào tài khoản lạ.',
      'Khi nghi ngờ bị lừa đảo, người dân cần liên hệ ngay Công an phường hoặc gọi số 113 để được hướng dẫn.',
    ],
    tags: ['lừa đảo', 'an ninh mạng'],
    audiences: ['dang_vien_huu_tri', 'nhan_dan'],
  },
  {
    kind: 'article',
    field: 'van_hoa_xa_hoi',
    title: 'Học sinh hào hứng với ngày hội "Em yêu sử Việt"',
    sapo: 'Hơn {n} học sinh tham gia trò chơi, triển lãm tranh và hái hoa dân chủ tìm hiểu lịch sử dân tộc.',
    paragraphs: [
      'Ngày hội giúp các em tìm hiểu về các anh hùng dân tộc, các địa danh lịch sử trên địa bàn Quận 10 như Trường Đua Phú Thọ, Nghĩa trang Liệt sĩ Thành phố.',
      'Phụ huynh cùng tham gia cổ vũ, nhiều gia đình đăng ký đồng hành cùng nhà trường trong các hoạt động ngoại khóa sắp tới.',
    ],
    tags: ['giáo dục', 'lịch sử'],
    audiences: ['hoc_sinh_phu_huynh', 'doan_vien'],
  },
];

export const PROFILES: Template[] = [
  {
    kind: 'profile',
    title: 'Ông {m}: 20 năm tận tụy với công tác khu phố',
    sapo: 'Người trưởng khu phố được bà con tin yêu vì luôn lắng nghe, giải quyết kịp thời những việc nhỏ nhất của dân.',
    paragraphs: [
      'Gần 20 năm làm công tác khu phố, ông {m} thuộc từng con hẻm, từng hoàn cảnh gia đình. Ông vận động bà con hiến đất mở rộng hẻm, lắp đèn chiếu sáng, xây dựng khu phố văn minh.',
      'Với ông, học tập và làm theo Bác là bắt đầu từ những việc làm cụ thể: nói đi đôi với làm, gần dân, hiểu dân, vì dân.',
    ],
    tags: ['gương điển hình', 'học tập và làm theo Bác'],
    details: { subjectType: 'person', subjectName: '{m}', achievement: 'Bằng khen của Ủy ban nhân dân Thành phố năm 2024' },
  },
  {
    kind: 'profile',
    title: 'Bà {f} và bếp cơm 0 đồng giữa lòng Quận 10',
    sapo: 'Suốt nhiều năm, bếp cơm của bà mỗi tuần phục vụ hàng trăm suất ăn miễn phí cho bệnh nhân nghèo và người lao động khó khăn.',
    paragraphs: [
      'Mỗi sáng thứ tư, căn bếp nhỏ trên đường {s} lại rộn ràng tiếng nói cười của các tình nguyện viên. Bà {f} tự tay đi chợ, nấu nướng, rồi cùng các bạn trẻ mang cơm đến bệnh viện.',
      'Bà chia sẻ: "Còn sức thì còn làm. Thấy bà con no bụng là mình vui".',
    ],
    tags: ['gương điển hình', 'người tốt việc tốt'],
    details: { subjectType: 'person', subjectName: '{f}', achievement: 'Gương điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' },
  },
  {
    kind: 'profile',
    title: 'Chi đoàn khu phố tiên phong trong phong trào "Ngày Chủ nhật xanh"',
    sapo: 'Tập thể chi đoàn duy trì hoạt động làm sạch kênh rạch, trồng cây xanh suốt {n} tuần liên tục.',
    paragraphs: [
      'Từ một nhóm nhỏ vài bạn trẻ, đến nay chi đoàn đã thu hút hàng chục đoàn viên tham gia mỗi tuần, trở thành điểm sáng của phong trào thanh niên tình nguyện.',
      'Các bạn còn sáng tạo mô hình đổi rác thải nhựa lấy cây xanh, lan tỏa lối sống xanh đến từng hộ gia đình.',
    ],
    tags: ['gương điển hình', 'thanh niên'],
    audiences: ['doan_vien'],
    details: { subjectType: 'collective', achievement: 'Cờ thi đua của Thành Đoàn' },
  },
];

export const DOCUMENTS: Template[] = [
  {
    kind: 'document',
    title: 'Kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam',
    sapo: 'Kế hoạch triển khai các hoạt động tuyên truyền, ngày hội Đại đoàn kết toàn dân tộc tại các khu phố.',
    paragraphs: ['Văn bản đề ra mục đích, yêu cầu, nội dung và phân công thực hiện các hoạt động kỷ niệm, tổ chức ngày hội Đại đoàn kết toàn dân tộc ở 100% khu phố.'],
    tags: ['kế hoạch', 'đại đoàn kết'],
    details: { number: '{n}/KH-UBND', issuer: 'Ủy ban nhân dân {u}' },
  },
  {
    kind: 'document',
    title: 'Thông báo lịch tiếp công dân của lãnh đạo',
    sapo: 'Lịch tiếp công dân định kỳ hằng tuần tại trụ sở; người dân có thể đăng ký trước qua điện thoại.',
    paragraphs: ['Lãnh đạo tiếp công dân vào sáng thứ năm hằng tuần. Công dân mang theo giấy tờ tùy thân và hồ sơ liên quan.'],
    tags: ['tiếp công dân', 'thông báo'],
    audiences: ['nhan_dan'],
    details: { number: '{n}/TB-UBND', issuer: 'Ủy ban nhân dân {u}' },
  },
];

export const EVENTS: Template[] = [
  {
    kind: 'event',
    title: 'Hội nghị học tập, quán triệt nghị quyết chuyên đề',
    sapo: 'Đảng viên đương chức và hưu trí tham dự hội nghị học tập chuyên đề năm nay.',
    paragraphs: ['Đề nghị các đồng chí đảng viên bố trí thời gian tham dự đầy đủ, mang theo sổ ghi chép.'],
    tags: ['học tập nghị quyết'],
    audiences: ['dang_vien_duong_chuc', 'dang_vien_huu_tri'],
    details: { location: 'Hội trường {u}' },
  },
  {
    kind: 'event',
    title: 'Ngày hội hiến máu tình nguyện "Giọt hồng yêu thương"',
    sapo: 'Mời đoàn viên, thanh niên và người dân tham gia hiến máu cứu người.',
    paragraphs: ['Người tham gia cần ăn sáng nhẹ, mang theo căn cước công dân. Ban tổ chức có quà tặng cho người hiến máu.'],
    tags: ['hiến máu', 'tình nguyện'],
    audiences: ['doan_vien', 'nhan_dan'],
    details: { location: 'Nhà văn hóa {u}, đường {s}' },
  },
];

export const ABOUT: Template = {
  kind: 'page',
  title: 'Giới thiệu {u}',
  sapo: 'Chức năng, nhiệm vụ và thông tin liên hệ của {u}.',
  paragraphs: [
    '{u} là một đơn vị thuộc hệ thống chính trị Quận 10, Thành phố Hồ Chí Minh, có nhiệm vụ tổ chức thực hiện các chủ trương của Đảng, chính sách, pháp luật của Nhà nước trên địa bàn.',
    'Trang thông tin điện tử của {u} cung cấp tin tức hoạt động, văn bản, lịch công tác và là kênh tiếp nhận phản ánh, kiến nghị của người dân.',
  ],
  tags: ['giới thiệu'],
};
