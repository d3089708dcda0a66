// Scheduled backups: a daily backup at the hour set on the settings page, into NHIPCAU_BACKUP_DIR, keeping
// the latest N. The cron schedule is the jobs system's own (job_schedules), rewritten when the hour changes.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { audit, type Actor } from '../audit/index.ts';
import { vnWallClock } from '../core/time.ts';
import { settings } from '../db/settings-schema.ts';
import { createBackup } from './create.ts';

export const BACKUP_JOB = 'backup.scheduled';
const KEY = 'backup.schedule';
/** Names of scheduled backups: only these are ever removed by the retention. */
const NAME = /^nhipcau-\d{8}-\d{4}\.tar\.gz$/;

export const backupSettingsSchema = z.object({ enabled: z.boolean(), hour: z.number().int().min(0).max(23), keep: z.number().int().min(1).max(365) });
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
const DEFAULTS: BackupSettings = { enabled: false, hour: 2, keep: 7 };

export async function loadBackupSettings(ctx: AppContext): Promise<BackupSettings> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, KEY));
  const parsed = backupSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULTS;
}

export async function saveBackupSettings(ctx: AppContext, actor: Actor, value: BackupSettings): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await audit(tx, actor, { action: 'backup.settings', targetType: 'settings', targetId: KEY, details: value });
  });
  await scheduleBackups(ctx, value);
}

export async function scheduleBackups(ctx: AppContext, value?: BackupSettings): Promise<void> {
  const s = value ?? (await loadBackupSettings(ctx));
  await ctx.jobs.schedule(BACKUP_JOB, `0 ${s.hour} * * *`, BACKUP_JOB);
}

export interface StoredBackup {
  name: string;
  bytes: number;
  at: Date;
}

/** Scheduled backups in the folder, newest first. */
export async function listBackups(dir: string): Promise<StoredBackup[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => NAME.test(n));
  const out = await Promise.all(names.map(async (name) => ({ name, ...(await stat(path.join(dir, name)).then((s) => ({ bytes: s.size, at: s.mtime }))) })));
  return out.sort((a, b) => b.name.localeCompare(a.name));
}

/** The job: a backup now when enabled, then the oldest beyond `keep` removed. Returns the new file. */
export async function runScheduledBackup(ctx: AppContext, now = new Date()): Promise<string | null> {
  const s = await loadBackupSettings(ctx);
  if (!s.enabled) return null;
  const stamp = vnWallClock(now).replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  const file = path.join(ctx.config.backupDir, `nhipcau-${stamp}.tar.gz`);
  await createBackup(ctx, file);
  for (const old of (await listBackups(ctx.config.backupDir)).slice(s.keep)) await rm(path.join(ctx.config.backupDir, old.name), { force: true });
  return file;
}
