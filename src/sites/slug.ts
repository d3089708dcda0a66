// Slugs for public URLs: Vietnamese folded to ASCII ("Ngập nước" → "ngap-nuoc"), bounded, never empty.
export function slugify(text: string, max = 80): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = s.slice(0, max).replace(/-+$/g, '');
  return cut || 'bai-viet';
}

/** Path segments a site uses for itself; a section may not take them. */
export const RESERVED_SECTION_SLUGS = new Set(['tim-kiem', 'phan-anh', 'hoi-dap', 'nhan-tin', 'sitemap', 'rss', 'atom', 'media', 'static', 'admin', 'api']);

/** Adds -2, -3 … until `taken` says no. */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base.slice(0, 74)}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${base.slice(0, 60)}-${Date.now().toString(36)}`;
}
