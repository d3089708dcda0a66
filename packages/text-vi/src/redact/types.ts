// Kinds of personal data that redaction replaces, and the placeholder each one becomes.

export type RedactType = 'phone' | 'email' | 'id' | 'account' | 'name';

export interface RedactSpan {
  type: RedactType;
  /** Offsets into the original text (UTF-16 units), end exclusive. */
  start: number;
  end: number;
}

export const PLACEHOLDERS: Record<RedactType, string> = {
  phone: '[SĐT]',
  email: '[EMAIL]',
  id: '[CCCD]',
  account: '[STK]',
  name: '[TÊN]',
};
