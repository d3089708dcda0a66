import { describe, expect, it } from 'vitest';
import { demoUnits } from './demo.ts';
import type { Unit } from './schema.ts';
import { UnitTree } from './tree.ts';

function buildTree(): UnitTree {
  const ids = new Map<string, number>();
  const rows = demoUnits().map((u, i) => {
    ids.set(u.slug, i + 1);
    return { ...u, id: i + 1 };
  });
  return new UnitTree(
    rows.map(({ parent, ...u }) => ({ ...(u as unknown as Unit), parentId: parent ? (ids.get(parent) ?? null) : null, sortOrder: u.sortOrder ?? 0, schoolLevel: u.schoolLevel ?? null, active: true })),
  );
}

describe('UnitTree', () => {
  const tree = buildTree();
  const id = (slug: string) => tree.getBySlug(slug)!.id;

  it('holds the 91 demo units under one root', () => {
    expect(tree.size).toBe(91);
    expect(tree.roots().map((u) => u.slug)).toEqual(['quan-10']);
  });

  it('walks lineage nearest first', () => {
    expect(tree.lineage(id('phuong-12-kp-3')).map((u) => u.slug)).toEqual(['phuong-12-kp-3', 'phuong-12', 'quan-10']);
  });

  it.each([
    ['phuong-12-kp-3', 'phuong-12', true],
    ['phuong-12-kp-3', 'quan-10', true],
    ['phuong-12', 'phuong-12', true],
    ['phuong-12', 'phuong-12-kp-3', false],
    ['phuong-1-kp-1', 'phuong-12', false],
    ['thcs-colette', 'phuong-12', false],
  ])('isWithin(%s, %s) = %s', (child, ancestor, expected) => {
    expect(tree.isWithin(id(child), id(ancestor))).toBe(expected);
  });

  it('lists a subtree depth-first and the whole tree with depths, wards in numeric order', () => {
    expect(tree.subtree(id('phuong-4')).map((u) => u.slug)).toEqual(['phuong-4', 'phuong-4-kp-1', 'phuong-4-kp-2', 'phuong-4-kp-3', 'phuong-4-kp-4']);
    const flat = tree.flatten();
    expect(flat[0]).toMatchObject({ depth: 0 });
    expect(flat.filter((f) => f.unit.kind === 'ward').map((f) => f.unit.shortName)).toEqual(['Phường 1', 'Phường 2', 'Phường 4', 'Phường 6', 'Phường 8', 'Phường 9', 'Phường 10', 'Phường 12', 'Phường 13', 'Phường 14', 'Phường 15']);
  });

  it('survives a cycle in bad data without looping forever', () => {
    const a = { id: 1, parentId: 2, slug: 'a', name: 'A', sortOrder: 0 } as Unit;
    const b = { id: 2, parentId: 1, slug: 'b', name: 'B', sortOrder: 0 } as Unit;
    const cyclic = new UnitTree([a, b]);
    expect(cyclic.lineage(1).map((u) => u.slug)).toEqual(['a', 'b']);
  });
});
