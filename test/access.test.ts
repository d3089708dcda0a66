// Every route × every role, from a table. A new route without a row here fails the completeness check.
// An allowed call must succeed (2xx, or a redirect that is not to the login page), on real records: a
// row whose call uses its record up (a move, a merge, a deletion) makes a fresh one for every check.
// A refused call must be refused: 401 for the anonymous, 403 for the signed-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/schema.ts';
import { createSession } from '../src/auth/sessions.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits, TEST_PASSWORD } from './factories.ts';
import { buildTestApp, type TestApp } from './http.ts';
import { freshDraft, freshSubscriber, png, sitesAccessSetup } from './access-sites.ts';
import { casesAccessVars, freshCase, freshRoutingRule } from './cases-access.ts';
import { alertsAccessVars, freshAlertRule } from './listening-alerts-access.ts';
import { freshInterruptedImport, freshMerge, freshSplit, importFile, listeningAccessVars, signedComment, WEBHOOK_PAGE } from './listening-access.ts';
import { multipart } from './sites-helpers.ts';
import { startSmtp } from './smtp.ts';
import { saveMailSettings } from '../src/mail/mailer.ts';

type Principal = 'anonymous' | 'district_admin' | Exclude<Role, 'district_admin'>;
const PRINCIPALS: Principal[] = ['anonymous', 'district_admin', 'unit_admin', 'editor', 'approver', 'analyst', 'case_handler', 'member'];
const SIGNED_IN = PRINCIPALS.filter((p) => p !== 'anonymous');
const ADMINS: Principal[] = ['district_admin', 'unit_admin'];
const DESK: Principal[] = ['district_admin', 'analyst'];
const HANDLERS: Principal[] = ['district_admin', 'unit_admin', 'case_handler'];
const WRITERS: Principal[] = ['district_admin', 'editor', 'approver'];
const STAFF: Principal[] = ['district_admin', 'unit_admin', 'editor', 'approver'];

type Vars = Record<string, string>;

export interface AccessRow {
  /** The route pattern as registered, e.g. 'PATCH /api/units/:slug'. */
  route: string;
  /** A concrete URL with {placeholders}: {target}/{target2} members of phuong-12-kp-1/-2, {job} a dead job, … */
  url?: string;
  /** A JSON body ({placeholders} filled in strings), or one built from the variables (numbers). */
  body?: unknown;
  /** A multipart form: fields and files (the CSRF token is added as a field). */
  form?: (v: Vars) => Promise<{ fields?: Record<string, string>; files?: Parameters<typeof multipart>[1] }>;
  /** A body sent as it is, with its own headers (signed webhooks). */
  raw?: (v: Vars) => { payload: string; headers: Record<string, string> };
  /** Records this check uses up, made afresh for every principal. */
  fresh?: (ctx: TestContext) => Promise<Vars>;
  /** The principal is a new account of the same role (the call changes the account itself). */
  freshUser?: boolean;
  /** Where an allowed call sends the browser, when that says how it went (or is the login page, for log-out). */
  redirect?: string;
  allowed: 'public' | Principal[];
}

// Principals hold their role on phuong-12 (a ward); the district admin holds it on quan-10.
export const TABLE: AccessRow[] = [
  { route: 'GET /healthz', allowed: 'public' },
  { route: 'GET /api/openapi.json', allowed: 'public' },
  { route: 'POST /lang', body: { to: 'en', back: '/admin' }, allowed: 'public' },
  { route: 'GET /', allowed: 'public' },
  { route: 'GET /admin', allowed: SIGNED_IN },
  { route: 'POST /api/auth/login', body: { email: '{targetEmail}', password: TEST_PASSWORD }, allowed: 'public' },
  { route: 'POST /api/auth/logout', allowed: SIGNED_IN },
  { route: 'GET /api/me', allowed: SIGNED_IN },
  { route: 'POST /api/me/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'new-password-1' }, freshUser: true, allowed: SIGNED_IN },
  { route: 'GET /admin/login', allowed: 'public' },
  { route: 'POST /admin/login', body: { email: '{targetEmail}', password: TEST_PASSWORD }, allowed: 'public' },
  { route: 'POST /admin/logout', redirect: '/admin/login', allowed: SIGNED_IN },
  { route: 'GET /admin/account', allowed: SIGNED_IN },
  { route: 'POST /admin/account', body: { displayName: 'Tên mới', locale: 'vi' }, allowed: SIGNED_IN },
  { route: 'POST /admin/account/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'new-password-1', confirmPassword: 'new-password-1' }, freshUser: true, allowed: SIGNED_IN },
  { route: 'GET /api/users', allowed: ADMINS },
  { route: 'GET /api/users/:id', url: '/api/users/{target}', allowed: ADMINS },
  { route: 'GET /api/users/:id', url: '/api/users/{districtAdmin}', allowed: ['district_admin'] },
  { route: 'POST /api/users', body: { email: 'new.{n}@test.vn', displayName: 'Mới', password: 'password-123', roles: [{ unit: 'phuong-12', role: 'editor' }] }, allowed: ADMINS },
  { route: 'POST /api/users', body: { email: 'top.{n}@test.vn', displayName: 'Mới', password: 'password-123', roles: [{ unit: 'quan-10', role: 'editor' }] }, allowed: ['district_admin'] },
  { route: 'PATCH /api/users/:id', url: '/api/users/{target}', body: { displayName: 'Đổi tên' }, allowed: ADMINS },
  { route: 'POST /api/users/:id/roles', url: '/api/users/{target}/roles', body: { unit: 'phuong-12-kp-1', role: 'editor' }, allowed: ADMINS },
  { route: 'POST /api/users/:id/roles', url: '/api/users/{target2}/roles', body: { unit: 'phuong-12', role: 'district_admin' }, allowed: ['district_admin'] },
  { route: 'DELETE /api/users/:id/roles', url: '/api/users/{target}/roles', body: { unit: 'phuong-12-kp-1', role: 'editor' }, allowed: ADMINS },
  { route: 'POST /api/users/:id/password-reset', url: '/api/users/{target}/password-reset', body: { password: 'temporary-123' }, allowed: ADMINS },
  { route: 'GET /admin/users', allowed: ADMINS },
  { route: 'GET /admin/users/new', allowed: ADMINS },
  { route: 'POST /admin/users', body: { displayName: 'Mới', email: 'form.{n}@test.vn', password: 'password-123', role: 'member', unitId: '{unit:phuong-12}' }, allowed: ADMINS },
  { route: 'GET /admin/users/:id', url: '/admin/users/{target}', allowed: ADMINS },
  { route: 'POST /admin/users/:id/grants', url: '/admin/users/{target}/grants', body: { role: 'approver', unitId: '{unit:phuong-12}' }, allowed: ADMINS },
  { route: 'POST /admin/users/:id/grants/delete', url: '/admin/users/{target}/grants/delete', body: { role: 'approver', unitId: '{unit:phuong-12}' }, allowed: ADMINS },
  { route: 'POST /admin/users/:id/password', url: '/admin/users/{target}/password', body: { password: 'temporary-123' }, allowed: ADMINS },
  { route: 'POST /admin/users/:id/active', url: '/admin/users/{target}/active', body: { active: 'true' }, allowed: ADMINS },
  { route: 'GET /api/units', allowed: SIGNED_IN },
  { route: 'GET /api/units/:slug', url: '/api/units/phuong-12', allowed: SIGNED_IN },
  { route: 'POST /api/units', body: { slug: 'kp-moi-{n}', name: 'Chi bộ mới', kind: 'party_cell', parent: 'phuong-12' }, allowed: ADMINS },
  { route: 'POST /api/units', body: { slug: 'kp-moi-{n}', name: 'Chi bộ mới', kind: 'party_cell', parent: 'phuong-1' }, allowed: ['district_admin'] },
  { route: 'PATCH /api/units/:slug', url: '/api/units/phuong-12-kp-2', body: { phone: '028 3865 0000' }, allowed: ADMINS },
  { route: 'PATCH /api/units/:slug', url: '/api/units/phuong-1', body: { phone: '028 3865 0000' }, allowed: ['district_admin'] },
  { route: 'GET /admin/units', allowed: SIGNED_IN },
  { route: 'GET /admin/units/new', allowed: ADMINS },
  { route: 'POST /admin/units', body: { slug: 'kp-form-{n}', name: 'Chi bộ mới', kind: 'party_cell', parentId: '{unit:phuong-12}' }, allowed: ADMINS },
  { route: 'GET /admin/units/:slug', url: '/admin/units/phuong-1', allowed: SIGNED_IN },
  { route: 'POST /admin/units/:slug', url: '/admin/units/phuong-12-kp-3', body: { slug: 'phuong-12-kp-3', name: 'Chi bộ Khu phố 3, Phường 12', kind: 'party_cell', parentId: '{unit:phuong-12}', active: 'on' }, allowed: ADMINS },
  { route: 'POST /admin/units/:slug', url: '/admin/units/phuong-1-kp-1', body: { slug: 'phuong-1-kp-1', name: 'Chi bộ Khu phố 1, Phường 1', kind: 'party_cell', parentId: '{unit:phuong-1}', active: 'on' }, allowed: ['district_admin'] },
  { route: 'GET /api/audit', allowed: ADMINS },
  { route: 'GET /admin/audit', allowed: ADMINS },
  { route: 'GET /admin/jobs', allowed: ['district_admin'] },
  { route: 'POST /admin/jobs/:id/retry', url: '/admin/jobs/{job}/retry', allowed: ['district_admin'] },
  // Cases (office): handlers of the owner unit's subtree; assignment, statistics and routing for admins.
  { route: 'GET /admin/cases', allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'GET /admin/cases/new', allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'POST /admin/cases', body: { title: 'Vỉa hè bị lấn chiếm', description: 'Quán lấn chiếm vỉa hè', wardId: '{unit:phuong-12}' }, allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'GET /admin/cases/:id', url: '/admin/cases/{case}', allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'GET /admin/cases/:id', url: '/admin/cases/{case2}', allowed: ['district_admin'] },
  { route: 'POST /admin/cases/:id', url: '/admin/cases/{case}', body: { title: 'Đèn đường hỏng (hẻm 12)', description: 'Đèn đường hẻm 12 hỏng một tuần' }, allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'POST /admin/cases/:id', url: '/admin/cases/{case2}', body: { title: 'Rác ở chợ', description: 'Rác tồn đọng' }, allowed: ['district_admin'] },
  { route: 'POST /admin/cases/:id/assign', url: '/admin/cases/{case}/assign', body: { unitId: '{unit:phuong-12}', handlerId: '' }, allowed: ADMINS },
  { route: 'POST /admin/cases/:id/status', url: '/admin/cases/{freshCase}/status', body: { to: 'in_progress' }, fresh: (c) => freshCase(c, 'phuong-12', 'new'), allowed: HANDLERS },
  { route: 'POST /admin/cases/:id/status', url: '/admin/cases/{freshCase}/status', body: { to: 'in_progress' }, fresh: (c) => freshCase(c, 'phuong-1', 'new'), allowed: ['district_admin'] },
  { route: 'POST /admin/cases/:id/answer', url: '/admin/cases/{freshCase}/answer', body: { answer: 'Đã thu gom' }, fresh: (c) => freshCase(c, 'phuong-1', 'in_progress'), allowed: ['district_admin'] },
  { route: 'POST /admin/cases/:id/answer', url: '/admin/cases/{freshCase}/answer', body: { answer: 'Đã thông cống' }, fresh: (c) => freshCase(c, 'phuong-12', 'in_progress'), allowed: HANDLERS },
  { route: 'POST /admin/cases/:id/notes', url: '/admin/cases/{case}/notes', body: { note: 'Đã gọi điện cho tổ dân phố' }, allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'POST /admin/cases/:id/attachments', url: '/admin/cases/{case}/attachments', form: async () => ({ files: [{ name: 'file', filename: 'anh.png', bytes: await png(), type: 'image/png' }] }), allowed: HANDLERS },
  { route: 'GET /admin/cases/:id/attachments/:aid', url: '/admin/cases/{case}/attachments/{attachment}', allowed: HANDLERS },
  { route: 'GET /api/cases', allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'GET /api/cases/:id', url: '/api/cases/{case}', allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'GET /api/cases/:id', url: '/api/cases/{case2}', allowed: ['district_admin'] },
  { route: 'POST /api/cases', body: { title: 'Cây xanh đổ', description: 'Cây đổ chắn đường', wardId: '{unit:phuong-12}' }, allowed: ['district_admin', 'unit_admin', 'case_handler'] },
  { route: 'POST /api/cases/:id/status', url: '/api/cases/{freshCase}/status', body: { to: 'closed' }, fresh: (c) => freshCase(c, 'phuong-12', 'in_progress'), allowed: HANDLERS },
  { route: 'POST /api/cases/:id/answer', url: '/api/cases/{freshCase}/answer', body: { answer: 'Đã xử lý' }, fresh: (c) => freshCase(c, 'phuong-1', 'in_progress'), allowed: ['district_admin'] },
  { route: 'GET /admin/cases/stats', allowed: ADMINS },
  { route: 'GET /api/cases/stats', allowed: ADMINS },
  { route: 'GET /admin/cases/routing', allowed: ADMINS },
  { route: 'POST /admin/cases/routing', body: { topic: 'giao-thong', wardId: '{unit:phuong-12}', unitId: '{unit:phuong-12-kp-1}' }, allowed: ADMINS },
  { route: 'POST /admin/cases/routing', body: { topic: 'giao-thong', unitId: '{unit:phuong-1}' }, allowed: ['district_admin'] },
  { route: 'POST /admin/cases/routing/:id/delete', url: '/admin/cases/routing/{rule}/delete', fresh: (c) => freshRoutingRule(c, 'phuong-12'), allowed: ADMINS },
  { route: 'POST /admin/cases/routing/:id/delete', url: '/admin/cases/routing/{rule}/delete', fresh: (c) => freshRoutingRule(c, 'phuong-1'), allowed: ['district_admin'] },
  { route: 'GET /admin/settings/cases', allowed: ['district_admin'] },
  { route: 'POST /admin/settings/cases', body: { defaultDays: '10', dueSoonDays: '1', escalateEveryDays: '2', reopenDays: '7', retentionDays: '365' }, allowed: ['district_admin'] },
  { route: 'GET /admin/settings/open311', allowed: ['district_admin'] },
  { route: 'POST /admin/settings/open311', body: { name: 'Ứng dụng mới' }, allowed: ['district_admin'] },
  { route: 'POST /admin/settings/open311/:id/revoke', url: '/admin/settings/open311/{open311Key}/revoke', allowed: ['district_admin'] },
  // Cases (public): the citizen channel needs no account.
  { route: 'GET /phan-anh', allowed: 'public' },
  { route: 'POST /phan-anh', body: { description: 'Vỉa hè đường Ba Tháng Hai bị lấn chiếm, lần {n}.', confirm: '1' }, allowed: 'public' },
  { route: 'GET /:slug/phan-anh', url: '/phuong-12/phan-anh', allowed: 'public' },
  { route: 'POST /:slug/phan-anh', url: '/phuong-12/phan-anh', body: { description: 'Đèn đường hẻm 5 Thành Thái hỏng, lần {n}.', confirm: '1' }, allowed: 'public' },
  { route: 'GET /phan-anh/tra-cuu', allowed: 'public' },
  { route: 'GET /phan-anh/tra-cuu/:code', url: '/phan-anh/tra-cuu/{code}', allowed: 'public' },
  { route: 'POST /phan-anh/tra-cuu/:code/danh-gia', url: '/phan-anh/tra-cuu/{freshCode}/danh-gia', body: { rating: '5' }, fresh: (c) => freshCase(c, 'phuong-12', 'answered'), allowed: 'public' },
  { route: 'POST /phan-anh/tra-cuu/:code/mo-lai', url: '/phan-anh/tra-cuu/{freshCode}/mo-lai', body: { reason: 'Chưa sửa' }, fresh: (c) => freshCase(c, 'phuong-12', 'answered'), allowed: 'public' },
  { route: 'GET /:slug/hoi-dap', url: '/phuong-12/hoi-dap', allowed: 'public' },
  { route: 'GET /hoi-dap', allowed: 'public' },
  // Cases (Open311 GeoReport v2): public reads; POST authenticates with an api_key, not a session.
  { route: 'GET /open311/v2/discovery.:fmt', url: '/open311/v2/discovery.json', allowed: 'public' },
  { route: 'GET /open311/v2/services.:fmt', url: '/open311/v2/services.json', allowed: 'public' },
  { route: 'GET /open311/v2/services/:code.:fmt', url: '/open311/v2/services/giao-thong.xml', allowed: 'public' },
  { route: 'POST /open311/v2/requests.:fmt', url: '/open311/v2/requests.json', body: { api_key: '{apiKey}', service_code: 'khac', address_string: '1 Thành Thái', description: 'Đèn đường hỏng ở hẻm, lần {n}.' }, allowed: 'public' },
  { route: 'GET /open311/v2/requests.:fmt', url: '/open311/v2/requests.json', allowed: 'public' },
  { route: 'GET /open311/v2/requests/:id.:fmt', url: '/open311/v2/requests/{case}.json', allowed: 'public' },
  { route: 'GET /admin/settings/mail', allowed: ['district_admin'] },
  { route: 'POST /admin/settings/mail', body: { host: '127.0.0.1', port: '{smtpPort}', from: 'Quận 10 <noreply@quan10.test>' }, allowed: ['district_admin'] },
  { route: 'GET /admin/settings/backup', allowed: ['district_admin'] },
  { route: 'POST /admin/settings/backup', body: { enabled: 'on', hour: '3', keep: '5' }, redirect: '/admin/settings/backup?ok=saved', allowed: ['district_admin'] },
  { route: 'POST /admin/settings/mail/test', redirect: '/admin/settings/mail?mail=testSent', allowed: ['district_admin'] },
  // Listening desk: analysts and district admins; the desk's privacy settings: district admins; webhooks: public (signed).
  { route: 'GET /admin/listening', allowed: DESK },
  { route: 'GET /admin/listening/issues/:id', url: '/admin/listening/issues/{lsIssue}', allowed: DESK },
  { route: 'POST /admin/listening/issues/:id/rename', url: '/admin/listening/issues/{lsIssue}/rename', body: { label: 'Ngập Bà Hạt {n}' }, allowed: DESK },
  { route: 'POST /admin/listening/issues/:id/pin', url: '/admin/listening/issues/{lsIssue}/pin', body: { pinned: '1' }, allowed: DESK },
  { route: 'POST /admin/listening/issues/:id/merge', url: '/admin/listening/issues/{mergeFrom}/merge', body: { into: '{mergeInto}' }, fresh: freshMerge, allowed: DESK },
  { route: 'POST /admin/listening/issues/:id/split', url: '/admin/listening/issues/{splitIssue}/split', body: { postIds: ['{splitPost}'] }, fresh: freshSplit, allowed: DESK },
  { route: 'POST /admin/listening/posts/:id/label', url: '/admin/listening/posts/{lsPost}/label', body: { sentiment: 'negative', topic: 'ngap-nuoc' }, allowed: DESK },
  { route: 'GET /admin/listening/topics', allowed: DESK },
  { route: 'GET /admin/listening/sources', allowed: DESK },
  { route: 'GET /admin/listening/sources/new', allowed: DESK },
  { route: 'POST /admin/listening/sources', body: { kind: 'rss', name: 'bao-{n}', label: 'Báo {n}', intervalSeconds: '900', 's.url': 'http://127.0.0.1:9/rss.xml', enabled: 'on' }, allowed: DESK },
  { route: 'GET /admin/listening/sources/:id', url: '/admin/listening/sources/{lsSource}', allowed: DESK },
  { route: 'POST /admin/listening/sources/:id', url: '/admin/listening/sources/{lsSource}', body: { label: 'Báo thử {n}', intervalSeconds: '900', 's.url': 'http://127.0.0.1:9/rss.xml' }, allowed: DESK },
  { route: 'POST /admin/listening/sources/:id/poll', url: '/admin/listening/sources/{lsSource}/poll', allowed: DESK },
  { route: 'GET /admin/listening/import', allowed: DESK },
  { route: 'POST /admin/listening/import', form: async () => ({ fields: { source: 'tai-len' }, files: [{ name: 'file', filename: 'bai.jsonl', bytes: importFile(++n), type: 'application/x-ndjson' }] }), allowed: DESK },
  { route: 'GET /admin/listening/imports/:id', url: '/admin/listening/imports/{lsImport}', allowed: DESK },
  { route: 'POST /admin/listening/imports/:id/resume', url: '/admin/listening/imports/{resumable}/resume', fresh: freshInterruptedImport, allowed: DESK },
  { route: 'GET /admin/listening/labels', allowed: DESK },
  { route: 'POST /admin/listening/labels/retrain', allowed: DESK },
  { route: 'GET /admin/listening/settings', allowed: ['district_admin'] },
  { route: 'POST /admin/listening/settings', body: { retentionDays: '90', minVoices: '3' }, allowed: ['district_admin'] },
  { route: 'GET /api/issues', allowed: DESK },
  { route: 'GET /api/issues/:id', url: '/api/issues/{lsIssue}', allowed: DESK },
  { route: 'PATCH /api/issues/:id', url: '/api/issues/{lsIssue}', body: { pinned: true }, allowed: DESK },
  { route: 'POST /api/issues/:id/merge', url: '/api/issues/{mergeFrom}/merge', body: (v: Vars) => ({ into: Number(v.mergeInto) }), fresh: freshMerge, allowed: DESK },
  { route: 'POST /api/issues/:id/split', url: '/api/issues/{splitIssue}/split', body: (v: Vars) => ({ postIds: [Number(v.splitPost)] }), fresh: freshSplit, allowed: DESK },
  { route: 'GET /api/listening/topics-wards', allowed: DESK },
  { route: 'POST /api/listening/posts/:id/labels', url: '/api/listening/posts/{lsPost}/labels', body: { kind: 'topic', value: 'giao-thong' }, allowed: DESK },
  { route: 'GET /api/listening/sources', allowed: DESK },
  { route: 'GET /webhooks/listening/:source', url: `/webhooks/listening/access-fb?hub.mode=subscribe&hub.verify_token=${WEBHOOK_PAGE.verifyToken}&hub.challenge=c-{n}`, allowed: 'public' },
  { route: 'POST /webhooks/listening/:source', url: '/webhooks/listening/access-fb', raw: () => signedComment(++n), allowed: 'public' },
  // Listening alerts and the weekly brief: analysts (and district admins); notifications: everyone signed in.
  { route: 'GET /admin/listening/alerts', allowed: ['district_admin', 'analyst'] },
  { route: 'POST /admin/listening/alerts', body: { name: 'Ngập {n}', kind: 'query', query: 'ngập nước', minPosts: '5', windowHours: '24', maxPerHour: '5', inApp: 'on', enabled: 'on' }, allowed: ['district_admin', 'analyst'] },
  { route: 'GET /admin/listening/alerts/:id', url: '/admin/listening/alerts/{alertRule}', allowed: ['district_admin', 'analyst'] },
  { route: 'POST /admin/listening/alerts/:id', url: '/admin/listening/alerts/{alertRule}', body: { name: 'Đột biến {n}', kind: 'spike', spikeKind: 'any', minScore: '4', windowHours: '24', maxPerHour: '5', inApp: 'on', enabled: 'on' }, allowed: ['district_admin', 'analyst'] },
  { route: 'POST /admin/listening/alerts/:id/delete', url: '/admin/listening/alerts/{alertRule2}/delete', fresh: freshAlertRule, allowed: ['district_admin', 'analyst'] },
  { route: 'GET /admin/listening/brief', allowed: ['district_admin', 'analyst'] },
  { route: 'GET /admin/listening/brief.pdf', url: '/admin/listening/brief.pdf?from=2026-11-09&to=2026-11-15', allowed: ['district_admin', 'analyst'] },
  { route: 'GET /admin/listening/brief.docx', url: '/admin/listening/brief.docx?from=2026-11-09&to=2026-11-15', allowed: ['district_admin', 'analyst'] },
  { route: 'GET /admin/notifications', allowed: SIGNED_IN },
  { route: 'POST /admin/notifications/read', allowed: SIGNED_IN },
  { route: 'GET /api/notifications', allowed: SIGNED_IN },
  // Publishing (sites): staff of phuong-12; public pages and feeds.
  { route: 'GET /static/vendor/trix.js', allowed: 'public' },
  { route: 'GET /static/vendor/trix.css', allowed: 'public' },
  { route: 'GET /admin/sites', allowed: ['district_admin', 'unit_admin', 'editor', 'approver'] },
  { route: 'GET /admin/sites/:slug', url: '/admin/sites/phuong-12', allowed: ['district_admin', 'unit_admin', 'editor', 'approver'] },
  { route: 'GET /admin/sites/:slug', url: '/admin/sites/phuong-1', allowed: ['district_admin'] },
  { route: 'GET /admin/sites/:slug/items/new', url: '/admin/sites/phuong-12/items/new?kind=profile', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /admin/sites/:slug/items', url: '/admin/sites/phuong-12/items', body: { kind: 'article', sectionId: '{section}', title: 'Bài kiểm tra {n}' }, allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /admin/sites/:slug/items', url: '/admin/sites/phuong-1/items', body: { kind: 'article', sectionId: '{section1}', title: 'Bài kiểm tra {n}' }, allowed: ['district_admin'] },
  { route: 'POST /admin/sites/:slug/media', url: '/admin/sites/phuong-12/media', form: async () => ({ files: [{ name: 'file', filename: 'anh.png', bytes: await png(), type: 'image/png' }] }), allowed: WRITERS },
  { route: 'GET /admin/items/:id', url: '/admin/items/{item}', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'GET /admin/items/:id', url: '/admin/items/{item1}', allowed: ['district_admin'] },
  { route: 'POST /admin/items/:id', url: '/admin/items/{item2}', body: { kind: 'article', sectionId: '{section}', title: 'Tin thứ hai đã sửa {n}' }, allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /admin/items/:id/transition', url: '/admin/items/{draft}/transition', body: { action: 'submit' }, fresh: freshDraft, allowed: WRITERS },
  { route: 'POST /admin/items/:id/transition', url: '/admin/items/{item1}/transition', body: { action: 'submit' }, allowed: ['district_admin'] },
  { route: 'POST /admin/items/:id/comments', url: '/admin/items/{item}/comments', body: { comment: 'Đề nghị bổ sung số liệu.' }, allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /admin/items/:id/posts/:postId/retry', url: '/admin/items/{item}/posts/{post}/retry', allowed: ['district_admin', 'approver'] },
  { route: 'GET /admin/items/:id/revisions/:version', url: '/admin/items/{item}/revisions/1', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /admin/items/:id/revisions/:version/restore', url: '/admin/items/{item2}/revisions/1/restore', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'GET /admin/sites/:slug/settings', url: '/admin/sites/phuong-12/settings', allowed: ADMINS },
  { route: 'POST /admin/sites/:slug/settings', url: '/admin/sites/phuong-12/settings', body: { name: 'Phường 12, Quận 10', colour: '#9c2a1f', active: 'on' }, allowed: ADMINS },
  { route: 'POST /admin/sites/:slug/settings', url: '/admin/sites/phuong-1/settings', body: { name: 'Phường 1, Quận 10', colour: '#9c2a1f', active: 'on' }, allowed: ['district_admin'] },
  { route: 'POST /admin/sites/:slug/sections', url: '/admin/sites/phuong-12/sections', body: { name: 'Chuyên mục {n}', slug: 'chuyen-muc-{n}', kind: 'article', sortOrder: '100' }, allowed: ADMINS },
  { route: 'POST /admin/sites/:slug/sections/:id', url: '/admin/sites/phuong-12/sections/{section}', body: { name: 'Tin tức – Sự kiện', slug: 'tin-tuc', kind: 'article', sortOrder: '0', inMenu: 'on' }, allowed: ADMINS },
  { route: 'GET /admin/sites/:slug/channels', url: '/admin/sites/phuong-12/channels', allowed: ADMINS },
  { route: 'POST /admin/sites/:slug/channels/:channel', url: '/admin/sites/phuong-12/channels/facebook', body: { externalId: '1020304050', name: 'Phường 12', cred_accessToken: 'token-{n}', enabled: 'on' }, allowed: ADMINS },
  { route: 'POST /admin/sites/:slug/channels/:channel/disconnect', url: '/admin/sites/phuong-12/channels/youtube/disconnect', allowed: ADMINS },
  { route: 'GET /nhan-tin', allowed: 'public' },
  { route: 'POST /nhan-tin', body: { email: 'ban.doc.{n}@test.vn', audience: 'nhan_dan' }, allowed: 'public' },
  { route: 'GET /nhan-tin/xac-nhan', url: '/nhan-tin/xac-nhan?token={subscriberToken}', fresh: freshSubscriber, allowed: 'public' },
  { route: 'GET /nhan-tin/huy', url: '/nhan-tin/huy?token={subscriberToken}', fresh: freshSubscriber, allowed: 'public' },
  { route: 'GET /don-vi', allowed: 'public' },
  { route: 'GET /tim-kiem', url: '/tim-kiem?q=ngap+nuoc', allowed: 'public' },
  { route: 'GET /rss.xml', allowed: 'public' },
  { route: 'GET /atom.xml', allowed: 'public' },
  { route: 'GET /:a/rss.xml', url: '/phuong-12/rss.xml', allowed: 'public' },
  { route: 'GET /:a/atom.xml', url: '/phuong-12/atom.xml', allowed: 'public' },
  { route: 'GET /:a/:b/rss.xml', url: '/phuong-12/tin-tuc/rss.xml', allowed: 'public' },
  { route: 'GET /:a/:b/atom.xml', url: '/phuong-12/tin-tuc/atom.xml', allowed: 'public' },
  { route: 'GET /:a/tim-kiem', url: '/phuong-12/tim-kiem?q=phuong', allowed: 'public' },
  { route: 'GET /sitemap.xml', allowed: 'public' },
  { route: 'GET /:a/sitemap.xml', url: '/phuong-12/sitemap.xml', allowed: 'public' },
  { route: 'GET /robots.txt', allowed: 'public' },
  { route: 'GET /:a', url: '/phuong-12', allowed: 'public' },
  { route: 'GET /:a/:b', url: '/phuong-12/tin-tuc', allowed: 'public' },
  { route: 'GET /:a/:b/:c', url: '{publishedPath}', allowed: 'public' },
  { route: 'GET /media/*', url: '{mediaPath}', allowed: 'public' },
  { route: 'GET /admin/items/:id/preview', url: '/admin/items/{item1}/preview', allowed: ['district_admin'] },
  { route: 'GET /admin/items/:id/preview', url: '/admin/items/{item}/preview', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'GET /api/sites', allowed: ['district_admin', 'unit_admin', 'editor', 'approver'] },
  { route: 'GET /api/sites/:slug/items', url: '/api/sites/phuong-12/items?status=draft', allowed: ['district_admin', 'unit_admin', 'editor', 'approver'] },
  { route: 'GET /api/sites/:slug/items', url: '/api/sites/phuong-1/items', allowed: ['district_admin'] },
  { route: 'POST /api/sites/:slug/items', url: '/api/sites/phuong-12/items', body: (v: Vars) => ({ kind: 'article', sectionId: Number(v.section), title: `Bài qua API ${++n}` }), allowed: WRITERS },
  { route: 'GET /api/items/:id', url: '/api/items/{item}', allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'GET /api/items/:id', url: '/api/items/{item1}', allowed: ['district_admin'] },
  { route: 'PATCH /api/items/:id', url: '/api/items/{item2}', body: { sapo: 'Sửa qua API {n}' }, allowed: ['district_admin', 'editor', 'approver'] },
  { route: 'POST /api/items/:id/transition', url: '/api/items/{draft}/transition', body: { action: 'publish' }, fresh: freshDraft, allowed: ['district_admin', 'approver'] },
  { route: 'GET /api/items/:id/posts', url: '/api/items/{item}/posts', allowed: ['district_admin', 'editor', 'approver'] },
];

/** Routes that are not reachable by the people this test plays. */
const EXEMPT = new Set(['GET /static/*', 'HEAD /static/*']);

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
const sessions = new Map<Principal, (fresh?: boolean) => Promise<{ cookie: string; csrf: string }>>();
const vars: Vars = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const units = await seedUnits(ctx);
  for (const principal of SIGNED_IN) {
    const make = () => buildUser(ctx, { role: principal as Role, unit: principal === 'district_admin' ? 'quan-10' : 'phuong-12' });
    const user = await make();
    if (principal === 'district_admin') vars.districtAdmin = String(user.id);
    // A fresh session per request: some requests (logout, password change) end the session they use.
    sessions.set(principal, async (fresh) => {
      const s = await createSession(ctx.db, fresh ? (await make()).id : user.id);
      return { cookie: `nc_session=${s.token}`, csrf: s.csrfToken };
    });
  }
  const target = await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-1' });
  vars.target = String(target.id);
  vars.targetEmail = target.email;
  vars.target2 = String((await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-2' })).id);
  for (const [slug, unit] of units) vars[`unit:${slug}`] = String(unit.id);
  const [job] = await ctx.database.query<{ id: number }>(`INSERT INTO jobs (name, status) VALUES ('test.dead', 'dead') RETURNING id`);
  vars.job = String(job.id);
  // Mail goes to a local server, so that the routes that send some (test message, digest sign-up) succeed.
  smtp = await startSmtp();
  vars.smtpPort = String(smtp.port);
  await saveMailSettings(ctx, 'system', { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Quận 10 <noreply@quan10.test>' });
  Object.assign(vars, await casesAccessVars(ctx));
  Object.assign(vars, await alertsAccessVars(ctx));
  Object.assign(vars, await listeningAccessVars(ctx));
  t = await buildTestApp(ctx);
  await sitesAccessSetup(ctx, vars);
});
afterAll(async () => {
  // Uploaded imports run in the background: let them finish before the database goes.
  for (let i = 0; i < 100 && ctx; i++) {
    const running = await ctx.database.query(`SELECT 1 FROM listening_imports WHERE status NOT IN ('done', 'failed')`);
    if (!running.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await t?.app.close();
  await smtp?.close();
  await ctx?.cleanup();
});

let n = 0;
const fill = (text: string, v: Vars) => text.replace(/\{([\w:-]+)\}/g, (_, key: string) => (key === 'n' ? String(++n) : (v[key] ?? `{${key}}`)));
/** A success: 2xx, or a redirect within the site to the row's page, or else anywhere but the login page or the forced password change. */
const successful = (row: AccessRow, status: number, location: unknown) =>
  (status >= 200 && status < 300) || ([302, 303].includes(status) && typeof location === 'string' && (row.redirect ? location === row.redirect : location.startsWith('/') && !/^\/admin\/(login|account\?must)/.test(location)));

describe('access rules', () => {
  it('every registered route has a row in the table', () => {
    const covered = new Set(TABLE.map((r) => r.route));
    const missing = t.routes.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r) && !EXEMPT.has(r));
    expect(missing).toEqual([]);
  });

  it('the table names only registered routes, each with an allowed and a refused principal or public', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    expect(TABLE.map((r) => r.route).filter((r) => !registered.has(r))).toEqual([]);
    expect(TABLE.filter((r) => r.allowed !== 'public' && (r.allowed.length === 0 || r.allowed.includes('anonymous'))).map((r) => r.route)).toEqual([]);
  });

  for (const row of TABLE) {
    for (const principal of PRINCIPALS) {
      const allowed = row.allowed === 'public' || row.allowed.includes(principal);
      it(`${row.route}${row.url ? ` (${row.url})` : ''} as ${principal}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const v: Vars = { ...vars, ...(row.fresh ? await row.fresh(ctx) : {}) };
        const [method, pattern] = row.route.split(' ');
        const url = fill(row.url ?? pattern, v);
        const headers: Record<string, string> = { accept: 'application/json' };
        let csrf = '';
        if (principal !== 'anonymous') {
          const s = await (sessions.get(principal) as (fresh?: boolean) => Promise<{ cookie: string; csrf: string }>)(row.freshUser);
          headers.cookie = s.cookie;
          headers['x-csrf-token'] = csrf = s.csrf;
        }
        let payload: unknown;
        if (row.form) {
          const { fields = {}, files = [] } = await row.form(v);
          const m = multipart({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }, files);
          payload = m.body;
          Object.assign(headers, m.headers);
        } else if (row.raw) {
          const r = row.raw(v);
          payload = r.payload;
          Object.assign(headers, r.headers);
        } else if (typeof row.body === 'function') payload = row.body(v);
        else if (row.body !== undefined) payload = JSON.parse(fill(JSON.stringify(row.body), v));
        const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
        const said = `${res.statusCode}${res.headers.location ? ` → ${res.headers.location}` : ''} ${res.body.slice(0, 300)}`;
        if (allowed) expect(successful(row, res.statusCode, res.headers.location), said).toBe(true);
        else expect(res.statusCode, said).toBe(principal === 'anonymous' ? 401 : 403);
      });
    }
  }
});
