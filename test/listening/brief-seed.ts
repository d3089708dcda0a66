// A small week of District 10 posts for the brief, stored through the listening door (ingestPosts), so
// issues, voices and hourly aggregates are the real ones; plus cases from the desk. The week is
// Monday 9 to Sunday 15 November 2026, Vietnam time.
import type { AppContext } from '../../src/app/context.ts';
import { answerCase, createCase } from '../../src/cases/cases.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';

export const WEEK = { from: '2026-11-09', to: '2026-11-15' };
/** Names that must never appear in anything the brief produces. */
export const AUTHOR_NAMES = ['Nguyễn Văn Tèo', 'Trần Thị Bé', 'Lê Văn Tư', 'Phạm Thị Năm', 'Hoàng Văn Sáu', 'Đỗ Thị Bảy', 'Vũ Văn Tám', 'Bùi Thị Chín'];
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 10, day, hour - 7, minute));

const FLOOD = [
  'Đường Thành Thái phường 12 lại ngập nước sâu, bức xúc quá, xe chết máy hết rồi!',
  'Ngập nước ở phường 12 mãi không ai xử lý, quá tệ, bức xúc lắm',
  'Mưa chút xíu mà đường Thành Thái phường 12 ngập nước như sông, chán thật sự',
  'Ngập nước phường 12 kéo dài cả tuần, dân khổ quá rồi',
];
// Six different wordings: one account's same words on the same day are kept once (a repeat, not a voice).
const TRAFFIC = [
  'Kẹt xe đường Ba Tháng Hai phường 5 kinh khủng mỗi chiều',
  'Đường Ba Tháng Hai phường 5 kẹt xe cả tiếng đồng hồ, mệt mỏi quá',
  'Chiều nay kẹt xe đường Ba Tháng Hai phường 5 không nhúc nhích nổi',
  'Đường Ba Tháng Hai phường 5 lại kẹt xe, đi làm về trễ cả tiếng',
  'Kẹt xe đường Ba Tháng Hai phường 5 từ năm giờ chiều tới tối mịt',
  'Ai đi đường Ba Tháng Hai phường 5 thì né giùm, kẹt xe cứng ngắc',
];
const THANKS = ['Cảm ơn trạm y tế đã hỗ trợ tiêm chủng cho các cháu rất chu đáo', 'Cán bộ y tế tiêm chủng nhiệt tình, cảm ơn nhiều'];

export interface SeededWeek {
  inWeek: number;
  previousWeek: number;
  authorsInWeek: number;
  floodPosts: number;
}

export async function seedWeek(ctx: AppContext): Promise<SeededWeek> {
  const posts: Array<{ externalId: string; authorExternalId: string; authorName: string; createdAt: Date; text: string }> = [];
  const add = (id: string, author: number, date: Date, text: string) => posts.push({ externalId: id, authorExternalId: `fb-user-${author}`, authorName: AUTHOR_NAMES[author], createdAt: date, text });
  // Flooding in Phường 12: 12 posts by 6 people on Tuesday and Wednesday.
  for (let i = 0; i < 12; i++) add(`flood-${i}`, i % 6, at(10 + Math.floor(i / 6), 8 + (i % 6), i * 3), FLOOD[i % FLOOD.length]);
  // Traffic in Phường 5: 6 posts by only 2 people on Thursday (never broken down by place).
  for (let i = 0; i < 6; i++) add(`traffic-${i}`, 6 + (i % 2), at(12, 17 + (i % 3), i * 5), TRAFFIC[i % TRAFFIC.length]);
  // Thanks on Saturday, 4 posts by 4 people.
  for (let i = 0; i < 4; i++) add(`thanks-${i}`, i, at(14, 9 + i), THANKS[i % THANKS.length]);
  // The week before: 5 posts.
  for (let i = 0; i < 5; i++) add(`before-${i}`, i, at(4, 10 + i), FLOOD[i % FLOOD.length]);
  const summary = await ingestPosts(ctx, 'fb-quan10', posts, { create: { kind: 'file', label: 'Trang Facebook thử' }, processNow: true });
  if (summary.added !== posts.length) throw new Error(`seed: ${JSON.stringify(summary)}`);
  return { inWeek: 22, previousWeek: 5, authorsInWeek: 8, floodPosts: 12 };
}

/** A case made from the flooding issue, answered on Thursday; and one overdue case. */
export async function seedCases(ctx: AppContext): Promise<{ answered: number; overdue: number; issueId: number }> {
  const tree = await ctx.units.current();
  const unitId = tree.getBySlug('phuong-12')?.id as number;
  const [issue] = await ctx.database.query<{ id: number }>(`SELECT issue_id AS id FROM listening_posts WHERE external_id = 'flood-0'`);
  const issueId = Number(issue.id);
  const c = await createCase(ctx.db, 'system', { source: 'issue', title: 'Ngập nước đường Thành Thái', description: 'Ngập sau mưa', topic: 'ngap-nuoc', unitId, issueId });
  await answerCase(ctx.db, 'system', c.id, 'Đã nạo vét cống thoát nước đường Thành Thái.');
  const answeredAt = at(12, 12).toISOString();
  await ctx.database.query(`UPDATE cases SET created_at = $2, answered_at = $3, first_answered_at = $3 WHERE id = $1`, [c.id, at(11, 9).toISOString(), answeredAt]);
  await ctx.database.query(`UPDATE case_events SET at = $2 WHERE case_id = $1`, [c.id, answeredAt]);
  const late = await createCase(ctx.db, 'system', { source: 'manual', title: 'Đèn đường hẻm 5 hỏng', description: 'Đèn hỏng một tuần', unitId });
  await ctx.database.query(`UPDATE cases SET created_at = $2, due_at = $3 WHERE id = $1`, [late.id, at(9, 9).toISOString(), at(13, 17).toISOString()]);
  return { answered: c.id, overdue: late.id, issueId };
}
