// The item editor: content form (rich text with a plain textarea fallback), workflow actions, channel
// posts with their status and errors, editorial comments and the revision history.
import type { MessageKey } from '../../i18n/catalog.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { CsrfField, DateTime, Field, FormErrorSummary, SelectField } from '../../web/ui.tsx';
import type { PlatformDefinition } from '../../platforms/index.ts';
import type { DiffPart } from '../diff.ts';
import type { SiteView } from '../directory.ts';
import { CONTENT_FIELDS, type ChannelAccount, type ChannelPost, type ContentComment, type ContentItem, type ContentRevision, type ItemKind, type MediaFile } from '../schema.ts';
import type { Transition } from '../workflow.ts';
import { AudienceChecks, TokenBadge } from './pages.tsx';

export interface EditorProps {
  site: SiteView;
  kind: ItemKind;
  item?: ContentItem;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  editable: boolean;
  transitions: Transition[];
  channels: Array<{ definition: PlatformDefinition; account: ChannelAccount }>;
  posts: ChannelPost[];
  comments: ContentComment[];
  revisions: ContentRevision[];
  cover?: MediaFile | null;
  /** Sites this item may be syndicated to (district and ward editors). */
  syndicationTargets: SiteView[];
  publicUrl?: string;
  sourceSiteName?: string;
}

export function ItemEditorPage(p: EditorProps) {
  const { t, query } = usePage();
  const { site, item, values, errors, editable, kind } = p;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const kindLabel = t(`sites.kind.${kind}` as MessageKey);
  const title = item ? item.title : t('sites.item.new', { kind: kindLabel.toLowerCase() });
  const sections = site.sections.filter((s) => s.kind === kind);
  const action = item ? `/admin/items/${item.id}` : `/admin/sites/${site.slug}/items`;
  return (
    <Layout title={title}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/sites">{i18n(t, 'sites.title')}</a> › <a href={`/admin/sites/${site.slug}`}>{site.name}</a>
      </nav>
      {query.ok === 'moved' && <p class="flash ok" role="status">{t('sites.item.moved')}</p>}
      {query.ok === 'restored' && <p class="flash ok" role="status">{t('sites.item.restored', { version: query.v ?? '' })}</p>}
      {item && (
        <section class="card item-status" aria-labelledby="wf">
          <h2 id="wf">{t('sites.item.workflow')}</h2>
          <p>
            {t('sites.item.status')}: <span class={`badge status-${item.status}`}>{t(`sites.status.${item.status}` as MessageKey)}</span>{' '}
            {item.status === 'scheduled' && item.publishAt && <>({t('sites.item.scheduledAt', { at: '' })} <DateTime value={item.publishAt} />)</>}
            {p.publicUrl && item.status === 'published' ? (
              <>
                {' '}
                <a href={p.publicUrl}>{t('sites.item.view')}</a>
              </>
            ) : (
              <>
                {' '}
                <a href={`/admin/items/${item.id}/preview`}>{t('sites.item.preview')}</a>
              </>
            )}
          </p>
          {p.sourceSiteName && <p class="muted">{t('sites.item.syndicatedFrom', { site: p.sourceSiteName })}</p>}
          {item.localEdits && <p class="muted">{t('sites.item.localEdits')}</p>}
          {p.transitions.length > 0 && (
            <form method="post" action={`/admin/items/${item.id}/transition`} class="form-grid">
              <CsrfField />
              {p.transitions.includes('publish') && <Field name="publishAt" label={t('sites.f.publishAt')} type="datetime-local" hint={t('sites.f.publishAtHint')} />}
              {p.transitions.includes('return') && <Field name="note" label={t('sites.f.note')} maxLength={2000} />}
              <div class="form-actions">
                {p.transitions.map((tr) => (
                  <button key={tr} type="submit" name="action" value={tr} class={tr === 'publish' || tr === 'submit' ? 'primary' : undefined}>
                    {t(`sites.action.${tr}` as MessageKey)}
                  </button>
                ))}
              </div>
            </form>
          )}
        </section>
      )}
      {!editable && <p class="flash info">{t('sites.item.readOnly')}</p>}
      <FormErrorSummary errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data" class="card item-form">
        <CsrfField />
        <input type="hidden" name="kind" value={kind} />
        <fieldset disabled={!editable}>
          <legend class="visually-hidden">{title}</legend>
          <Field name="title" label={t('sites.f.title')} value={v('title')} required maxLength={300} error={errors.title} />
          <SelectField name="sectionId" label={t('sites.f.section')} value={v('sectionId')} options={sections.map((s) => ({ value: String(s.id), label: s.name }))} error={errors.sectionId} />
          <Field name="sapo" label={t('sites.f.sapo')} value={v('sapo')} type="textarea" maxLength={1000} error={errors.sapo} />
          {kind === 'profile' && (
            <>
              <SelectField name="subjectType" label={t('sites.f.subjectType')} value={v('subjectType') || 'person'} options={[{ value: 'person', label: t('sites.f.person') }, { value: 'collective', label: t('sites.f.collective') }]} />
              <Field name="subjectName" label={t('sites.f.subjectName')} value={v('subjectName')} maxLength={200} />
              <Field name="unitName" label={t('sites.f.unitName')} value={v('unitName')} maxLength={200} />
              <Field name="achievement" label={t('sites.f.achievement')} value={v('achievement')} maxLength={500} />
            </>
          )}
          {kind === 'document' && (
            <>
              <Field name="number" label={t('sites.f.number')} value={v('number')} maxLength={80} />
              <Field name="issuedOn" label={t('sites.f.issuedOn')} value={v('issuedOn')} type="date" />
              <Field name="issuer" label={t('sites.f.issuer')} value={v('issuer')} maxLength={200} />
              <input type="hidden" name="fileMediaId" value={v('fileMediaId')} />
              <div class="field">
                <label for="f-file">{t('sites.f.file')}</label>
                <input id="f-file" type="file" name="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.odt" />
              </div>
            </>
          )}
          {kind === 'event' && (
            <>
              <Field name="startsAt" label={t('sites.f.startsAt')} value={v('startsAt')} type="datetime-local" />
              <Field name="endsAt" label={t('sites.f.endsAt')} value={v('endsAt')} type="datetime-local" />
              <Field name="location" label={t('sites.f.location')} value={v('location')} maxLength={300} />
            </>
          )}
          <div class={`field${errors.body ? ' has-error' : ''}`}>
            <label for="f-body" id="f-body-label">
              {t('sites.f.body')}
            </label>
            <textarea id="f-body" name="body" rows={14} data-rich-text data-upload={`/admin/sites/${site.slug}/media`} aria-describedby="f-body-hint" dangerouslySetInnerHTML={{ __html: escapeText(v('body')) }} />
            <p class="hint" id="f-body-hint">
              {t('sites.f.bodyHint')}
            </p>
          </div>
          <input type="hidden" name="coverMediaId" value={v('coverMediaId')} />
          {p.cover && <img src={`/media/${p.cover.variants.find((x) => x.width <= 320 && x.format === 'jpeg')?.file ?? p.cover.file}`} alt={v('coverAlt')} width="160" class="thumb" />}
          <div class="field">
            <label for="f-cover">{t('sites.f.cover')}</label>
            <input id="f-cover" type="file" name="cover" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="f-cover-hint" />
            <p class="hint" id="f-cover-hint">
              {t('sites.f.coverHint')}
            </p>
          </div>
          <Field name="coverAlt" label={t('sites.f.coverAlt')} value={v('coverAlt')} maxLength={300} />
          <input type="hidden" name="videoMediaId" value={v('videoMediaId')} />
          <div class="field">
            <label for="f-video">{t('sites.f.video')}</label>
            <input id="f-video" type="file" name="video" accept="video/mp4,video/webm" />
          </div>
          <Field name="tags" label={t('sites.f.tags')} value={v('tags')} hint={t('sites.f.tagsHint')} maxLength={600} />
          <SelectField name="field" label={t('sites.f.field')} value={v('field')} options={[{ value: '', label: t('sites.f.none') }, ...CONTENT_FIELDS.map((f) => ({ value: f, label: t(`sites.field.${f}` as MessageKey) }))]} />
          <AudienceChecks name="audiences" selected={list('audiences')} />
          {p.channels.length > 0 && (
            <fieldset class="field checks">
              <legend>{t('sites.f.channels')}</legend>
              {p.channels.map(({ definition, account }) => (
                <label key={definition.id} class="check">
                  <input type="checkbox" name="channels" value={definition.id} checked={list('channels').includes(definition.id)} /> {t(definition.name)} ({account.name}) <TokenBadge account={account} />
                </label>
              ))}
            </fieldset>
          )}
          {p.syndicationTargets.length > 0 && (
            <details class="field" open={list('syndicateTo').length > 0}>
              <summary>{t('sites.f.syndicate')}</summary>
              <p class="hint">{t('sites.f.syndicateHint')}</p>
              <div class="checks columns">
                {p.syndicationTargets.map((s) => (
                  <label key={s.unitId} class="check">
                    <input type="checkbox" name="syndicateTo" value={String(s.unitId)} checked={list('syndicateTo').includes(String(s.unitId))} /> {s.name}
                  </label>
                ))}
              </div>
            </details>
          )}
          {editable && (
            <div class="form-actions">
              <button type="submit" class="primary">
                {t('common.save')}
              </button>
              <a href={`/admin/sites/${site.slug}`}>{t('common.cancel')}</a>
            </div>
          )}
        </fieldset>
      </form>
      <link rel="stylesheet" href="/static/vendor/trix.css" />
      <script src="/static/vendor/trix.js" defer />
      <script src="/static/editor.js" defer />
      {item && <ItemSidePanels {...p} item={item} />}
    </Layout>
  );
}

const i18n = (t: (k: MessageKey) => string, k: MessageKey) => t(k);

function ItemSidePanels(p: EditorProps & { item: ContentItem }) {
  const { t } = usePage();
  const { item } = p;
  return (
    <>
      <section class="card" aria-labelledby="posts">
        <h2 id="posts">{t('sites.item.channelStatus')}</h2>
        {p.posts.length === 0 ? (
          <p class="muted">{t('sites.item.noChannels')}</p>
        ) : (
          <ul class="plain">
            {p.posts.map((post) => {
              const [channelId, stepName] = post.channel.split('.');
              const entry = p.channels.find((c) => c.definition.id === channelId);
              const step = stepName ? entry?.definition.publish?.steps?.find((x) => x.name === stepName) : undefined;
              const label = `${entry ? t(entry.definition.name) : channelId}${step ? ` – ${t(step.label)}` : ''}`;
              return (
                <li key={post.id} class={`post post-${post.status}`}>
                  <strong>{label}</strong>: <span class={`badge post-${post.status}`}>{t(`sites.post.${post.status}` as MessageKey)}</span>
                  {post.url && (
                    <>
                      {' '}
                      <a href={post.url} rel="noopener noreferrer">
                        {t('sites.post.open')}
                      </a>
                    </>
                  )}
                  {post.lastError && post.status !== 'posted' && <p class="error">{post.lastError}</p>}
                  {entry && !step && <TokenBadge account={entry.account} />}
                  {(post.status === 'failed' || post.status === 'unconfirmed' || post.status === 'skipped') && (
                    <form method="post" action={`/admin/items/${item.id}/posts/${post.id}/retry`}>
                      <CsrfField />
                      <button type="submit">{t('sites.item.retry')}</button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="comments">
        <h2 id="comments">{t('sites.item.comments')}</h2>
        {p.comments.length === 0 ? (
          <p class="muted">{t('sites.item.noComments')}</p>
        ) : (
          <ul class="plain comments">
            {p.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.authorLabel}</strong> · <DateTime value={c.createdAt} />
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`/admin/items/${item.id}/comments`}>
          <CsrfField />
          <Field name="comment" label={t('sites.f.comment')} type="textarea" required maxLength={4000} />
          <button type="submit">{t('sites.item.addComment')}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="revisions">
        <h2 id="revisions">{t('sites.item.revisions')}</h2>
        <ul class="plain">
          {p.revisions.map((r) => (
            <li key={r.id}>
              {t('sites.item.version', { version: r.version })} · {r.authorLabel} · <DateTime value={r.createdAt} />
              {r.version !== item.version && (
                <>
                  {' · '}
                  <a href={`/admin/items/${item.id}/revisions/${r.version}`}>{t('sites.item.compare')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function RevisionPage({ item, revision, diffs, canRestore }: { item: ContentItem; revision: ContentRevision; diffs: Array<{ label: string; parts: DiffPart[] }>; canRestore: boolean }) {
  const { t } = usePage();
  return (
    <Layout title={t('sites.item.diffTitle', { version: revision.version })}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href={`/admin/items/${item.id}`}>{item.title}</a>
      </nav>
      <p class="muted">
        <del>{t('sites.item.removed')}</del> · <ins>{t('sites.item.added')}</ins>
      </p>
      {diffs.map((d) => (
        <section class="card" key={d.label}>
          <h2>{d.label}</h2>
          <p class="diff">
            {d.parts.map((part, i) => (part.type === 'same' ? <span key={i}>{part.text}</span> : part.type === 'add' ? <ins key={i}>{part.text}</ins> : <del key={i}>{part.text}</del>))}
          </p>
        </section>
      ))}
      {canRestore && (
        <form method="post" action={`/admin/items/${item.id}/revisions/${revision.version}/restore`}>
          <CsrfField />
          <button type="submit" class="primary">
            {t('sites.item.restore')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** Text inside a textarea, every markup character escaped (the page validates without raw '>'). */
const escapeText = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
