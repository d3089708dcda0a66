// The case fields shared by the new-case form and the case page.
import type { UnitTree } from '../../org/index.ts';
import { usePage } from '../../web/page-context.ts';
import { Field, SelectField } from '../../web/ui.tsx';
import { placeOptions, topicList } from '../text.ts';

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

export const wardOptions = (tree: UnitTree, none: string) => [{ value: '', label: none }, ...tree.all().filter((u) => u.kind === 'ward' && u.active).sort((a, b) => a.sortOrder - b.sortOrder).map((u) => ({ value: String(u.id), label: u.shortName ?? u.name }))];
export const unitOptions = (tree: UnitTree) => tree.flatten().filter(({ unit }) => unit.active).map(({ unit, depth }) => ({ value: String(unit.id), label: unit.name, depth }));

export function CaseFields({ tree, values, errors, withUnit }: { tree: UnitTree; values: Values; errors: Errors; withUnit: boolean }) {
  const { t, locale } = usePage();
  const v = (k: string) => values[k] ?? '';
  const none = t('cases.routing.any');
  return (
    <>
      <Field name="title" label={t('cases.field.title')} value={v('title')} required maxLength={200} error={errors.title} />
      <SelectField name="topic" label={t('cases.field.topic')} value={v('topic')} options={[{ value: '', label: t('public.report.topicOther') }, ...topicList().map((o) => ({ value: o.id, label: o.name[locale] }))]} error={errors.topic} />
      <Field name="description" label={t('cases.field.description')} value={v('description')} type="textarea" required maxLength={5000} error={errors.description} />
      <SelectField name="wardId" label={t('cases.field.ward')} value={v('wardId')} options={wardOptions(tree, t('public.report.wardUnknown'))} error={errors.wardId} />
      <SelectField name="placeId" label={t('cases.field.place')} value={v('placeId')} options={[{ value: '', label: none }, ...placeOptions().map((p) => ({ value: p.id, label: p.name }))]} error={errors.placeId} />
      <Field name="address" label={t('cases.field.address')} value={v('address')} maxLength={300} error={errors.address} />
      {withUnit && <SelectField name="unitId" label={t('cases.field.unit')} value={v('unitId')} options={[{ value: '', label: t('cases.field.suggested', { unit: '…' }) }, ...unitOptions(tree)]} error={errors.unitId} />}
      <Field name="plan" label={t('cases.field.plan')} value={v('plan')} type="textarea" maxLength={3000} error={errors.plan} />
      <Field name="dueDate" label={t('cases.field.due')} value={v('dueDate')} type="date" error={errors.dueDate} />
    </>
  );
}
