// Pieces shared by the cases pages: status badges, deadline labels, the stylesheet link.
import type { MessageKey } from '../../i18n/catalog.ts';
import { usePage } from '../../web/page-context.ts';
import { DateTime } from '../../web/ui.tsx';
import type { Case, CaseStatus } from '../schema.ts';
import { workingDaysBetween } from '../sla.ts';
import { isOpen } from '../status.ts';

export const statusKey = (s: CaseStatus | 'open' | 'overdue'): MessageKey => `cases.status.${s}` as MessageKey;

export function CasesStyles() {
  return <link rel="stylesheet" href="/static/cases.css" />;
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = usePage();
  return <span class={`badge status status-${status}`}>{t(statusKey(status))}</span>;
}

/** "Due 30/11/2026 · 3 working days left" or "overdue by 2 working days". */
export function Due({ c, now = new Date() }: { c: Pick<Case, 'dueAt' | 'status'>; now?: Date }) {
  const { t } = usePage();
  if (!c.dueAt) return <span class="muted">{t('cases.field.none')}</span>;
  const open = isOpen(c.status);
  const late = open && c.dueAt.getTime() < now.getTime();
  const left = open && !late ? workingDaysBetween(now, c.dueAt) : 0;
  return (
    <span class={late ? 'due late' : 'due'}>
      <DateTime value={c.dueAt} withTime={false} />
      {open && <> · {late ? t('cases.detail.overdue', { days: Math.max(1, workingDaysBetween(c.dueAt, now)) }) : left === 0 ? t('cases.detail.dueToday') : t('cases.detail.dueIn', { days: left })}</>}
    </span>
  );
}
