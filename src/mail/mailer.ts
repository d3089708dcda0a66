// Outgoing e-mail for every feature: SMTP settings live in the settings table (the password sealed with
// AES-256-GCM), edited by district admins on /admin/settings/mail; with no settings, mail is off and
// send() says so by returning false. Errors of the SMTP server are thrown (jobs retry).
import net from 'node:net';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/settings-schema.ts';
import { seal, unseal } from '../app/sealed.ts';
import { PrivateAddressError, publicAddress } from '../app/outbound.ts';
import { Invalid } from '../core/errors.ts';

export const MAIL_SETTINGS_KEY = 'mail.smtp';
const PURPOSE = 'mail-settings';

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  /** The password, sealed with ctx.secrets.derive('mail-settings'). */
  passwordSealed: string | null;
}

export interface MailSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  /** null keeps the stored password. */
  password: string | null;
  from: string;
}

export interface Mail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export async function loadMailSettings(db: Db): Promise<MailSettings | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, MAIL_SETTINGS_KEY));
  const v = row?.value as Partial<MailSettings> | undefined;
  if (!v || typeof v.host !== 'string' || typeof v.port !== 'number' || typeof v.from !== 'string') return null;
  return { host: v.host, port: v.port, secure: Boolean(v.secure), user: v.user ?? null, from: v.from, passwordSealed: v.passwordSealed ?? null };
}

export async function saveMailSettings(ctx: AppContext, actor: Actor, input: MailSettingsInput): Promise<void> {
  // The server's own network is refused unless NHIPCAU_OUTBOUND_PRIVATE allows it (a name that does not
  // resolve now is kept: it is checked again when mail is sent).
  try {
    await publicAddress(input.host, ctx.config.outboundPrivate);
  } catch (e) {
    if (e instanceof PrivateAddressError) throw new Invalid('mail.settings.privateHost');
  }
  const current = await loadMailSettings(ctx.db);
  const value: MailSettings = {
    host: input.host,
    port: input.port,
    secure: input.secure,
    user: input.user,
    from: input.from,
    passwordSealed: input.password !== null ? seal(ctx.secrets.derive(PURPOSE), input.password) : (current?.passwordSealed ?? null),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: MAIL_SETTINGS_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    // Never the password, only whether it changed.
    await audit(tx, actor, { action: 'mail.settings', targetType: 'settings', targetId: MAIL_SETTINGS_KEY, details: { host: input.host, port: input.port, passwordChanged: input.password !== null } });
  });
}

/** Sends one message (or the same to several recipients); false when mail is not configured. */
export async function send(ctx: AppContext, mail: Mail): Promise<boolean> {
  const s = await loadMailSettings(ctx.db);
  if (!s) return false;
  const to = ([] as string[]).concat(mail.to).filter(Boolean);
  if (!to.length) return false;
  const { default: nodemailer } = await import('nodemailer'); // loaded on the first message
  const address = await publicAddress(s.host, ctx.config.outboundPrivate);
  const transport = nodemailer.createTransport({
    host: address,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.passwordSealed ? unseal(ctx.secrets.derive(PURPOSE), s.passwordSealed) : '' } : undefined,
    // A local relay (127.0.0.1) often has a self-signed certificate; anything else must verify.
    // The certificate is checked against the name typed in, not the address connected to.
    tls: { rejectUnauthorized: !['127.0.0.1', 'localhost', '::1'].includes(s.host), servername: net.isIP(s.host) ? undefined : s.host },
  });
  try {
    await transport.sendMail({ from: s.from, to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
  } finally {
    transport.close();
  }
  return true;
}
