import { describe, expect, it } from 'vitest';
import { cleanLine, htmlToText, sanitizeRichText } from './sanitize.ts';
import { slugify } from './slug.ts';

describe('sanitizeRichText', () => {
  const cases: Array<[string, string, string]> = [
    ['script tags go with their content', '<p>Chào<script>alert(1)</script> bà con</p>', '<p>Chào bà con</p>'],
    ['event handlers are dropped', '<p onclick="x()">Họp tổ dân phố</p>', '<p>Họp tổ dân phố</p>'],
    ['javascript: links lose their href', '<a href="javascript:alert(1)">bấm</a>', '<a>bấm</a>'],
    ['JaVaScRiPt with entities too', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['external links get rel', '<a href="https://hcmcpv.org.vn">Báo</a>', '<a href="https://hcmcpv.org.vn" rel="noopener noreferrer nofollow">Báo</a>'],
    ['h1 becomes h2', '<h1>Tiêu đề</h1>', '<h2>Tiêu đề</h2>'],
    ['inline SVG is removed whole', '<p>a</p><svg><script>alert(1)</script></svg>', '<p>a</p>'],
    ['data: images are removed', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', ''],
    ['http images are removed', '<img src="http://evil.test/a.png">', ''],
    ['media images stay, oversized sizes go', '<img src="/media/2026/1-a-640.webp" alt="Ảnh" width="99999" height="300" onerror="x()">', '<img src="/media/2026/1-a-640.webp" alt="Ảnh" loading="lazy" height="300" />'],
    ['iframes and styles go', '<iframe src="https://x"></iframe><style>body{}</style><p style="color:red">Đỏ</p>', '<p>Đỏ</p>'],
    ['unclosed tags are closed', '<p><strong>Đậm', '<p><strong>Đậm</strong></p>'],
    ['decomposed Vietnamese is composed (NFC)', '<p>Ngập nước</p>'.normalize('NFD'), '<p>Ngập nước</p>'],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(sanitizeRichText(input)).toBe(expected));

  it('cannot close the page’s own markup', () => {
    expect(sanitizeRichText('</article></main><p>x</p>')).toBe('<p>x</p>');
  });
});

describe('text helpers', () => {
  it('htmlToText keeps words apart and decodes entities', () => expect(htmlToText('<p>Một&nbsp;hai</p><p>ba &amp; bốn</p>')).toBe('Một hai ba & bốn'));
  it('cleanLine drops control and bidi characters', () => expect(cleanLine('Tiêu\u202e đề\n mới\u0000', 100)).toBe('Tiêu đề mới'));
  it('slugify folds Vietnamese', () => {
    expect(slugify('Ngập nước đường Thành Thái – Phường 12!')).toBe('ngap-nuoc-duong-thanh-thai-phuong-12');
    expect(slugify('???')).toBe('bai-viet');
    expect(slugify('a'.repeat(200)).length).toBeLessThanOrEqual(80);
  });
});
