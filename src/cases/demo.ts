// Cases of the Quận 10 demo: a few months of citizen reports across the wards, in every state, so the
// lists, the Hỏi – đáp pages, the status pages and the on-time figures have something to show.
// Written through the service functions (history and audit included), then dated back.
import type { AppContext } from '../app/context.ts';
import { answerCase, assignCase, createCase, moveCase, rateCase } from './cases.ts';
import { createRule } from './routing.ts';
import { calendarOf, loadCasesSettings, serviceDays } from './settings.ts';
import { addWorkingDays } from './sla.ts';

interface DemoCase {
  ward: string | null;
  topic: string;
  title: string;
  description: string;
  address?: string;
  /** Days ago it arrived, and days after that it was answered (none: still open). */
  age: number;
  answeredAfter?: number;
  answer?: string;
  rating?: number;
  then?: 'closed' | 'reopened' | 'in_progress';
  email?: string;
}

const DAY = 86_400_000;

const CASES: DemoCase[] = [
  { ward: 'phuong-12', topic: 'giao-thong', title: 'Đèn tín hiệu ngã tư Thành Thái – Tô Hiến Thành chớp vàng cả ngày', description: 'Từ sáng thứ Hai, đèn tín hiệu tại ngã tư Thành Thái – Tô Hiến Thành chỉ chớp vàng, giờ cao điểm xe cộ tranh nhau rất nguy hiểm.', address: 'Ngã tư Thành Thái – Tô Hiến Thành', age: 70, answeredAfter: 3, answer: 'Phường 12 đã báo Trung tâm Quản lý giao thông; đèn được sửa xong ngày hôm sau và hoạt động bình thường.', rating: 5, then: 'closed', email: 'nguoidan1@example.vn' },
  { ward: 'phuong-14', topic: 'ngap-nuoc', title: 'Đường Lý Thường Kiệt đoạn trước Bệnh viện Trưng Vương ngập sau mưa', description: 'Mỗi trận mưa chiều, đoạn đường trước Bệnh viện Trưng Vương ngập gần nửa bánh xe, người đi khám bệnh rất vất vả.', address: '266 Lý Thường Kiệt', age: 55, answeredAfter: 9, answer: 'Phường 14 đã phối hợp đơn vị thoát nước nạo vét hố ga đoạn trước bệnh viện; tình trạng ngập đã giảm. Việc nâng cấp cống nằm trong kế hoạch năm sau.', rating: 3 },
  { ward: 'phuong-6', topic: 'moi-truong', title: 'Điểm tập kết rác trên đường Nguyễn Tri Phương để quá giờ', description: 'Điểm tập kết rác gần chợ để đến trưa vẫn chưa thu gom, bốc mùi và tràn ra lòng đường.', address: 'Đường Nguyễn Tri Phương, gần chợ', age: 20, answeredAfter: 2, answer: 'Đã yêu cầu đơn vị thu gom chuyển giờ lấy rác về trước 9 giờ sáng và tăng thêm một chuyến buổi chiều.', rating: 4, then: 'closed' },
  { ward: 'phuong-1', topic: 'dat-dai-xay-dung', title: 'Công trình trong hẻm 120 Hồ Thị Kỷ thi công quá 22 giờ', description: 'Công trình xây nhà trong hẻm 120 Hồ Thị Kỷ đổ bê tông đến khuya, tiếng ồn ảnh hưởng giấc ngủ của cả xóm.', address: 'Hẻm 120 Hồ Thị Kỷ', age: 2, then: 'in_progress' },
  { ward: 'phuong-9', topic: 'an-ninh-trat-tu', title: 'Thanh niên tụ tập đua xe trên đường Ba Tháng Hai ban đêm', description: 'Khoảng 23 giờ các tối cuối tuần có nhóm thanh niên tụ tập, nẹt pô và đua xe trên đường Ba Tháng Hai.', address: 'Đường Ba Tháng Hai', age: 21 },
  { ward: 'phuong-15', topic: 'thu-tuc-hanh-chinh', title: 'Chờ cấp bản sao giấy khai sinh quá lâu', description: 'Tôi nộp hồ sơ cấp bản sao giấy khai sinh tại bộ phận một cửa đã hơn một tuần nhưng chưa nhận được kết quả.', age: 12, answeredAfter: 2, answer: 'Bộ phận một cửa đã liên hệ, hẹn trả kết quả trong ngày làm việc kế tiếp.', rating: 2, then: 'reopened', email: 'nguoidan2@example.vn' },
  { ward: 'phuong-12', topic: 'moi-truong', title: 'Cây xanh trên đường Sư Vạn Hạnh có nhánh khô sắp gãy', description: 'Cây dầu trước số 500 Sư Vạn Hạnh có một nhánh khô lớn chìa ra lòng đường, có gió là rung lắc.', address: '500 Sư Vạn Hạnh', age: 0 },
  { ward: 'phuong-10', topic: 'y-te', title: 'Trạm y tế phường chưa có lịch tiêm nhắc lại cho trẻ', description: 'Cha mẹ hỏi lịch tiêm nhắc lại sởi – rubella cho trẻ 18 tháng tại trạm y tế phường nhưng chưa thấy thông báo.', age: 8, answeredAfter: 1, answer: 'Trạm y tế phường tiêm nhắc lại vào sáng thứ Tư hằng tuần; lịch đã được niêm yết tại trạm và đăng trên trang thông tin của phường.', rating: 5 },
  { ward: null, topic: 'giao-thong', title: 'Xe buýt thường trễ giờ ở trạm trên đường Ba Tháng Hai', description: 'Xe buýt qua trạm trên đường Ba Tháng Hai buổi sáng thường trễ 20–30 phút so với lịch.', age: 4 },
];

export async function seedCasesDemo(ctx: AppContext): Promise<number> {
  const tree = await ctx.units.current();
  const unit = (slug: string) => tree.getBySlug(slug);
  const settings = await loadCasesSettings(ctx.db);
  const cal = calendarOf(settings);
  const district = unit('quan-10');
  if (!district) return 0;
  for (const [topic, slug] of [['giao-duc', 'quan-10'], ['quoc-phong-an-ninh', 'quan-doan-10']] as const) {
    const target = unit(slug);
    if (target) await createRule(ctx.db, tree, 'system', { topic, wardId: null, placeId: null, unitId: target.id, note: 'Dữ liệu mẫu' });
  }
  const now = Date.now();
  for (const d of CASES) {
    const ward = d.ward ? unit(d.ward) : undefined;
    const owner = ward ?? district;
    const c = await createCase(ctx.db, 'citizen', { source: 'report', title: d.title, description: d.description, topic: d.topic, wardId: ward?.id ?? null, address: d.address ?? null, unitId: owner.id, contact: d.email ? { email: d.email } : undefined }, settings);
    if (d.answeredAfter !== undefined || d.then === 'in_progress') await moveCase(ctx.db, 'system', c.id, 'in_progress');
    if (d.answer) await answerCase(ctx.db, 'system', c.id, d.answer);
    if (d.rating) await rateCase(ctx.db, c.id, d.rating, settings);
    if (d.then === 'closed') await moveCase(ctx.db, 'system', c.id, 'closed');
    if (d.then === 'reopened') await moveCase(ctx.db, 'citizen', c.id, 'reopened', 'Đến hẹn vẫn chưa nhận được bản sao.', settings);
    if (!d.answer && !d.then && !ward) await assignCase(ctx.db, 'system', c.id, { unitId: owner.id, handlerId: null });
    // Date it back: arrival, the deadline of that day, the answer, the rating, the closing.
    const created = new Date(now - d.age * DAY);
    const due = addWorkingDays(created, serviceDays(settings, d.topic), cal);
    const answered = d.answeredAfter !== undefined ? new Date(created.getTime() + d.answeredAfter * DAY) : null;
    const later = (days: number) => (answered ? new Date(Math.min(answered.getTime() + days * DAY, now)) : null);
    await ctx.database.query(
      `UPDATE cases SET created_at = $2, due_at = CASE WHEN status = 'reopened' THEN due_at ELSE $3::timestamptz END,
         first_answered_at = $4, answered_at = $4, first_answer_on_time = CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE $4::timestamptz <= $3::timestamptz END,
         rated_at = CASE WHEN rating IS NULL THEN NULL ELSE $5::timestamptz END, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE $6::timestamptz END,
         updated_at = greatest($2, coalesce($6::timestamptz, $5::timestamptz, $4::timestamptz, $2)) WHERE id = $1`,
      [c.id, created.toISOString(), due.toISOString(), answered?.toISOString() ?? null, later(1)?.toISOString() ?? null, later(2)?.toISOString() ?? null],
    );
    await ctx.database.query(
      `UPDATE case_events SET at = CASE WHEN kind IN ('created', 'assigned') OR (kind = 'status' AND to_status = 'in_progress') THEN $2::timestamptz
         WHEN kind = 'answered' THEN coalesce($3::timestamptz, at) WHEN kind = 'rated' THEN coalesce($4::timestamptz, at) ELSE coalesce($5::timestamptz, at) END WHERE case_id = $1`,
      [c.id, created.toISOString(), answered?.toISOString() ?? null, later(1)?.toISOString() ?? null, later(2)?.toISOString() ?? null],
    );
  }
  return CASES.length;
}
