// Open311 GeoReport v2 over cases: services from the topic list, requests from citizen reports.
// Only reports from citizens (the public form and Open311 apps) are public requests; their text is
// redacted, their points rounded to about 100 m, and contact details never leave the office.
import { and, desc, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { VN_OFFSET, vnWallClock } from '../../core/time.ts';
import type { UnitTree } from '../../org/index.ts';
import { cases, type Case } from '../schema.ts';
import { OPEN_STATUSES, open311Status } from '../status.ts';
import { publicText, topicList } from '../text.ts';
import type { Value } from './format.ts';

/** Reports that fit no topic. */
export const OTHER = 'khac';
export const MAX_REQUESTS = 1000;
export const MAX_SPAN_DAYS = 90;

export function services(): Array<Record<string, Value>> {
  return [
    ...topicList().map((t) => ({ service_code: t.id, service_name: t.name.vi, description: `${t.name.vi} / ${t.name.en}`, metadata: 'true', type: 'realtime', keywords: t.name.en.toLowerCase().split(/\s*(?:,|and)\s*/).filter(Boolean).join(','), group: 'Phản ánh, kiến nghị' })),
    { service_code: OTHER, service_name: 'Khác', description: 'Phản ánh khác / other reports', metadata: 'true', type: 'realtime', keywords: 'other', group: 'Phản ánh, kiến nghị' },
  ];
}

export const isService = (code: string): boolean => code === OTHER || topicList().some((t) => t.id === code);

/** Every service takes the same optional attribute: the ward, which routing uses. */
export function serviceDefinition(code: string, tree: UnitTree): Record<string, Value> {
  const wards = tree.all().filter((u) => u.kind === 'ward' && u.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'ward',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Mã phường / ward code',
        order: 1,
        description: 'Phường nơi xảy ra sự việc / the ward where it is',
        values: wards.map((w) => ({ key: w.slug, name: w.shortName ?? w.name })),
      },
    ],
  };
}

/** W3C datetime in Vietnam time, e.g. 2026-11-26T16:02:40+07:00. */
export function w3c(d: Date | null): string | null {
  if (!d) return null;
  return `${vnWallClock(d)}${VN_OFFSET}`;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

export function requestOut(c: Case, tree: UnitTree): Record<string, Value> {
  const service = c.topic ?? OTHER;
  return {
    service_request_id: String(c.id),
    status: open311Status(c.status),
    status_notes: c.publicAnswer,
    service_name: service === OTHER ? 'Khác' : (topicList().find((t) => t.id === service)?.name.vi ?? service),
    service_code: service,
    description: publicText(c.description),
    agency_responsible: tree.get(c.unitId)?.name ?? null,
    service_notice: null,
    requested_datetime: w3c(c.createdAt),
    updated_datetime: w3c(c.updatedAt),
    expected_datetime: w3c(c.dueAt),
    address: c.address ? publicText(c.address) : null,
    address_id: null,
    zipcode: null,
    lat: round(c.lat),
    long: round(c.long),
    media_url: c.mediaUrl,
  };
}

export interface RequestQuery {
  ids?: number[];
  serviceCodes?: string[];
  start: Date;
  end: Date;
  statuses?: Array<'open' | 'closed'>;
}

export async function findRequests(ctx: AppContext, q: RequestQuery): Promise<Case[]> {
  const conds: SQL[] = [inArray(cases.source, ['report', 'open311'])];
  if (q.ids) {
    if (!q.ids.length) return [];
    conds.push(inArray(cases.id, q.ids));
  } else {
    conds.push(gte(cases.createdAt, q.start), lt(cases.createdAt, q.end));
    if (q.serviceCodes?.length) {
      const topics = q.serviceCodes.filter((c) => c !== OTHER);
      const byTopic = topics.length ? inArray(cases.topic, topics) : undefined;
      const other = q.serviceCodes.includes(OTHER) ? isNull(cases.topic) : undefined;
      conds.push(or(byTopic, other) as SQL);
    }
    if (q.statuses?.length === 1) conds.push(q.statuses[0] === 'open' ? inArray(cases.status, [...OPEN_STATUSES]) : inArray(cases.status, ['answered', 'closed']));
  }
  return ctx.db.select().from(cases).where(and(...conds)).orderBy(desc(cases.createdAt), desc(cases.id)).limit(MAX_REQUESTS);
}
