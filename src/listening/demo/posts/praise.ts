// Hand-written praise (dữ liệu mô phỏng): quick paperwork and ID cards, and community events. Praise
// is an issue too: the office wants to know what works. Names of people are invented.

/** Quick, friendly service for ID cards and paperwork. */
export const QUICK_SERVICE = [
  'Đi làm căn cước gắn chip ở công an phường Hòa Hưng, 15 phút xong, cán bộ vui vẻ.',
  'Cảm ơn mấy bạn đoàn viên tới tận nhà hỗ trợ ông bà mình kích hoạt VNeID 🥰',
  'lam thu tuc o phuong gio nhanh that, khong phai cho lau nhu truoc',
  'Bộ phận một cửa phường Vườn Lài phục vụ chu đáo, có nước uống, có ghế chờ mát mẻ.',
  'Khen chị cán bộ tiếp dân hướng dẫn rất kỹ, hồ sơ đủ 1 lần là xong.',
  'Lần đầu làm thủ tục trên cổng dịch vụ công mà trơn tru, 2 ngày có kết quả.',
  'Công an khu vực đến tận nhà làm căn cước cho bà nội nằm liệt giường, gia đình cảm ơn nhiều lắm.',
  'Thứ bảy phường vẫn mở cửa làm căn cước cho người đi làm, quá hợp lý 👍',
  'Ai bảo làm giấy tờ ở phường là phải chờ? Đặt lịch trước tới là làm liền, rất đáng khen.',
  'Cán bộ trẻ nhiệt tình, nói chuyện nhẹ nhàng với người già, thấy ấm lòng.',
  'Từ hồi sáp nhập tưởng rối, mà làm giấy tờ ở phường Diên Hồng vẫn nhanh.',
  'can cuoc cho be lam o P12 cu, 1 tuan co, nhan qua buu dien luon, tien qua',
  'Cảm ơn anh Phúc công an phường hướng dẫn cài định danh mức 2 cho cả xóm.',
  'Quầy hướng dẫn có mấy bạn sinh viên tình nguyện, hỏi gì cũng chỉ tận tình.',
  'Trước đi 3 lần, giờ 1 lần là xong. Phải nói là tiến bộ thật.',
  'Bộ phận một cửa có số Zalo để hỏi trước cần mang gì, đỡ mất công đi lại.',
] as const;

/** Book days, parks and events people enjoyed. */
export const COMMUNITY_EVENTS = [
  'Ngày hội đọc sách ở công viên Lê Thị Riêng cuối tuần vui quá, tụi nhỏ mê luôn.',
  'san choi thieu nhi moi o cong vien sach dep, toi nao cung dan con ra choi',
  'Chương trình văn nghệ khu phố tối thứ bảy rất ý nghĩa, các cô chú hát hay lắm.',
  'Cảm ơn Nhà thiếu nhi mở lớp vẽ miễn phí hè này cho các bé.',
  'Công viên Hòa Bình cải tạo xong xanh mát, sáng đi bộ thích ghê.',
  'Hội chợ ẩm thực ở nhà văn hóa đông vui, giá mềm, mong tổ chức thường xuyên.',
  'Đường sách mini ở phường có cả góc đổi sách cũ lấy sách mới, sáng kiến hay quá.',
  'Giải chạy vì cộng đồng sáng chủ nhật tổ chức bài bản, đường sạch đẹp.',
  'Tụi nhỏ được học bơi miễn phí ở hồ bơi Kỳ Hòa, phụ huynh rất vui.',
  'Khu phố mình sau đợt trồng cây giờ mát hẳn, ai đi ngang cũng khen.',
  'Đêm nhạc Trịnh ở công viên Lê Thị Riêng tối qua hay quá trời.',
  'Thư viện mở cửa tới 8h tối, sinh viên có chỗ học, cảm ơn nhiều ạ.',
  'Cái sân bóng mini mới làm cạnh cư xá Bắc Hải, bọn trẻ có chỗ chơi thay vì cắm mặt vô điện thoại.',
  'Lớp dạy võ miễn phí cho trẻ em ở nhà văn hóa phường 14, có ai đăng ký chưa?',
  'Đi dạo công viên buổi tối giờ an toàn, đèn sáng, có bảo vệ, tuyệt vời.',
] as const;
