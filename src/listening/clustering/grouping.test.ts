// Grouping by meaning with the shipped text models: posts that say the same thing in other words
// become one issue, a different problem on the same street another, and everyday posts none.
import { loadAnalyzer } from '@nhipcau/text-vi/node';
import { describe, expect, it } from 'vitest';
import { analyzePost } from '../analysis.ts';
import { MERGE_AT } from './maintain.ts';
import { ClusterModel, modelOptions, type ClusterPost, type Decision } from './model.ts';

const models = loadAnalyzer({ toxicity: false });
const T0 = Date.parse('2026-09-18T18:00:00+07:00');
const MIN = 60_000;

let nextId = 1;
function post(text: string, minutes: number): ClusterPost {
  const a = analyzePost(text, models);
  return {
    id: nextId++,
    meta: { sourceId: 1, authorHash: `a${nextId}`, sentiment: a.sentiment, frustration: a.frustration },
    time: T0 + minutes * MIN,
    terms: a.terms,
    topics: a.topics,
    concepts: a.concepts,
    places: a.places,
    ward: a.ward,
    signature: a.signature,
  };
}

/** Feeds posts in order; returns post id → issue id (0: in no issue), following adoptions. */
function cluster(posts: ClusterPost[]): Map<number, number> {
  const model = new ClusterModel(modelOptions(models));
  const issueOf = new Map<number, number>();
  for (const p of posts) {
    const d: Decision = model.add(p);
    issueOf.set(p.id, d.kind === 'pool' ? 0 : d.issueId);
    if (d.kind === 'seed') issueOf.set(d.partner, d.issueId);
    if (d.kind !== 'pool') for (const a of d.adopted ?? []) issueOf.set(a.id, d.issueId);
  }
  for (const [id, issue] of issueOf) issueOf.set(id, model.resolve(issue));
  return issueOf;
}

const FLOOD = [
  'Mưa có 30 phút mà đường Thành Thái ngập tới yên xe',
  'nuoc len toi goi luon, ae ve nha cho can than',
  'lội bì bõm từ đầu hẻm vô tới nhà, mệt thiệt',
  'Đường thành sông rồi bà con ơi, xe chết máy nằm la liệt',
  'ngap qua troi, nuoc tran vo nha tui roi',
  'Tô Hiến Thành giờ này nước lênh láng, đừng chạy qua',
];
const BUILDING = [
  'Công trình đào móng trên đường Thành Thái làm nứt tường nhà tôi',
  'xe ben chở đất ra vào công trường suốt đêm, bụi mù mịt đường Thành Thái',
  'tuong nha em nut mot duong dai tu hoi ben canh dao mong xay cao tang',
];
const NOISE = [
  'Chúc cả nhà buổi sáng tốt lành nha',
  'Bánh mì chảo 25k có trứng ốp la, ship tận nơi, inbox page nhé',
  'Cách nấu canh chua cá lóc ngon như ngoại nấu',
  'Cho thuê phòng trọ mới xây, có gác, giờ giấc tự do',
  'Trời mát quá, đi cà phê thôi anh em',
];

const SIGNAL = [
  'Đèn tín hiệu ở ngã bảy Lý Thái Tổ hư từ sáng, xe chạy loạn xạ',
  'den giao thong nga 7 chop vang ca ngay roi, ko ai dieu tiet',
  'đèn đỏ ở ngã bảy bị hỏng, cột đèn nghiêng hẳn một bên',
];
const JAM = [
  'Ngã bảy Lý Thái Tổ kẹt cứng từ 5h chiều, nhích từng chút',
  'ket xe nga 7 qua troi, 30p chua qua dc',
  'ùn tắc kéo dài ở ngã bảy Lý Thái Tổ, xe máy leo lề',
];
const ROAD_WORKS = [
  'Đào đường Ngô Quyền cả tháng chưa lấp, rào chắn chiếm nửa đường',
  'duong Ngo Quyen thi cong hoai, rao chan lo ngo, bui mu mit',
  'Công trình trên đường Ngô Quyền đào lên lấp xuống mấy lần rồi',
];

/** Two issues formed apart: posts of each fed in turn, then the pairs the hourly merge would take. */
function pairAfter(first: string[], second: string[]): { apart: boolean; merged: boolean } {
  const a = first.map((t, i) => post(t, i * 20));
  const b = second.map((t, i) => post(t, 200 + i * 20));
  const model = new ClusterModel(modelOptions(models));
  const issueOf = new Map<number, number>();
  for (const p of [...a, ...b]) {
    const d = model.add(p);
    if (d.kind !== 'pool') {
      issueOf.set(p.id, d.issueId);
      if (d.kind === 'seed') issueOf.set(d.partner, d.issueId);
    }
  }
  const ia = model.resolve(issueOf.get(a[0].id) ?? 0);
  const ib = model.resolve(issueOf.get(b[b.length - 1].id) ?? 0);
  const pairs = model.similarPairs(MERGE_AT).map(({ a: x, b: y }) => [x.id, y.id].sort().join());
  return { apart: ia !== 0 && ib !== 0 && ia !== ib, merged: ia === ib || pairs.includes([ia, ib].sort().join()) };
}

describe('grouping by meaning', () => {
  it('groups kindred concerns at one spot (a broken signal and the jams at its crossing), not road works nearby', () => {
    expect(pairAfter(SIGNAL, JAM).merged).toBe(true);
    const works = pairAfter(JAM, ROAD_WORKS);
    expect(works.apart).toBe(true);
    expect(works.merged).toBe(false);
  });

  it('puts posts that share no word about one problem in one issue', () => {
    const posts = FLOOD.map((t, i) => post(t, i * 15));
    const issueOf = cluster(posts);
    const issues = new Set(posts.map((p) => issueOf.get(p.id)));
    expect(issues.size).toBe(1);
    expect([...issues][0]).not.toBe(0);
  });

  it('keeps a different problem on the same street in its own issue', () => {
    const flood = FLOOD.map((t, i) => post(t, i * 15));
    const building = BUILDING.map((t, i) => post(t, 40 + i * 20));
    const issueOf = cluster([...flood, ...building].sort((a, b) => a.time - b.time));
    const floodIssue = issueOf.get(flood[0].id);
    const buildingIssues = new Set(building.map((p) => issueOf.get(p.id)));
    expect(buildingIssues.size).toBe(1);
    const [buildingIssue] = [...buildingIssues];
    expect(buildingIssue).not.toBe(0);
    expect(buildingIssue).not.toBe(floodIssue);
  });

  it('keeps a quiet issue closed to posts of no concern, and a same-kind event two weeks on apart', () => {
    const flood = ['Đường Thành Thái ngập tới yên xe rồi', 'thanh thai ngap qua troi, xe chet may', 'Thành Thái nước lênh láng, đừng chạy qua', 'lội bì bõm ở Thành Thái'].map((t, i) => post(t, i * 15));
    const chatter = post('Nước mía đường Thành Thái ngon lắm nha mọi người', 3 * 24 * 60);
    const again = ['Lại ngập đường Bà Hạt rồi, nước tới yên xe', 'ba hat ngap nang, xe chet may'].map((t, i) => post(t, 9 * 24 * 60 + i * 20));
    const issueOf = cluster([...flood, chatter, ...again]);
    expect(issueOf.get(chatter.id)).toBe(0);
    expect(issueOf.get(again[0].id)).not.toBe(issueOf.get(flood[0].id));
  });

  it('leaves everyday posts out of issues, even among complaints', () => {
    const noise = NOISE.map((t, i) => post(t, i * 10 + 5));
    const flood = FLOOD.map((t, i) => post(t, i * 10));
    const issueOf = cluster([...flood, ...noise].sort((a, b) => a.time - b.time));
    for (const p of noise) expect(issueOf.get(p.id), p.id.toString()).toBe(0);
  });

  it('brings a post that waited alone into the issue its concern later became', () => {
    const early = post('hẻm nhà mình nước lên tới đầu gối, xe chết máy', -36 * 60);
    const later = FLOOD.slice(0, 3).map((t, i) => post(t, i * 15));
    const issueOf = cluster([early, ...later]);
    expect(issueOf.get(early.id)).toBe(issueOf.get(later[0].id));
    expect(issueOf.get(early.id)).not.toBe(0);
  });
});
