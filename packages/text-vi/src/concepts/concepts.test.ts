import { describe, expect, it } from 'vitest';
import { loadAnalyzer } from '../node.ts';
import { normalizeText } from '../normalize/normalize.ts';
import { prepareDocument } from '../query/document.ts';
import { classifyTopics } from '../query/topics.ts';
import { matchConcepts } from './concepts.ts';

const models = loadAnalyzer({ toxicity: false });
const concepts = models.concepts!;

const POSTS = [
  'Mưa có 30 phút mà đường Thành Thái ngập tới yên xe, nước tràn vô nhà',
  'nuoc len toi goi luon, ae ve nha cho can than',
  'Cúp điện từ sáng tới giờ không báo trước, tủ lạnh hư hết đồ',
  'có người gọi xưng là nhân viên điện lực bảo đóng tiền không thì cắt điện, mọi người cảnh giác',
  'Quán karaoke hát tới 1 giờ sáng, ồn không ngủ được',
  'Rác chất đống đầu hẻm bốc mùi hôi thối cả tuần',
  'Chúc cả nhà buổi sáng tốt lành nha',
  'Cách nấu canh chua cá lóc ngon như ngoại nấu',
  'bị giật điện thoại trên đường 3/2 lúc 11h đêm',
  'Công trình bên cạnh đào móng làm nứt tường nhà tôi',
];

describe('civic concepts', () => {
  it('finds what every expression of the lexicon finds, run one by one (the phrase index is only faster)', () => {
    for (const text of POSTS) {
      const doc = prepareDocument(normalizeText(text, { teencode: models.teencode }));
      expect(new Set(matchConcepts(doc, concepts)), text).toEqual(new Set(classifyTopics(doc, concepts.taxonomy)));
    }
  });

  it('reads problems said in other words, and nothing in everyday posts', () => {
    const main = (text: string) => matchConcepts(prepareDocument(normalizeText(text, { teencode: models.teencode })), concepts)[0];
    const flood = main(POSTS[0]);
    expect(flood).toBeTruthy();
    expect(main(POSTS[1])).toBe(flood);
    expect(concepts.byId.get(flood!)?.topic).toBe('ngap-nuoc');
    expect(main(POSTS[6])).toBeUndefined();
    expect(main(POSTS[7])).toBeUndefined();
    expect(main(POSTS[2])).not.toBe(main(POSTS[3]));
  });
});
