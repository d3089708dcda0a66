// The office app's home. Features add cards under its pillars (their module.ts, listed in
// src/app/modules.ts); a pillar without a card says what is coming.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../app/context.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { UnitTree } from '../org/index.ts';
import { Layout } from './layout.tsx';
import { usePage } from './page-context.ts';
import { sendPage } from './render.tsx';
import type { App } from './types.ts';

type Pillar = 'home.listen' | 'home.speak' | 'home.act';

/** A feature's card on the home page, under one of the three pillars; null hides it from this person. */
export interface HomeCard {
  pillar: Pillar;
  render(ctx: AppContext, req: FastifyRequest): Promise<VNode | null>;
}

export const homeRoutes =
  (cards: readonly HomeCard[]) =>
  (app: App, ctx: AppContext): void => {
    app.get('/admin', { config: { access: 'authenticated' } }, async (req, reply) => {
      const tree = await ctx.units.current();
      const shown = new Map<Pillar, VNode>();
      for (const card of cards) {
        const node = await card.render(ctx, req);
        if (node && !shown.has(card.pillar)) shown.set(card.pillar, node);
      }
      return sendPage(req, reply, <HomePage tree={tree} cards={shown} />);
    });
  };

const PILLARS: Array<{ title: Pillar; text: MessageKey }> = [
  { title: 'home.listen', text: 'home.listenText' },
  { title: 'home.speak', text: 'home.speakText' },
  { title: 'home.act', text: 'home.actText' },
];

function HomePage({ tree, cards }: { tree: UnitTree; cards: Map<Pillar, VNode> }) {
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
            {cards.get(p.title) ?? <span class="badge muted">{t('home.comingSoon')}</span>}
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
