/**
 * Rich text written by units (publication bodies, interpretations, drafts, feedback reports): kept
 * as sanitised HTML — a fixed set of structural tags, links to http(s)/mailto only, no scripts,
 * styles, event handlers or frames — plus its plain text for search and snippets.
 * Comments from the public are never HTML: use `plainText` and escape on output.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'ol', 'ul', 'li',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img', 'hr', 'span', 'div'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel'] };

export interface RichText {
  html: string;
  text: string;
}

/** Sanitised HTML and its plain text. Plain text without tags is turned into paragraphs. */
export function sanitizeRichText(input: string): RichText {
  const source = /<[a-z!/]/i.test(input) ? input : input.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p>${escapeText(l)}</p>`).join('');
  const html = sanitizeHtml(source, OPTIONS);
  return { html, text: plainText(html) };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of an HTML fragment, block elements on their own lines. */
export function plainText(html: string): string {
  const withBreaks = html.replace(/<(br|\/p|\/h[2-4]|\/li|\/tr|\/div|\/blockquote|hr)[^>]*>/gi, '\n').replace(/<\/t[dh]>/gi, ' ');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}
