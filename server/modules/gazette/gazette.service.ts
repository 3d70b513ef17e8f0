/**
 * 政府公报: the office compiles issues (year + 期号, optional 总期号) of documents — each with its
 * 文号 (normalised), issuing body, 栏目 and 主题分类 — and publishes them. A published issue is
 * public and its documents are in the search index; unpublishing takes them out again. The gazette
 * database answers exact queries (文号, title, issue) and classified browsing (year, issuing body,
 * topic, 栏目) with counts per class.
 */
import type { Transaction } from 'kysely';
import type { Database, GazetteArticle, GazetteIssue } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { now } from '../../db/portable.ts';
import { parseDocNumber } from '../../lib/doc-numbers.ts';
import { isIsoDate } from '../../lib/calendar/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit } from '../directory/index.ts';
import { findPublishedPublication } from '../publications/index.ts';
import { indexRecords, unindexRecord, type SearchEntry } from '../search/index.ts';
import { articleUrl, GAZETTE_CATEGORIES, issueLabel } from './gazette.categories.ts';
import { canManageGazette, canReadIssue, canSeeDrafts } from './gazette.policy.ts';
import { presentArticle, presentArticleDetail, presentIssue, type ArticleDetail, type ArticleSummary, type IssueDetail, type IssueView } from './gazette.presenter.ts';
import * as repo from './gazette.repository.ts';

type Trx = Transaction<Database>;

/** The label of documents without a 主题分类 (also the topic filter that finds them). */
export const UNCLASSIFIED_TOPIC = '未分类';

// ---- checks ----

function requireManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageGazette(actor)) throw new ForbiddenError('GAZETTE_FORBIDDEN', '只有政务公开办（市政府办公室）可以编辑政府公报');
}

function notFoundIssue(what: string | number): NotFoundError {
  return new NotFoundError('GAZETTE_ISSUE_NOT_FOUND', `公报期次不存在：${what}`);
}

function notFoundArticle(id: number): NotFoundError {
  return new NotFoundError('GAZETTE_ARTICLE_NOT_FOUND', `公报文件不存在：${id}`);
}

/** A 文号 as typed (any brackets, spaces, full-width digits) → normalised, or null when empty. */
export function normaliseDocNumber(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || !raw.trim()) return null;
  const d = parseDocNumber(raw);
  if (!d) {
    throw new ValidationError('GAZETTE_DOC_NUMBER_INVALID', `文号格式不正确：“${raw.trim()}”。文号由发文机关代字、〔年份〕、序号和“号”组成，例如 嘉政发〔2020〕3号`, { field: 'docNumber', value: raw });
  }
  return d.text;
}

function checkDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new ValidationError('GAZETTE_DATE_INVALID', `${what}不是有效日期（格式 YYYY-MM-DD）：${value}`);
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function searchEntry(a: GazetteArticle, issue: GazetteIssue): SearchEntry {
  return {
    kind: 'gazette', refId: a.id, unitId: a.unitId, year: issue.year, docNumber: a.docNumber, title: a.title, url: articleUrl(a.id),
    publishedOn: issue.publishedOn, body: a.bodyText,
  };
}

async function loadIssue(q: Db | Trx, actor: Actor, id: number): Promise<GazetteIssue> {
  const issue = await repo.findIssueById(q, id);
  if (!issue || !canReadIssue(actor, issue)) throw notFoundIssue(id);
  return issue;
}

// ---- issues ----

export interface IssueInput {
  year: number;
  number: number;
  totalNumber?: number | null;
  publishedOn?: string | null;
}

function checkIssueInput(input: Partial<IssueInput>): void {
  if (input.year !== undefined && (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2100)) {
    throw new ValidationError('GAZETTE_YEAR_INVALID', `年份不正确：${input.year}`);
  }
  if (input.number !== undefined && (!Number.isInteger(input.number) || input.number < 1 || input.number > 999)) {
    throw new ValidationError('GAZETTE_NUMBER_INVALID', `期号应为 1 至 999 的整数：${input.number}`);
  }
  if (input.totalNumber !== undefined && input.totalNumber !== null && (!Number.isInteger(input.totalNumber) || input.totalNumber < 1)) {
    throw new ValidationError('GAZETTE_TOTAL_NUMBER_INVALID', `总期号应为正整数：${input.totalNumber}`);
  }
  if (input.publishedOn) checkDate(input.publishedOn, '发布日期');
}

/** Issues, newest first: published ones for everybody, drafts too for the office and observers. */
export async function listIssues(db: Db, actor: Actor, f: { year?: number; state?: string } = {}): Promise<IssueView[]> {
  const issues = await repo.findIssues(db, { ...f, publishedOnly: !canSeeDrafts(actor) });
  const counts = await repo.articleCounts(db, issues.map((i) => i.id));
  return issues.map((i) => presentIssue(i, counts.get(i.id) ?? 0));
}

async function issueDetail(q: Db | Trx, issue: GazetteIssue): Promise<IssueDetail> {
  const articles = await repo.findArticlesOfIssue(q, issue.id);
  return { ...presentIssue(issue, articles.length), articles: articles.map((a) => presentArticle(a, issue)) };
}

/** One issue with its table of contents (documents by 序号). */
export async function getIssue(db: Db, actor: Actor, id: number): Promise<IssueDetail> {
  return issueDetail(db, await loadIssue(db, actor, id));
}

/** The issue of a year and number (the public table of contents), or null. */
export async function findIssueByNumber(db: Db, actor: Actor, year: number, number: number): Promise<IssueDetail | null> {
  const issue = await repo.findIssueByNumber(db, year, number);
  if (!issue || !canReadIssue(actor, issue)) return null;
  return issueDetail(db, issue);
}

export async function createIssue(db: Db, actor: Actor, input: IssueInput): Promise<IssueDetail> {
  requireManager(actor);
  checkIssueInput(input);
  const issue = await db.transaction().execute(async (trx) => {
    if (await repo.findIssueByNumber(trx, input.year, input.number)) {
      throw new ConflictError('GAZETTE_ISSUE_EXISTS', `${input.year}年第${input.number}期公报已存在`);
    }
    const at = now();
    let created: GazetteIssue;
    try {
      created = await repo.insertIssue(trx, {
        year: input.year, number: input.number, totalNumber: input.totalNumber ?? null, publishedOn: input.publishedOn ?? null, state: 'draft', createdAt: at, updatedAt: at,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('GAZETTE_ISSUE_EXISTS', `${input.year}年第${input.number}期公报已存在`);
      throw e;
    }
    await recordAudit(trx, actor, { action: 'create_gazette_issue', resourceType: 'gazetteIssue', resourceId: created.id, after: created });
    return created;
  });
  return issueDetail(db, issue);
}

/** Corrects an issue's numbers or date; a published issue's documents are re-indexed. */
export async function updateIssue(db: Db, actor: Actor, id: number, patch: Partial<IssueInput>): Promise<IssueDetail> {
  requireManager(actor);
  checkIssueInput(patch);
  const issue = await db.transaction().execute(async (trx) => {
    const before = await loadIssue(trx, actor, id);
    const year = patch.year ?? before.year;
    const number = patch.number ?? before.number;
    if (year !== before.year || number !== before.number) {
      if (await repo.findIssueByNumber(trx, year, number)) throw new ConflictError('GAZETTE_ISSUE_EXISTS', `${year}年第${number}期公报已存在`);
    }
    if (before.state === 'published' && patch.publishedOn === null) {
      throw new ValidationError('GAZETTE_DATE_REQUIRED', '已发布的公报须有发布日期');
    }
    if (before.state === 'published' && patch.publishedOn && patch.publishedOn > today()) {
      throw new ValidationError('GAZETTE_DATE_IN_FUTURE', `发布日期不能晚于今天：${patch.publishedOn}`);
    }
    let after: GazetteIssue;
    try {
      after = await repo.updateIssue(trx, id, {
        year, number, ...(patch.totalNumber !== undefined ? { totalNumber: patch.totalNumber } : {}),
        ...(patch.publishedOn !== undefined ? { publishedOn: patch.publishedOn } : {}), updatedAt: now(),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('GAZETTE_ISSUE_EXISTS', `${year}年第${number}期公报已存在`);
      throw e;
    }
    if (after.state === 'published') await indexRecords(trx, (await repo.findArticlesOfIssue(trx, id)).map((a) => searchEntry(a, after)));
    await recordAudit(trx, actor, { action: 'update_gazette_issue', resourceType: 'gazetteIssue', resourceId: id, before, after });
    return after;
  });
  return issueDetail(db, issue);
}

/** Deletes a draft issue with its documents. A published issue must be unpublished first. */
export async function deleteIssue(db: Db, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const issue = await loadIssue(trx, actor, id);
    if (issue.state !== 'draft') throw new ConflictError('GAZETTE_ISSUE_PUBLISHED', `${issueLabel(issue)}已发布，请先撤回发布再删除`);
    const articles = await repo.findArticlesOfIssue(trx, id);
    await repo.deleteIssue(trx, id);
    await recordAudit(trx, actor, { action: 'delete_gazette_issue', resourceType: 'gazetteIssue', resourceId: id, before: { ...issue, articles } });
  });
}

/** Publishes an issue: it becomes public and each of its documents goes into the search index. */
export async function publishIssue(db: Db, actor: Actor, id: number, input: { publishedOn?: string | null } = {}): Promise<IssueDetail> {
  requireManager(actor);
  if (input.publishedOn) checkDate(input.publishedOn, '发布日期');
  await db.transaction().execute(async (trx) => {
    const issue = await loadIssue(trx, actor, id);
    const label = issueLabel(issue);
    if (issue.state === 'published') throw new ConflictError('GAZETTE_ISSUE_ALREADY_PUBLISHED', `${label}已发布`);
    const publishedOn = input.publishedOn ?? issue.publishedOn ?? today();
    if (publishedOn > today()) throw new ValidationError('GAZETTE_DATE_IN_FUTURE', `发布日期不能晚于今天：${publishedOn}`);
    const articles = await repo.findArticlesOfIssue(trx, id);
    if (!articles.length) throw new ConflictError('GAZETTE_ISSUE_EMPTY', `${label}还没有文件，不能发布`);
    const ok = await repo.updateIssueIfState(trx, id, 'draft', { state: 'published', publishedOn, updatedAt: now() });
    if (!ok) throw new ConflictError('GAZETTE_ISSUE_CHANGED', '该期公报刚刚已被其他人修改，请刷新后重试');
    const after = { ...issue, state: 'published', publishedOn };
    await indexRecords(trx, articles.map((a) => searchEntry(a, after)));
    await recordAudit(trx, actor, { action: 'publish_gazette_issue', resourceType: 'gazetteIssue', resourceId: id, before: { state: issue.state, publishedOn: issue.publishedOn }, after: { state: 'published', publishedOn, articles: articles.length } });
  });
  return getIssue(db, actor, id);
}

/** Takes a published issue back to draft: no longer public, its documents leave the search index. */
export async function unpublishIssue(db: Db, actor: Actor, id: number): Promise<IssueDetail> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const issue = await loadIssue(trx, actor, id);
    if (issue.state !== 'published') throw new ConflictError('GAZETTE_ISSUE_NOT_PUBLISHED', `${issueLabel(issue)}尚未发布`);
    const ok = await repo.updateIssueIfState(trx, id, 'published', { state: 'draft', updatedAt: now() });
    if (!ok) throw new ConflictError('GAZETTE_ISSUE_CHANGED', '该期公报刚刚已被其他人修改，请刷新后重试');
    const articles = await repo.findArticlesOfIssue(trx, id);
    for (const a of articles) await unindexRecord(trx, 'gazette', a.id);
    await recordAudit(trx, actor, { action: 'unpublish_gazette_issue', resourceType: 'gazetteIssue', resourceId: id, before: { state: 'published' }, after: { state: 'draft', articles: articles.length } });
  });
  return getIssue(db, actor, id);
}

// ---- documents (articles) ----

export interface ArticleInput {
  seq?: number;
  title: string;
  docNumber?: string | null;
  issuingBody: string;
  unitId?: number | null;
  category: string;
  topic?: string | null;
  bodyText?: string;
  publicationId?: number | null;
}

type ArticleValues = Omit<ArticleInput, 'seq'> & { docNumber: string | null; topic: string | null };

/** Trims and checks the fields given; throws coded errors naming the value at fault. */
async function cleanArticle(trx: Trx, input: Partial<ArticleInput>): Promise<Partial<ArticleValues>> {
  const out: Partial<ArticleValues> = {};
  if (input.title !== undefined) {
    out.title = input.title.trim();
    if (!out.title) throw new ValidationError('GAZETTE_TITLE_REQUIRED', '请填写文件标题');
  }
  if (input.issuingBody !== undefined) {
    out.issuingBody = input.issuingBody.trim();
    if (!out.issuingBody) throw new ValidationError('GAZETTE_ISSUING_BODY_REQUIRED', '请填写发文机关');
  }
  if (input.docNumber !== undefined) out.docNumber = normaliseDocNumber(input.docNumber);
  if (input.category !== undefined) {
    if (!(GAZETTE_CATEGORIES as readonly string[]).includes(input.category)) {
      throw new ValidationError('GAZETTE_CATEGORY_INVALID', `栏目不正确：${input.category}（可选：${GAZETTE_CATEGORIES.join('、')}）`);
    }
    out.category = input.category;
  }
  if (input.topic !== undefined) {
    const t = input.topic?.trim() ?? '';
    out.topic = !t || t === UNCLASSIFIED_TOPIC ? null : t;
  }
  if (input.bodyText !== undefined) out.bodyText = input.bodyText.replace(/\r\n?/g, '\n').trim();
  if (input.unitId !== undefined) {
    if (input.unitId !== null && !(await getUnit(trx, input.unitId))) throw new ValidationError('GAZETTE_UNIT_NOT_FOUND', `发文单位不存在：${input.unitId}`);
    out.unitId = input.unitId;
  }
  if (input.publicationId !== undefined) {
    if (input.publicationId !== null && !(await findPublishedPublication(trx, input.publicationId))) {
      throw new ValidationError('GAZETTE_PUBLICATION_NOT_PUBLISHED', `关联的政府信息不存在或尚未发布：${input.publicationId}`);
    }
    out.publicationId = input.publicationId;
  }
  return out;
}

async function assertDocNumberFree(trx: Trx, docNumber: string | null | undefined, exceptId?: number): Promise<void> {
  if (!docNumber) return;
  const other = (await repo.findArticlesByDocNumber(trx, docNumber)).find((a) => a.id !== exceptId);
  if (!other) return;
  const issue = await repo.findIssueById(trx, other.issueId);
  throw new ConflictError('GAZETTE_DOC_NUMBER_TAKEN', `文号 ${docNumber} 已刊登在${issue ? issueLabel(issue) : '其他期'}：${other.title}`, { articleId: other.id });
}

async function assertSeqFree(trx: Trx, issueId: number, seq: number, exceptId?: number): Promise<void> {
  if (!Number.isInteger(seq) || seq < 1) throw new ValidationError('GAZETTE_SEQ_INVALID', `序号应为正整数：${seq}`);
  const other = await repo.findArticleBySeq(trx, issueId, seq);
  if (other && other.id !== exceptId) throw new ConflictError('GAZETTE_SEQ_TAKEN', `本期已有序号为 ${seq} 的文件：${other.title}`);
}

/** Adds a document to an issue (序号 = the next one unless given). A published issue's index follows. */
export async function addArticle(db: Db, actor: Actor, issueId: number, input: ArticleInput): Promise<ArticleDetail> {
  requireManager(actor);
  const { article, issue } = await db.transaction().execute(async (trx) => {
    const issue = await loadIssue(trx, actor, issueId);
    const v = await cleanArticle(trx, input);
    await assertDocNumberFree(trx, v.docNumber);
    const seq = input.seq ?? (await repo.maxSeq(trx, issueId)) + 1;
    await assertSeqFree(trx, issueId, seq);
    const article = await repo.insertArticle(trx, {
      issueId, seq, title: v.title!, docNumber: v.docNumber ?? null, issuingBody: v.issuingBody!, unitId: v.unitId ?? null, category: v.category!,
      topic: v.topic ?? null, bodyText: v.bodyText ?? '', publicationId: v.publicationId ?? null, createdAt: now(),
    });
    if (issue.state === 'published') await indexRecords(trx, [searchEntry(article, issue)]);
    await recordAudit(trx, actor, { action: 'create_gazette_article', resourceType: 'gazetteArticle', resourceId: article.id, after: article });
    return { article, issue };
  });
  return presentArticleDetail(article, issue);
}

/** One document with its text (a document of a draft issue: the office and observers only). */
export async function getArticle(db: Db, actor: Actor, id: number): Promise<ArticleDetail> {
  const a = await repo.findArticleById(db, id);
  if (!a) throw notFoundArticle(id);
  const issue = await repo.findIssueById(db, a.issueId);
  if (!issue || !canReadIssue(actor, issue)) throw notFoundArticle(id);
  return presentArticleDetail(a, issue);
}

export async function updateArticle(db: Db, actor: Actor, id: number, patch: Partial<ArticleInput>): Promise<ArticleDetail> {
  requireManager(actor);
  const { article, issue } = await db.transaction().execute(async (trx) => {
    const before = await repo.findArticleById(trx, id);
    if (!before) throw notFoundArticle(id);
    const issue = (await repo.findIssueById(trx, before.issueId))!;
    const v = await cleanArticle(trx, patch);
    if (v.docNumber !== undefined) await assertDocNumberFree(trx, v.docNumber, id);
    if (patch.seq !== undefined) await assertSeqFree(trx, before.issueId, patch.seq, id);
    const article = await repo.updateArticle(trx, id, { ...v, ...(patch.seq !== undefined ? { seq: patch.seq } : {}) });
    if (issue.state === 'published') await indexRecords(trx, [searchEntry(article, issue)]);
    await recordAudit(trx, actor, { action: 'update_gazette_article', resourceType: 'gazetteArticle', resourceId: id, before, after: article });
    return { article, issue };
  });
  return presentArticleDetail(article, issue);
}

export async function deleteArticle(db: Db, actor: Actor, id: number): Promise<void> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findArticleById(trx, id);
    if (!before) throw notFoundArticle(id);
    await repo.deleteArticle(trx, id);
    await unindexRecord(trx, 'gazette', id);
    await recordAudit(trx, actor, { action: 'delete_gazette_article', resourceType: 'gazetteArticle', resourceId: id, before });
  });
}

// ---- the gazette database ----

export interface GazetteQuery {
  docNumber?: string;
  title?: string;
  year?: number;
  number?: number;
  issuingBody?: string;
  topic?: string;
  category?: string;
  unitId?: number;
}

function toFilter(q: GazetteQuery): repo.ArticleFilter {
  const f: repo.ArticleFilter = {};
  const docNumber = normaliseDocNumber(q.docNumber);
  if (docNumber) f.docNumber = docNumber;
  if (q.title?.trim()) f.title = q.title.trim();
  if (q.number !== undefined && q.year === undefined) throw new ValidationError('GAZETTE_ISSUE_QUERY_INCOMPLETE', '按期号查询时请同时填写年份');
  if (q.year !== undefined) f.year = q.year;
  if (q.number !== undefined) f.number = q.number;
  if (q.issuingBody?.trim()) f.issuingBody = q.issuingBody.trim();
  if (q.topic?.trim()) f.topic = q.topic.trim() === UNCLASSIFIED_TOPIC ? '' : q.topic.trim();
  if (q.category?.trim()) f.category = q.category.trim();
  if (q.unitId !== undefined) f.unitId = q.unitId;
  return f;
}

/**
 * The gazette database's query over published issues: exact by 文号 (any bracket style), by words
 * of the title, by issue (year + number), and by class (year, issuing body, topic, 栏目).
 */
export async function queryArticles(db: Db, query: GazetteQuery & { limit?: number; offset?: number }): Promise<{ items: ArticleSummary[]; total: number }> {
  const { rows, total } = await repo.queryArticles(db, toFilter(query), query.limit ?? 50, query.offset ?? 0);
  return { items: rows.map((r) => presentArticle(r, r)), total };
}

export interface GazetteClasses {
  total: number;
  years: { year: number; count: number }[];
  issuingBodies: { name: string; count: number }[];
  topics: { name: string; count: number }[];
  categories: { name: string; count: number }[];
}

/** Counts per class (year, issuing body, topic, 栏目) of the published documents matching the filter. */
export async function classifiedCounts(db: Db, query: Pick<GazetteQuery, 'year' | 'issuingBody' | 'topic' | 'category'>): Promise<GazetteClasses> {
  const c = await repo.classCounts(db, toFilter(query));
  const order = (name: string) => (GAZETTE_CATEGORIES as readonly string[]).indexOf(name) + 1 || GAZETTE_CATEGORIES.length + 1;
  return {
    total: c.total, years: c.years, issuingBodies: c.issuingBodies,
    topics: c.topics.map((t) => ({ name: t.name ?? UNCLASSIFIED_TOPIC, count: t.count })),
    categories: [...c.categories].sort((a, b) => order(a.name) - order(b.name)),
  };
}

/** Published documents that reprint a publication (for its page). */
export async function articlesOfPublication(db: Db, publicationId: number): Promise<ArticleSummary[]> {
  return (await repo.findPublishedArticlesOfPublication(db, publicationId)).map((r) => presentArticle(r, r));
}

/** Unit merge: documents follow their unit; published ones are re-indexed under it. */
export async function moveArticlesToUnit(trx: Trx, fromUnitId: number, intoUnitId: number): Promise<void> {
  const ids = await repo.moveArticlesToUnit(trx, fromUnitId, intoUnitId);
  for (const id of ids) {
    const a = (await repo.findArticleById(trx, id))!;
    const issue = (await repo.findIssueById(trx, a.issueId))!;
    if (issue.state === 'published') await indexRecords(trx, [searchEntry(a, issue)]);
  }
}
