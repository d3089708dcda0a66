// A site's settings, sections and channels (unit administrators).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { ADMINS } from '../../core/roles.ts';
import { actorOf, fromParam } from '../../web/access.ts';
import { platform, platforms } from '../../platforms/index.ts';
import { HttpError, notFound } from '../../web/errors.ts';
import { checkbox, formErrors, parseForm } from '../../web/forms.ts';
import { sendPage } from '../../web/render.tsx';
import { formBody, pathId } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { disconnectAccount, listAccounts, saveAccount } from '../channels/accounts.ts';
import type { SiteView } from '../directory.ts';
import { LIMITS, storeUpload } from '../media.ts';
import { deleteSection, saveSection, sectionSchema, siteSettingsSchema, updateSite } from '../sites.ts';
import { readMultipart, type MultipartForm } from './forms.ts';
import { slugParams, withUploads, type Office } from './office.ts';
import { ChannelsPage, SiteSettingsPage } from './pages.tsx';

const sectionParams = slugParams.extend({ id: pathId });
const channelParams = slugParams.extend({ channel: z.string() });
const sectionFields = formBody([...Object.keys(sectionSchema.shape), 'delete']);
const channelForm = z.object({ externalId: z.string().default(''), name: z.string().default(''), tokenExpiresAt: z.string().optional(), enabled: z.string().optional() }).catchall(z.string());

/** The platforms a site can post to, in display order. */
const channelPlatforms = () => platforms().filter((p) => p.publish);

type FormFields = z.infer<typeof sectionFields>;
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The section form: fields as text, audiences a list. */
const sectionInput = (body: FormFields) =>
  sectionSchema.safeParse({ slug: one(body.slug), name: one(body.name), description: one(body.description) ?? '', kind: one(body.kind), audiences: ([] as string[]).concat(body.audiences ?? []), sortOrder: Number(one(body.sortOrder)) || 0, inMenu: checkbox(one(body.inMenu)) });

/** The settings form: contact fields nested, the menu one "label | address" a line. */
function settingsInput(site: SiteView, form: MultipartForm) {
  const f = form.one;
  const menu = f('menu')
    .split(/\r?\n/)
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter(([label, href]) => label && href)
    .map(([label, href]) => ({ label, href }));
  return siteSettingsSchema.safeParse({ name: f('name'), tagline: f('tagline'), colour: f('colour') || site.colour, hostName: f('hostName'), contact: { address: f('address'), phone: f('phone'), email: f('email'), hours: f('hours') }, menu, active: checkbox(f('active')) });
}

export function siteSettingsRoutes(app: App, ctx: AppContext, office: Office): void {
  const siteAdmin = { access: { roles: ADMINS, unit: fromParam('slug') } };
  const settingsPage = (req: FastifyRequest, reply: FastifyReply, site: SiteView, errors: Record<string, string>, status: number, values = settingsValues(site)) => sendPage(req, reply, <SiteSettingsPage site={site} values={values} errors={errors} />, status);
  const settingsSaved = (reply: FastifyReply, site: SiteView) => reply.redirect(`/admin/sites/${site.slug}/settings?ok=saved`, 303);

  app.get('/admin/sites/:slug/settings', { config: siteAdmin, schema: { params: slugParams } }, async (req, reply) => settingsPage(req, reply, await office.siteOf(req.params.slug), {}, 200));

  withUploads(app, (scoped) => {
    scoped.post('/admin/sites/:slug/settings', { bodyLimit: LIMITS.image + 1024 * 1024, config: { ...siteAdmin, csrf: false }, schema: { params: slugParams } }, async (req, reply) => {
      const site = await office.siteOf(req.params.slug);
      const form = await readMultipart(req);
      const values = Object.fromEntries(Object.entries(form.fields).map(([k, v]) => [k, v[0]]));
      const parsed = settingsInput(site, form);
      const errors: Record<string, string> = parsed.success ? {} : formErrors(req.locale, parsed.error);
      let logoMediaId: number | undefined;
      const logo = form.files.find((x) => x.field === 'logo');
      if (logo) {
        try {
          logoMediaId = (await storeUpload(ctx, actorOf(req), site.unitId, logo, ['image'])).id;
        } catch (e) {
          if (e instanceof HttpError && e.statusCode < 500) errors.logo = req.t(e.messageKey);
          else throw e;
        }
      }
      if (!parsed.success || Object.keys(errors).length) return settingsPage(req, reply, site, errors, 400, values);
      try {
        await updateSite(ctx, actorOf(req), site.unitId, { ...parsed.data, ...(logoMediaId ? { logoMediaId } : {}) });
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 409) return settingsPage(req, reply, site, { hostName: req.t(e.messageKey) }, 409, values);
        throw e;
      }
      return settingsSaved(reply, site);
    });
  });

  app.post('/admin/sites/:slug/sections', { config: siteAdmin, schema: { params: slugParams, body: sectionFields } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    const parsed = sectionInput(req.body);
    if (!parsed.success) return settingsPage(req, reply, site, formErrors(req.locale, parsed.error), 400);
    await saveSection(ctx, actorOf(req), site.unitId, null, { ...parsed.data, inMenu: true });
    return settingsSaved(reply, site);
  });

  app.post('/admin/sites/:slug/sections/:id', { config: siteAdmin, schema: { params: sectionParams, body: sectionFields } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    const { id } = req.params;
    if (id === null) throw notFound();
    if (one(req.body.delete) === '1') {
      try {
        await deleteSection(ctx, actorOf(req), site.unitId, id);
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 400) return settingsPage(req, reply, site, { _form: req.t(e.messageKey) }, 400);
        throw e;
      }
      return settingsSaved(reply, site);
    }
    const parsed = sectionInput(req.body);
    if (!parsed.success) return settingsPage(req, reply, site, formErrors(req.locale, parsed.error), 400);
    await saveSection(ctx, actorOf(req), site.unitId, id, parsed.data);
    return settingsSaved(reply, site);
  });

  const channelsPage = async (req: FastifyRequest, reply: FastifyReply, site: SiteView, errors: Record<string, string> = {}, status = 200) =>
    sendPage(req, reply, <ChannelsPage site={site} definitions={channelPlatforms()} accounts={await listAccounts(ctx, site.unitId)} errors={errors} />, status);
  const channelsSaved = (reply: FastifyReply, site: SiteView) => reply.redirect(`/admin/sites/${site.slug}/channels?ok=saved`, 303);

  app.get('/admin/sites/:slug/channels', { config: siteAdmin, schema: { params: slugParams } }, async (req, reply) => channelsPage(req, reply, await office.siteOf(req.params.slug)));

  app.post('/admin/sites/:slug/channels/:channel', { config: siteAdmin, schema: { params: channelParams, body: formBody(channelForm) } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    const { channel } = req.params;
    const definition = platform(channel);
    if (!definition?.publish) throw notFound();
    const form = parseForm(channelForm, req.body, req.locale);
    if (!form.ok) return channelsPage(req, reply, site, form.errors, 400);
    const body = form.data;
    const credentials = Object.fromEntries((definition.account?.fields ?? []).map((f) => [f.name, body[`cred_${f.name}`] ?? '']));
    const expires = body.tokenExpiresAt && /^\d{4}-\d{2}-\d{2}$/.test(body.tokenExpiresAt) ? new Date(`${body.tokenExpiresAt}T23:59:59+07:00`) : null;
    try {
      await saveAccount(ctx, actorOf(req), site.unitId, channel, { externalId: body.externalId, name: body.name, credentials, tokenExpiresAt: expires, enabled: checkbox(body.enabled) });
    } catch (e) {
      if (e instanceof HttpError && e.statusCode === 400) return channelsPage(req, reply, site, { _form: req.t(e.messageKey, e.params) }, 400);
      throw e;
    }
    return channelsSaved(reply, site);
  });

  app.post('/admin/sites/:slug/channels/:channel/disconnect', { config: siteAdmin, schema: { params: channelParams } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    await disconnectAccount(ctx, actorOf(req), site.unitId, req.params.channel);
    return channelsSaved(reply, site);
  });
}

function settingsValues(site: SiteView): Record<string, string> {
  return {
    name: site.name,
    tagline: site.tagline ?? '',
    colour: site.colour,
    hostName: site.hostName ?? '',
    address: site.contact.address ?? '',
    phone: site.contact.phone ?? '',
    email: site.contact.email ?? '',
    hours: site.contact.hours ?? '',
    menu: site.menu.map((m) => `${m.label} | ${m.href}`).join('\n'),
    active: site.active ? 'true' : 'false',
  };
}
