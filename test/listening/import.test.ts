// File imports on the test database: every kind of bad line is refused with its line number and reason,
// nothing accepted is lost, CSV columns can be mapped, legacy encodings are read, and importing again
// (after an interruption, or the whole file twice) adds only what is missing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/listening/ingest/import.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-import-'));
});
afterAll(async () => ctx?.cleanup());

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const line = (o: Record<string, unknown>) => JSON.stringify(o);

async function counts(source: string) {
  const [r] = await ctx.database.query<{ posts: number; pending: number; hourly: number; issues: number; assigned: number }>(
    `SELECT (SELECT count(*)::int FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = $1) AS posts,
            (SELECT count(*)::int FROM listening_posts WHERE status = 0) AS pending,
            (SELECT coalesce(sum(n), 0)::int FROM listening_topic_hourly h JOIN listening_sources s ON s.id = h.source_id WHERE s.name = $1 AND topic = '*') AS hourly,
            (SELECT coalesce(sum(post_count), 0)::int FROM listening_issues WHERE status <> 'merged') AS issues,
            (SELECT count(*)::int FROM listening_posts WHERE issue_id IS NOT NULL) AS assigned`,
    [source],
  );
  return r;
}

describe('JSONL import', () => {
  it('refuses bad lines by number and keeps every good one', async () => {
    const file = path.join(dir, 'xau.jsonl');
    const big = 'Ngập nước đường Bà Hạt. '.repeat(45_000); // ~1 MB
    const lines: Array<string | Buffer> = [
      '\ufeff' + line({ id: 'j1', author: 'u1', created_at: at(50), text: 'Kẹt xe đường 3/2 giờ tan tầm, gọi 0903 123 456' }),
      'đây không phải JSON',
      line({ id: 'j2', author: 'u2', text: 'thiếu thời gian' }),
      line({ id: 'j3', author: 'u3', created_at: 'hôm kia', text: 'ngày lạ' }),
      line({ id: 'j4', author: 'u4', created_at: at(40) }),
      '[1, 2, 3]',
      line({ id: 'j5', author: { id: 'u5', name: 'Trần Thị B' }, created_at: '26/11/2026 08:30', text: '<script>alert(1)</script><b>Rác</b> bốc mùi ở Lý Thái Tổ' }),
      line({ id: 'j6', author: 'u6', created_at: at(30), text: big }),
      // A line saved by an old Windows tool (Windows-1258): "Phường 12 mất nước".
      Buffer.concat([Buffer.from('{"id":"j7","author":"u7","created_at":"' + at(20) + '","text":"Ph'), Buffer.from([0xfd, 0xf5, 0xcc]), Buffer.from('ng 12 m'), Buffer.from([0xe2, 0xec]), Buffer.from('t n'), Buffer.from([0xfd, 0xf5, 0xec]), Buffer.from('c"}')]),
      line({ id: 'j1', author: 'u1', created_at: at(50), text: 'trùng id trong tệp' }),
      '',
      line({ id: 'j8', author: 'u8', created_at: 1795670000, text: 'Lừa đảo giả danh công an gọi điện' }) + '\r',
    ];
    await writeFile(file, Buffer.concat(lines.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')]))));
    const s = await importFile(ctx, { file, source: 'nhap-thu', actor: 'test' });
    expect(s).toMatchObject({ read: 11, added: 5, duplicates: 1, rejected: 5, recoded: 1 });
    expect(s.errors).toEqual([
      { line: 2, reason: 'malformed JSON' },
      { line: 3, reason: 'missing created_at' },
      { line: 4, reason: 'unrecognised date "hôm kia"' },
      { line: 5, reason: 'missing text' },
      { line: 6, reason: 'not a JSON object' },
    ]);
    const rows = await ctx.database.query<{ external_id: string; text: string; author_hash: string }>(`SELECT external_id, text, author_hash FROM listening_posts ORDER BY external_id`);
    expect(rows.map((r) => r.external_id)).toEqual(['j1', 'j5', 'j6', 'j7', 'j8']);
    const text = (id: string) => rows.find((r) => r.external_id === id)?.text ?? '';
    expect(text('j1')).toBe('Kẹt xe đường 3/2 giờ tan tầm, gọi [SĐT]');
    expect(text('j5')).toContain('<script>'); // stored as written; pages escape it
    expect(text('j6').length).toBe(20_000);
    expect(text('j7').normalize('NFC')).toBe('Phường 12 mất nước');
    expect(JSON.stringify(rows)).not.toMatch(/u5|Trần Thị B/);
    const c = await counts('nhap-thu');
    expect(c).toMatchObject({ posts: 5, pending: 0, hourly: 5 });
    expect(c.issues).toBe(c.assigned);
  });
});

describe('CSV import', () => {
  it('maps columns and reads a Windows-1258 file', async () => {
    const file = path.join(dir, 'xuat.csv');
    const csv = [
      'ma,noi dung,thoi gian,nguoi',
      `c1,"Nước ngập tới gối ở Bà Hạt, xe chết máy",${at(100)},a`,
      `c2,"Bà Hạt lại ngập nước sau cơn mưa
chiều nay",${at(90)},b`,
      `c3,,${at(80)},c`,
      `c4,"Đường Bà Hạt ngập nặng",không rõ,d`,
    ].join('\n');
    await writeFile(file, csv);
    const s = await importFile(ctx, { file, source: 'csv-thu', mapping: { id: 'ma', text: 'noi dung', created_at: 'thoi gian', author: 'nguoi' }, actor: 'test' });
    expect(s).toMatchObject({ added: 2, rejected: 2 });
    expect(s.errors.map((e) => e.reason)).toEqual(['empty text', 'unrecognised date "không rõ"']);

    const legacy = path.join(dir, 'cu.csv');
    // "Phường" in Windows-1258: P h ư(0xFD) ơ(0xF5)... written with the legacy code page.
    const cp1258 = Buffer.from([...Buffer.from('id,text,created_at\nl1,"M'), 0xe2, ...Buffer.from('t n'), 0xfd, 0xf5, 0xec, 0x63, ...Buffer.from(` ph`), 0xfd, 0xf5, 0xcc, 0x6e, 0x67, ...Buffer.from(` 12",${at(10)}\n`)]);
    await writeFile(legacy, cp1258);
    const l = await importFile(ctx, { file: legacy, source: 'csv-cu', actor: 'test' });
    expect(l).toMatchObject({ added: 1, rejected: 0 });
    const [row] = await ctx.database.query<{ text: string }>(`SELECT text FROM listening_posts WHERE external_id = 'l1'`);
    expect(row.text.normalize('NFC')).toBe('Mât nước phường 12'.normalize('NFC'));
  });
});

describe('idempotency', () => {
  it('adds only what is missing when an interrupted import is run again', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => line({ id: `r${i}`, author: `a${i % 300}`, created_at: at(3000 - i), text: ['Kẹt xe đường 3/2 gần Vạn Hạnh Mall', 'Ngập nước đường Bà Hạt sau mưa', 'Rác bốc mùi ở góc Lý Thái Tổ'][i % 3] + ` lần ${i}` }));
    const part = path.join(dir, 'phan.jsonl');
    const whole = path.join(dir, 'du.jsonl');
    await writeFile(part, lines.slice(0, 1100).join('\n')); // what an interrupted run had stored (whole batches, and a part of one)
    await writeFile(whole, lines.join('\n') + '\n');
    expect(await importFile(ctx, { file: part, source: 'lai', actor: 'test' })).toMatchObject({ added: 1100 });
    expect(await importFile(ctx, { file: whole, source: 'lai', actor: 'test' })).toMatchObject({ added: 400, duplicates: 1100 });
    expect(await importFile(ctx, { file: whole, source: 'lai', actor: 'test', workers: 1 })).toMatchObject({ added: 0, duplicates: 1500 });
    const c = await counts('lai');
    expect(c).toMatchObject({ posts: 1500, hourly: 1500, pending: 0 });
    expect(c.issues).toBe(c.assigned);
  });
});
