// The status machine of a case, in one place: which moves exist, and which need what.
//   mới (new) → đã phân công (assigned) → đang xử lý (in_progress) → đã trả lời (answered) → đã đóng (closed)
//   and mở lại (reopened) from answered or closed, when the answer did not fix the problem.
import { invalid } from '../core/errors.ts';
import type { CaseStatus } from './schema.ts';

export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['assigned', 'in_progress', 'answered', 'closed'],
  assigned: ['in_progress', 'answered', 'closed'],
  in_progress: ['answered', 'closed'],
  answered: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['assigned', 'in_progress', 'answered', 'closed'],
};

/** Statuses in which the case still waits for an answer (the deadline runs). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'in_progress', 'reopened'];
export const isOpen = (s: CaseStatus): boolean => OPEN_STATUSES.includes(s);

export const canMove = (from: CaseStatus, to: CaseStatus): boolean => TRANSITIONS[from].includes(to);

/** Throws a 400 naming both statuses when the move does not exist. */
export function assertMove(from: CaseStatus, to: CaseStatus): void {
  if (!canMove(from, to)) throw invalid('cases.badTransition', { from, to });
}

/** Open311 knows two statuses: a case is closed to it once answered. */
export const open311Status = (s: CaseStatus): 'open' | 'closed' => (s === 'answered' || s === 'closed' ? 'closed' : 'open');
