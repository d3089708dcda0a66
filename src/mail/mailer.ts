// Outgoing e-mail for every feature: SMTP settings live in the settings table (the password sealed),
// edited by district admins; with no settings, mail is off and callers are told so.
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { seal, unseal } from '../app/sealed.ts';
import { settings } from '../db/settings-schema.ts';

export const SMTP_KEY = 'mail.smtp';
const PURPOSE = 'mail-settings';

export const smtpSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().max(254).optional(),
  /** Sealed with ctx.secrets.derive('mail-settings'). */
  passSealed: z.string().max(2000).optional(),
  from: z.string().trim().min(3).max(254),
});
export type SmtpSettings = z.infer<typeof smtpSchema>;

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export async function loadSmtp(ctx: AppContext): Promise<SmtpSettings | null> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, SMTP_KEY));
  const parsed = smtpSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveSmtp(ctx: AppContext, input: Omit<SmtpSettings, 'passSealed'> & { pass?: string }): Promise<void> {
  const current = await loadSmtp(ctx);
  const { pass, ...rest } = input;
  const value: SmtpSettings = { ...rest, passSealed: pass ? seal(ctx.secrets.derive(PURPOSE), pass) : current?.passSealed };
  await ctx.db
    .insert(settings)
    .values({ key: SMTP_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** Sends mail; returns false when mail is not configured. Errors of the server are thrown (jobs retry). */
export async function sendMail(ctx: AppContext, mail: Mail | Mail[]): Promise<boolean> {
  const smtp = await loadSmtp(ctx);
  if (!smtp) return false;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.passSealed ? unseal(ctx.secrets.derive(PURPOSE), smtp.passSealed) : '' } : undefined,
    // Local test servers have self-signed certificates; production SMTP should use 465 or STARTTLS.
    tls: { rejectUnauthorized: smtp.host !== '127.0.0.1' && smtp.host !== 'localhost' },
    pool: Array.isArray(mail),
  });
  try {
    for (const m of ([] as Mail[]).concat(mail)) await transport.sendMail({ from: smtp.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
  } finally {
    transport.close();
  }
  return true;
}
