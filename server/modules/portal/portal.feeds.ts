/**
 * Machine-readable views of the platform: the Atom 1.0 and RSS 2.0 feeds of the newest
 * publications, and the open-data export of published publications' metadata (JSON).
 *
 * Links are absolute, from config.publicBaseUrl. Text is XML-escaped, and characters XML 1.0
 * does not allow (control characters) are dropped, so a feed always parses.
 *
 * The open-data export carries metadata only, never the body (neither HTML nor text): a page of
 * it stays small and bounded whatever the bodies hold, and the body is one request away at `url`
 * (the public page) or `apiUrl` (GET /api/v1/publications/:id, with `bodyHtml`).
 */
import { PLATFORM_COLUMNS, PUBLICATION_KINDS } from '../publications/index.ts';
import type { ExportRow } from './portal.repository.ts';

const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xml(value: unknown): string {
  return String(value ?? '').replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_MAP[c]!);
}

export interface FeedEntry {
  id: number;
  title: string;
  publisher: string;
  kind: string;
  docNumber: string | null;
  publishedOn: string | null;
  /** the moment the reviewer approved it (it went public), ISO */
  reviewedAt: string | null;
  updatedAt: string;
  bodyText: string;
}

export const FEED_TITLE = '政府信息公开 · 最新公开';
const FEED_SUBTITLE = '政府信息公开平台最新发布的政府信息';
const SUMMARY_CHARS = 200;

function summary(e: FeedEntry): string {
  const text = e.bodyText.replace(/\s+/g, ' ').trim();
  const head = [e.docNumber, e.publisher].filter(Boolean).join(' ');
  const body = text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
  return head ? `${head}${body ? `：${body}` : ''}` : body;
}

/**
 * When it went public: the approval instant when that fell on the publication day (Beijing time),
 * else the publication day at midnight Beijing time.
 */
function publishedAt(e: FeedEntry): string {
  if (!e.publishedOn) return new Date(e.updatedAt).toISOString();
  if (e.reviewedAt) {
    const t = Date.parse(e.reviewedAt);
    if (new Date(t + 8 * 3600_000).toISOString().slice(0, 10) === e.publishedOn) return new Date(t).toISOString();
  }
  return new Date(`${e.publishedOn}T00:00:00+08:00`).toISOString();
}

function updatedAt(e: FeedEntry): string {
  const u = new Date(e.updatedAt).toISOString();
  const p = publishedAt(e);
  return u > p ? u : p;
}

function kindLabel(kind: string): string {
  return (PUBLICATION_KINDS as Record<string, string>)[kind] ?? kind;
}

/** The feed's own updated time: its newest entry's, or a fixed instant when it is empty (stable for caching). */
function feedUpdated(entries: FeedEntry[]): string {
  return entries.map(updatedAt).sort().pop() ?? '2000-01-01T00:00:00.000Z';
}

export function atomFeed(base: string, entries: FeedEntry[]): string {
  const self = `${base}/portal/feed.atom`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(FEED_TITLE)}</title>
<subtitle>${xml(FEED_SUBTITLE)}</subtitle>
<id>${xml(self)}</id>
<link rel="self" type="application/atom+xml" href="${xml(self)}"/>
<link rel="alternate" type="text/html" href="${xml(`${base}/portal`)}"/>
<updated>${feedUpdated(entries)}</updated>
<author><name>政府信息公开平台</name></author>
<generator>Gongkai</generator>
${entries.map((e) => {
    const url = `${base}/portal/publications/${e.id}`;
    return `<entry>
<title>${xml(e.title)}</title>
<id>${xml(url)}</id>
<link rel="alternate" type="text/html" href="${xml(url)}"/>
<published>${publishedAt(e)}</published>
<updated>${updatedAt(e)}</updated>
<author><name>${xml(e.publisher)}</name></author>
<category term="${xml(e.kind)}" label="${xml(kindLabel(e.kind))}"/>
<summary type="text">${xml(summary(e))}</summary>
</entry>`;
  }).join('\n')}
</feed>
`;
}

export function rssFeed(base: string, entries: FeedEntry[]): string {
  const self = `${base}/portal/feed.rss`;
  const rfc822 = (iso: string) => new Date(iso).toUTCString();
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(FEED_TITLE)}</title>
<link>${xml(`${base}/portal`)}</link>
<description>${xml(FEED_SUBTITLE)}</description>
<language>zh-cn</language>
<lastBuildDate>${rfc822(feedUpdated(entries))}</lastBuildDate>
<atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>
${entries.map((e) => {
    const url = `${base}/portal/publications/${e.id}`;
    return `<item>
<title>${xml(e.title)}</title>
<link>${xml(url)}</link>
<guid isPermaLink="true">${xml(url)}</guid>
<pubDate>${rfc822(publishedAt(e))}</pubDate>
<category>${xml(kindLabel(e.kind))}</category>
<description>${xml(summary(e))}</description>
</item>`;
  }).join('\n')}
</channel>
</rss>
`;
}

export interface OpenDataPage {
  page: number;
  pageSize: number;
  total: number;
  since: string | null;
  items: {
    id: number; indexNumber: string | null; title: string; publisher: string; unitId: number; unitName: string; docNumber: string | null; topic: string | null;
    kind: string; kindLabel: string; platformColumn: string; platformColumnLabel: string; writtenOn: string | null; publishedOn: string | null; updatedAt: string;
    catalogue: { id: number; name: string }[]; attachments: { fileName: string; mimeType: string; size: number; url: string }[]; url: string; apiUrl: string;
  }[];
  links: { self: string; first: string; prev: string | null; next: string | null; last: string };
}

export function openDataPage(
  base: string, q: { page: number; pageSize: number; since?: string },
  data: { total: number; items: ExportRow[]; nodes: { publicationId: number; id: number; name: string }[]; attachments: { id: number; publicationId: number; fileName: string; mimeType: string; size: number }[] },
): OpenDataPage {
  const pages = Math.max(1, Math.ceil(data.total / q.pageSize));
  const at = (p: number) => {
    const sp = new URLSearchParams({ page: String(p), pageSize: String(q.pageSize) });
    if (q.since) sp.set('since', q.since);
    return `${base}/portal/open-data/publications.json?${sp}`;
  };
  return {
    page: q.page, pageSize: q.pageSize, total: data.total, since: q.since ?? null,
    items: data.items.map((r) => ({
      id: r.id, indexNumber: r.indexNumber, title: r.title, publisher: r.publisher, unitId: r.unitId, unitName: r.unitName, docNumber: r.docNumber, topic: r.topic,
      kind: r.kind, kindLabel: kindLabel(r.kind), platformColumn: r.platformColumn,
      platformColumnLabel: (PLATFORM_COLUMNS as Record<string, string>)[r.platformColumn] ?? r.platformColumn,
      writtenOn: r.writtenOn, publishedOn: r.publishedOn, updatedAt: new Date(r.updatedAt).toISOString(),
      catalogue: data.nodes.filter((n) => n.publicationId === r.id).map((n) => ({ id: n.id, name: n.name })),
      attachments: data.attachments.filter((a) => a.publicationId === r.id)
        .map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, size: a.size, url: `${base}/api/v1/publications/${r.id}/attachments/${a.id}` })),
      url: `${base}/portal/publications/${r.id}`, apiUrl: `${base}/api/v1/publications/${r.id}`,
    })),
    links: { self: at(q.page), first: at(1), prev: q.page > 1 ? at(Math.min(q.page - 1, pages)) : null, next: q.page < pages ? at(q.page + 1) : null, last: at(pages) },
  };
}
