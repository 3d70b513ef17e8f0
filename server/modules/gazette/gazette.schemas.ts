/**
 * Request and response schemas of the gazette routes.
 */
import { Type } from 'typebox';
import { Paging } from '../../platform/schemas.ts';
import { GAZETTE_CATEGORIES } from './gazette.categories.ts';

const Opt = Type.Optional;
/** a row id: PostgreSQL integer range (a larger number is a 400, not a database error) */
const Id = (o: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...o });
export const IdParams = Type.Object({ id: Id() });
const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const CategorySchema = Type.Enum([...GAZETTE_CATEGORIES], { description: `栏目：${GAZETTE_CATEGORIES.join(' / ')}` });
const Year = Type.Integer({ minimum: 1949, maximum: 2100, description: '年份' });
const IssueNumber = Type.Integer({ minimum: 1, maximum: 999, description: '期号（当年第几期）' });

export const IssueSchema = Type.Object({
  id: Type.Integer(), year: Type.Integer(), number: Type.Integer(), totalNumber: NInt, label: Type.String({ description: '2020年第3期（总第315期）' }),
  publishedOn: NStr, state: Type.String({ description: 'draft | published' }), stateLabel: Type.String(), articleCount: Type.Integer(),
  url: Type.String({ description: '公开的目录页' }), createdAt: Type.String(), updatedAt: Type.String(),
});

export const ArticleSummarySchema = Type.Object({
  id: Type.Integer(), issueId: Type.Integer(), year: Type.Integer(), number: Type.Integer(), issueLabel: Type.String(), seq: Type.Integer(),
  title: Type.String(), docNumber: NStr, issuingBody: Type.String(), unitId: NInt, category: Type.String(), topic: NStr, publicationId: NInt,
  publishedOn: NStr, url: Type.String({ description: '公开的文件页' }),
});

export const ArticleDetailSchema = Type.Object({
  ...ArticleSummarySchema.properties, issueState: Type.String(), bodyText: Type.String(), createdAt: Type.String(),
});

export const IssueDetailSchema = Type.Object({ ...IssueSchema.properties, articles: Type.Array(ArticleSummarySchema) });

export const IssuesQuery = Type.Object({ year: Opt(Year), state: Opt(Type.Enum(['draft', 'published'])) });

export const CreateIssueBody = Type.Object({
  year: Year, number: IssueNumber, totalNumber: Opt(Type.Union([Type.Integer({ minimum: 1, maximum: 99999, description: '总期号' }), Type.Null()])),
  publishedOn: Opt(Type.Union([DateStr, Type.Null()])),
});

export const UpdateIssueBody = Type.Object({
  year: Opt(Year), number: Opt(IssueNumber), totalNumber: Opt(Type.Union([Type.Integer({ minimum: 1, maximum: 99999 }), Type.Null()])),
  publishedOn: Opt(Type.Union([DateStr, Type.Null()])),
});

export const PublishIssueBody = Type.Object({ publishedOn: Opt(Type.Union([DateStr, Type.Null()])) });

const articleFields = {
  seq: Type.Integer({ minimum: 1, maximum: 9999, description: '本期序号（省略则排在最后）' }),
  title: Type.String({ minLength: 1, maxLength: 500 }),
  docNumber: Type.Union([Type.String({ maxLength: 100, description: '文号，如 嘉政发〔2020〕3号（[]、()、【】等括号自动规范为〔〕）' }), Type.Null()]),
  issuingBody: Type.String({ minLength: 1, maxLength: 200, description: '发文机关' }),
  unitId: Type.Union([Id(), Type.Null()]),
  category: CategorySchema,
  topic: Type.Union([Type.String({ maxLength: 50, description: '主题分类' }), Type.Null()]),
  bodyText: Type.String({ maxLength: 300_000, description: '正文（纯文本）' }),
  publicationId: Type.Union([Id({ description: '关联的已发布政府信息' }), Type.Null()]),
};

export const CreateArticleBody = Type.Object({
  seq: Opt(articleFields.seq), title: articleFields.title, docNumber: Opt(articleFields.docNumber), issuingBody: articleFields.issuingBody,
  unitId: Opt(articleFields.unitId), category: articleFields.category, topic: Opt(articleFields.topic), bodyText: Opt(articleFields.bodyText),
  publicationId: Opt(articleFields.publicationId),
});

export const UpdateArticleBody = Type.Partial(Type.Object(articleFields));

export const ArticlesQuery = Type.Object({
  docNumber: Opt(Type.String({ maxLength: 100, description: '文号（精确查询，括号写法不限）' })),
  title: Opt(Type.String({ maxLength: 100, description: '标题包含的文字' })),
  year: Opt(Year),
  number: Opt(IssueNumber),
  issuingBody: Opt(Type.String({ maxLength: 200, description: '发文机关' })),
  topic: Opt(Type.String({ maxLength: 50, description: '主题分类（“未分类”：没有主题分类的文件）' })),
  category: Opt(CategorySchema),
  unitId: Opt(Id()),
  ...Paging,
});

export const ClassesQuery = Type.Object({
  year: Opt(Year),
  issuingBody: Opt(Type.String({ maxLength: 200 })),
  topic: Opt(Type.String({ maxLength: 50 })),
  category: Opt(CategorySchema),
});

const NameCount = Type.Object({ name: Type.String(), count: Type.Integer() });

export const ClassesSchema = Type.Object({
  total: Type.Integer({ description: '符合当前筛选条件的文件数' }),
  years: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
  issuingBodies: Type.Array(NameCount),
  topics: Type.Array(NameCount, { description: '没有主题分类的文件计入“未分类”' }),
  categories: Type.Array(NameCount),
});
