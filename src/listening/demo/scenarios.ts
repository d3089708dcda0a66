// The demo's concerns (dữ liệu mô phỏng): each is a pool of posts written by hand the way people in
// the district write (posts/*.ts), so that posts of one concern share few words, as in real data.
// Weights set how often each concern is talked about; ids name the bursts of the live stream.
import { NOISE } from './posts/noise.ts';
import { COMMUNITY_EVENTS, QUICK_SERVICE } from './posts/praise.ts';
import { BUILDING_WORK, KARAOKE, SCAMS, THEFT } from './posts/safety.ts';
import { DENGUE, HOSPITALS, MILITARY_SERVICE, PAPERWORK, PRICES, SCHOOL_GATES, SCHOOLS, WATER_CUT } from './posts/services.ts';
import { FLOODING, ROADWORKS, RUBBISH, SIDEWALKS, STREET_LIGHTS, TRAFFIC, TREES } from './posts/streets.ts';

export interface Scenario {
  id: string;
  /** Relative weight in the background stream. */
  weight: number;
  /** Posts about this concern, each written by hand. */
  posts: readonly string[];
  /** Praise rather than complaint: emoji added to its posts are kinder. */
  positive?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'ngap-ba-hat', weight: 3, posts: FLOODING },
  { id: 'ket-xe-3-2', weight: 4, posts: TRAFFIC },
  { id: 'rac-ly-thai-to', weight: 3, posts: RUBBISH },
  { id: 'karaoke-on', weight: 2, posts: KARAOKE },
  { id: 'lua-dao-cong-an', weight: 2, posts: SCAMS },
  { id: 'cho-kham-benh-vien', weight: 2, posts: HOSPITALS },
  { id: 'tuyen-sinh-lop-6', weight: 2, posts: SCHOOLS },
  { id: 'so-hong-cham', weight: 1, posts: PAPERWORK },
  { id: 'cuop-giat', weight: 2, posts: THEFT },
  { id: 'lan-chiem-via-he', weight: 2, posts: SIDEWALKS },
  { id: 'den-duong-hong', weight: 1, posts: STREET_LIGHTS },
  { id: 'dao-duong-ly-thuong-kiet', weight: 2, posts: ROADWORKS },
  { id: 'sot-xuat-huyet', weight: 1, posts: DENGUE },
  { id: 'mat-nuoc', weight: 1, posts: WATER_CUT },
  { id: 'xay-dung-nut-nha', weight: 1, posts: BUILDING_WORK },
  { id: 'khen-can-cuoc', weight: 2, posts: QUICK_SERVICE, positive: true },
  { id: 'khen-duong-sach', weight: 1, posts: COMMUNITY_EVENTS, positive: true },
  { id: 'gia-dien-tang', weight: 1, posts: PRICES },
  { id: 'cay-xanh-do', weight: 1, posts: TREES },
  { id: 'hang-rong-truong', weight: 1, posts: SCHOOL_GATES },
  { id: 'nghia-vu-quan-su', weight: 1, posts: MILITARY_SERVICE },
];

/** Posts that belong to no issue. */
export const CHATTER: readonly string[] = NOISE;

/**
 * What people put before a post that answers another: agreement, a "+1", a name tagged. They carry
 * no topic of their own, as on a real page; the names are invented.
 */
export const REPLY_PREFIXES = [
  '+1', '+1.', 'Nhà mình cũng vậy.', 'nha minh cung vay,', 'Đúng rồi,', 'Chuẩn luôn.', 'Up!', 'x2', 'Y chang hẻm mình.', 'Cả xóm mình bị luôn.',
  'Đồng ý.', 'Thiệt luôn,', 'Trả lời bạn phía trên:', '@Minh Thư', '@Quang Huy', 'Hóng phường trả lời.', 'Bữa nay cũng vậy nè,', 'Ủa, vậy hả?', 'Mình ở gần đó,',
] as const;
