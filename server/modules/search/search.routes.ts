/**
 * GET /search: the public full-text search over publications, attachments' text, normative
 * documents, the gazette and interpretations (no login needed: everything indexed is public).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/schemas.ts';
import { search, SEARCH_KINDS } from './search.service.ts';

const Opt = Type.Optional;

export const SearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100, description: '检索词：中文、英文、数字混合，或一个文号（精确查找）' }),
  kind: Opt(Type.Enum([...SEARCH_KINDS])),
  unitId: Opt(Type.Integer({ minimum: 1 })),
  nodeId: Opt(Type.Integer({ minimum: 1, description: '目录节点（含其下级）' })),
  year: Opt(Type.Integer({ minimum: 1949, maximum: 2100 })),
  validity: Opt(Type.Enum(['valid', 'expired', 'repealed', 'amended'])),
  page: Opt(Type.Integer({ minimum: 1, maximum: 500, default: 1 })),
  pageSize: Opt(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

const Item = Type.Object({
  kind: Type.String(), refId: Type.Integer(), unitId: Type.Union([Type.Integer(), Type.Null()]), year: Type.Union([Type.Integer(), Type.Null()]),
  validity: Type.Union([Type.String(), Type.Null()]), docNumber: Type.Union([Type.String(), Type.Null()]), title: Type.String(), url: Type.String(),
  publishedOn: Type.Union([Type.String(), Type.Null()]), titleHtml: Type.String(), snippetHtml: Type.String(),
});

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/search', {
    schema: {
      tags: ['检索'], summary: '全文检索（政府信息、附件、规范性文件、政府公报、政策解读）：相关度排序、摘要高亮、筛选、文号精确查找',
      querystring: SearchQuerySchema,
      response: {
        200: Type.Object({
          query: Type.String(), tokens: Type.Array(Type.String()), exactDocNumber: Type.Union([Type.String(), Type.Null()]),
          total: Type.Integer(), totalCapped: Type.Boolean(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(Item),
        }),
        ...errorResponses,
      },
    },
    config: { rateLimit: { max: app.config.searchRequestsPerMinute, timeWindow: '1 minute' } },
  }, async (request) => search(app.db, request.query));
};
