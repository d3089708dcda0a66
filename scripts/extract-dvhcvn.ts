// Rebuilds src/org/data/dvhcvn-quan-10.json from ../shared/data/dvhcvn (GSO codes, GPL-3.0 repository of public data).
// Usage: node --import tsx scripts/extract-dvhcvn.ts [district-code]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(root, '../shared/data/dvhcvn/wards.jsonl');
const districtCode = process.argv[2] ?? '771';

interface WardRow {
  ward_id: string;
  ward: string;
  ward_type: string;
  district_id: string;
  district: string;
  province_id: string;
  province: string;
}

const rows = readFileSync(source, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as WardRow)
  .filter((r) => r.district_id === districtCode);
if (!rows.length) throw new Error(`no wards for district ${districtCode}`);

const number = (name: string) => Number(/\d+/.exec(name)?.[0] ?? 0);
const out = {
  source: 'github.com/daohoangson/dvhcvn commit 4b1b6b59c5880c620722663bcb48c5c105364be5, data/dvhcvn.json (GSO list as of 01/03/2025)',
  licence: 'GPL-3.0 (repository); the underlying General Statistics Office list is public government data',
  note: 'Structure before the 1 July 2025 reform, when districts were abolished and wards merged.',
  province: { code: rows[0].province_id, name: rows[0].province },
  district: { code: rows[0].district_id, name: rows[0].district },
  wards: rows.map((r) => ({ code: r.ward_id, name: r.ward, type: r.ward_type })).sort((a, b) => number(a.name) - number(b.name)),
};
const target = path.join(root, 'src/org/data/dvhcvn-quan-10.json');
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${out.wards.length} wards of ${out.district.name} to ${path.relative(root, target)}`);
