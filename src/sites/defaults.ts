// What a new site starts with: the unit's name and contact block, and the standard sections.
import type { Db } from '../db/client.ts';
import type { Unit } from '../org/index.ts';
import { sites, siteSections, type ItemKind } from './schema.ts';

export const DEFAULT_SECTIONS: Array<{ slug: string; name: string; kind: ItemKind; description: string }> = [
  { slug: 'tin-tuc', name: 'Tin tức – Sự kiện', kind: 'article', description: 'Tin hoạt động của đơn vị trên các lĩnh vực kinh tế – chính trị, văn hóa – xã hội, quốc phòng – an ninh.' },
  { slug: 'guong-dien-hinh', name: 'Gương điển hình', kind: 'profile', description: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: những tấm gương người tốt, việc tốt.' },
  { slug: 'van-ban', name: 'Văn bản', kind: 'document', description: 'Văn bản chỉ đạo, hướng dẫn, thông báo của đơn vị.' },
  { slug: 'lich-hoat-dong', name: 'Lịch hoạt động', kind: 'event', description: 'Sự kiện, hội nghị, sinh hoạt sắp diễn ra.' },
  { slug: 'gioi-thieu', name: 'Giới thiệu', kind: 'page', description: 'Giới thiệu đơn vị, chức năng nhiệm vụ, liên hệ.' },
];

const COLOURS: Record<Unit['kind'], string> = { district: '#b3261e', ward: '#9c2a1f', party_cell: '#8a3324', school: '#1d5fa8', mass_org: '#1e6b45' };

export async function createSites(db: Db, units: Unit[]): Promise<void> {
  if (!units.length) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(sites)
      .values(
        units.map((unit) => ({
          unitId: unit.id,
          name: unit.kind === 'district' ? `${unit.shortName ?? unit.name}` : unit.name,
          tagline: unit.kind === 'district' ? 'Trang thông tin điện tử Ban Tuyên giáo Quận ủy' : 'Trang thông tin điện tử',
          colour: COLOURS[unit.kind] ?? '#b3261e',
          contact: { address: unit.address ?? undefined, phone: unit.phone ?? undefined, email: unit.email ?? undefined },
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(siteSections)
      .values(units.flatMap((unit) => DEFAULT_SECTIONS.map((s, i) => ({ ...s, siteId: unit.id, sortOrder: i * 10, inMenu: true }))))
      .onConflictDoNothing();
  });
}
