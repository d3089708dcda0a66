// The office app's home. Features add panels as they arrive; until then it says what is coming.
import type { AppContext } from '../app/context.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { UnitTree } from '../org/tree.ts';
import { Layout } from './layout.tsx';
import { usePage } from './page-context.ts';
import { sendPage } from './render.tsx';
import type { App } from './types.ts';
import { ListeningCard, listeningSummary, type ListeningSummary } from '../listening/home.tsx';
import { CasesCard, casesSummary, type CasesSummary } from '../cases/home.tsx';

export function homeRoutes(app: App, ctx: AppContext): void {
  app.get('/admin', { config: { access: 'authenticated' } }, async (req, reply) => sendPage(req, reply, <HomePage tree={await ctx.units.current()} listening={await listeningSummary(ctx, req)} cases={await casesSummary(ctx, req)} />));
}

const PILLARS: Array<{ title: MessageKey; text: MessageKey }> = [
  { title: 'home.listen', text: 'home.listenText' },
  { title: 'home.speak', text: 'home.speakText' },
  { title: 'home.act', text: 'home.actText' },
];

function HomePage({ tree, listening, cases }: { tree: UnitTree; listening: ListeningSummary | null; cases: CasesSummary | null }) {
  const { t, auth } = usePage();
  return (
    <Layout title={t('home.title')}>
      <p class="lead">{t('home.welcome', { name: auth?.user.displayName ?? '' })}</p>
      <p>{t('home.intro')}</p>
      <div class="grid three">
        {PILLARS.map((p) => (
          <section class="card pillar" key={p.title}>
            <h2>{t(p.title)}</h2>
            <p>{t(p.text)}</p>
            {p.title === 'home.listen' && listening ? <ListeningCard summary={listening} /> : p.title === 'home.act' && cases ? <CasesCard summary={cases} /> : <span class="badge muted">{t('home.comingSoon')}</span>}
          </section>
        ))}
      </div>
      <section class="card">
        <h2>{t('home.roles')}</h2>
        {auth?.grants.length ? (
          <ul class="plain">
            {auth.grants.map((g) => {
              const unit = tree.get(g.unitId);
              return (
                <li key={`${g.unitId}-${g.role}`}>
                  <strong>{t(`role.${g.role}` as MessageKey)}</strong> · {unit ? <a href={`/admin/units/${unit.slug}`}>{unit.name}</a> : g.unitId}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="muted">{t('home.noRoles')}</p>
        )}
      </section>
    </Layout>
  );
}
