// Hand-written posts about safety and neighbours (dữ liệu mô phỏng): phone scams, theft, late-night
// karaoke, building work that cracks the house next door. Names of people are invented; phone and
// account numbers are not real (they are here so that redaction shows on the desk).

/** Scammers posing as police or officials (the demo's second burst). */
export const SCAMS = [
  'Cảnh giác: vừa có số lạ gọi tự xưng công an phường Hòa Hưng, bảo mẹ mình chuyển tiền để "xác minh tài khoản".',
  'ba con coi chung, tui no goi noi con bi tai nan dang cap cuu, doi chuyen 30 trieu',
  'Ai nhận được cuộc gọi từ số 0856 217 903 nói điện lực sắp cắt điện thì cúp máy liền nha.',
  'Có người giả làm cán bộ phường tới tận nhà hướng dẫn cài VNeID, thực chất là app giả để lấy tiền trong tài khoản.',
  'Mẹ mình suýt mất 50 triệu, may ngân hàng gọi xác nhận mới dừng kịp.',
  'Cho hỏi công an có gọi điện yêu cầu cập nhật căn cước qua Zalo không hay là lừa vậy mọi người?',
  'Thông báo của Công an phường Diên Hồng: công an không làm việc qua điện thoại, không yêu cầu chuyển khoản. Bà con lưu ý.',
  'Tin nhắn "chúc mừng bạn trúng thưởng xe SH" kèm đường link, đừng bấm vào nha cả nhà.',
  'Bác hàng xóm nhà em 70 tuổi bị dụ chuyển hết tiền tiết kiệm, giờ bác buồn không ăn uống gì.',
  'tui vua bi goi, no doc dung ten, dia chi, so cccd luon, so that su',
  'Share mạnh cho ông bà cha mẹ: không ai được phép bắt mình chuyển tiền để "chứng minh trong sạch".',
  'STK lừa đảo đây mọi người né: 19034567891 Techcombank, chủ tài khoản Trần Văn Hậu.',
  'Bị lừa rồi thì báo ở đâu vậy ạ? Đi công an phường hay lên thành phố?',
  'Bọn nó nói mình liên quan đường dây rửa tiền, dọa bắt giam, giọng y như thiệt.',
  'Đợt này nhiều quá, tuần này khu phố mình có 3 nhà bị gọi.',
  'Nó kêu bấm vô link để nhận tiền hỗ trợ, bấm xong mất luôn 12 triệu. Đau thật 😭',
  'Nhắc lại lần nữa: cơ quan nhà nước không bao giờ gọi điện yêu cầu cài ứng dụng lạ.',
  'Ba mình nhận cuộc gọi video, người mặc đồ công an, còn có con dấu đỏ chót, may mình về kịp.',
  'lua dao ngay cang tinh vi, mn nho dan ong ba dung nghe may so la',
  'Vừa báo cho anh công an khu vực, anh nói tuần này phường nhận 5 đơn rồi.',
  'Ai bị rồi thì liên hệ đường dây nóng công an phường, đừng tin mấy trang "lấy lại tiền bị lừa".',
  'Có số đầu +84 99 gọi hoài, bảo là bên bảo hiểm xã hội, có ai bị chưa?',
  'Lừa mà còn dám xưng tên Thiếu tá Nguyễn Văn Hùng, dân mình hiền quá nên dễ tin.',
  'Cái app "Dịch vụ công" giả giống thật y chang, mn tải app thì chỉ tải trên CH Play/App Store thôi.',
] as const;

/** Snatch thefts and burglaries. */
export const THEFT = [
  'Vừa bị giật điện thoại trên đường Ngô Gia Tự lúc 7h tối, hai thằng chạy Exciter không biển số.',
  'trom be khoa xe trong hem 100 To Hien Thanh luc 3h sang, camera quay ro mat',
  'Chị Thu bán nước đầu hẻm bị giật dây chuyền ngay trước nhà, té trầy hết tay chân.',
  'Mọi người đi đường nhớ cất điện thoại, đừng vừa chạy xe vừa cầm, tụi nó rình dữ lắm.',
  'Dạo này khu Thành Thái mất trộm liên tục, tuần rồi 2 nhà mất xe trong một đêm.',
  'Có ai biết trụ sở công an phường Hòa Hưng mới dời về đâu không, đi trình báo mất xe.',
  'Ban ngày ban mặt mà dám giật túi của bà cụ đi chợ, hết nói nổi.',
  'Nhà mình gắn camera rồi mà trộm vẫn trèo vô lấy đôi giày với cái bình gas 😤',
  'Đề nghị công an phường tăng cường tuần tra khu vực chợ Nguyễn Tri Phương buổi tối.',
  'dt moi mua 1 tuan, dung nghe dien thoai o nga tu Le Hong Phong la bi giat mat tieu',
  'Ai nhặt được giấy tờ tên Lê Minh Khoa (căn cước, cà vẹt xe) bị giật chiều qua ở Lý Thường Kiệt, liên hệ 0977 331 508, hậu tạ.',
  'Xe đạp để trước cửa 5 phút quay ra mất tiêu.',
  'Tụi nghiện vô hẻm cạy đồng hồ nước, mấy nhà trong hẻm bị luôn.',
  'Khen anh xe ôm ở Sư Vạn Hạnh rượt theo lấy lại túi xách giùm chị kia, người tốt vẫn còn 👏',
  'Hẻm tối, tối về sợ bị giật đồ lắm, đi ngang phải nhờ người đi cùng.',
  'Công an phường Diên Hồng đã bắt được nhóm cướp giật trên đường Nguyễn Tri Phương, bà con yên tâm phần nào.',
  'Camera hẻm mình quay được mặt thằng trộm nhưng báo lên rồi không thấy phản hồi gì.',
  'Có ai bị mất xe ở bãi giữ xe chợ Hòa Hưng chưa? Bãi không chịu đền.',
  'an ninh khu nay te qua, o day 10 nam chua thay khi nao nhieu trom nhu bay gio',
  'Hai đứa nhỏ đi học về bị chặn đường lấy điện thoại, phụ huynh lo lắm.',
  'Nhà nào đi vắng nhớ khóa cửa kỹ, gửi xe chỗ an toàn nha, dạo này không yên đâu.',
  'F14 cũ đêm qua lại có vụ cạy cửa, tính ra tháng này là vụ thứ tư.',
] as const;

/** Karaoke and loudspeakers late at night. */
export const KARAOKE = [
  'Mười hai giờ đêm rồi mà nhà ai trong hẻm 51 Thành Thái còn hát "Vùng lá me bay" 🙄',
  'karaoke keo keo ca ngay, nha co em be so sinh ma khong ngu duoc',
  'Quán nhậu đầu hẻm bật loa tới 1h sáng, sáng ra đi làm như người mất hồn.',
  'Có quy định giờ nào phải tắt loa không ạ? Hàng xóm hát từ trưa tới tối, nói thì bị chửi lại.',
  'Tiếng bass rung cả cửa kính, cư xá Bắc Hải đêm qua như sàn nhảy.',
  'Báo công an phường 14 rồi, tắt được 15 phút rồi mở lại to hơn.',
  'Hát hay thì không nói, đằng này hát dở mà còn mở hết cỡ 😤',
  'Con mình ôn thi lớp 10 mà tối nào cũng bị tra tấn bằng loa kẹo kéo.',
  'Sinh nhật, đám giỗ, tân gia... tuần nào cũng có lý do để hát tới khuya.',
  'ồn quá không chịu nổi luôn, ai ở gần Sư Vạn Hạnh có bị giống mình không',
  'Đề nghị xử phạt theo quy định về tiếng ồn, chứ nhắc nhở hoài không ăn thua.',
  'Ông bà nhà mình bị cao huyết áp, đêm nghe loa dội vô đầu mệt lắm.',
  'hom qua quan bia o Vinh Vien hat toi 2h, goi 113 moi chiu tat',
  'Thiệt tình giờ chỉ mong một buổi tối yên tĩnh thôi mà khó quá.',
  'Hẻm 139 Lý Thường Kiệt ai ở đó biết nhà nào mở nhạc suốt ngày không, muốn qua nói chuyện đàng hoàng.',
  'Cuối tuần mà cả xóm như đi bar, cảm ơn hàng xóm đã cho nghe nhạc miễn phí 🙃',
  'Làm ca đêm về muốn ngủ bù buổi trưa cũng không được, nhà đối diện hát từ 11h.',
] as const;

/** Building work that cracks neighbouring houses or is built without a permit. */
export const BUILDING_WORK = [
  'Công trình bên cạnh đóng cọc, tường nhà mình nứt một đường dài từ trần xuống.',
  'nha ben canh xay 5 tang, hem 2m ma vat lieu chat kin loi di',
  'Xây nhà không phép, lấn ra hẻm gần nửa mét, báo phường rồi mà chưa thấy xuống.',
  'Gạch vữa rơi từ trên giàn giáo xuống, suýt trúng con mình đi học về.',
  'Chủ công trình hứa đền bù vết nứt rồi mà 3 tháng nay không liên lạc được.',
  'Cho hỏi giấy phép xây dựng có phải dán công khai trước công trình không ạ?',
  'Đổ bê tông tới 11h đêm, xe trộn chạy ầm ầm trong hẻm.',
  'Trần nhà bong sơn, cửa cong vênh không đóng được từ khi bên kia đào móng.',
  'Đề nghị phường Vườn Lài kiểm tra căn đang xây ở hẻm 15 Đào Duy Từ, lố tầng so với giấy phép.',
  'Cái giàn giáo che lưới rách bươm, gió thổi mấy tấm tôn bay xuống đường.',
  'xay sai phep ma ai cung lam ngo, dan thuong sua cai mai nha thi bi lap bien ban',
  'Xây thì cứ xây, nhưng làm ơn che chắn cho đàng hoàng, bụi vô hết nhà hàng xóm.',
  'Hàng xóm kiện nhau vì vết nứt, ai đúng ai sai thì phường giám định giùm với.',
  'Xà bần đổ tràn ra hẻm cả tuần, mưa xuống trôi vô miệng cống.',
  'Nhà mình mới sửa xong, bên cạnh đập phá cái nứt lại hết, tiền đâu mà sửa hoài.',
] as const;
