import { describe, expect, it } from 'vitest';
import { mergeOrder } from './maintain.ts';
import type { IssueState } from './model.ts';

const issue = (id: number, count: number, edits: { pinned?: boolean; renamed?: boolean } = {}) => ({ id, count, pinned: false, renamed: false, ...edits }) as IssueState;

describe('mergeOrder', () => {
  it.each([
    ['the smaller goes into the larger', issue(1, 10), issue(2, 30), { keep: 2, absorb: 1 }],
    ['a pinned issue is kept even when smaller', issue(1, 3, { pinned: true }), issue(2, 30), { keep: 1, absorb: 2 }],
    ['a renamed issue is kept', issue(1, 30), issue(2, 3, { renamed: true }), { keep: 2, absorb: 1 }],
    ['two issues an analyst touched stay apart', issue(1, 3, { pinned: true }), issue(2, 30, { renamed: true }), null],
  ])('%s', (_what, a, b, expected) => {
    const order = mergeOrder(a, b);
    expect(order ? { keep: order.keep.id, absorb: order.absorb.id } : null).toEqual(expected);
  });
});
