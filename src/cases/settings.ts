// The cases settings, stored as one row of the settings table: service levels per topic, reminders,
// escalation, retention of personal data, the Open311 jurisdiction and the holiday calendar's additions.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { settings } from '../db/settings-schema.ts';
import { buildCalendar, type HolidayCalendar } from './holidays.ts';

export const SETTINGS_KEY = 'cases';
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const casesSettingsSchema = z.object({
  /** Working days to answer, when the topic has no service level of its own. */
  defaultDays: z.number().int().min(1).max(60).default(10),
  /** Working days to answer, per topic id. Infrastructure incidents: 5, as HCMC's 1022 requires. */
  topicDays: z.record(z.string().max(60), z.number().int().min(1).max(60)).default({ 'giao-thong': 5, 'ngap-nuoc': 5, 'moi-truong': 5 }),
  /** "Due soon" reminder this many working days before the deadline. */
  dueSoonDays: z.number().int().min(0).max(10).default(1),
  /** After the deadline, the case goes one level up the unit tree every this many working days. */
  escalateEveryDays: z.number().int().min(1).max(30).default(2),
  /** Days after closing when the citizen's contact details and photos are deleted. */
  retentionDays: z.number().int().min(1).max(3650).default(365),
  /** Days after the answer during which the citizen may rate it and re-open the case. */
  reopenDays: z.number().int().min(1).max(60).default(7),
  /** Open311 jurisdiction_id; when set, a request naming another one is refused. */
  jurisdictionId: z.string().max(100).nullable().default(null),
  /** Days off and make-up working days announced after this release (YYYY-MM-DD). */
  extraHolidays: z.array(isoDate).max(200).default([]),
  extraWorkdays: z.array(isoDate).max(200).default([]),
});
export type CasesSettings = z.infer<typeof casesSettingsSchema>;

export async function loadCasesSettings(db: Db): Promise<CasesSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SETTINGS_KEY));
  const parsed = casesSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : casesSettingsSchema.parse({});
}

export async function saveCasesSettings(db: Db, actor: Actor, value: CasesSettings): Promise<void> {
  const data = casesSettingsSchema.parse(value);
  await db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: SETTINGS_KEY, value: data }).onConflictDoUpdate({ target: settings.key, set: { value: data, updatedAt: new Date() } });
    await audit(tx, actor, { action: 'cases.settings', targetType: 'settings', targetId: SETTINGS_KEY, details: data as unknown as Record<string, unknown> });
  });
}

export const calendarOf = (s: CasesSettings): HolidayCalendar => buildCalendar({ holidays: s.extraHolidays, workdays: s.extraWorkdays });
export const serviceDays = (s: CasesSettings, topic: string | null | undefined): number => (topic && s.topicDays[topic]) || s.defaultDays;
