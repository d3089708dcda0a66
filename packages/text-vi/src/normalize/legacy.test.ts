import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, fixLegacyEncoding } from './legacy.ts';

/** UTF-8 bytes shown as Windows-1252: what a mis-configured import produces. */
const mojibake = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s));

describe('legacy encodings', () => {
  it.each([
    ['Vieät Nam', 'vni', 'Việt Nam'],
    ['Ñaø Naüng laø thaønh phoá ñeïp', 'vni', 'Đà Nẵng là thành phố đẹp'],
    ['Ngöôøi daân phaûn aùnh tình traïng ngaäp nöôùc', 'vni', 'Người dân phản ánh tình trạng ngập nước'],
    ['UÛY BAN NHAÂN DAÂN', 'vni', 'ỦY BAN NHÂN DÂN'],
    ['ViÖt Nam', 'tcvn3', 'Việt Nam'],
    ['B¶o Th¾ng', 'tcvn3', 'Bảo Thắng'],
    ['Ng\u00adêi d©n ph¶n ¸nh t×nh tr¹ng ngËp n\u00adíc', 'tcvn3', 'Người dân phản ánh tình trạng ngập nước'],
    [mojibake('Người dân phản ánh tình trạng ngập nước'), 'utf8-cp1252', 'Người dân phản ánh tình trạng ngập nước'],
    [mojibake('Ủy ban nhân dân quận 10'), 'utf8-cp1252', 'Ủy ban nhân dân quận 10'],
  ] as const)('%s is %s', (input, encoding, expected) => {
    expect(detectLegacyEncoding(input)).toBe(encoding);
    expect(fixLegacyEncoding(input)).toBe(expected);
  });

  it.each([
    'Việt Nam',
    'Vì sao ?',
    'Em lên nhà nhá ?',
    'Màu này nâu ghê luôn',
    'Hú hồn'.normalize('NFD'),
    'café crème brûlée',
    'naïve où',
    'São Paulo é uma cidade',
    'Hello world',
    '',
  ])('leaves %j alone', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(fixLegacyEncoding(text)).toBe(text);
  });
});
