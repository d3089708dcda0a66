// The units pages: the tree, and one unit's form.
import { fold } from '@nhipcau/text-vi';
import type { MessageKey } from '../i18n/catalog.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { CheckboxField, CsrfField, Field, FormErrorSummary, SelectField } from '../web/ui.tsx';
import { SCHOOL_LEVELS, UNIT_KINDS, type Unit } from './schema.ts';
import type { UnitTree } from './tree.ts';

export const kindLabel = (unit: Pick<Unit, 'kind' | 'schoolLevel'>): MessageKey =>
  unit.kind === 'school' && unit.schoolLevel ? (`org.level.${unit.schoolLevel}` as MessageKey) : (`org.kind.${unit.kind}` as MessageKey);

export function UnitsPage({ tree, q, canCreate }: { tree: UnitTree; q: string; canCreate: boolean }) {
  const { t } = usePage();
  const needle = fold(q.trim());
  const rows = tree.flatten().filter(({ unit }) => !needle || fold(`${unit.name} ${unit.slug} ${unit.shortName ?? ''}`).includes(needle));
  return (
    <Layout
      title={t('org.units.title')}
      actions={
        canCreate && (
          <a class="button primary" href="/admin/units/new">
            {t('org.units.new')}
          </a>
        )
      }
    >
      <form method="get" action="/admin/units" class="search-row" role="search">
        <label for="unit-q" class="visually-hidden">
          {t('org.units.search')}
        </label>
        <input id="unit-q" type="search" name="q" value={q} placeholder={t('org.units.search')} />
        <button type="submit">{t('common.search')}</button>
      </form>
      <p class="muted">{t('org.units.count', { count: rows.length })}</p>
      <ul class="tree">
        {rows.map(({ unit, depth }) => (
          <li key={unit.id} style={`--depth:${needle ? 0 : depth}`} class={unit.active ? undefined : 'inactive'}>
            <a href={`/admin/units/${unit.slug}`}>{unit.name}</a>
            <span class={`badge kind-${unit.kind}`}>{t(kindLabel(unit))}</span>
            {!unit.active && <span class="badge muted">{t('common.inactive')}</span>}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface UnitFormProps {
  tree: UnitTree;
  unit?: Unit;
  values: Record<string, string>;
  errors: Record<string, string>;
  editable: boolean;
  /** Units the user may place this one under. */
  parentChoices: Unit[];
}

export function UnitFormPage({ tree, unit, values, errors, editable, parentChoices }: UnitFormProps) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  const title = unit ? unit.name : t('org.units.new');
  const lineage = unit ? tree.lineage(unit.id).slice(1).reverse() : [];
  const children = unit ? tree.children(unit.id) : [];
  const parentOptions = [
    ...(unit && unit.parentId === null ? [{ value: '', label: t('org.field.noParent') }] : []),
    ...tree
      .flatten()
      .filter(({ unit: u }) => parentChoices.some((p) => p.id === u.id) && (!unit || !tree.isWithin(u.id, unit.id)))
      .map(({ unit: u, depth }) => ({ value: String(u.id), label: u.name, depth })),
  ];
  return (
    <Layout title={title}>
      {lineage.length > 0 && (
        <nav aria-label="breadcrumb" class="breadcrumb">
          <a href="/admin/units">{t('org.units.title')}</a>
          {lineage.map((u) => (
            <>
              {' › '}
              <a href={`/admin/units/${u.slug}`}>{u.name}</a>
            </>
          ))}
        </nav>
      )}
      {!editable && <p class="flash info">{t('org.readOnly')}</p>}
      <FormErrorSummary errors={errors} />
      <form method="post" action={unit ? `/admin/units/${unit.slug}` : '/admin/units'} class="card form-grid">
        <CsrfField />
        <fieldset disabled={!editable}>
          <legend class="visually-hidden">{title}</legend>
          <Field name="name" label={t('org.field.name')} value={v('name')} required maxLength={200} error={errors.name} />
          <Field name="shortName" label={t('org.field.shortName')} value={v('shortName')} maxLength={80} error={errors.shortName} />
          <Field name="slug" label={t('org.field.slug')} value={v('slug')} required maxLength={60} hint={t('org.field.slugHint')} error={errors.slug} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          <SelectField name="kind" label={t('org.field.kind')} value={v('kind')} required options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}` as MessageKey) }))} error={errors.kind} />
          <SelectField
            name="schoolLevel"
            label={t('org.field.schoolLevel')}
            value={v('schoolLevel')}
            options={[{ value: '', label: t('common.none') }, ...SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`org.level.${l}` as MessageKey) }))]}
            error={errors.schoolLevel}
          />
          <SelectField name="parentId" label={t('org.field.parent')} value={v('parentId')} options={parentOptions} error={errors.parentId} />
          <Field name="code" label={t('org.field.code')} value={v('code')} maxLength={20} error={errors.code} />
          <Field name="address" label={t('org.field.address')} value={v('address')} maxLength={300} error={errors.address} />
          <Field name="phone" label={t('org.field.phone')} value={v('phone')} type="tel" maxLength={40} error={errors.phone} />
          <Field name="email" label={t('org.field.email')} value={v('email')} type="email" maxLength={254} error={errors.email} />
          <Field name="description" label={t('org.field.description')} value={v('description')} type="textarea" maxLength={2000} error={errors.description} />
          <Field name="sortOrder" label={t('org.field.sortOrder')} value={v('sortOrder') || '0'} type="number" inputMode="numeric" error={errors.sortOrder} />
          <CheckboxField name="active" label={t('org.field.active')} checked={v('active') !== 'false'} />
          {editable && (
            <div class="form-actions">
              <button type="submit" class="primary">
                {unit ? t('common.save') : t('common.create')}
              </button>
              <a href="/admin/units">{t('common.cancel')}</a>
            </div>
          )}
        </fieldset>
      </form>
      {children.length > 0 && (
        <section>
          <h2>{t('org.units.children')}</h2>
          <ul class="tree">
            {children.map((c) => (
              <li key={c.id}>
                <a href={`/admin/units/${c.slug}`}>{c.name}</a> <span class={`badge kind-${c.kind}`}>{t(kindLabel(c))}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

export function unitToValues(unit: Unit): Record<string, string> {
  return {
    name: unit.name,
    shortName: unit.shortName ?? '',
    slug: unit.slug,
    kind: unit.kind,
    schoolLevel: unit.schoolLevel ?? '',
    parentId: unit.parentId === null ? '' : String(unit.parentId),
    code: unit.code ?? '',
    address: unit.address ?? '',
    phone: unit.phone ?? '',
    email: unit.email ?? '',
    description: unit.description ?? '',
    sortOrder: String(unit.sortOrder),
    active: unit.active ? 'true' : 'false',
  };
}
