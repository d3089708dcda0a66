// Pieces shared by the listening pages: the desk's tabs, the filter form, small bars and badges.
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../i18n/catalog.ts';
import { DeskLayout as TabbedDesk } from '../../web/layout.tsx';
import { LISTENING_DESK } from '../tabs.ts';
import { usePage } from '../../web/page-context.ts';
import { formatDateTime } from '../../core/time.ts';
import { NO_TOPIC } from '../issues.ts';

export function DeskLayout(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return <TabbedDesk desk={LISTENING_DESK} {...props} />;
}

export interface FilterValues {
  from: string;
  to: string;
  source: string;
  topic: string;
  ward: string;
  q: string;
}

export interface Choice {
  value: string;
  label: string;
}

export function Filters({ action, values, sources, topics, wards, search = true }: { action: string; values: FilterValues; sources: Choice[]; topics: Choice[]; wards: Choice[]; search?: boolean }) {
  const { t } = usePage();
  const select = (name: keyof FilterValues, label: string, choices: Choice[]) => (
    <div class="field">
      <label for={`lf-${name}`}>{label}</label>
      <select id={`lf-${name}`} name={name}>
        <option value="">{t('listening.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value} selected={values[name] === c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} class="filters card" role="search" aria-label={t('listening.filters')}>
      <div class="field">
        <label for="lf-from">{t('listening.from')}</label>
        <input id="lf-from" type="date" name="from" value={values.from} />
      </div>
      <div class="field">
        <label for="lf-to">{t('listening.to')}</label>
        <input id="lf-to" type="date" name="to" value={values.to} />
      </div>
      {select('source', t('listening.source'), sources)}
      {select('topic', t('listening.topic'), topics)}
      {select('ward', t('listening.ward'), wards)}
      {search && (
        <div class="field">
          <label for="lf-q">{t('listening.search')}</label>
          <input id="lf-q" type="search" name="q" value={values.q} placeholder={t('listening.searchPlaceholder')} maxLength={100} />
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('listening.apply')}
        </button>
        <a href={action}>{t('listening.reset')}</a>
      </div>
    </form>
  );
}

export function FrustrationBar({ value }: { value: number }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span>
      <span class="bar" aria-hidden="true">
        <span style={`width:${pct}%`} />
      </span>
      {pct}%
    </span>
  );
}

export function SentimentMix({ mix }: { mix: { negative: number; neutral: number; positive: number } }) {
  const { t } = usePage();
  const total = mix.negative + mix.neutral + mix.positive || 1;
  const pct = (n: number) => Math.round((n * 100) / total);
  const title = `${t('listening.negative')} ${pct(mix.negative)}% · ${t('listening.neutral')} ${pct(mix.neutral)}% · ${t('listening.positive')} ${pct(mix.positive)}%`;
  return (
    <span title={title}>
      <span class="mix" aria-hidden="true">
        <span class="neg" style={`width:${pct(mix.negative)}%`} />
        <span style={`width:${pct(mix.neutral)}%`} />
        <span class="pos" style={`width:${pct(mix.positive)}%`} />
      </span>
      <span class="visually-hidden">{title}</span>
    </span>
  );
}

export function TopicBadges({ topics, name }: { topics: string[]; name: (id: string) => string }) {
  return (
    <>
      {topics.map((id) => (
        <span class="badge topic" key={id}>
          {name(id)}
        </span>
      ))}
    </>
  );
}

/** An SVG chart rendered by ECharts on the server (our own data and labels only). */
export function Chart({ svg, title, small }: { svg: string; title: string; small?: boolean }) {
  const { t } = usePage();
  return <figure class={`chart${small ? ' small' : ''}`} role="img" aria-label={t('listening.chartAria', { title })} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function When({ iso }: { iso: string | null | undefined }) {
  const { locale } = usePage();
  if (!iso) return null;
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}

/** A topic id's name in the user's language (unknown ids as they are; '' and NO_TOPIC: "no topic"). */
export function topicName(t: ReturnType<typeof usePage>['t'], id: string): string {
  if (!id || id === NO_TOPIC) return t('listening.noTopic');
  const key = `listening.topic.${id}` as MessageKey;
  const name = t(key);
  return name === key ? id : name;
}
