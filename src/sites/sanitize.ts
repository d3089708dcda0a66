// Rich text from editors is stored only after this: a short list of tags and attributes, safe link schemes,
// images from our media folder or https only, no scripts, styles, event handlers or embedded documents.
import { createRequire } from 'node:module';
import type sanitizeHtmlType from 'sanitize-html';

// Loaded on first use: an idle server that only serves cached pages never needs it (about 11 MB).
let loaded: typeof sanitizeHtmlType | undefined;
const sanitizeHtml = ((html: string, options?: sanitizeHtmlType.IOptions) => {
  loaded ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtmlType;
  return loaded(html, options);
}) as typeof sanitizeHtmlType;

const MAX_HTML = 500_000;

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'pre', 'code', 'hr', 'div'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    // The page title is the only h1.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
    },
    img: (tagName, attribs) => {
      const out: Record<string, string> = { src: attribs.src ?? '', alt: attribs.alt ?? '', loading: 'lazy' };
      // Oversized dimensions are dropped; CSS keeps images within the column.
      for (const k of ['width', 'height'] as const) {
        const n = Number(attribs[k]);
        if (Number.isInteger(n) && n > 0 && n <= 4000) out[k] = String(n);
      }
      return { tagName, attribs: out };
    },
  },
  allowedAttributesByTag: undefined,
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImage(frame.attribs.src ?? ''),
} as sanitizeHtmlType.IOptions;
(OPTIONS.allowedAttributes as Record<string, string[]>).a.push('rel');
(OPTIONS.allowedAttributes as Record<string, string[]>).img.push('loading');

/** Relative images must come from our media folder; absolute ones over https. */
function isAllowedImage(src: string): boolean {
  return /^\/media\/[\w./-]+$/.test(src) && !src.includes('..') ? true : /^https:\/\/[^\s"'<>]+$/i.test(src);
}

export function sanitizeRichText(html: string): string {
  const input = html.normalize('NFC').slice(0, MAX_HTML);
  return sanitizeHtml(input, OPTIONS)
    .replace(/<p>(?:\s|&nbsp;|<br \/>)*<\/p>/g, '')
    .trim();
}

/** Plain text of stored (already sanitised) HTML, for descriptions, feeds and e-mail. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h\d|li|blockquote|figcaption|tr)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain, single-line text typed by an editor (titles, names): NFC, no control characters, bounded. */
export function cleanLine(text: string, max: number): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
