// Office pages of the publishing network: the list of sites, a site's content, its settings and channels.
import { VN_TIME_ZONE } from '../../core/time.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { CheckboxField, CsrfField, DateTime, Field, FormErrorSummary, SelectField, TableWrap } from '../../web/ui.tsx';
import { tokenState, type PlatformDefinition } from '../../platforms/index.ts';
import type { SiteView } from '../directory.ts';
import { ITEM_KINDS, ITEM_STATUSES, type ChannelAccount, type ContentItem, type ItemStatus } from '../schema.ts';

export function SitesPage({ sites, counts }: { sites: SiteView[]; counts: Map<number, Partial<Record<ItemStatus, number>>> }) {
  const { t } = usePage();
  return (
    <Layout title={t('sites.title')}>
      <p>{t('sites.intro')}</p>
      <p class="muted">{t('sites.count', { count: sites.length })}</p>
      <TableWrap label={t('sites.title')}>
        <thead>
          <tr>
            <th scope="col">{t('sites.s.name')}</th>
            <th scope="col">{t('sites.status.submitted')}</th>
            <th scope="col">{t('sites.status.published')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => {
            const c = counts.get(s.unitId) ?? {};
            return (
              <tr key={s.unitId}>
                <td>
                  <a href={`/admin/sites/${s.slug}`}>{s.name}</a>
                </td>
                <td>{c.submitted ? <strong>{c.submitted}</strong> : 0}</td>
                <td>{c.published ?? 0}</td>
                <td>
                  <a href={`/${s.slug}`}>{t('sites.open')}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableWrap>
    </Layout>
  );
}

export function SiteItemsPage({ site, items, status, canWrite, canAdmin }: { site: SiteView; items: ContentItem[]; status?: ItemStatus; canWrite: boolean; canAdmin: boolean }) {
  const { t } = usePage();
  const sectionName = (id: number) => site.sections.find((s) => s.id === id)?.name ?? '';
  return (
    <Layout
      title={site.name}
      actions={
        <>
          <a class="button" href={`/${site.slug}`}>
            {t('sites.open')}
          </a>
          {canAdmin && (
            <>
              <a class="button" href={`/admin/sites/${site.slug}/settings`}>
                {t('sites.settings')}
              </a>
              <a class="button" href={`/admin/sites/${site.slug}/channels`}>
                {t('sites.channels')}
              </a>
            </>
          )}
        </>
      }
    >
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/sites">{t('sites.title')}</a>
      </nav>
      {canWrite && (
        <section class="card">
          <h2>{t('sites.newItem')}</h2>
          <p class="page-actions">
            {ITEM_KINDS.map((k) => (
              <a key={k} class={`button${k === 'article' ? ' primary' : ''}`} href={`/admin/sites/${site.slug}/items/new?kind=${k}`}>
                {t(`sites.kind.${k}` as MessageKey)}
              </a>
            ))}
          </p>
        </section>
      )}
      <form method="get" action={`/admin/sites/${site.slug}`} class="search-row">
        <label for="status">{t('sites.filterStatus')}</label>
        <select id="status" name="status">
          <option value="">{t('sites.all')}</option>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s} selected={s === status}>
              {t(`sites.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.filter')}</button>
      </form>
      {items.length === 0 ? (
        <p class="muted">{t('sites.noItems')}</p>
      ) : (
        <TableWrap label={t('sites.items')}>
          <thead>
            <tr>
              <th scope="col">{t('sites.f.title')}</th>
              <th scope="col">{t('sites.f.section')}</th>
              <th scope="col">{t('sites.item.status')}</th>
              <th scope="col">{t('pub.published')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={`/admin/items/${i.id}`}>{i.title}</a>
                </td>
                <td>{sectionName(i.sectionId)}</td>
                <td>
                  <span class={`badge status-${i.status}`}>{t(`sites.status.${i.status}` as MessageKey)}</span>
                </td>
                <td>
                  <DateTime value={i.publishedAt ?? i.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}

export function SiteSettingsPage({ site, values, errors }: { site: SiteView; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <Layout title={`${t('sites.settings')} – ${site.name}`}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/sites">{t('sites.title')}</a> › <a href={`/admin/sites/${site.slug}`}>{site.name}</a>
      </nav>
      <FormErrorSummary errors={errors} />
      <form method="post" action={`/admin/sites/${site.slug}/settings`} class="card form-grid" enctype="multipart/form-data">
        <CsrfField />
        <Field name="name" label={t('sites.s.name')} value={v('name')} required maxLength={200} error={errors.name} />
        <Field name="tagline" label={t('sites.s.tagline')} value={v('tagline')} maxLength={200} error={errors.tagline} />
        <Field name="colour" label={t('sites.s.colour')} value={v('colour')} type="color" error={errors.colour} />
        <div class="field">
          <label for="f-logo">{t('sites.s.logo')}</label>
          <input id="f-logo" type="file" name="logo" accept="image/jpeg,image/png,image/webp" />
        </div>
        <Field name="hostName" label={t('sites.s.hostName')} value={v('hostName')} hint={t('sites.s.hostHint')} maxLength={253} error={errors.hostName} />
        <Field name="address" label={t('sites.s.address')} value={v('address')} maxLength={300} />
        <Field name="phone" label={t('sites.s.phone')} value={v('phone')} type="tel" maxLength={40} />
        <Field name="email" label={t('sites.s.email')} value={v('email')} type="email" maxLength={254} />
        <Field name="hours" label={t('sites.s.hours')} value={v('hours')} maxLength={200} />
        <Field name="menu" label={t('sites.s.menu')} value={v('menu')} type="textarea" hint={t('sites.s.menuHint')} error={errors.menu} />
        <CheckboxField name="active" label={t('sites.s.active')} checked={v('active') !== 'false'} />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
      <h2>{t('sites.sections')}</h2>
      {site.sections.map((s) => (
        <form key={s.id} method="post" action={`/admin/sites/${site.slug}/sections/${s.id}`} class="card form-grid">
          <CsrfField />
          <fieldset>
            <legend>{s.name}</legend>
            <ChField channel={`s${s.id}`} name="name" label={t('sites.s.sectionName')} value={s.name} required />
            <ChField channel={`s${s.id}`} name="slug" label={t('sites.s.sectionSlug')} value={s.slug} required />
            <div class="field">
              <label for={`ch-s${s.id}-kind`}>{t('sites.f.kind')}</label>
              <select id={`ch-s${s.id}-kind`} name="kind">
                {ITEM_KINDS.map((k) => (
                  <option key={k} value={k} selected={k === s.kind}>
                    {t(`sites.kind.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <ChField channel={`s${s.id}`} name="sortOrder" label={t('sites.s.order')} value={String(s.sortOrder)} type="number" />
            <ChField channel={`s${s.id}`} name="description" label={t('sites.s.sectionDescription')} value={s.description ?? ''} />
            <AudienceChecks name="audiences" selected={s.audiences} />
            <div class="field checkbox">
              <label>
                <input type="checkbox" name="inMenu" checked={s.inMenu} /> {t('sites.s.inMenu')}
              </label>
            </div>
            <div class="form-actions">
              <button type="submit" class="primary">
                {t('common.save')}
              </button>
              <button type="submit" name="delete" value="1">
                {t('sites.s.deleteSection')}
              </button>
            </div>
          </fieldset>
        </form>
      ))}
      <form method="post" action={`/admin/sites/${site.slug}/sections`} class="card form-grid">
        <CsrfField />
        <fieldset>
          <legend>{t('sites.s.newSection')}</legend>
          <ChField channel="new" name="name" label={t('sites.s.sectionName')} required />
          <ChField channel="new" name="slug" label={t('sites.s.sectionSlug')} required />
          <div class="field">
            <label for="ch-new-kind">{t('sites.f.kind')}</label>
            <select id="ch-new-kind" name="kind">
              {ITEM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`sites.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <ChField channel="new" name="sortOrder" label={t('sites.s.order')} value="100" type="number" />
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('common.create')}
            </button>
          </div>
        </fieldset>
      </form>
    </Layout>
  );
}

export function AudienceChecks({ name, selected, legend }: { name: string; selected: readonly string[]; legend?: string }) {
  const { t } = usePage();
  const list = ['dang_vien_duong_chuc', 'dang_vien_huu_tri', 'doan_vien', 'hoi_vien', 'hoc_sinh_phu_huynh', 'nhan_dan'];
  return (
    <fieldset class="field checks">
      <legend>{legend ?? t('sites.f.audiences')}</legend>
      {list.map((a) => (
        <label key={a} class="check">
          <input type="checkbox" name={name} value={a} checked={selected.includes(a)} /> {t(`sites.audience.${a}` as MessageKey)}
        </label>
      ))}
      <p class="hint">{t('sites.f.audiencesHint')}</p>
    </fieldset>
  );
}

export function TokenBadge({ account }: { account: ChannelAccount }) {
  const { t, locale } = usePage();
  const state = tokenState(account);
  const at = account.tokenExpiresAt ? new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VN_TIME_ZONE, dateStyle: 'short' }).format(account.tokenExpiresAt) : '';
  return <span class={`badge token-${state}`}>{t(`sites.token.${state}` as MessageKey, { at })}</span>;
}

export function ChannelsPage({ site, definitions, accounts, errors }: { site: SiteView; definitions: readonly PlatformDefinition[]; accounts: ChannelAccount[]; errors: Record<string, string> }) {
  const { t } = usePage();
  return (
    <Layout title={`${t('sites.channels')} – ${site.name}`}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/sites">{t('sites.title')}</a> › <a href={`/admin/sites/${site.slug}`}>{site.name}</a>
      </nav>
      <FormErrorSummary errors={errors} />
      {definitions.map((d) => {
        const account = accounts.find((a) => a.channel === d.id);
        return (
          <section key={d.id} class="card">
            <h2>{t(d.name)}</h2>
            {account ? (
              <p>
                {t('sites.ch.connected', { name: account.name })} <TokenBadge account={account} />
                {account.lastError && <span class="muted"> {t('sites.ch.lastError', { error: account.lastError })}</span>}
              </p>
            ) : (
              <p class="muted">{t('sites.ch.notConnected')}</p>
            )}
            <form method="post" action={`/admin/sites/${site.slug}/channels/${d.id}`} class="form-grid">
              <CsrfField />
              {d.account && <ChField channel={d.id} name="externalId" label={t(d.account.id.label)} value={account?.externalId ?? ''} required hint={d.account.id.hint && t(d.account.id.hint)} />}
              <ChField channel={d.id} name="name" label={t('sites.ch.accountName')} value={account?.name ?? ''} />
              {d.account?.fields.map((f) => (
                <ChField
                  key={f.name}
                  channel={d.id}
                  name={`cred_${f.name}`}
                  label={t(f.label)}
                  type={f.type === 'secret' ? 'password' : 'text'}
                  value={f.type === 'secret' ? '' : account?.settings[f.name]}
                  required={Boolean(d.publish?.requires.includes(f.name)) && !account}
                  hint={[f.hint ? t(f.hint) : '', f.type === 'secret' && account ? t('sites.ch.secretKept') : ''].filter(Boolean).join(' ') || undefined}
                />
              ))}
              <ChField channel={d.id} name="tokenExpiresAt" label={t('sites.ch.expiresAt')} type="date" value={account?.tokenExpiresAt ? account.tokenExpiresAt.toISOString().slice(0, 10) : ''} />
              <div class="field checkbox">
                <label>
                  <input type="checkbox" name="enabled" checked={account ? account.enabled : true} /> {t('sites.ch.enabled')}
                </label>
              </div>
              <div class="form-actions">
                <button type="submit" class="primary">
                  {account ? t('sites.ch.save') : t('sites.ch.connect')}
                </button>
              </div>
            </form>
            {account && (
              <form method="post" action={`/admin/sites/${site.slug}/channels/${d.id}/disconnect`}>
                <CsrfField />
                <button type="submit">{t('sites.ch.disconnect')}</button>
              </form>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

/** A labelled input whose id is unique on a page with one form per channel. */
export function ChField({ channel, name, label, value, type = 'text', required, hint }: { channel: string; name: string; label: string; value?: string; type?: string; required?: boolean; hint?: string }) {
  const id = `ch-${channel}-${name}`;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required && <span class="req" aria-hidden="true"> *</span>}
      </label>
      <input id={id} name={name} type={type as 'text'} value={value ?? ''} required={required} autoComplete={type === 'password' ? 'new-password' : 'off'} maxLength={type === 'text' || type === 'password' ? 4000 : undefined} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
