// Users pages: the list within the admin's scope, a new-user form, and one user's roles and password.
import type { MessageKey } from '../i18n/catalog.ts';
import type { UnitTree } from '../org/index.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { CsrfField, DateTime, Field, FormErrorSummary, SelectField, TableWrap } from '../web/ui.tsx';
import type { Grant } from '../core/roles.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { ROLES, type Role } from './schema.ts';
import type { PublicUser } from './users.ts';

function GrantList({ grants, tree }: { grants: Grant[]; tree: UnitTree }) {
  const { t } = usePage();
  if (!grants.length) return <span class="muted">{t('users.noGrants')}</span>;
  return (
    <ul class="plain">
      {grants.map((g) => (
        <li key={`${g.unitId}-${g.role}`}>
          {t(`role.${g.role}` as MessageKey)} · {tree.get(g.unitId)?.name ?? g.unitId}
        </li>
      ))}
    </ul>
  );
}

export function UsersPage({ users, tree }: { users: PublicUser[]; tree: UnitTree }) {
  const { t } = usePage();
  return (
    <Layout
      title={t('users.title')}
      actions={
        <a class="button primary" href="/admin/users/new">
          {t('users.new')}
        </a>
      }
    >
      {users.length === 0 ? (
        <p class="muted">{t('users.empty')}</p>
      ) : (
        <TableWrap label={t('users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td data-label={t('users.name')}>
                  <a href={`/admin/users/${u.id}`}>{u.displayName}</a>
                </td>
                <td data-label={t('users.email')}>{u.email}</td>
                <td data-label={t('users.roles')}>
                  <GrantList grants={u.grants} tree={tree} />
                </td>
                <td data-label={t('users.status')}>{u.active ? t('common.active') : t('common.inactive')}</td>
                <td data-label={t('users.lastLogin')}>{u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : <span class="muted">{t('users.never')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}

export interface UnitOption {
  value: string;
  label: string;
  depth: number;
}

function RolePicker({ units, values, errors }: { units: UnitOption[]; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = usePage();
  return (
    <>
      <SelectField name="role" label={t('users.role')} value={values.role ?? 'editor'} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} error={errors.role} required />
      <SelectField name="unitId" label={t('users.unit')} value={values.unitId} options={units} error={errors.unitId} required />
    </>
  );
}

export function NewUserPage({ units, values, errors }: { units: UnitOption[]; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = usePage();
  return (
    <Layout title={t('users.new')}>
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/users" class="card form-grid">
        <CsrfField />
        <Field name="displayName" label={t('users.name')} value={values.displayName} required maxLength={120} error={errors.displayName} autocomplete="off" />
        <Field name="email" type="email" label={t('users.email')} value={values.email} required maxLength={254} error={errors.email} autocomplete="off" />
        <Field name="password" type="password" label={t('users.password')} required hint={`${t('auth.password.hint', { min: MIN_PASSWORD_LENGTH })} ${t('users.passwordHint')}`} error={errors.password} autocomplete="new-password" />
        <RolePicker units={units} values={values} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('common.create')}
          </button>
          <a href="/admin/users">{t('common.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function UserPage({ user, tree, units, errors = {}, notice }: { user: PublicUser; tree: UnitTree; units: UnitOption[]; errors?: Record<string, string>; notice?: string }) {
  const { t, auth } = usePage();
  const self = auth?.user.id === user.id;
  return (
    <Layout title={user.displayName}>
      <p class="muted">
        {user.email} · {user.active ? t('common.active') : t('common.inactive')}
      </p>
      {notice && (
        <p class="flash ok" role="status">
          {notice}
        </p>
      )}
      <FormErrorSummary errors={errors} />
      <div class="grid two">
        <section class="card">
          <h2>{t('users.grantsTitle')}</h2>
          <p class="hint">{t('users.grantsHint')}</p>
          {user.grants.length === 0 ? (
            <p class="muted">{t('users.noGrants')}</p>
          ) : (
            <ul class="plain grants">
              {user.grants.map((g) => (
                <li key={`${g.unitId}-${g.role}`}>
                  <span>
                    {t(`role.${g.role}` as MessageKey)} · {tree.get(g.unitId)?.name}
                  </span>
                  <form method="post" action={`/admin/users/${user.id}/grants/delete`} class="inline">
                    <CsrfField />
                    <input type="hidden" name="unitId" value={String(g.unitId)} />
                    <input type="hidden" name="role" value={g.role} />
                    <button type="submit" class="link danger">
                      {t('users.revoke')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/admin/users/${user.id}/grants`}>
            <CsrfField />
            <RolePicker units={units} values={{}} errors={{}} />
            <button type="submit">{t('users.grant')}</button>
          </form>
        </section>
        <section class="card">
          <h2>{t('users.resetTitle')}</h2>
          <form method="post" action={`/admin/users/${user.id}/password`}>
            <CsrfField />
            <Field name="password" type="password" label={t('users.password')} required hint={t('users.passwordHint')} autocomplete="new-password" error={errors.password} />
            <button type="submit">{t('users.resetSubmit')}</button>
          </form>
          {!self && (
            <form method="post" action={`/admin/users/${user.id}/active`} class="spaced">
              <CsrfField />
              <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
              <button type="submit" class={user.active ? 'danger' : undefined}>
                {user.active ? t('users.deactivate') : t('users.activate')}
              </button>
            </form>
          )}
        </section>
      </div>
    </Layout>
  );
}

export const roleLabel = (role: Role): MessageKey => `role.${role}` as MessageKey;
