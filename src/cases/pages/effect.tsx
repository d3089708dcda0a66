// Closing the loop: the volume and frustration before and after the answer.
import { usePage } from '../../web/page-context.ts';
import type { LoopEffect } from '../stats.ts';

export function EffectPanel({ effect }: { effect: LoopEffect }) {
  const { t } = usePage();
  const pct = (f: number | null) => (f === null ? '—' : `${Math.round(f * 100)}%`);
  return (
    <section class="card effect">
      <h2>{t('cases.detail.effect')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">{t('cases.detail.volume')}</th>
            <th scope="col">{t('cases.detail.frustration')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('cases.detail.before')}</th>
            <td>{effect.before.posts}</td>
            <td>{pct(effect.before.frustration)}</td>
          </tr>
          <tr>
            <th scope="row">{t('cases.detail.after')}</th>
            <td>{effect.after.posts}</td>
            <td>{pct(effect.after.frustration)}</td>
          </tr>
        </tbody>
      </table>
      {!effect.complete && <p class="muted">{t('cases.detail.effectPending')}</p>}
    </section>
  );
}
