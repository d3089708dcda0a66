// Hand-written posts about public services (dữ liệu mô phỏng): hospitals, school admissions,
// paperwork, a water cut, dengue, prices, street vendors at school gates, military service. Names of
// people are invented; phone numbers are not real.

/** Long waits and rough manners at hospitals. */
export const HOSPITALS = [
  'Đưa mẹ đi khám ở BV 115 từ 5h30 sáng, 11h mới tới lượt, ngồi ghế nhựa mỏi lưng.',
  'kham bhyt ma nhu di xin, nhan vien noi chuyen cau gat',
  'Bệnh viện Trưng Vương đông nghẹt, không còn chỗ ngồi, người bệnh phải đứng ngoài hành lang.',
  'Cho hỏi khám bảo hiểm trái tuyến ở 115 giờ được chi trả bao nhiêu phần trăm vậy mọi người?',
  'Lấy số thứ tự online rồi mà tới nơi vẫn phải xếp hàng lại từ đầu, vậy làm online chi?',
  'Thuốc bảo hiểm hết, bác sĩ kêu ra ngoài nhà thuốc mua, tháng nào cũng vậy.',
  'Phòng khám nhi đông quá, con sốt mà chờ 3 tiếng mới được bác sĩ coi.',
  'Khen chị điều dưỡng khoa Nội tận tình, nhưng chờ lâu như vầy thì bệnh nhân ai chịu nổi.',
  'Bảng gọi số hư, loa rè không nghe gì, ai cũng chạy tới quầy hỏi.',
  'Nằm viện mà 2 người một giường, trời nóng vậy khổ lắm.',
  'Trạm y tế phường Vườn Lài có khám cho người già ngày thứ bảy không ạ?',
  'cho kham tu sang toi chieu, ve nha met hon luc chua di',
  'Nhân viên quầy thu ngân 115 thái độ khó chịu, hỏi có 1 câu mà bị quát.',
  'Giữ xe ở bệnh viện 10 nghìn một lượt, khám 2 lần trong ngày mất 20 nghìn, vô lý.',
  'Đặt lịch khám qua tổng đài mà gọi cả buổi không ai bắt máy.',
  'Ông nội mình 85 tuổi phải ngồi xe lăn chờ từ sáng, xin ưu tiên người già với.',
  'Đi khám chuyên khoa mà bác sĩ coi chưa tới 2 phút, hỏi gì cũng "về uống thuốc đi".',
  'Căn tin bệnh viện bán cơm đắt mà dở, người nhà bệnh nhân ăn uống khổ.',
] as const;

/** Grade 6 admissions, school fees and extra classes. */
export const SCHOOLS = [
  'Tuyển sinh đầu cấp năm nay sao rối vậy, con mình nhà sát trường Nguyễn Du mà bị phân đi xa lắc.',
  'dau nam hoc ma dong cai gi cung dong, quy nay quy kia, gan 5 trieu',
  'Hệ thống đăng ký tuyển sinh trực tuyến sập từ 8h sáng, phụ huynh ngồi bấm F5 cả buổi.',
  'Cho hỏi hồ sơ vào lớp 6 cần giấy xác nhận cư trú hay chỉ cần căn cước của ba mẹ là được?',
  'Lớp con mình 52 em, cô giáo đứng lớp muốn khàn tiếng.',
  'Học thêm ở trường mà nói là tự nguyện, không đăng ký thì cô nhắc hoài, vậy tự nguyện chỗ nào?',
  'Quỹ ban đại diện cha mẹ học sinh thu 2 triệu mà không công khai chi gì, ai biết cho hỏi.',
  'Năm nay THCS Colette tuyển bao nhiêu lớp 6 vậy cả nhà?',
  'con khóc cả tối vì không được học chung trường với bạn thân, mẹ cũng buồn theo',
  'Phụ huynh phường 15 cũ xếp hàng từ 6h sáng nộp hồ sơ, trời nắng chang chang.',
  'Đề nghị Phòng Giáo dục giải thích rõ tiêu chí phân tuyến, sao nhà gần lại bị xếp trường xa?',
  'Tiền đồng phục, tiền sách, tiền máy lạnh, tiền bảo hiểm... tháng 9 nghe tới chữ "tiền" là sợ.',
  'Nhà trường chỉ cho 3 ngày để nộp giấy tờ, ai đi làm thì làm sao kịp.',
  'tuyen sinh lop 6 nam nay co thi dau vao khong hay xet hoc ba thoi a',
  'Trường Hoàng Văn Thụ bắt mua sách tham khảo tại trường, ngoài nhà sách rẻ hơn 30%.',
  'Con được nhận vô rồi mà chưa có danh sách lớp, nhóm zalo phụ huynh hỏi nhau loạn xạ.',
  'Cảm ơn cô hiệu phó trường Nguyễn Văn Tố trả lời từng tin nhắn của phụ huynh tới tối, nhưng hệ thống thì vẫn lỗi.',
] as const;

/** Slow land titles, permits and other paperwork. */
export const PAPERWORK = [
  'Nộp hồ sơ cấp sổ hồng từ tháng 6, giờ tháng 10 hỏi thì vẫn "đang xử lý".',
  'lam giay phep xay dung ma hen len hen xuong, moi lan di la nghi 1 buoi lam',
  'Hồ sơ bị trả về vì thiếu giấy tờ, hỏi thiếu gì thì không ai nói rõ, lần này là lần thứ ba.',
  'Cho hỏi chứng thực bản sao ở phường Hòa Hưng có cần đặt lịch trước không ạ?',
  'Bộ phận một cửa đông quá, bốc số 87 mà mới tới 23.',
  'Dịch vụ công trực tuyến báo lỗi hoài, upload file xong bấm nộp là văng ra.',
  'Sang tên nhà cho con mà đi tới đi lui 5 lần, mỗi lần bổ sung một thứ.',
  'Cán bộ nói "hệ thống đang nâng cấp" hai tuần nay rồi, nâng tới bao giờ?',
  'Thủ tục gì mà phải photo công chứng 7 bộ, giấy tờ trên hệ thống có hết rồi mà.',
  'Từ khi sáp nhập, hồ sơ của phường 13 cũ chuyển qua chưa hết, hỏi đâu cũng không biết.',
  'giay khai sinh cho be lam online 2 tuan chua duoc duyet, ai bi giong minh khong',
  'Xin cho biết thời hạn giải quyết cấp đổi giấy chứng nhận quyền sử dụng đất theo quy định là bao nhiêu ngày?',
  'Ông bà già không biết xài điện thoại mà cái gì cũng kêu làm online, khổ thân.',
  'Đăng ký thường trú cho vợ mà bắt bổ sung giấy kết hôn bản chính, trong khi đã nộp bản sao chứng thực.',
  'Làm thủ tục giờ chậm hơn hồi trước, không biết do đâu.',
] as const;

/** A water cut at the Nguyễn Kim flats and around (the demo's third burst). */
export const WATER_CUT = [
  'Chung cư Nguyễn Kim mất nước từ tối qua tới giờ, không ai thông báo gì hết.',
  'mat nuoc 2 ngay roi, tam rua gi noi troi nong nay',
  'Cúp mà không báo trước, sáng ra mở vòi không có một giọt.',
  'Phải xách xô xuống tầng trệt hứng rồi khiêng lên lầu 6, mệt muốn xỉu.',
  'Có ai biết khi nào có lại không, gọi tổng đài Sawaco toàn máy bận.',
  'Có lại rồi mà đục ngầu, màu vàng như trà, ai dám xài.',
  'Nhà có em bé mà khô cong, phải đi mua bình về nấu ăn, tắm cho con.',
  'Khu Nguyễn Lâm cũng cúp nha mọi người, không phải mỗi chung cư.',
  'Thông báo của Ban quản lý chung cư: sự cố vỡ ống cấp nước, dự kiến có nước lại sau 18h hôm nay.',
  'tu chieu toi gio voi chi ri ri, lau 2 tro len la kho co',
  'Tháng nào cũng cúp vài lần mà hóa đơn vẫn thu đủ, vô lý.',
  'Cả dãy lô B không có giọt nào, người già con nít khổ lắm.',
  'Hỏi thật: cúp như vầy có được giảm tiền tháng này không?',
  'Mấy tiệm cơm quanh đây đóng cửa hết vì không có gì rửa chén.',
  'nuoc may co mui clo nong nac, nau com thay mui luon',
  'Ai ở phường Diên Hồng có bị giống mình không? Từ 5h sáng tới giờ vòi khô queo.',
  'Xe bồn tới rồi bà con ơi, đậu ở sân lô C, mang can xuống lấy.',
  'Đi làm về cả người mồ hôi mà không tắm được, đúng là cực hình 😩',
  'Bể ngầm của chung cư mấy năm chưa súc rửa, lúc nào cũng có cặn.',
  'Cảm ơn anh em công ty cấp nước làm xuyên đêm sửa ống, sáng nay đã có lại rồi.',
  'Cúp mà giờ mới nhắn tin báo, lúc đó nhà mình đã xài hết sạch đồ dự trữ.',
  'Mình trữ được 3 thùng, nhà nào có người già cần thì qua phòng 4.12 lấy nha.',
  'Ba ngày hai lần mất nước, quản lý tòa nhà thì cứ "đang kiểm tra".',
  'Xin số điện thoại ban quản lý chung cư Nguyễn Kim với, gọi số cũ không ai nghe.',
] as const;

/** Dengue cases and mosquitoes. */
export const DENGUE = [
  'Trong hẻm 43 Vĩnh Viễn đã có 3 bé bị sốt xuất huyết trong tháng này.',
  'muoi nhieu qua, xin phuong cho phun thuoc khu minh voi',
  'Con mình sốt cao 3 ngày, đi xét nghiệm ra sốt xuất huyết, tiểu cầu giảm phải nhập viện.',
  'Cho hỏi lịch phun thuốc diệt muỗi của phường Diên Hồng tuần này là ngày nào ạ?',
  'Nhà hoang cuối hẻm đọng nước đầy lăng quăng, báo hoài không ai xử lý.',
  'Khoa nhi bệnh viện giờ toàn bé sốt, nằm hành lang hết.',
  'Mấy chậu cảnh, lốp xe cũ ngoài sân nhớ đổ nước nha mọi người, mùa này muỗi đẻ dữ lắm.',
  'Cảm ơn tổ y tế phường 8 cũ đi từng nhà phát thuốc và nhắc diệt lăng quăng.',
  'Muỗi cắn tối ngày, mắc mùng ban ngày cho con ngủ luôn.',
  'sot xuat huyet tang ma khong thay ai xuong, doi co nguoi chet moi lam ha',
  'Nghe nói hẻm 254 Nguyễn Tri Phương có ổ dịch, người lớn cũng bị, thật không mọi người?',
  'Đêm nào cũng đốt nhang muỗi mà vẫn bị chích, khu này muỗi vằn nhiều.',
  'Đề nghị phát động tổng vệ sinh, dọn mấy chỗ nước đọng ở công trình bỏ hoang.',
  'Bé nhà mình mới khỏi bệnh, bác sĩ nói mùa này ca bệnh tăng gấp đôi.',
  'Hỏi chút: sốt xuất huyết có vắc xin chưa, tiêm ở đâu gần đây?',
] as const;

/** Electricity, water and market prices going up. */
export const PRICES = [
  'Hóa đơn tiền điện tháng này 2 triệu 3, tháng trước có 1 triệu 1, xài y chang.',
  'tien dien tang gap doi ma nha co 2 nguoi, ai giai thich dum',
  'Chợ Hòa Hưng giờ rau gì cũng 30-40 nghìn một ký, đi chợ 200 nghìn không đủ.',
  'Cho hỏi cách tính tiền điện bậc thang cho nhà trọ, chủ nhà thu 4 nghìn một số có đúng không?',
  'Lương không tăng mà cái gì cũng tăng, sống ở thành phố mệt thiệt.',
  'Đồng hồ điện nhảy số nhanh bất thường, xin điện lực xuống kiểm tra giùm.',
  'Tiền nước tháng này cũng lên, không hiểu đang tính theo định mức nào.',
  'Giá xăng tăng, đồ ăn sáng cũng tăng theo, ổ bánh mì giờ 25 nghìn.',
  'tra phong tro 4 trieu ma tien dien nuoc thu them gan 1 trieu',
  'Nắng nóng xài máy lạnh nhiều thì hóa đơn cao là đúng rồi, mọi người tiết kiệm điện đi.',
  'Chủ trọ thu 3.800 đồng một ký điện, đúng quy định không ạ?',
  'Đi chợ Nguyễn Tri Phương thấy thịt heo lên giá nữa rồi.',
  'Hóa đơn điện tử gửi qua Zalo mà số tiền khác với số trên app, tin cái nào?',
  'Nghe nói sắp tăng giá điện nữa, dân nghèo chịu sao nổi.',
  'Học phí, tiền điện, tiền chợ cùng tăng một lúc, cuối tháng là cạn túi.',
] as const;

/** Street vendors and unsafe snacks at school gates. */
export const SCHOOL_GATES = [
  'Trước cổng trường Nguyễn Du giờ tan học bán đủ thứ đồ ăn, màu mè, không biết nguồn gốc.',
  'con an xien que ve bi dau bung, tieu chay 2 ngay',
  'Hàng rong bu kín lối ra vô, phụ huynh đón con phải đứng giữa đường.',
  'Có bán cả đồ chơi bắn đạn nhựa cho tụi nhỏ tiểu học, nguy hiểm lắm.',
  'Cho hỏi nhà trường có quyền cấm bán hàng trước cổng không hay là phường quản?',
  'Trà sữa, bánh tráng trộn không nhãn mác bán cho học sinh cấp 1, ai kiểm tra?',
  'Đón bé ở Hoàng Văn Thụ, xe đẩy chắn hết chỗ đứng.',
  'Thấy mấy đứa mua mấy bịch kẹo lạ in chữ nước ngoài, lo thiệt sự.',
  'tan hoc cong truong Tran Phu ket cung, hang rong voi xe phu huynh lan het',
  'Mấy cô buôn gánh cũng là người nghèo, nhưng nên có khu riêng cách xa chỗ các cháu ra về.',
  'Căng tin nên có đồ ăn sạch để các em đỡ mua ngoài.',
  'Bé lớp 2 nhà mình ngày nào cũng xin tiền mua slime, hỏi ra toàn hàng trôi nổi.',
  'Đề nghị đội trật tự ra trước cổng trường Điện Biên giờ tan học, nhất là buổi chiều.',
  'Gánh hàng đông tới mức xe cấp cứu không qua được.',
  'Ai có con học tiểu học Điện Biên để ý giùm, có người lạ đứng phát kẹo miễn phí.',
] as const;

/** Questions about military service call-ups (mostly neutral). */
export const MILITARY_SERVICE = [
  'Con trai mình sinh năm 2007, năm nay có phải đi khám nghĩa vụ quân sự không ạ?',
  'cho hoi sinh vien nam 2 co duoc tam hoan nvqs khong, can giay xac nhan gi',
  'Lịch khám tuyển nghĩa vụ của phường Hòa Hưng năm nay là ngày nào vậy mọi người?',
  'Nhận giấy gọi khám sức khỏe mà con đang đi làm ở Bình Dương, giờ phải làm sao?',
  'Tự hào con trai lên đường nhập ngũ, cảm ơn phường tổ chức lễ tiễn tân binh chu đáo.',
  'Hồ sơ xin tạm hoãn vì là lao động chính trong gia đình cần những gì ạ?',
  'Sau sáp nhập thì đăng ký nghĩa vụ ở phường mới hay vẫn ở phường 14 cũ vậy?',
  'Khám bị cận 3 độ thì có được miễn không?',
  'Nhà có 2 anh em trai, anh đang tại ngũ thì em có phải đi nữa không?',
  'Ban chỉ huy quân sự phường làm việc giờ hành chính hay cả thứ bảy ạ?',
  'con minh dang hoc cao dang, nhan lenh goi nhap ngu roi, co hoan duoc khong',
  'Lễ giao nhận quân sáng nay xúc động quá, chúc các em khỏe mạnh, hoàn thành nhiệm vụ.',
  'Ai từng đi bộ đội cho mình xin kinh nghiệm chuẩn bị đồ cho con với.',
  'Giấy gọi khám mà ghi sai tên đệm của con, sửa ở đâu vậy ạ?',
  'Trốn khám nghĩa vụ bị phạt bao nhiêu vậy mọi người, hỏi để khuyên thằng em.',
] as const;
