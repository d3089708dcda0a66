import { describe, expect, it } from 'vitest';
import type { Unit } from '../org/schema.ts';
import { UnitTree } from '../org/tree.ts';
import { hasRole, unitsInScope } from '../core/roles.ts';
import type { AuthContext } from './access.ts';
import { canGrant, canManageUser } from './policy.ts';
import type { Role } from './schema.ts';

// quan-10 (1) → phuong-1 (2) → kp-1 (3); quan-10 → phuong-12 (4) → kp-12 (5)
const tree = new UnitTree(
  [
    [1, null, 'quan-10'],
    [2, 1, 'phuong-1'],
    [3, 2, 'phuong-1-kp-1'],
    [4, 1, 'phuong-12'],
    [5, 4, 'phuong-12-kp-1'],
  ].map(([id, parentId, slug]) => ({ id, parentId, slug, name: String(slug), sortOrder: 0 }) as Unit),
);

const as = (...grants: Array<[Role, number]>): AuthContext => ({
  user: { id: 1, email: 'a@b.vn', displayName: 'A', locale: 'vi', mustChangePassword: false },
  grants: grants.map(([role, unitId]) => ({ role, unitId })),
  sessionId: 's',
  csrfToken: 'c',
});

describe('roles on a unit cover its subtree', () => {
  it.each([
    ['editor on the ward acts on its cell', as(['editor', 4]), ['editor'], 5, true],
    ['editor on the ward does not act on another ward', as(['editor', 4]), ['editor'], 2, false],
    ['editor on a cell does not act on its ward', as(['editor', 5]), ['editor'], 4, false],
    ['district admin implies every role below', as(['district_admin', 1]), ['case_handler'], 3, true],
    ['unit admin does not imply editor', as(['unit_admin', 4]), ['editor'], 4, false],
    ['any unit when none is named', as(['analyst', 5]), ['analyst'], undefined, true],
    ['anonymous has nothing', null, ['member'], undefined, false],
  ] as const)('%s', (_name, auth, roles, unit, expected) => {
    expect(hasRole(auth, tree, roles, unit)).toBe(expected);
  });

  it('expands the scope of grants to subtrees', () => {
    expect([...unitsInScope(as(['unit_admin', 4], ['editor', 2]), tree, ['unit_admin'])].sort()).toEqual([4, 5]);
  });

  it('admins grant within their subtree and never above their rank', () => {
    expect(canGrant(as(['unit_admin', 4]), tree, 5, 'editor')).toBe(true);
    expect(canGrant(as(['unit_admin', 4]), tree, 2, 'editor')).toBe(false);
    expect(canGrant(as(['unit_admin', 4]), tree, 4, 'district_admin')).toBe(false);
    expect(canGrant(as(['district_admin', 1]), tree, 4, 'district_admin')).toBe(true);
    expect(canManageUser(as(['unit_admin', 4]), tree, [{ role: 'editor', unitId: 5 }])).toBe(true);
    expect(canManageUser(as(['unit_admin', 4]), tree, [{ role: 'editor', unitId: 5 }, { role: 'editor', unitId: 2 }])).toBe(false);
    expect(canManageUser(as(['unit_admin', 4]), tree, [])).toBe(false);
  });
});
