import { loadAnalyzer } from '@nhipcau/text-vi/node';
import { describe, expect, it } from 'vitest';
import { withPlaces } from '../analyzer.ts';
import { renderTitle, titleBasis } from './titles.ts';

const analyzer = withPlaces(loadAnalyzer({ toxicity: false }));
const concept = [...(analyzer.models.concepts?.byId.values() ?? [])].find((c) => c.topic === 'ngap-nuoc');
const otherConcept = [...(analyzer.models.concepts?.byId.values() ?? [])].find((c) => c.topic !== 'ngap-nuoc');

type Issue = Parameters<typeof titleBasis>[0];
const issue = (concepts: Record<string, number>, places: Record<string, number>, count: number, title: Issue['title'] = null): Issue => ({
  concepts: new Map(Object.entries(concepts)),
  places: new Map(Object.entries(places)),
  count,
  title,
});
const title = (i: Issue, phrases: Array<[string, number]> = []) => {
  i.title = titleBasis(i, analyzer, phrases);
  return renderTitle(i.title, analyzer);
};

describe('issue titles', () => {
  it('say the problem and the place, with the place written as the gazetteer writes it', () => {
    expect(concept && otherConcept).toBeTruthy();
    const id = concept!.id;
    expect(title(issue({ [id]: 10 }, { 'd-thanh-thai': 6 }, 10))).toBe(`${concept!.title.vi} trên đường Thành Thái`);
    expect(title(issue({ [id]: 10 }, { 'd-thanh-thai': 6, 'd-to-hien-thanh': 4 }, 10))).toBe(`${concept!.title.vi} trên đường Thành Thái và Tô Hiến Thành`);
    expect(title(issue({ [id]: 10 }, { 'p-hoa-hung': 5 }, 10))).toBe(`${concept!.title.vi} ở phường Hòa Hưng`);
    expect(title(issue({ [id]: 10 }, { 'cho-hoa-hung': 5 }, 10))).toBe(`${concept!.title.vi} ở chợ Hòa Hưng`);
    // A place named by one post of twenty is not the issue's place.
    expect(title(issue({ [id]: 20 }, { 'd-ba-hat': 1 }, 20))).toBe(concept!.title.vi);
  });

  it('without a concept, start from the strongest key phrase that is not a place', () => {
    expect(title(issue({}, { 'd-ba-hat': 4 }, 8), [['Bà Hạt', 2], ['xe rác', 1.5]])).toBe('Xe rác trên đường Bà Hạt');
  });

  it('stay put while the issue grows, and change when its problem or its place changes', () => {
    const id = concept!.id;
    const i = issue({ [id]: 10 }, { 'd-thanh-thai': 6 }, 10);
    const first = title(i);
    // Another street gains posts, but Thành Thái still holds: the title does not move.
    i.places.set('d-to-hien-thanh', 8);
    i.count = 16;
    i.concepts.set(id, 16);
    expect(title(i)).toBe(first);
    // Thành Thái falls far behind: the place changes.
    i.places.set('d-to-hien-thanh', 30);
    i.count = 40;
    i.concepts.set(id, 40);
    expect(title(i)).toBe(`${concept!.title.vi} trên đường Tô Hiến Thành`);
    // Most posts now speak of another problem: the title follows.
    i.concepts.set(otherConcept!.id, 60);
    i.count = 100;
    expect(title(i).startsWith(otherConcept!.title.vi)).toBe(true);
  });
});
