// The face of backup (see README.md): backups of the database and the data folder's files, restores,
// and the scheduled backups' settings.
export { createBackup, type BackupOptions } from './create.ts';
export { readManifest, restoreBackup, type RestoreOptions, type RestoreResult } from './restore.ts';
export { ClientToolMissing } from './postgres.ts';
export { BACKUP_JOB, listBackups, loadBackupSettings, runScheduledBackup, saveBackupSettings, type BackupSettings } from './schedule.ts';
export type { Manifest } from './manifest.ts';
