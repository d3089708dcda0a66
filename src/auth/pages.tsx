// Login, account and password pages.
import { Document, ErrorBox, Layout, LanguageSwitch } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { CsrfField, Field, SelectField } from '../web/ui.tsx';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

export function LoginPage({ email, error, next }: { email?: string; error?: string | null; next?: string }) {
  const { t, query } = usePage();
  const notice = query.expired ? t('auth.login.expired') : null;
  return (
    <Document title={t('auth.login.title')} bodyClass="centered">
      <main class="card narrow login" id="main">
        <div class="brand big">
          <img src="/static/favicon.svg" alt="" width="40" height="40" />
          <span>{t('app.name')}</span>
        </div>
        <p class="muted">{t('auth.login.intro')}</p>
        <h1>{t('auth.login.title')}</h1>
        {notice && !error && <p class="flash info">{notice}</p>}
        <ErrorBox message={error} />
        <form method="post" action="/admin/login" novalidate={false}>
          <CsrfField />
          {next && <input type="hidden" name="next" value={next} />}
          <Field name="email" type="email" label={t('auth.login.email')} value={email} required autocomplete="username" inputMode="email" maxLength={254} />
          <Field name="password" type="password" label={t('auth.login.password')} required autocomplete="current-password" maxLength={256} />
          <button type="submit" class="primary wide">
            {t('auth.login.submit')}
          </button>
        </form>
        <LanguageSwitch />
      </main>
    </Document>
  );
}

export interface AccountPageProps {
  displayName: string;
  locale: 'vi' | 'en';
  errors?: Record<string, string>;
  passwordErrors?: Record<string, string>;
  passwordChanged?: boolean;
  mustChange?: boolean;
}

export function AccountPage({ displayName, locale, errors = {}, passwordErrors = {}, passwordChanged, mustChange }: AccountPageProps) {
  const { t, auth } = usePage();
  return (
    <Layout title={t('auth.account.title')}>
      {mustChange && <p class="flash info">{t('auth.login.mustChange')}</p>}
      {passwordChanged && <p class="flash ok" role="status">{t('auth.password.changed')}</p>}
      <div class="grid two">
        <section class="card">
          <h2>{auth?.user.email}</h2>
          <form method="post" action="/admin/account">
            <CsrfField />
            <Field name="displayName" label={t('auth.account.displayName')} value={displayName} required maxLength={120} error={errors.displayName} autocomplete="name" />
            <SelectField
              name="locale"
              label={t('auth.account.language')}
              value={locale}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
            <button type="submit" class="primary">
              {t('common.save')}
            </button>
          </form>
        </section>
        <section class="card" id="password">
          <h2>{t('auth.password.title')}</h2>
          <form method="post" action="/admin/account/password">
            <CsrfField />
            <Field name="currentPassword" type="password" label={t('auth.password.current')} required autocomplete="current-password" error={passwordErrors.currentPassword} />
            <Field name="newPassword" type="password" label={t('auth.password.new')} required autocomplete="new-password" hint={t('auth.password.hint', { min: MIN_PASSWORD_LENGTH })} error={passwordErrors.newPassword} />
            <Field name="confirmPassword" type="password" label={t('auth.password.confirm')} required autocomplete="new-password" error={passwordErrors.confirmPassword} />
            <button type="submit" class="primary">
              {t('auth.password.title')}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
