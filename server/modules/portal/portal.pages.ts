/**
 * The public 政府信息公开平台 under /portal: server-rendered pages that work without JavaScript,
 * the feeds and the open-data export. No login; only published publications are ever shown.
 *
 * Pages that only depend on the published data go through the response cache (ETag, gzip),
 * revalidated on every request by portalVersion() — a fingerprint of the publications, the
 * catalogue trees and the unit directory — and today's date (the year filters), so a publication
 * that is published or withdrawn shows (or disappears) at once, from any server process. The publication page and the search are
 * rendered per request (they also show other modules' records, and queries are too varied).
 *
 * Query parameters of the HTML pages are read leniently: a value that is not valid is ignored,
 * so a hand-edited address still gets a page, never a JSON error.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { today } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { html } from '../../platform/html.ts';
import { ResponseCache } from '../../platform/response-cache.ts';
import { annualReportsSection, publishedReportsVersion } from '../annual-reports/index.ts';
import { VALIDITIES } from '../normative/index.ts';
import { PUBLICATION_KINDS, type CatalogueKind, type PlatformColumn, type PublicationKind } from '../publications/index.ts';
import { SEARCH_KINDS, type SearchKind } from '../search/index.ts';
import { atomFeed, FEED_TITLE, openDataPage, rssFeed } from './portal.feeds.ts';
import { portalVersion } from './portal.repository.ts';
import * as svc from './portal.service.ts';
import * as views from './portal.views.ts';

type Query = Record<string, unknown>;

/** How many publications the feeds carry. */
export const FEED_SIZE = 50;
/** Search result pages beyond this are not offered (the search API's own limit). */
const MAX_SEARCH_PAGE = 500;

const HTML = 'text/html; charset=utf-8';

class PortalNotFound extends Error {}

function str(q: Query, key: string): string | undefined {
  const v = q[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : undefined;
}

function int(q: Query, key: string, min: number, max: number): number | undefined {
  const v = str(q, key);
  if (!v || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function idParam(v: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(v) && Number(v) <= 2 ** 31 - 1 ? Number(v) : undefined;
}

function publicationKind(q: Query): PublicationKind | undefined {
  const k = str(q, 'kind');
  return k && Object.hasOwn(PUBLICATION_KINDS, k) ? (k as PublicationKind) : undefined;
}

function listFilters(q: Query, withKind: boolean): svc.ListFilters {
  return { unitId: int(q, 'unit', 1, 2 ** 31 - 1), year: int(q, 'year', 1949, 2100), kind: withKind ? publicationKind(q) : undefined, page: int(q, 'page', 1, 100_000) ?? 1 };
}

function isDate(v: string): boolean {
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

function send(reply: FastifyReply, body: string, status = 200) {
  return reply.status(status).type(HTML).send(body);
}

const FEED_LINKS = html`<link rel="alternate" type="application/atom+xml" title="${FEED_TITLE}（Atom）" href="/portal/feed.atom">
<link rel="alternate" type="application/rss+xml" title="${FEED_TITLE}（RSS）" href="/portal/feed.rss">`;

/** Registers the platform's pages, feeds and export under /portal. */
export async function portalPages(app: FastifyInstance): Promise<void> {
  const cache = new ResponseCache();
  const base = app.config.publicBaseUrl.replace(/\/$/, '');

  /** A cached response: rendered once per version of the published data; PortalNotFound → the 404 page. */
  const cached = async (request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<string>, contentType = HTML) => {
    try {
      return await cache.send(request, reply, { key, version: `${today()}|${await portalVersion(app.db)}`, contentType, render });
    } catch (e) {
      if (e instanceof PortalNotFound) return send(reply, views.notFoundPage(e.message || undefined), 404);
      throw e;
    }
  };
  const hide = { schema: { hide: true } };

  await app.register(async (portal) => {
    portal.setNotFoundHandler((_request, reply) => send(reply, views.notFoundPage('您要访问的页面'), 404));

    portal.get('/assets/portal.css', hide, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(views.PORTAL_CSS));

    portal.get('/', hide, async (request, reply) => cached(request, reply, 'home', async () => views.homeView(await svc.homeData(app.db), FEED_LINKS)));

    const columns: [string, PlatformColumn][] = [['/guide', 'guide'], ['/rules', 'rules'], ['/annual-reports', 'annualReport']];
    for (const [path, column] of columns) {
      portal.get(path, hide, async (request, reply) => {
        const f = listFilters(request.query as Query, false);
        // the 年报 column also lists the annual reports made and published on the platform (their own fingerprint)
        const reports = column === 'annualReport' ? await publishedReportsVersion(app.db) : '';
        return cached(request, reply, `column:${column}:${f.unitId}:${f.year}:${f.page}:${reports}`, async () =>
          views.columnView(column, await svc.columnData(app.db, column, f), f, svc.PAGE_SIZE, column === 'annualReport' ? await annualReportsSection(app.db, f) : undefined));
      });
    }

    portal.get('/statutory', hide, async (request, reply) => {
      const q = request.query as Query;
      const tree: CatalogueKind = str(q, 'tree') === 'standard' ? 'standard' : 'basic';
      const f = listFilters(q, true);
      return cached(request, reply, `statutory:${tree}:${f.unitId}:${f.year}:${f.kind}:${f.page}`, async () =>
        views.statutoryView(tree, await svc.statutoryData(app.db, tree, f), f, svc.PAGE_SIZE));
    });

    portal.get<{ Params: { nodeId: string } }>('/catalogue/:nodeId', hide, async (request, reply) => {
      const nodeId = idParam(request.params.nodeId);
      if (!nodeId) return send(reply, views.notFoundPage('该目录'), 404);
      const f = listFilters(request.query as Query, true);
      return cached(request, reply, `catalogue:${nodeId}:${f.unitId}:${f.year}:${f.kind}:${f.page}`, async () => {
        const d = await svc.catalogueData(app.db, nodeId, f);
        if (!d) throw new PortalNotFound('该目录');
        return views.catalogueView(d, f, svc.PAGE_SIZE);
      });
    });

    portal.get('/units', hide, async (request, reply) => cached(request, reply, 'units', async () => views.unitsView(await svc.unitsData(app.db))));

    portal.get<{ Params: { id: string } }>('/units/:id', hide, async (request, reply) => {
      const unitId = idParam(request.params.id);
      if (!unitId) return send(reply, views.notFoundPage('该单位'), 404);
      const pageNo = int(request.query as Query, 'page', 1, 100_000) ?? 1;
      return cached(request, reply, `unit:${unitId}:${pageNo}`, async () => {
        const d = await svc.unitData(app.db, unitId, pageNo);
        if (!d) throw new PortalNotFound('该单位');
        return views.unitView(d, svc.PAGE_SIZE);
      });
    });

    portal.get<{ Params: { id: string } }>('/publications/:id', hide, async (request, reply) => {
      const id = idParam(request.params.id);
      const d = id ? await svc.publicationData(app.db, id) : null;
      if (!d) return send(reply, views.notFoundPage(), 404);
      return send(reply, views.publicationView(d));
    });

    portal.get('/search', { schema: { hide: true }, config: { rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (request, reply) => {
      const q = request.query as Query;
      const form: views.SearchForm = { q: str(q, 'q'), kind: str(q, 'kind'), unit: str(q, 'unit'), year: str(q, 'year'), validity: str(q, 'validity'), node: str(q, 'node') };
      const kind = form.kind && (SEARCH_KINDS as readonly string[]).includes(form.kind) ? (form.kind as SearchKind) : undefined;
      const query: svc.SearchPageQuery = {
        q: form.q ?? '', kind, unitId: int(q, 'unit', 1, 2 ** 31 - 1), nodeId: int(q, 'node', 1, 2 ** 31 - 1), year: int(q, 'year', 1949, 2100),
        validity: form.validity && (VALIDITIES as readonly string[]).includes(form.validity) ? form.validity : undefined, page: int(q, 'page', 1, MAX_SEARCH_PAGE) ?? 1,
      };
      const options = await svc.searchOptions(app.db, query.nodeId);
      // The first visit (no q at all) shows the empty form; an empty or punctuation-only query is the service's error.
      if (form.q === undefined) return send(reply, views.searchView(form, options, {}, svc.PAGE_SIZE));
      if (form.q.length > 100) return send(reply, views.searchView(form, options, { error: '检索词不能超过 100 个字，请缩短后再试' }, svc.PAGE_SIZE), 400);
      try {
        const { result, unitNames } = await svc.searchData(app.db, query);
        return send(reply, views.searchView(form, options, { result, unitNames }, svc.PAGE_SIZE));
      } catch (e) {
        if (e instanceof AppError && e.statusCode === 400) return send(reply, views.searchView(form, options, { error: e.message }, svc.PAGE_SIZE), 400);
        throw e;
      }
    });

    const feed = (format: 'atom' | 'rss') => async (request: FastifyRequest, reply: FastifyReply) => {
      reply.header('access-control-allow-origin', '*');
      return cached(request, reply, `feed:${format}`, async () => {
        const entries = await svc.feedItems(app.db, FEED_SIZE);
        return format === 'atom' ? atomFeed(base, entries) : rssFeed(base, entries);
      }, format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8');
    };
    portal.get('/feed.atom', hide, feed('atom'));
    portal.get('/feed.rss', hide, feed('rss'));

    portal.get<{ Querystring: { page?: number; pageSize?: number; since?: string } }>('/open-data/publications.json', {
      schema: {
        tags: ['开放数据'],
        summary: '已发布政府信息的目录数据（元数据，不含正文；按发布日期从早到晚分页，新发布的排在最后）',
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          since: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '只要这一天及以后发布的（YYYY-MM-DD）' })),
        }),
      },
    }, async (request, reply) => {
      const { page = 1, pageSize = 100, since } = request.query;
      if (since && !isDate(since)) {
        return reply.status(400).send({ error: { code: 'OPEN_DATA_SINCE_INVALID', message: `since“${since}”不是有效日期（格式：2020-07-01）` } });
      }
      reply.header('access-control-allow-origin', '*');
      return cached(request, reply, `open-data:${page}:${pageSize}:${since ?? ''}`, async () => {
        const data = await svc.exportPublished(app.db, { since, limit: pageSize, offset: (page - 1) * pageSize });
        // `<` as \u003c: the JSON stays inert even if someone pastes it into an HTML page
        return JSON.stringify(openDataPage(base, { page, pageSize, since }, data)).replace(/</g, '\\u003c');
      }, 'application/json; charset=utf-8');
    });
  }, { prefix: '/portal' });
}
