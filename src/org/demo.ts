// The demo organisation tree of Quận 10: wards from the GSO list (src/org/data), and the schools,
// party cells and mass organisations a district of this size has (names of real schools of Quận 10;
// party cells follow the usual "Chi bộ Khu phố N" pattern). 91 units: the district and 90 below it.
import { fold } from '@nhipcau/text-vi';
import dvhcvn from './data/dvhcvn-quan-10.json' with { type: 'json' };
import type { NewUnit, SchoolLevel, UnitKind } from './schema.ts';

export interface DemoUnit extends Omit<NewUnit, 'parentId'> {
  parent: string | null;
}

const CELLS_PER_WARD = 4;
const PRESCHOOLS = ['1', '2', '4', '6', '8', '10', '12', '14', '15'];
const PRIMARY = ['Bắc Hải', 'Điện Biên', 'Dương Minh Châu', 'Hồ Thị Kỷ', 'Lê Đình Chinh', 'Lê Thị Riêng', 'Nguyễn Chí Thanh', 'Nguyễn Tri Phương', 'Thiên Hộ Dương', 'Trần Quang Cơ', 'Trần Văn Kiểu', 'Triệu Thị Trinh', 'Trương Định', 'Võ Trường Toản'];
const LOWER_SECONDARY = ['Cách Mạng Tháng Tám', 'Colette', 'Hoàng Văn Thụ', 'Lạc Hồng', 'Nguyễn Tri Phương', 'Nguyễn Văn Tố', 'Trần Phú'];
const MASS_ORGS: Array<[string, string, string]> = [
  ['mttq-quan-10', 'Ủy ban Mặt trận Tổ quốc Việt Nam Quận 10', 'MTTQ Quận 10'],
  ['quan-doan-10', 'Quận Đoàn 10', 'Quận Đoàn'],
  ['hoi-phu-nu-quan-10', 'Hội Liên hiệp Phụ nữ Quận 10', 'Hội Phụ nữ'],
  ['hoi-cuu-chien-binh-quan-10', 'Hội Cựu chiến binh Quận 10', 'Hội CCB'],
  ['lien-doan-lao-dong-quan-10', 'Liên đoàn Lao động Quận 10', 'LĐLĐ Quận 10'],
];

/** "Nguyễn Tri Phương" → "nguyen-tri-phuong". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function demoUnits(): DemoUnit[] {
  const district = 'quan-10';
  const units: DemoUnit[] = [
    {
      slug: district,
      parent: null,
      kind: 'district',
      name: `${dvhcvn.district.name}, ${dvhcvn.province.name}`,
      shortName: dvhcvn.district.name,
      code: dvhcvn.district.code,
      address: '474 Đường 3 Tháng 2, Phường 14, Quận 10, Thành phố Hồ Chí Minh',
      description: 'Ban Tuyên giáo Quận ủy Quận 10 – đơn vị quản lý hệ thống trang thông tin điện tử và lắng nghe dư luận xã hội của quận.',
    },
  ];
  let order = 0;
  for (const ward of dvhcvn.wards) {
    const n = /\d+/.exec(ward.name)?.[0] ?? ward.code;
    const slug = `phuong-${n}`;
    units.push({ slug, parent: district, kind: 'ward', name: `${ward.name}, ${dvhcvn.district.name}`, shortName: ward.name, code: ward.code, sortOrder: ++order });
    for (let k = 1; k <= CELLS_PER_WARD; k++) {
      units.push({ slug: `${slug}-kp-${k}`, parent: slug, kind: 'party_cell', name: `Chi bộ Khu phố ${k}, ${ward.name}`, shortName: `Chi bộ KP ${k}`, sortOrder: k });
    }
  }
  const school = (level: SchoolLevel, prefix: string, label: string, names: string[], firstOrder: number) =>
    names.map<DemoUnit>((name, i) => ({ slug: `${prefix}-${slugify(name)}`, parent: district, kind: 'school' as UnitKind, schoolLevel: level, name: `Trường ${label} ${name}`, shortName: `${label} ${name}`, sortOrder: firstOrder + i }));
  units.push(...school('mam_non', 'mam-non', 'Mầm non', PRESCHOOLS, 100));
  units.push(...school('tieu_hoc', 'tieu-hoc', 'Tiểu học', PRIMARY, 120));
  units.push(...school('thcs', 'thcs', 'THCS', LOWER_SECONDARY, 140));
  MASS_ORGS.forEach(([slug, name, shortName], i) => units.push({ slug, parent: district, kind: 'mass_org', name, shortName, sortOrder: 200 + i }));
  return units;
}
