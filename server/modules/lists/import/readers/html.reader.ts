/**
 * Reader for HTML: notices copied from government sites (saved pages, Word "save as web page",
 * the editor's HTML) and the HTML mammoth makes of a .docx.
 *
 * A small tolerant parser, not a browser: tags, text and entities; unclosed <p>, <td>, <tr> and
 * <li> are closed where a browser would close them; <script>, <style>, <head>, comments and hidden
 * elements are dropped; Word's conditional markers (<![if !supportLists]>) are removed but what
 * they enclose is kept.
 *
 * Blocks: running text becomes paragraphs (one per <p>, <div>, <br> …). A table that holds another
 * table is page layout: its cells are read as running text. Any other table is data: one row block
 * per <tr>, with each cell's grid column and colspan, and cells spanned down by rowspan copied into
 * the rows below (marked `filled`). Paragraphs inside a cell are kept apart by a line break.
 */
import { collapseWhitespace } from '../text-normalise.ts';
import type { ReadDocument, SourceBlock, SourceRow } from './reader.types.ts';

interface Element {
  tag: string;
  attrs: string;
  children: Node[];
  parent: Element | null;
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr', 'area', 'base', 'source', 'param', 'embed']);
const DROP = new Set(['script', 'style', 'head', 'noscript', 'template', 'xml', 'svg', 'math', 'object', 'iframe', 'select', 'button', 'textarea', 'title']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'blockquote', 'center', 'pre', 'address', 'form', 'fieldset', 'figure', 'figcaption',
  'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'hr', 'br', 'body', 'html',
]);
/** Elements a <p> cannot contain: their start closes an open <p>. */
const CLOSES_P = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'pre', 'hr', 'center', 'form', 'address']);

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', copy: '©', reg: '®', deg: '°',
  bull: '•', laquo: '«', raquo: '»', yen: '¥', shy: '', zwj: '', zwnj: '', lrm: '', rlm: '',
};

/** Decode character references (&nbsp; &#12345; &#x4E00;). Unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function spanAttr(attrs: string, name: string): number {
  const v = Number.parseInt(attr(attrs, name) ?? '1', 10);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, 50) : 1;
}

function isHidden(el: Element): boolean {
  if (/(?:^|\s)hidden(?:\s|=|$)/i.test(el.attrs)) return true;
  const style = attr(el.attrs, 'style');
  if (style !== null && /display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden/i.test(style)) return true;
  // mammoth's footnotes and endnotes (annotations, not content)
  const id = attr(el.attrs, 'id');
  return id !== null && /^(?:footnote|endnote|comment)-\d+$/.test(id);
}

/** Parse HTML into a tree. Never throws. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: '', children: [], parent: null };
  let cur = root;
  const src = html
    .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '') // downlevel-hidden: IE/Word only
    .replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '') // downlevel-revealed markers: keep the content
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*>/g, '');
  const TOKEN = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  const popTo = (pred: (e: Element) => boolean, stopAt: (e: Element) => boolean = () => false): boolean => {
    for (let e: Element | null = cur; e !== null && e !== root; e = e.parent) {
      if (stopAt(e)) return false;
      if (pred(e)) {
        cur = e.parent ?? root;
        return true;
      }
    }
    return false;
  };
  let skipUntil: string | null = null;
  for (let m = TOKEN.exec(src); m !== null; m = TOKEN.exec(src)) {
    const [, close, rawTag, attrs, text] = m;
    if (text !== undefined || rawTag === undefined) {
      if (skipUntil === null) cur.children.push(text ?? '<');
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (skipUntil !== null) {
      if (close && tag === skipUntil) skipUntil = null;
      continue;
    }
    if (close) {
      if (tag === 'p' || tag === 'li' || tag === 'td' || tag === 'th' || tag === 'tr') {
        popTo((e) => e.tag === tag, (e) => e.tag === 'table');
      } else {
        popTo((e) => e.tag === tag);
      }
      continue;
    }
    if (DROP.has(tag)) {
      if (!/\/\s*$/.test(attrs ?? '')) skipUntil = tag;
      continue;
    }
    if (CLOSES_P.has(tag)) popTo((e) => e.tag === 'p', (e) => e.tag === 'td' || e.tag === 'th' || e.tag === 'table');
    if (tag === 'td' || tag === 'th') popTo((e) => e.tag === 'td' || e.tag === 'th', (e) => e.tag === 'table' || e.tag === 'tr');
    if (tag === 'tr') popTo((e) => e.tag === 'tr', (e) => e.tag === 'table');
    if (tag === 'li') popTo((e) => e.tag === 'li', (e) => e.tag === 'ul' || e.tag === 'ol' || e.tag === 'td' || e.tag === 'th');
    const el: Element = { tag, attrs: attrs ?? '', children: [], parent: cur };
    cur.children.push(el);
    if (!VOID.has(tag) && !/\/\s*$/.test(attrs ?? '')) cur = el;
  }
  return root;
}

function hasTable(el: Element): boolean {
  return el.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || hasTable(c)));
}

/** A footnote reference: <sup><a href="#footnote-1">[1]</a></sup>, or a bare [1] / ① in <sup>. */
function isNoteReference(el: Element): boolean {
  if (el.tag !== 'sup') return false;
  const text = collapseWhitespace(inlineText(el));
  return /^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}|[①-⑳])$/.test(text) || /href\s*=\s*["']?#(?:footnote|endnote)/i.test(JSON.stringify(el.children.filter((c) => typeof c !== 'string').map((c) => (c as Element).attrs)));
}

function inlineText(el: Element): string {
  return el.children.map((c) => (typeof c === 'string' ? decodeEntities(c) : inlineText(c))).join('');
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** A paragraph that already starts with its own number. */
const HAS_NUMBER = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、]|[①-⑳])/;

/** Collects text into lines (paragraphs) with line breaks where blocks start and end. */
class TextSink {
  lines: string[] = [];
  private cur = '';
  text(s: string): void {
    this.cur += s;
  }
  breakLine(): void {
    const t = collapseWhitespace(this.cur);
    if (t !== '') this.lines.push(t);
    this.cur = '';
  }
}

export function readHtml(html: string): ReadDocument {
  const root = parseHtml(html);
  const blocks: SourceBlock[] = [];
  const flushParagraphs = (sink: TextSink): void => {
    sink.breakLine();
    for (const t of sink.lines) blocks.push({ kind: 'paragraph', text: t, line: 0 });
    sink.lines = [];
  };

  /** Running text (outside data tables); `listDepth` numbers auto-numbered Word lists. */
  const walkFlow = (el: Element, sink: TextSink, listDepth: number): void => {
    let index = 0;
    for (const child of el.children) {
      if (typeof child === 'string') {
        sink.text(decodeEntities(child));
        continue;
      }
      if (isHidden(child) || isNoteReference(child)) continue;
      if (child.tag === 'table' && !hasTable(child)) {
        flushParagraphs(sink);
        readDataTable(child);
        continue;
      }
      const block = BLOCK.has(child.tag);
      if (block) sink.breakLine();
      if (child.tag === 'br') continue;
      if (child.tag === 'li' && el.tag === 'ol') {
        // mammoth turns Word's automatic numbering into <ol>: give the number back, in the form
        // Chinese official documents use at each level (一、 （一） 1. （1）).
        const n = index++;
        const text = collapseWhitespace(inlineText(child));
        if (text !== '' && !HAS_NUMBER.test(text)) {
          const label = listDepth === 0 ? `${CN_NUMERALS[n] ?? n + 1}、` : listDepth === 1 ? `（${CN_NUMERALS[n] ?? n + 1}）` : listDepth === 2 ? `${n + 1}.` : `（${n + 1}）`;
          sink.text(label);
        }
      }
      walkFlow(child, sink, child.tag === 'ol' || child.tag === 'ul' ? listDepth + 1 : listDepth);
      if (block) sink.breakLine();
    }
  };

  /** Text of a data cell: its paragraphs joined by line breaks; nested lists are not renumbered. */
  const cellText = (el: Element): string => {
    const sink = new TextSink();
    const walk = (e: Element): void => {
      for (const child of e.children) {
        if (typeof child === 'string') {
          sink.text(decodeEntities(child));
          continue;
        }
        if (isHidden(child) || isNoteReference(child)) continue;
        const block = BLOCK.has(child.tag);
        if (block) sink.breakLine();
        walk(child);
        if (block) sink.breakLine();
      }
    };
    walk(el);
    sink.breakLine();
    return sink.lines.join('\n');
  };

  const rowsOf = (table: Element): Element[] => {
    const rows: Element[] = [];
    const walk = (e: Element): void => {
      for (const c of e.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag !== 'table') walk(c);
      }
    };
    walk(table);
    return rows;
  };

  const readDataTable = (table: Element): void => {
    /** Cells spanned down from rows above: grid column → what is left of the span. */
    const down = new Map<number, { text: string; rows: number; span: number }>();
    for (const tr of rowsOf(table)) {
      if (isHidden(tr)) continue;
      const row: SourceRow = { kind: 'row', cells: [], line: 0, cellLines: [], columns: [], spans: [], filled: [] };
      let col = 0;
      const takeDown = (): void => {
        for (let d = down.get(col); d !== undefined; d = down.get(col)) {
          if (d.text !== '') {
            row.cells.push(d.text);
            row.cellLines.push(0);
            row.columns!.push(col);
            row.spans!.push(d.span);
            row.filled!.push(true);
          }
          if (--d.rows <= 0) down.delete(col);
          col += d.span;
        }
      };
      for (const td of tr.children) {
        if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
        takeDown();
        const span = spanAttr(td.attrs, 'colspan');
        const rows = spanAttr(td.attrs, 'rowspan');
        const text = isHidden(td) ? '' : cellText(td).trim();
        if (rows > 1) down.set(col, { text, rows: rows - 1, span });
        if (text !== '') {
          row.cells.push(text);
          row.cellLines.push(0);
          row.columns!.push(col);
          row.spans!.push(span);
          row.filled!.push(false);
        }
        col += span;
      }
      takeDown();
      // Spans that reach past the end of this row's cells
      for (const [c, d] of [...down]) {
        if (c < col) continue;
        if (--d.rows <= 0) down.delete(c);
      }
      if (row.cells.length > 0) blocks.push(row);
    }
  };

  const sink = new TextSink();
  walkFlow(root, sink, 0);
  flushParagraphs(sink);
  return { format: 'html', blocks, exactRows: true };
}

/** Whether a text is HTML: it starts (after a BOM and blanks) with a tag such as <html or <table. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p|title|style|center|h[1-6])[\s>/]/i.test(
    text.slice(0, 4096).replace(/^\uFEFF/, ''),
  );
}
