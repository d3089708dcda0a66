// The listening card of the office home page: the last 24 hours at a glance, for those who may see it.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { usePage } from '../web/page-context.ts';
import { listIssues } from './issues.ts';
import { spikeCount, volume } from './stats.ts';
import { ANALYSTS, holdsRole } from '../core/roles.ts';
import type { HomeCard } from '../web/home.tsx';

export interface ListeningSummary {
  posts: number;
  issues: number;
  spikes: number;
  top: Array<{ id: number; label: string; spike: boolean }>;
}

const mayListen = (req: FastifyRequest) => holdsRole(req.auth, ANALYSTS);

/** Null for staff without access to the desk. */
export async function listeningSummary(ctx: AppContext, req: FastifyRequest): Promise<ListeningSummary | null> {
  if (!mayListen(req)) return null;
  const to = new Date();
  const from = new Date(to.getTime() - 24 * 3600_000);
  const [issues, vol, spikes] = await Promise.all([listIssues(ctx, { from, to, limit: 50 }), volume(ctx.db, { from, to }), spikeCount(ctx.db, { from, to })]);
  return { posts: vol.total, issues: issues.length, spikes, top: issues.slice(0, 3).map((i) => ({ id: i.id, label: i.label, spike: Boolean(i.spike) })) };
}

export function ListeningCard({ summary }: { summary: ListeningSummary }) {
  const { t } = usePage();
  return (
    <>
      <p>
        <strong>{t('listening.home', { issues: summary.issues, posts: summary.posts })}</strong>
        {summary.spikes > 0 && <span class="badge">⚡ {t('listening.homeSpikes', { count: summary.spikes })}</span>}
      </p>
      {summary.top.length > 0 && (
        <>
          <p class="muted">{t('listening.homeTop')}</p>
          <ol>
            {summary.top.map((i) => (
              <li key={i.id}>
                <a href={`/admin/listening/issues/${i.id}`}>{i.label}</a>
                {i.spike && ' ⚡'}
              </li>
            ))}
          </ol>
        </>
      )}
      <a class="button" href="/admin/listening">
        {t('listening.homeOpen')}
      </a>
    </>
  );
}

export const listeningHomeCard: HomeCard = {
  pillar: 'home.listen',
  async render(ctx, req) {
    const summary = await listeningSummary(ctx, req);
    return summary && <ListeningCard summary={summary} />;
  },
};
