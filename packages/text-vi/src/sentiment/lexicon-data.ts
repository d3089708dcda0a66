// GENERATED from data/sentiment-lexicon.tsv by scripts/text-vi/build-sentiment-lexicon.ts: edit the TSV, not this file.
export const SENTIMENT_LEXICON_TSV = `# Vietnamese sentiment lexicon for the rule-based scorer (src/sentiment/). Written by the Nhịp Cầu
# team from general knowledge of the language (not learned from any dataset); AGPL-3.0 like the code.
#
# Columns: phrase <TAB> kind <TAB> value. A phrase is one or more space-separated tokens (words,
# emoji or emoticons), written in lower case with diacritics. A word written without diacritics in
# a post ("tot", "buc xuc") matches the entry's folded form; a word written with diacritics must
# match exactly, so "buôn bán" never reads as "buồn". The longest phrase at a position wins, and a
# phrase may have several kinds (one line each).
#
# Kinds:
#   sent       polarity, -3 (very negative) … +3 (very positive)
#   neg        negator: flips the next sentiment phrase within 3 words ("không tốt", "ko hề đẹp")
#   int        intensifier before a sentiment phrase, multiplier ("rất", "cực kỳ")
#   intpost    intensifier after a sentiment phrase, multiplier ("lắm", "quá", "vl"); on its own
#              the phrase keeps its other kinds ("kinh khủng" alone is negative)
#   dim        diminisher before a sentiment phrase, multiplier < 1 ("hơi", "khá")
#   contrast   what follows in the sentence counts more, what precedes less ("nhưng", "tuy nhiên")
#   concede    its own clause counts less ("mặc dù", "tuy")
#   sarcasm    praise that turns negative when the post is otherwise negative ("hay quá ha"); value
#              = surface polarity
#   swear      profanity; value = intensity for the frustration score
#   complaint  civic-complaint phrase; value = intensity for the frustration score
#   question   marks its clause as a question: praise in it counts little ("có … không", "liệu")
#   tail       like sent, but only at the end of a clause or next to a modifier or particle: "bài
#              giảng hay" is praise, "tôi hay đi chợ" (often) and "hay là" (or) are not
#   negpost    negator after a sentiment phrase ("có tốt đâu")
#   wish       a wish or demand before praise says the praise is missing ("cần cải thiện",
#              "mong thầy nhiệt tình hơn"); value = strength of the flip (criticism is unchanged)
#   excess     "quá"/"hơi" before a word the lexicon does not know ("quá dài", "hơi khó") is a
#              complaint of excess; value = polarity
#   bare       a negator that negates no phrase still criticises ("chưa áp dụng", "không thu gom");
#              value = polarity, counted once per clause, never in questions
#   particle   a function word that may follow a tail phrase ("hay mà", "rẻ nhỉ")
#   none       blocks a shorter entry ("vui lòng" is "please", not "vui"; "hay là" is "or")
#   ask        asks for information or help ("có ai biết", "cho em hỏi", "ai nhặt được"): the
#              polarity of its sentence counts little (value unused), complaints excepted
#   notice     a notice or an advert ("thông báo", "bà con lưu ý", "cần bán", "inbox"), unless
#              negated ("không có thông báo"): every polarity of the post is multiplied by value
#   irony      marks praise within 3 words as possibly ironic ("đúng là … đáng sống", "hiệu quả
#              ghê", "giỏi thật", "🙂"): sarcasm when the rest of the post complains
#   exact      matches only as spelled, never through folding in a post typed without diacritics:
#              for words whose unaccented form is another common word ("hôi"/"cho hoi" = hỏi,
#              "ngu"/"ngu ngon" = ngủ, "tồi"/"toi" = tôi, "ớn"/"cam on" = ơn); value unused
#   thanks     thanks; opening a sentence that does not turn ("nhưng"), it makes the hardship it
#              thanks for count little ("cảm ơn các anh đội mưa dọn cống")

# --- negators ---------------------------------------------------------------------------------
không	neg	1
ko	neg	1
k	neg	1
kh	neg	1
khg	neg	1
kg	neg	1
hok	neg	1
hông	neg	1
hem	neg	1
khum	neg	1
hong	neg	1
chẳng	neg	1
chả	neg	1
chưa	neg	1
chửa	neg	1
đâu có	neg	1
không hề	neg	1
ko hề	neg	1
k hề	neg	1
chẳng hề	neg	1
chả hề	neg	1
chưa hề	neg	1
chưa từng	neg	1
không phải	neg	1
ko phải	neg	1
chẳng phải	neg	1
không còn	neg	1
ko còn	neg	1
chẳng còn	neg	1
không được	neg	1
ko được	neg	1
ko đc	neg	1
k đc	neg	1
không quá	neg	0.6
đéo	neg	1
đếch	neg	1
éo	neg	1
méo	neg	1
thiếu	neg	1
thiếu	sent	-1
kém	neg	1
kém	sent	-2

hổng	neg	1
đâu	negpost	1
gì đâu	negpost	1
chỗ nào	negpost	1
cái nỗi gì	negpost	1
nỗi gì	negpost	1

cần	wish	0.8
cần phải	wish	0.8
cần được	wish	0.8
cần có	wish	0.8
mong	wish	0.8
mong muốn	wish	0.8
ước gì	wish	0.8
giá mà	wish	0.8
phải chi	wish	0.8
đề nghị	wish	0.8
kiến nghị	wish	0.8
nên	bare	-0.5
thì tốt hơn	sent	-1
sẽ tốt hơn	sent	-1
thì hay hơn	sent	-1
sẽ hay hơn	sent	-1
thì sẽ tốt hơn	sent	-1
yêu cầu	wish	0.8
không	bare	-0.6
ko	bare	-0.6
k	bare	-0.6
chẳng	bare	-0.6
chả	bare	-0.6
chưa	bare	-0.6
không hề	bare	-0.8
chưa hề	bare	-0.8
chẳng hề	bare	-0.8
không được	bare	-0.6
chưa được	bare	-0.6
đéo	bare	-1
quá	excess	-1
quá là	excess	-1
hơi	excess	-0.7

# --- intensifiers and diminishers ---------------------------------------------------------------
rất	int	1.5
rất là	int	1.6
rất rất	int	1.9
quá	int	1.5
quá là	int	1.6
cực	int	1.6
cực kỳ	int	1.8
cực kì	int	1.8
vô cùng	int	1.8
hết sức	int	1.7
siêu	int	1.6
thật	int	1.3
thật là	int	1.4
thật sự	int	1.4
thực sự	int	1.4
thiệt	int	1.3
thiệt là	int	1.4
đặc biệt	int	1.4
hoàn toàn	int	1.4
tuyệt đối	int	1.5
hơi bị	int	1.5
quá xá	int	1.6
cực cực	int	1.9
càng ngày càng	int	1.3
ngày càng	int	1.2
càng	int	1.2
đúng là	int	1.2
hết mức	int	1.6
vô cùng tận	int	1.8
lắm	intpost	1.4
quá	intpost	1.5
quá trời	intpost	1.6
quá chừng	intpost	1.6
quá xá	intpost	1.6
quá đi	intpost	1.5
quá đi mất	intpost	1.6
thật	intpost	1.3
thật sự	intpost	1.3
ghê	intpost	1.4
ghê gớm	intpost	1.6
kinh	intpost	1.5
kinh khủng	intpost	1.8
khủng khiếp	intpost	1.8
dã man	intpost	1.8
kinh dị	intpost	1.6
vãi	intpost	1.7
vãi chưởng	intpost	1.7
vãi lúa	intpost	1.6
vãi nồi	intpost	1.6
vãi cả linh hồn	intpost	1.8
vl	intpost	1.7
vcl	intpost	1.8
vkl	intpost	1.8
vler	intpost	1.7
vch	intpost	1.7
vc	intpost	1.6
dữ	intpost	1.4
dữ dội	intpost	1.6
dữ vậy	intpost	1.4
thấy mồ	intpost	1.6
thấy bà	intpost	1.6
hết chỗ nói	intpost	1.8
hết nước chấm	intpost	1.8
hết sảy	intpost	1.7
không tả nổi	intpost	1.7
nhất	intpost	1.4
luôn	intpost	1.2
xỉu	intpost	1.5
cực	intpost	1.6
cực kỳ	intpost	1.7
vô cùng	intpost	1.7
đến thế	intpost	1.3
thế	intpost	1.15
chán	intpost	1.3
thôi rồi	intpost	1.6
hơi	dim	0.6
hơi hơi	dim	0.5
khá	dim	0.8
khá là	dim	0.8
tương đối	dim	0.7
có vẻ	dim	0.7
có lẽ	dim	0.7
một chút	dim	0.6
chút	dim	0.6
một chút xíu	dim	0.5
tạm	dim	0.6
cũng khá	dim	0.8
gần như	dim	0.8
chưa thật sự	neg	1

# --- contrast, concession, questions --------------------------------------------------------------
nhưng	contrast	1
nhưng mà	contrast	1
mà lại	contrast	1
tuy nhiên	contrast	1
song	contrast	1
có điều	contrast	1
mỗi tội	contrast	1
chỉ có điều	contrast	1
thế nhưng	contrast	1
vậy mà	contrast	1
chỉ tiếc	contrast	1
ngược lại	contrast	1
mặc dù	concede	1
dù	concede	1
tuy	concede	1
tuy là	concede	1
dẫu	concede	1
dù sao	concede	1
liệu	question	1
liệu có	question	1
có phải	question	1
phải không	question	1
phải ko	question	1
đúng không	question	1
đúng ko	question	1
có không	question	1
hay không	question	1
hay ko	question	1
có được không	question	1
hả	question	1
à	question	1
chăng	question	1
không nhỉ	question	1
nhỉ	question	1
thế nào	question	1
ra sao	question	1
như thế nào	question	1
bao nhiêu	question	1
khi nào	question	1
ở đâu	question	1

# --- blockers: phrases that contain a sentiment word but are not sentiment -------------------------
vui lòng	none	0
tốt nghiệp	none	0
hay là	none	0
hay sao	none	0
hay chưa	none	0
hay không	none	0
hay ko	none	0
hoặc hay	none	0
thích hợp	sent	1
phản hồi	none	0
đẹp trai	sent	1.5
bệnh viện	none	0
thương mại	none	0
thương binh	none	0
bất động sản	none	0
bất kỳ	none	0
bất kì	none	0
bất cứ	none	0
phi công	none	0
vô tuyến	none	0
vô địch	sent	2
mất điện	sent	-1.5
mất nước	sent	-1.5
mất ngủ	sent	-1.5
mất trộm	sent	-2
không gian	none	0
không khí	none	0
không quân	none	0
hết hạn	sent	-0.5
hết hàng	sent	-0.5
hết giờ	none	0
an ninh	none	0
sức khỏe	none	0
chất lượng cao	sent	2
giảm giá	sent	1
miễn phí	sent	0.3
chưa biết	none	0
khó khăn	sent	-1.5
dễ dàng	sent	1.5
dễ hiểu	sent	2
khó hiểu	sent	-2
buồn cười	sent	0.5
cười	sent	0.5
vệ sinh	none	0
mất vệ sinh	sent	-2
thiếu sót	sent	-1.5
kém chất lượng	sent	-2.5
vô trách nhiệm	sent	-2.5
vô cảm	sent	-2.5
vô lý	sent	-2
vô lí	sent	-2
vô duyên	sent	-2
vô văn hóa	sent	-2.5
vô học	sent	-2.5
vô ích	sent	-2
vô dụng	sent	-2.5
vô tư	sent	1
bất tiện	sent	-1.5
bất cập	sent	-1.5
bất công	sent	-2
bất hợp lý	sent	-2
bất hợp lí	sent	-2
bất an	sent	-1.5
bất lực	sent	-2
bất ổn	sent	-1.5
bất lịch sự	sent	-2
phi lý	sent	-2
phi lí	sent	-2
phi pháp	sent	-2
không ổn	sent	-1.5

không những	none	0
không chỉ	none	0
chẳng những	none	0
không sao	sent	0.5
không có gì	none	0
sở thích	none	0
hôn mê	sent	-1.5
mê tín	sent	-1
phương tiện	none	0
tiện thể	none	0
tiện tay	none	0
tức là	none	0
tin tức	none	0
lập tức	none	0
tức thì	none	0
tức khắc	none	0
xin lỗi	none	0
chi phí	none	0
học phí	none	0
lệ phí	none	0
kinh phí	none	0
kinh tế	none	0
kinh doanh	none	0
kinh nghiệm	none	0
thần kinh	none	0
yếu tố	none	0
chủ yếu	none	0
trọng yếu	none	0
thiết yếu	none	0
hỗn hợp	none	0
hỗn loạn	sent	-2
hâm nóng	none	0
chất thải	sent	-1
dở dang	sent	-0.5
khốn khó	sent	-2
không thể chấp nhận	sent	-2.5
không chấp nhận được	sent	-2.5
chấp nhận được	sent	0.5
chê	sent	-1.5
chê bai	sent	-2
không chê vào đâu được	sent	2.5
có tài	sent	2
tài năng	sent	2
chưa bao giờ	neg	1
và	particle	0
mà	particle	0
nên	particle	0
ạ	particle	0
nha	particle	0
nhé	particle	0
á	particle	0
vậy	particle	0
đấy	particle	0
đó	particle	0
nữa	particle	0
rồi	particle	0
hơn	particle	0
hen	particle	0
ha	particle	0
nè	particle	0
cơ	particle	0
chứ	particle	0
ghê	particle	0
thế	particle	0

# --- positive ------------------------------------------------------------------------------------
tốt	sent	2
tốt đẹp	sent	2
tốt bụng	sent	2
tốt tính	sent	2
hay	tail	1.5
hay ho	sent	1.5
đẹp	sent	2
đẹp đẽ	sent	2
xinh	sent	1.5
xinh đẹp	sent	2
tuyệt	sent	2.5
tuyệt vời	sent	3
tuyệt hảo	sent	3
tuyệt cú mèo	sent	3
xuất sắc	sent	3
hoàn hảo	sent	3
lý tưởng	sent	2
giỏi	sent	2
tài giỏi	sent	2.5
thông minh	sent	2
sáng tạo	sent	2
nhiệt tình	sent	2
nhiệt huyết	sent	2
nhiệt tâm	sent	2
tận tình	sent	2
tận tâm	sent	2
tâm huyết	sent	2
chu đáo	sent	2
chu toàn	sent	2
cẩn thận	sent	1.5
kỹ lưỡng	sent	1.5
kỹ càng	sent	1.5
thân thiện	sent	2
thân thiết	sent	1.5
gần gũi	sent	1.5
dễ thương	sent	2
đáng yêu	sent	2
dễ mến	sent	2
dễ chịu	sent	1.5
vui tính	sent	1.5
vui	sent	1.5
vui vẻ	sent	2
vui mừng	sent	2
mừng	sent	1.5
phấn khởi	sent	2
hạnh phúc	sent	2.5
hài lòng	sent	2
ưng	sent	1.5
ưng ý	sent	2
thích	sent	1.5
yêu	sent	2
yêu thích	sent	2
mê	tail	1.5
ổn	sent	1
ổn định	sent	1
ok	sent	1
oke	sent	1
okela	sent	1.5
oki	sent	1
được việc	sent	1.5
cũng được	sent	0.5
tạm được	sent	0.5
tạm ổn	sent	0.5
tàm tạm	sent	0.3
hữu ích	sent	2
bổ ích	sent	2
có ích	sent	1.5
thiết thực	sent	1.5
thực tế	sent	1
hấp dẫn	sent	2
thú vị	sent	2
lôi cuốn	sent	2
sinh động	sent	2
hài hước	sent	1.5
ấn tượng	sent	2
nổi bật	sent	1.5
rõ ràng	sent	1.5
dễ tiếp thu	sent	2
dễ nghe	sent	1.5
sâu sắc	sent	1.5
chi tiết	sent	1
cụ thể	sent	1
đầy đủ	sent	1.5
phong phú	sent	1.5
đa dạng	sent	1
cập nhật	sent	0.5
hiệu quả	sent	2
chuyên nghiệp	sent	2
uy tín	sent	2
đáng tin	sent	2
đáng tin cậy	sent	2
tin cậy	sent	1.5
chất lượng	sent	1
đảm bảo	sent	1
nhanh	tail	1
nhanh chóng	sent	1.5
nhanh gọn	sent	2
kịp thời	sent	2
đúng giờ	sent	1.5
đúng hẹn	sent	1.5
sạch	sent	1.5
sạch sẽ	sent	2
sạch đẹp	sent	2
xanh sạch đẹp	sent	2.5
gọn gàng	sent	1.5
ngăn nắp	sent	1.5
thoáng	sent	1
thoáng mát	sent	1.5
thông thoáng	sent	1.5
mát mẻ	sent	1.5
trong lành	sent	1.5
rộng rãi	sent	1.5
khang trang	sent	2
hiện đại	sent	1.5
văn minh	sent	2
tiện	tail	1
tiện lợi	sent	1.5
thuận tiện	sent	1.5
thuận lợi	sent	1.5
an toàn	sent	1.5
yên tâm	sent	1.5
an tâm	sent	1.5
bình yên	sent	1.5
yên bình	sent	1.5
công bằng	sent	2
minh bạch	sent	2
công khai	sent	1
lịch sự	sent	1.5
lễ phép	sent	1.5
tôn trọng	sent	1.5
tử tế	sent	2
chăm chỉ	sent	1.5
siêng năng	sent	1.5
kiên nhẫn	sent	1.5
năng động	sent	1.5
có trách nhiệm	sent	2
tích cực	sent	1.5
cải thiện	sent	1.5
tiến bộ	sent	1.5
phát triển	sent	0.5
thành công	sent	2
may mắn	sent	1.5
xứng đáng	sent	2
đáng khen	sent	2.5
khen	sent	1.5
khen ngợi	sent	2
hoan nghênh	sent	2
ủng hộ	sent	1.5
đồng tình	sent	1
tán thành	sent	1
tự hào	sent	2
cảm ơn	thanks	1
cảm ơn	sent	1.5
cám ơn	thanks	1
cám ơn	sent	1.5
cảm ơn nhiều	thanks	1
cảm ơn nhiều	sent	2
biết ơn	thanks	1
biết ơn	sent	2
trân trọng	sent	1.5
thanks	thanks	1
thanks	sent	1.5
thank	thanks	1
thank	sent	1.5
tks	thanks	1
tks	sent	1.5
thx	thanks	1
thx	sent	1.5
ngon	sent	1.5
ngon lành	sent	1.5
rẻ	tail	1
giá rẻ	sent	1
hợp lý	sent	1.5
hợp lí	sent	1.5
phù hợp	sent	1.5
vừa phải	sent	0.5
chính xác	sent	1.5
bền	sent	1.5
bền bỉ	sent	1.5
chắc chắn	sent	1
vững chắc	sent	1.5
mượt	sent	1.5
mượt mà	sent	2
nhạy	tail	1
xịn	sent	2
xịn sò	sent	2
đỉnh	sent	2.5
đỉnh cao	sent	2.5
đỉnh của chóp	sent	3
bá đạo	sent	2
đáng tiền	sent	2
đáng mua	sent	2
đáng đồng tiền	sent	2
pin trâu	sent	2
ngon bổ rẻ	sent	2.5
nhẹ nhàng	sent	1.5
ấm áp	sent	1.5
tươi	sent	1
tươi đẹp	sent	2
vững vàng	sent	1.5
tin tưởng	sent	1.5
hy vọng	wish	0.8
hi vọng	wish	0.8
mong chờ	sent	1
ngưỡng mộ	sent	2
kính trọng	sent	2
lý thú	sent	2
khoái	sent	1.5
sướng	sent	2
phê	sent	1.5
quyến rũ	sent	2
gọn	sent	1
gọn nhẹ	sent	1.5
nhỏ gọn	sent	1.5
sang trọng	sent	2
tinh tế	sent	2
sắc nét	sent	2
êm	sent	1.5
êm ái	sent	2
mạnh mẽ	sent	1.5
chuyên sâu	sent	1.5
độc đáo	sent	2
chuẩn xác	sent	1.5
chuẩn	sent	1
hứng thú	sent	1.5
đủ	sent	0.5
dễ tính	sent	1.5
dễ nhìn	sent	1.5
dễ làm	sent	1
dễ dùng	sent	1.5
dễ sử dụng	sent	1.5
có tâm	sent	2
hiểu tâm lý	sent	1.5
tâm lý	sent	1
đáp ứng	sent	1
nâng cao	sent	0.5
hiểu bài	sent	1
nắm vững	sent	1
vững	sent	1
linh hoạt	sent	1.5
kịp	tail	0.5
tâm lí	sent	1
ân cần	sent	2
tận tụy	sent	2
tận tuỵ	sent	2
say mê	sent	2
đam mê	sent	1.5
nghiêm túc	sent	1
nghiêm khắc	sent	0.5
công tâm	sent	2
thấu đáo	sent	2
tỉ mỉ	sent	1.5
tỷ mỷ	sent	1.5
dí dỏm	sent	2
truyền cảm hứng	sent	2.5
cuốn hút	sent	2
good	sent	2
great	sent	2.5
nice	sent	2
cool	sent	1.5
love	sent	2
like	sent	1
perfect	sent	3
best	sent	2.5
excellent	sent	3
awesome	sent	3
wow	sent	1.5
amazing	sent	3
cute	sent	1.5
10 điểm	sent	2.5
mười điểm	sent	2.5
5 sao	sent	2
năm sao	sent	2
like mạnh	sent	2.5
tuyệt đỉnh	sent	3
quá đỉnh	sent	3

# --- negative ------------------------------------------------------------------------------------
tệ	sent	-2.5
tệ hại	sent	-3
tồi	sent	-2.5
tồi tệ	sent	-3
tồi tàn	sent	-2.5
dở	sent	-2
dở tệ	sent	-3
dở ẹc	sent	-2.5
xấu	sent	-2
xấu xí	sent	-2
xấu hổ	sent	-2
chán	sent	-2
chán nản	sent	-2
buồn chán	sent	-2
hết pin	sent	-1
chán ngắt	sent	-2.5
chán đời	sent	-2
nhàm chán	sent	-2
nhàm	sent	-1.5
buồn	sent	-1.5
buồn ngủ	sent	-1.5
buồn bã	sent	-2
thất vọng	sent	-2.5
hụt hẫng	sent	-2
tiếc	sent	-1
đáng tiếc	sent	-1.5
tiếc nuối	sent	-1.5
hối hận	sent	-2
bực	sent	-2
bực mình	sent	-2.5
bực bội	sent	-2.5
bực tức	sent	-2.5
tức	sent	-2
tức giận	sent	-2.5
tức điên	sent	-3
giận	sent	-2
giận dữ	sent	-2.5
điên tiết	sent	-3
phát điên	sent	-2.5
phẫn nộ	sent	-3
căm phẫn	sent	-3
uất ức	sent	-2.5
ấm ức	sent	-2
khó chịu	sent	-2
phiền	sent	-1.5
phiền phức	sent	-2
phiền hà	sent	-2
phiền toái	sent	-2
mệt	sent	-1.5
mệt mỏi	sent	-2
phát mệt	sent	-2
ngán	sent	-1.5
ngán ngẩm	sent	-2.5
ngao ngán	sent	-2.5
phát ngán	sent	-2
khổ	sent	-2
khổ sở	sent	-2
cực khổ	sent	-2
vất vả	sent	-1.5
lo lắng	sent	-1.5
lo ngại	sent	-1.5
lo sợ	sent	-2
sợ	sent	-1.5
sợ hãi	sent	-2
hoang mang	sent	-1.5
hoảng	sent	-1.5
đau	sent	-1.5
đau đầu	sent	-1.5
đau lòng	sent	-2
xót xa	sent	-2
thương tâm	sent	-2
tội nghiệp	sent	-1.5
đáng thương	sent	-1.5
ghét	sent	-2
căm ghét	sent	-3
ghê tởm	sent	-3
kinh tởm	sent	-3
ớn	sent	-1.5
sợ thật	sent	-1.5
kinh khủng	sent	-2.5
khủng khiếp	sent	-2.5
dã man	sent	-2.5
ghê	sent	-1
thảm	sent	-2
thảm hại	sent	-3
thảm họa	sent	-3
tai hại	sent	-2.5
tai họa	sent	-2.5
thiệt hại	sent	-2
thiệt thòi	sent	-2
tổn thất	sent	-2
nguy hiểm	sent	-2
nguy cơ	sent	-1
báo động	sent	-1.5
nghiêm trọng	sent	-2
trầm trọng	sent	-2
tiêu cực	sent	-2
khó	sent	-1
phức tạp	sent	-1
rườm rà	sent	-2
rắc rối	sent	-1.5
lằng nhằng	sent	-2
nhiêu khê	sent	-2
lộn xộn	sent	-2
bừa bãi	sent	-2
nhếch nhác	sent	-2
bẩn	sent	-2
dơ	sent	-2
dơ bẩn	sent	-2.5
bẩn thỉu	sent	-2.5
hôi	sent	-2
hôi thối	sent	-2.5
bốc mùi	sent	-2.5
thối	sent	-2
ô nhiễm	sent	-2
ồn	sent	-1.5
ồn ào	sent	-1.5
ầm ĩ	sent	-1.5
chật	sent	-1
chật chội	sent	-1.5
chật hẹp	sent	-1.5
nóng bức	sent	-1.5
nóng nực	sent	-1.5
oi bức	sent	-1.5
ngột ngạt	sent	-1.5
xập xệ	sent	-2
xuống cấp	sent	-2
hư	sent	-1.5
hư hỏng	sent	-2
hỏng	sent	-1.5
hư hại	sent	-2
lỗi	sent	-1.5
bị lỗi	sent	-2
lỗi thời	sent	-1.5
sai	sent	-1.5
sai sót	sent	-1.5
sai lầm	sent	-2
sai phạm	sent	-2
sai trái	sent	-2
vi phạm	sent	-1.5
chậm	sent	-1
chậm chạp	sent	-1.5
chậm trễ	sent	-2
trễ	sent	-1
trễ hẹn	sent	-2
muộn	sent	-1
lâu	sent	-0.5
chờ đợi	sent	-1
chờ mãi	sent	-2
kẹt xe	sent	-2
ùn tắc	sent	-2
tắc đường	sent	-2
kẹt cứng	sent	-2
ngập	sent	-1.5
ngập nước	sent	-2
ngập lụt	sent	-2
ngập úng	sent	-2
lũ lụt	sent	-1.5
ổ gà	sent	-1.5
ổ voi	sent	-2
cúp điện	sent	-1.5
cúp nước	sent	-1.5
tắc trách	sent	-2.5
thờ ơ	sent	-2
làm ngơ	sent	-2
ngó lơ	sent	-2
lơ là	sent	-2
buông lỏng	sent	-2
bỏ mặc	sent	-2.5
đùn đẩy	sent	-2.5
né tránh	sent	-2
quan liêu	sent	-2.5
hách dịch	sent	-2.5
cửa quyền	sent	-2.5
nhũng nhiễu	sent	-2.5
tham nhũng	sent	-3
tham ô	sent	-3
hối lộ	sent	-2.5
bôi trơn	sent	-2
tiền trà nước	sent	-2
ăn chặn	sent	-3
bớt xén	sent	-2.5
rút ruột	sent	-3
làm khó	sent	-2
gây khó dễ	sent	-2.5
hứa suông	sent	-2.5
lừa	sent	-2
lừa đảo	sent	-3
lừa gạt	sent	-3
gian lận	sent	-2.5
gian dối	sent	-2.5
dối trá	sent	-2.5
chặt chém	sent	-2.5
đắt	sent	-1.5
đắt đỏ	sent	-1.5
mắc quá	sent	-1.5
phí tiền	sent	-2
lãng phí	sent	-2
tốn	sent	-1
tốn kém	sent	-1.5
thất bại	sent	-2
thua	sent	-1.5
trượt	sent	-1.5
rớt	sent	-1.5
lag	sent	-1.5
giật lag	sent	-2
đơ	sent	-1.5
treo máy	sent	-2
sập nguồn	sent	-2
hao pin	sent	-1.5
tụt pin	sent	-1.5
nóng máy	sent	-1.5
cùi	sent	-2
cùi bắp	sent	-2.5
phèn	sent	-1.5
fake	sent	-2
hàng giả	sent	-2.5
hàng nhái	sent	-2
kém cỏi	sent	-2.5
yếu	sent	-1.5
yếu kém	sent	-2.5
non kém	sent	-2
hời hợt	sent	-2
qua loa	sent	-2
sơ sài	sent	-2
cẩu thả	sent	-2.5
ẩu	sent	-2
làm ẩu	sent	-2.5
lan man	sent	-1.5
dài dòng	sent	-1.5
khô khan	sent	-1.5
buồn tẻ	sent	-2
tẻ nhạt	sent	-2
nhạt	sent	-1.5
nhạt nhẽo	sent	-2
khó nghe	sent	-1.5
áp lực	sent	-1.5
căng thẳng	sent	-1.5
stress	sent	-1.5
bế tắc	sent	-2
khủng hoảng	sent	-2
lo âu	sent	-1.5
khó tính	sent	-1.5
gắt	sent	-1.5
cáu	sent	-1.5
cáu gắt	sent	-2
hống hách	sent	-2.5
thô lỗ	sent	-2.5
láo	sent	-2.5
láo toét	sent	-2.5
hỗn	sent	-2
hỗn láo	sent	-2.5
mất dạy	sent	-3
ngu	sent	-2.5
ngu ngốc	sent	-2.5
ngu si	sent	-3
ngu dốt	sent	-3
dốt	sent	-2
dốt nát	sent	-2.5
đần	sent	-2.5
đần độn	sent	-2.5
ngớ ngẩn	sent	-2
điên	sent	-2
khùng	sent	-2
hâm	sent	-1.5
vớ vẩn	sent	-2
tào lao	sent	-2
nhảm	sent	-2
nhảm nhí	sent	-2
xàm	sent	-2
láo lếu	sent	-2.5
bố láo	sent	-2.5
đểu	sent	-2.5
khốn	sent	-2.5
khốn nạn	sent	-3
đồ khốn	sent	-3
súc vật	sent	-3
côn đồ	sent	-2.5
xã hội đen	sent	-2
bảo kê	sent	-2
trộm	sent	-2
trộm cắp	sent	-2.5
cướp	sent	-2.5
cướp giật	sent	-2.5
giật đồ	sent	-2.5
móc túi	sent	-2
đánh nhau	sent	-2
hành hung	sent	-2.5
tai nạn	sent	-2
chết	sent	-2
tử vong	sent	-2
thiệt mạng	sent	-2
bệnh tật	sent	-1.5
dịch bệnh	sent	-1.5
tệ nạn	sent	-2
ma túy	sent	-2
cờ bạc	sent	-2
lấn chiếm	sent	-2
xả rác	sent	-2
xả thải	sent	-2
nước thải	sent	-1.5
rác thải	sent	-1
khói bụi	sent	-1.5
bụi bặm	sent	-1.5
khiếu nại	sent	-1
tố cáo	sent	-1.5
phản đối	sent	-1.5
lên án	sent	-2
chỉ trích	sent	-1.5
phàn nàn	sent	-1.5
than phiền	sent	-1.5
kêu ca	sent	-1.5
kêu trời	sent	-2
nợ	sent	-1
thiếu trách nhiệm	sent	-2.5
thiếu tôn trọng	sent	-2.5
thiếu chuyên nghiệp	sent	-2.5
bad	sent	-2
terrible	sent	-3
worst	sent	-3
boring	sent	-2
sad	sent	-1.5
hate	sent	-2.5
dislike	sent	-2
wtf	sent	-2
xui	sent	-1.5
nản	sent	-2
rối	sent	-1.5
rối rắm	sent	-2
khô cứng	sent	-1.5
sơ sơ	sent	-1
nhầm	sent	-1
nhầm lẫn	sent	-1.5
nhạy cảm	sent	-1
cứng nhắc	sent	-1.5
máy móc	sent	-1
đơn điệu	sent	-1.5
quá tải	sent	-2
tụt hậu	sent	-2
lạc hậu	sent	-2
cũ kỹ	sent	-1.5
cũ kĩ	sent	-1.5
hư hao	sent	-1.5
ế	sent	-1.5
ế ẩm	sent	-2
xui xẻo	sent	-1.5
đen đủi	sent	-1.5
oan	sent	-2
oan ức	sent	-2.5
bị bỏ rơi	sent	-2

# --- civic complaints: negative, and they raise frustration -------------------------------------
bức xúc	sent	-2.5
bức xúc	complaint	0.45
quá đáng	sent	-2.5
quá đáng	complaint	0.4
quá quắt	sent	-2.5
quá quắt	complaint	0.4
bao giờ mới	sent	-1.5
bao giờ mới	complaint	0.35
đến bao giờ	sent	-1.5
đến bao giờ	complaint	0.35
tới bao giờ	sent	-1.5
tới bao giờ	complaint	0.35
đến khi nào	sent	-1.5
đến khi nào	complaint	0.35
tới khi nào	sent	-1.5
tới khi nào	complaint	0.35
bao lâu nữa	sent	-1.5
bao lâu nữa	complaint	0.35
lần thứ	complaint	0.25
nhiều lần	complaint	0.25
bao nhiêu lần	sent	-1
bao nhiêu lần	complaint	0.3
đã phản ánh	complaint	0.25
đã phản ánh nhiều lần	sent	-2
đã phản ánh nhiều lần	complaint	0.45
phản ánh nhiều lần	sent	-2
phản ánh nhiều lần	complaint	0.45
phản ánh mãi	sent	-2
phản ánh mãi	complaint	0.45
gửi đơn nhiều lần	sent	-2
gửi đơn nhiều lần	complaint	0.45
mãi không	sent	-1.5
mãi không	complaint	0.35
mãi chưa	sent	-1.5
mãi chưa	complaint	0.35
mãi mà không	sent	-1.5
mãi mà không	complaint	0.35
hoài không	sent	-1.5
hoài không	complaint	0.35
vẫn chưa	sent	-1
vẫn chưa	complaint	0.2
vẫn không	sent	-1
vẫn không	complaint	0.2
vẫn vậy	sent	-1
vẫn vậy	complaint	0.2
vẫn thế	sent	-1
vẫn thế	complaint	0.2
không ai	sent	-1
không ai	complaint	0.2
chẳng ai	sent	-1
chẳng ai	complaint	0.2
không ai giải quyết	sent	-2
không ai giải quyết	complaint	0.4
chưa được giải quyết	sent	-1.5
chưa được giải quyết	complaint	0.35
không được giải quyết	sent	-1.5
không được giải quyết	complaint	0.35
không ai quan tâm	sent	-2
không ai quan tâm	complaint	0.4
cơ quan chức năng đâu	sent	-1.5
cơ quan chức năng đâu	complaint	0.4
chính quyền đâu	sent	-1.5
chính quyền đâu	complaint	0.4
ai chịu trách nhiệm	sent	-1.5
ai chịu trách nhiệm	complaint	0.3
trách nhiệm thuộc về ai	sent	-1.5
trách nhiệm thuộc về ai	complaint	0.3
làm ăn kiểu gì	sent	-2.5
làm ăn kiểu gì	complaint	0.45
làm việc kiểu gì	sent	-2.5
làm việc kiểu gì	complaint	0.45
kiểu gì vậy	sent	-1.5
kiểu gì vậy	complaint	0.3
hứa hoài	sent	-2
hứa hoài	complaint	0.4
hứa mãi	sent	-2
hứa mãi	complaint	0.4
cả tháng nay	complaint	0.25
cả tháng nay	sent	-0.5
mấy tháng nay	complaint	0.25
mấy tháng nay	sent	-0.5
cả năm nay	complaint	0.3
cả năm nay	sent	-0.5
mấy năm nay	complaint	0.3
mấy năm nay	sent	-0.5
kéo dài	complaint	0.15
kéo dài	sent	-1
sống chung với	complaint	0.3
sống chung với	sent	-1.5
chịu hết nổi	sent	-2.5
chịu hết nổi	complaint	0.45
hết chịu nổi	sent	-2.5
hết chịu nổi	complaint	0.45
không chịu nổi	sent	-2.5
không chịu nổi	complaint	0.45
ko chịu nổi	sent	-2.5
ko chịu nổi	complaint	0.45
chịu không nổi	sent	-2.5
chịu không nổi	complaint	0.45
quá sức chịu đựng	sent	-2.5
quá sức chịu đựng	complaint	0.45
hết nói nổi	sent	-2.5
hết nói nổi	complaint	0.4
cạn lời	sent	-2
cạn lời	complaint	0.35
hết cứu	sent	-2.5
hết cứu	complaint	0.35
dân khổ	sent	-2
dân khổ	complaint	0.35
khổ dân	sent	-2
khổ dân	complaint	0.35
dân chịu	sent	-1.5
dân chịu	complaint	0.3
kêu cứu	sent	-2
kêu cứu	complaint	0.35
đề nghị	complaint	0.05
kiến nghị	complaint	0.05
phản ánh	complaint	0.05

# --- sarcasm cues: praise that is mockery when the rest of the post is negative --------------------
hay quá ha	sarcasm	1.5
hay quá hen	sarcasm	1.5
hay ghê	sarcasm	1.5
hay ghê ha	sarcasm	1.5
hay nhỉ	sarcasm	1
hay thật đấy	sarcasm	1.5
giỏi ghê	sarcasm	1.5
giỏi quá ha	sarcasm	1.5
giỏi thật đấy	sarcasm	1.5
tài thật	sarcasm	1.5
tài ghê	sarcasm	1.5
đỉnh thật	sarcasm	1.5
đỉnh ghê	sarcasm	1.5
quá đỉnh luôn	sarcasm	2
tuyệt vời ông mặt trời	sarcasm	2
thật là tuyệt	sarcasm	1.5
làm tốt lắm	sarcasm	1.5
được lắm	sarcasm	1
vi diệu	sarcasm	1
thật là vi diệu	sarcasm	1.5
cảm ơn vì đã	sarcasm	1.5
cám ơn vì đã	sarcasm	1.5
xin chúc mừng	sarcasm	1.5
chúc mừng	sarcasm	1.5
thế mới hay	sarcasm	1
văn minh quá	sarcasm	1.5
đẹp mặt	sarcasm	1
mát mặt	sarcasm	1
khen cho	sarcasm	1

# --- swearing: intensity for frustration (and negative on their own) --------------------------------
đm	swear	0.35
đmm	swear	0.35
dm	swear	0.35
dmm	swear	0.35
đcm	swear	0.4
dcm	swear	0.4
đkm	swear	0.4
dkm	swear	0.4
đmcs	swear	0.4
vcl	swear	0.35
vkl	swear	0.35
vl	swear	0.25
vler	swear	0.25
vãi	swear	0.2
vãi l	swear	0.35
vãi lồn	swear	0.4
cc	swear	0.3
cl	swear	0.3
clm	swear	0.35
đéo	swear	0.35
đếch	swear	0.3
éo	swear	0.25
địt	swear	0.45
địt mẹ	swear	0.5
đụ	swear	0.4
đụ má	swear	0.5
đù má	swear	0.4
đĩ	swear	0.4
cặc	swear	0.45
lồn	swear	0.45
loz	swear	0.4
buồi	swear	0.45
đầu buồi	swear	0.45
óc chó	swear	0.45
óc chó	sent	-3
óc lợn	swear	0.4
óc lợn	sent	-3
não tôm	swear	0.3
não tôm	sent	-2.5
mẹ mày	swear	0.4
mẹ kiếp	swear	0.45
má nó	swear	0.3
bố mày	swear	0.3
thằng chó	swear	0.45
thằng chó	sent	-3
đồ chó	swear	0.45
đồ chó	sent	-3
chó má	swear	0.45
chó má	sent	-3
cút	swear	0.3
cút đi	swear	0.35
cút đi	sent	-2.5
biến đi	swear	0.3
câm mồm	swear	0.4
câm mồm	sent	-2.5
im mồm	swear	0.35
im mồm	sent	-2
mả cha	swear	0.4
bỏ mẹ	swear	0.35
chết tiệt	swear	0.35
chết tiệt	sent	-2.5
chết mẹ	swear	0.35
súc vật	swear	0.45
khốn nạn	swear	0.45
đồ khốn	swear	0.45
mất dạy	swear	0.35
vô học	swear	0.3
fuck	swear	0.45
fucking	swear	0.45
shit	swear	0.4
shit	sent	-2
damn	swear	0.3

# --- emoji and emoticons (skin tones and variation selectors are ignored) -------------------------
😡	sent	-3
🤬	sent	-3
😠	sent	-2.5
😤	sent	-2
👿	sent	-2.5
😾	sent	-2
💢	sent	-2
😞	sent	-1.5
😔	sent	-1.2
😟	sent	-1.2
😕	sent	-1
🙁	sent	-1.2
☹	sent	-1.5
😢	sent	-1.5
😭	sent	-1.5
😿	sent	-1.5
😩	sent	-1.5
😫	sent	-1.5
😖	sent	-1.5
😣	sent	-1.5
😥	sent	-1.2
😰	sent	-1.5
😱	sent	-1.5
😨	sent	-1.5
😒	sent	-1.5
🙄	sent	-1.5
😑	sent	-1
😐	sent	-0.5
🤦	sent	-1.5
🤮	sent	-2.5
🤢	sent	-2
💩	sent	-2
👎	sent	-2
💔	sent	-2
🤡	sent	-2
🥲	sent	-0.5
😏	sent	-0.5
😬	sent	-0.5
😓	sent	-1
😪	sent	-1
😀	sent	1.5
😃	sent	1.5
😄	sent	1.5
😁	sent	1.5
😆	sent	1.2
😊	sent	2
☺	sent	2
🙂	sent	1
😉	sent	1
😇	sent	1.5
😍	sent	2.5
🥰	sent	2.5
😘	sent	2
😻	sent	2
🤩	sent	2.5
🤗	sent	1.5
😋	sent	1.5
😎	sent	1.5
👍	sent	2
👏	sent	2
🙌	sent	2
👌	sent	1.5
💪	sent	1.5
🙏	sent	1
💯	sent	2
🔥	sent	1
✅	sent	1
⭐	sent	1
🌟	sent	1.5
❤	sent	2.5
♥	sent	2.5
💕	sent	2.5
💖	sent	2.5
💗	sent	2.5
💓	sent	2.5
💞	sent	2.5
💙	sent	2
💚	sent	2
💛	sent	2
💜	sent	2
🧡	sent	2
🎉	sent	2
🥳	sent	2
🌹	sent	1.5
😂	sent	0.3
🤣	sent	0.3
😅	sent	0.2
:)	sent	1.5
:))	sent	1
=)	sent	1.5
=))	sent	0.5
:d	sent	1.5
=d	sent	1.5
xd	sent	1
:p	sent	1
:3	sent	1
^^	sent	1.5
^_^	sent	1.5
<3	sent	2.5
:v	sent	0.3
;)	sent	1
:(	sent	-1.5
:((	sent	-2
=(	sent	-1.5
:'(	sent	-2
:/	sent	-1
:|	sent	-0.5
-_-	sent	-1
-.-	sent	-1
>:(	sent	-2.5
:@	sent	-2
:<	sent	-1

# --- what a post does: requests for information, notices and adverts, irony -----------------------
có ai biết	ask	1
ai biết	ask	1
ai bít	ask	1
ai bik	ask	1
có ai	ask	1
có ai thấy	ask	1
ai có	ask	1
ai cần	ask	1
ai nhặt được	ask	1
ai thấy	ask	1
cho hỏi	ask	1
cho em hỏi	ask	1
cho e hỏi	ask	1
cho mình hỏi	ask	1
cho tôi hỏi	ask	1
cho con hỏi	ask	1
cho cháu hỏi	ask	1
xin hỏi	ask	1
hỏi chút	ask	1
cho mình xin	ask	1
cho em xin	ask	1
xin kinh nghiệm	ask	1
xin liên hệ	ask	1
chỉ giúp	ask	1
chỉ giùm	ask	1
tư vấn giúp	ask	1
nhờ mọi người	ask	1
nhờ cả nhà	ask	1
chia sẻ giúp	ask	1
chỗ nào bán	ask	1
ở đâu bán	ask	1
có nên	ask	1
cần tìm	ask	1
đang tìm	ask	1
mọi người	particle	0
mn	particle	0
ae	particle	0
anh em	particle	0
cả nhà	particle	0
mọi người nhỉ	question	1
vậy mọi người	question	1
vậy mn	question	1
vậy ae	question	1
thông báo	notice	0.1
xin thông báo	notice	0.1
trân trọng thông báo	notice	0.1
lưu ý	notice	0.1
bà con lưu ý	notice	0.1
cảnh báo	notice	0.1
cảnh giác	notice	0.1
khuyến cáo	notice	0.1
kính mời	notice	0.1
trân trọng kính mời	notice	0.1
thư mời	notice	0.1
dự báo	notice	0.1
lịch tiêm	notice	0.1
lịch cắt điện	notice	0.1
tạm ngưng	notice	0.1
sẽ diễn ra	notice	0.1
tuyển	notice	0.1
tuyển dụng	notice	0.1
cần tuyển	notice	0.1
cần bán	notice	0.1
bán gấp	notice	0.1
cho thuê	notice	0.1
chính chủ	notice	0.1
thu mua	notice	0.1
nhận ship	notice	0.1
ship tận nơi	notice	0.1
inbox	notice	0.1
ib	notice	0.1
lh	notice	0.1
hotline	notice	0.1
sale	notice	0.1
khuyến mãi	notice	0.1
ưu đãi	notice	0.1
công thức	notice	0.1
nguyên liệu	notice	0.1
đúng là	irony	1
thật là	irony	1
quả là	irony	1
ghê	irony	1
thật	irony	1
thiệt	irony	1
ha	irony	1
hen	irony	1
ghê ha	irony	1
ghê ha	intpost	1.4
ghê chưa	irony	1
ghê chưa	intpost	1.4
🙂	irony	1
🙃	irony	1
🙃	sent	-0.5
chào mừng	none	0
thiếu nhi	none	0
bình ổn	none	0

# --- everyday civic vocabulary: the ward's complaints and praise ---------------------------------
ấm lòng	sent	2
đông vui	sent	1.5
sạch bong	sent	2
sạch tinh tươm	sent	2
êm ru	sent	1.5
lung linh	sent	1.5
ổn áp	sent	1.5
zui	sent	1.5
đáng quý	sent	2
quý	sent	1
yên tâm hẳn	sent	2
nhanh gọn lẹ	sent	2
mát	sent	1
mù mịt	sent	-1.5
khói đen	sent	-1.5
ho sù sụ	sent	-1.5
cay mắt	sent	-1.5
rầm rầm	sent	-1
ầm ầm	sent	-1
xập xình	sent	-1.5
thình thịch	sent	-1
inh ỏi	sent	-2
la hét	sent	-1.5
chửi	sent	-2
chửi bới	sent	-2
chửi thề	sent	-2
cãi nhau	sent	-1.5
say xỉn	sent	-2
nhậu say	sent	-2
chắn hết	sent	-1.5
chắn lối	sent	-1.5
chiếm hết	sent	-1.5
leo lề	sent	-1.5
loạn xạ	sent	-2
nhích từng chút	sent	-1.5
chen nhau	sent	-1
chen chúc	sent	-1.5
hút chích	sent	-2
sống sao nổi	sent	-2.5
sống sao nổi	complaint	0.35
sống sao	sent	-2
sống sao	complaint	0.3
sao nổi	sent	-2
sao chịu nổi	sent	-2.5
sao chịu nổi	complaint	0.35
mất việc	sent	-2
thất nghiệp	sent	-2
đổ lén	sent	-2
đổ trộm	sent	-2
đen ngòm	sent	-2
đen thui	sent	-1.5
chất đống	sent	-1.5
như núi	sent	-1
ruồi	sent	-1
ruồi nhặng	sent	-2
chuột	sent	-1
nồng nặc	sent	-2
hôi rình	sent	-2.5
tum lum	sent	-1.5
lạm thu	sent	-2.5
trù dập	sent	-2.5
bắt buộc	sent	-1
ngại	sent	-1
không ngủ được	sent	-2
ko ngủ được	sent	-2
tối thui	sent	-1.5
tối om	sent	-1.5
muốn chết	sent	-2
muốn xỉu	sent	-1.5
gãy lưng	sent	-1.5
nín thở	sent	-1
lo quá	sent	-2
tăng vọt	sent	-2
tăng gấp đôi	sent	-1.5
lại tăng	sent	-1.5
tăng giá	sent	-1.5
ướt hết	sent	-1
té xe	sent	-1.5
suýt	sent	-1
nằm nguyên	sent	-1.5
y nguyên	sent	-1.5
chưa ai	sent	-1
chưa ai	complaint	0.2
chưa có ai	sent	-1
chưa có ai	complaint	0.2
không thấy ai	sent	-1
không thấy ai	complaint	0.2
bó tay	sent	-2
không ai bắt máy	sent	-2
không ai bắt máy	complaint	0.3
gọi hoài	sent	-1

# --- plain forms that are other common words: these match only as spelled ------------------------
bẩn	exact	1
buồn	exact	1
bền	exact	1
chê	exact	1
chật	exact	1
chậm	exact	1
cáu	exact	1
cười	exact	1
dơ	exact	1
dở	exact	1
ghê	exact	1
giận	exact	1
hôi	exact	1
hư	exact	1
hỏng	exact	1
hỗn	exact	1
khó	exact	1
khổ	exact	1
láo	exact	1
lâu	exact	1
lỗi	exact	1
mát	exact	1
mê	exact	1
mệt	exact	1
mừng	exact	1
ngu	exact	1
nhạt	exact	1
nản	exact	1
nợ	exact	1
phê	exact	1
quý	exact	1
rối	exact	1
rớt	exact	1
sạch	exact	1
sợ	exact	1
sướng	exact	1
thua	exact	1
thảm	exact	1
tiếc	exact	1
tươi	exact	1
tạm	exact	1
tệ	exact	1
tốn	exact	1
tồi	exact	1
tức	exact	1
yêu	exact	1
yếu	exact	1
đau	exact	1
điên	exact	1
đơ	exact	1
đần	exact	1
đắt	exact	1
đủ	exact	1
đỉnh	exact	1
ưng	exact	1
ế	exact	1
ồn	exact	1
ổn	exact	1
ớn	exact	1
êm	exact	1
xịn	exact	1
kém	exact	1
chửi	exact	1
trễ	exact	1
muộn	exact	1
dốt	exact	1
ẩu	exact	1
hâm	exact	1
khùng	exact	1
gắt	exact	1

# --- more of what people write: wishes, recurrence, water, greetings --------------------------------
chúc	sent	1.5
chúc mọi người	sent	2
chúc cả nhà	sent	2
an lành	sent	1.5
bình an	sent	1.5
hết ý	sent	2
lại cúp	sent	-1.5
lại cúp	complaint	0.25
lại mất	sent	-1.5
lại mất	complaint	0.25
lại ngập	sent	-1.5
lại ngập	complaint	0.25
lại kẹt	sent	-1.5
lại kẹt	complaint	0.25
lại nữa rồi	sent	-1.5
lại nữa rồi	complaint	0.25
nữa rồi	sent	-0.5
chừng nào mới	sent	-1.5
chừng nào mới	complaint	0.35
khi nào mới	sent	-1.5
khi nào mới	complaint	0.35
kiểu gì mà	sent	-1.5
kiểu gì mà	complaint	0.3
ai chịu nổi	sent	-2.5
ai chịu nổi	complaint	0.4
chịu nổi không	sent	-2
chịu nổi không	complaint	0.35
đâu lại vào đấy	sent	-1.5
đâu lại vào đấy	complaint	0.3
y chang	sent	-0.5
như chợ	sent	-1.5
khóc	sent	-1.5
khóc thét	sent	-2
rút sạch	sent	-2
đục	sent	-1
đục ngầu	sent	-2
cặn	sent	-1
chập chờn	sent	-1.5
kín mít	sent	-1
chật như nêm	sent	-2
nhúc nhích	sent	-0.5
sặc sụa	sent	-1.5
nhức đầu	sent	-1.5
cách làm	notice	0.1
ướp	notice	0.1
nêm	notice	0.1
sang nhượng	notice	0.1
kêu gọi	notice	0.1
thông tin từ	notice	0.1
`;
