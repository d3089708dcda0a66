// Reading the office's multipart forms: fields (repeated names become lists) and uploaded files, with
// the CSRF token checked once the fields are read.
import type { FastifyRequest } from 'fastify';
import { csrfOk } from '../../web/csrf.ts';
import { HttpError } from '../../web/errors.ts';
import type { ItemInput } from '../items.ts';
import { AUDIENCES, CONTENT_FIELDS, ITEM_KINDS } from '../schema.ts';

export interface FormFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string[]>;
  files: FormFile[];
  one(name: string): string;
}

export async function readMultipart(req: FastifyRequest): Promise<MultipartForm> {
  const fields: Record<string, string[]> = {};
  const files: FormFile[] = [];
  if (req.isMultipart()) {
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (bytes.length) files.push({ field: part.fieldname, filename: part.filename ?? 'tep', bytes });
        } else (fields[part.fieldname] ??= []).push(String(part.value));
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new HttpError(code === 'FST_REQ_FILE_TOO_LARGE' ? 413 : 400, code === 'FST_REQ_FILE_TOO_LARGE' ? 'sites.uploadTooLarge' : 'error.badRequest');
    }
  } else {
    const body: unknown = req.body ?? {};
    if (typeof body === 'object' && body) for (const [k, v] of Object.entries(body)) fields[k] = Array.isArray(v) ? v.map(String) : [String(v)];
  }
  if (!csrfOk(req, fields._csrf?.[0])) throw new HttpError(403, 'error.csrf');
  return { fields, files, one: (name) => fields[name]?.[0] ?? '' };
}

const num = (s: string): number | undefined => (/^\d{1,9}$/.test(s) ? Number(s) : undefined);
const localDate = (s: string): string | undefined => {
  if (!s.trim()) return undefined;
  // datetime-local has no zone: it is Vietnam time.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00+07:00` : /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+07:00` : s;
  return Number.isNaN(Date.parse(iso)) ? s : new Date(iso).toISOString();
};

/** The item form as the input the service validates (zod does the checking). */
export function itemFormInput(form: MultipartForm): Record<string, unknown> {
  const f = form.one;
  const list = (name: string) => form.fields[name] ?? [];
  return {
    kind: (ITEM_KINDS as readonly string[]).includes(f('kind')) ? f('kind') : 'article',
    sectionId: num(f('sectionId')) ?? 0,
    title: f('title'),
    slug: f('slug'),
    sapo: f('sapo'),
    body: f('body'),
    coverAlt: f('coverAlt'),
    coverMediaId: num(f('coverMediaId')) ?? null,
    tags: f('tags')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    field: (CONTENT_FIELDS as readonly string[]).includes(f('field')) ? f('field') : null,
    audiences: list('audiences').filter((a) => (AUDIENCES as readonly string[]).includes(a)),
    channels: list('channels'),
    syndicateTo: list('syndicateTo')
      .map(num)
      .filter((n): n is number => n !== undefined),
    details: {
      subjectType: f('subjectType') === 'collective' ? 'collective' : f('subjectType') === 'person' ? 'person' : undefined,
      subjectName: f('subjectName'),
      unitName: f('unitName'),
      achievement: f('achievement'),
      number: f('number'),
      issuedOn: f('issuedOn') ? f('issuedOn').slice(0, 10) : '',
      issuer: f('issuer'),
      fileMediaId: num(f('fileMediaId')),
      startsAt: localDate(f('startsAt')) ?? '',
      endsAt: localDate(f('endsAt')) ?? '',
      location: f('location'),
      videoMediaId: num(f('videoMediaId')),
    },
  } satisfies Partial<Record<keyof ItemInput, unknown>>;
}

export const publishAtOf = (form: MultipartForm): Date | null => {
  const at = localDate(form.one('publishAt'));
  return at ? new Date(at) : null;
};
