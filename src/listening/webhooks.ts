// Webhooks of push sources: GET answers the platform's subscription handshake, POST hands the raw body
// to the source's receiver. A bad signature is logged, shown on the source and answered 401; nothing
// is stored. Upserts go through the door like any post; a removal deletes the stored text.
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { IncomingPost, WebhookReceiver } from '../platforms/index.ts';
import { HttpError } from '../web/errors.ts';
import type { App } from '../web/types.ts';
import { ingestPosts } from './ingest/ingest.ts';
import { withdraw } from './posts.ts';
import { getSource, openSettings, recordRejectedWebhook } from './sources.ts';
import { connectorFor } from './sources/registry.ts';
import type { ListeningSource } from './schema.ts';

const WEBHOOK_LIMIT = 1024 * 1024;
const sourceParams = z.object({ source: z.string() });
/** Platforms add their own parameters (hub.mode, hub.challenge, …): all kept for the receiver. */
const rawBytes = z.instanceof(Buffer).optional();
const platformQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export function listeningWebhookRoutes(app: App, ctx: AppContext): void {
  async function receiverFor(name: string): Promise<{ source: ListeningSource; receiver: WebhookReceiver }> {
    const source = /^[a-z0-9][a-z0-9._-]{0,62}$/.test(name) ? await getSource(ctx.db, name) : undefined;
    const connector = source && connectorFor(source.kind);
    if (!source || !connector?.webhook || !source.enabled) throw new HttpError(404, 'listening.webhookUnsupported');
    const settings = connector.settings.parse(await openSettings(ctx, source));
    return { source, receiver: connector.webhook(settings, { secret: (purpose) => ctx.secrets.derive(`listening-webhook:${source.name}:${purpose}`) }) };
  }

  app.register(async (scoped) => {
    // Signatures are computed over the exact bytes: keep the body raw.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_LIMIT }, (_req, body, done) => done(null, body));

    hooks(scoped);
  });

  function hooks(scoped: App): void {
    scoped.get('/webhooks/listening/:source', { config: { access: 'public' }, schema: { params: sourceParams, querystring: platformQuery } }, async (req, reply) => {
      const { receiver } = await receiverFor(req.params.source);
      if (!receiver.handshake) throw new HttpError(404, 'listening.webhookUnsupported');
      const answer = receiver.handshake(req.query);
      return reply.status(answer.status).header('content-type', 'text/plain; charset=utf-8').send(answer.body);
    });

    // The body stays raw bytes (declared as such): the signature is over them.
    scoped.post('/webhooks/listening/:source', { config: { access: 'public', csrf: false }, bodyLimit: WEBHOOK_LIMIT, schema: { params: sourceParams, querystring: platformQuery, body: rawBytes } }, async (req, reply) => {
      const { source, receiver } = await receiverFor(req.params.source);
      const rawBody = req.body ?? Buffer.alloc(0);
      if (!receiver.authenticate({ rawBody, headers: req.headers, query: req.query })) {
        req.log.warn({ source: source.name, ip: req.ip }, 'listening: webhook with a bad signature rejected');
        await recordRejectedWebhook(ctx.db, source, 'bad signature');
        throw new HttpError(401, 'listening.webhookRejected');
      }
      let events;
      try {
        events = receiver.parse(rawBody);
      } catch {
        throw new HttpError(400, 'listening.webhookMalformed');
      }
      const upserts: IncomingPost[] = [];
      const removed: string[] = [];
      for (const e of events) {
        if (e.type === 'upsert') upserts.push(e.record);
        else removed.push(e.externalId);
      }
      const summary = upserts.length ? await ingestPosts(ctx, source.name, upserts) : null;
      if (removed.length) await withdraw(ctx, source.id, removed);
      return reply.status(200).send({ ok: true, added: summary?.added ?? 0, removed: removed.length });
    });
  }
}
