// Settings fields are declared once per platform and reused under another name where a form names them
// differently (a listening source calls a Page's access token `pageAccessToken`).
import type { SettingField } from './types.ts';

export const field = (base: SettingField, name: string, patch: Partial<SettingField> = {}): SettingField => ({ ...base, ...patch, name });
