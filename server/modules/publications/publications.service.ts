/**
 * 主动公开: a unit's publications and their life — draft → 保密审查 by a named reviewer → published
 * (索引号 assigned, indexed for search) → withdrawn (with the reason; the record stays). The
 * regulation's Art. 26 clock: information is published within 20 working days of being made or
 * changed; late ones are flagged. Attachments are accepted by their content and their text is
 * searchable. A publication can be tagged as evidence for its unit's task assignments.
 */
import type { Kysely } from 'kysely';
import type { Database, Publication } from '../../db/database.ts';
import { nextNumber } from '../../db/sequences.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sniffAttachment } from '../../platform/file-kinds.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import { parseDocNumber } from '../../lib/doc-numbers.ts';
import { extractDocumentText } from '../../lib/document-text.ts';
import { workingDaysAfter } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { getUnit } from '../directory/index.ts';
import { findAssignmentFacts } from '../lists/index.ts';
import { indexRecords, unindexRecord } from '../search/index.ts';
import { ancestorsOf } from './catalogue.service.ts';
import { canBeReviewer, canReadUnpublished, canReview, canWritePublication } from './publications.policy.ts';
import { presentPublication, type PublicationView } from './publications.presenter.ts';
import * as repo from './publications.repository.ts';

type Db = Kysely<Database>;

export const PLATFORM_COLUMNS = {
  guide: '政府信息公开指南',
  rules: '政府信息公开制度',
  statutory: '法定主动公开内容',
  annualReport: '政府信息公开年报',
} as const;
export type PlatformColumn = keyof typeof PLATFORM_COLUMNS;

export const PUBLICATION_KINDS = { general: '政府信息', normative: '行政规范性文件', policy: '其他政策文件' } as const;
export type PublicationKind = keyof typeof PUBLICATION_KINDS;

export const PUBLICATION_STATES = { draft: '草稿', inReview: '保密审查中', published: '已发布', withdrawn: '已撤回' } as const;
export type PublicationState = keyof typeof PUBLICATION_STATES;

/** 《政府信息公开条例》第二十六条: within 20 working days of the information being made or changed */
export const PUBLISH_WITHIN_WORKING_DAYS = 20;

export interface PublicationInput {
  unitId?: number;
  platformColumn: PlatformColumn;
  kind: PublicationKind;
  title: string;
  publisher?: string | null;
  docNumber?: string | null;
  topic?: string | null;
  writtenOn?: string | null;
  madeOn?: string | null;
  body?: string;
  nodeIds?: number[];
}

// ---- hooks: other modules react to publishing (the normative register) ----

export interface PublicationHook {
  onPublished?(trx: Db, publication: Publication, actor: Actor): Promise<void>;
  onWithdrawn?(trx: Db, publication: Publication, actor: Actor): Promise<void>;
}
const hooks: PublicationHook[] = [];
export function registerPublicationHook(hook: PublicationHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

// ---- helpers ----

function requireUser(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
}

async function load(db: Db, id: number): Promise<Publication> {
  const p = await repo.findPublication(db, id);
  if (!p) throw new NotFoundError('PUBLICATION_NOT_FOUND', `政府信息 ${id} 不存在`);
  return p;
}

/** A publication this actor may read: published ones for everyone, others for their unit, office, observers. */
async function loadReadable(db: Db, actor: Actor, id: number): Promise<Publication> {
  const p = await load(db, id);
  if (p.state === 'published') return p;
  if (actor.kind === 'anonymous' || !canReadUnpublished(actor, p)) throw new NotFoundError('PUBLICATION_NOT_FOUND', `政府信息 ${id} 不存在`);
  return p;
}

async function loadWritable(db: Db, actor: Actor, id: number): Promise<Publication> {
  requireUser(actor);
  const p = await load(db, id);
  if (!canReadUnpublished(actor, p)) throw new NotFoundError('PUBLICATION_NOT_FOUND', `政府信息 ${id} 不存在`);
  if (!canWritePublication(actor, p)) throw new ForbiddenError('PUBLICATION_FORBIDDEN', '只能编辑本单位的政府信息');
  return p;
}

function requireDraft(p: Publication): void {
  if (p.state !== 'draft') throw new ConflictError('PUBLICATION_NOT_EDITABLE', `“${p.title}”${p.state === 'inReview' ? '正在保密审查' : p.state === 'published' ? '已发布' : '已撤回'}，不能修改；${p.state === 'inReview' ? '请等待审查结果或由审查人退回' : '如需更正请撤回后重新起草'}`);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | null | undefined, label: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) throw new ValidationError('PUBLICATION_DATE_INVALID', `${label}“${value}”不是有效日期（格式：2020-07-02）`);
  return value;
}

function checkDocNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const d = parseDocNumber(value);
  if (!d) throw new ValidationError('PUBLICATION_DOC_NUMBER_INVALID', `文号“${value}”格式不正确：应为 发文机关代字〔年份〕序号号，如 嘉政办发〔2020〕36号`);
  return d.text;
}

async function checkNodes(db: Db, nodeIds: number[] | undefined, unitId: number): Promise<number[]> {
  if (!nodeIds?.length) return [];
  const nodes = await repo.findNodes(db, nodeIds);
  for (const id of nodeIds) {
    const n = nodes.find((x) => x.id === id);
    if (!n) throw new ValidationError('PUBLICATION_CATALOGUE_NODE_UNKNOWN', `目录节点 ${id} 不存在`);
    if (n.unitId !== null && n.unitId !== unitId) throw new ValidationError('PUBLICATION_CATALOGUE_NODE_OTHER_UNIT', `目录节点“${n.name}”属于其他单位的目录`);
  }
  return [...new Set(nodeIds)];
}

export function publishDueOn(madeOn: string | null): string | null {
  return madeOn ? workingDaysAfter(madeOn, PUBLISH_WITHIN_WORKING_DAYS) : null;
}

async function view(db: Db, p: Publication): Promise<PublicationView> {
  const [unit, attachments, nodes, evidence] = await Promise.all([
    getUnit(db, p.unitId), repo.listAttachments(db, p.id), repo.catalogueOf(db, [p.id]), repo.evidenceOf(db, p.id),
  ]);
  const reviewer = p.reviewerId ? await repo.findUser(db, p.reviewerId) : undefined;
  return presentPublication(p, { unitName: unit?.name ?? '', attachments, nodes, evidence, reviewerName: reviewer?.displayName ?? null, today: today() });
}

/** The search entry of a published publication: body and attachments' text, filed nodes with ancestors. */
export async function indexPublication(db: Db, id: number, extra: { validity?: string | null } = {}): Promise<void> {
  const p = await load(db, id);
  if (p.state !== 'published') {
    await unindexRecord(db, p.kind === 'normative' ? 'normative' : 'publication', id);
    return;
  }
  const nodeIds = (await repo.catalogueOf(db, [id])).map((n) => n.nodeId);
  await indexRecords(db, [{
    kind: p.kind === 'normative' ? 'normative' : 'publication', refId: p.id, unitId: p.unitId, year: p.publishedOn ? Number(p.publishedOn.slice(0, 4)) : null,
    validity: extra.validity ?? null, docNumber: p.docNumber, title: p.title, url: `/portal/publications/${p.id}`, publishedOn: p.publishedOn,
    body: `${p.bodyText}\n${await repo.attachmentsText(db, id)}`, nodeIds: await ancestorsOf(db, nodeIds),
  }]);
}

// ---- use cases ----

export async function createPublication(db: Db, actor: Actor, input: PublicationInput): Promise<PublicationView> {
  requireUser(actor);
  const unitId = input.unitId ?? (actor.kind === 'user' ? actor.unitId : undefined);
  if (!unitId) throw new ValidationError('PUBLICATION_UNIT_REQUIRED', '请指定发布单位');
  if (!canWritePublication(actor, { unitId })) throw new ForbiddenError('PUBLICATION_FORBIDDEN', '只能为本单位起草政府信息');
  const unit = await getUnit(db, unitId);
  if (!unit) throw new ValidationError('PUBLICATION_UNIT_UNKNOWN', `单位 ${unitId} 不存在`);
  const title = input.title.trim();
  if (!title) throw new ValidationError('PUBLICATION_TITLE_REQUIRED', '请填写标题');
  const madeOn = checkDate(input.madeOn, '信息形成（变更）日期');
  const writtenOn = checkDate(input.writtenOn, '成文日期');
  const docNumber = checkDocNumber(input.docNumber);
  const nodeIds = await checkNodes(db, input.nodeIds, unitId);
  const body = sanitizeRichText(input.body ?? '');
  return db.transaction().execute(async (trx) => {
    const p = await repo.insertPublication(trx, {
      unitId, platformColumn: input.platformColumn, kind: input.kind, indexNumber: null, title, publisher: input.publisher?.trim() || unit.name,
      docNumber, topic: input.topic?.trim() || null, writtenOn, madeOn: madeOn ?? writtenOn, publishDueOn: publishDueOn(madeOn ?? writtenOn), publishedOn: null,
      bodyHtml: body.html, bodyText: body.text, state: 'draft', reviewerId: null, reviewNote: null, reviewedAt: null, withdrawnReason: null, withdrawnAt: null,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await repo.setCatalogue(trx, p.id, nodeIds);
    await recordAudit(trx, actor, { action: 'create_publication', resourceType: 'publication', resourceId: p.id, after: { ...p, bodyHtml: undefined, nodeIds } });
    return view(trx, p);
  });
}

export async function updatePublication(db: Db, actor: Actor, id: number, patch: Partial<PublicationInput>): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  requireDraft(p);
  const changes: Partial<repo.NewPublication> = {};
  if (patch.title !== undefined) {
    if (!patch.title.trim()) throw new ValidationError('PUBLICATION_TITLE_REQUIRED', '请填写标题');
    changes.title = patch.title.trim();
  }
  if (patch.platformColumn !== undefined) changes.platformColumn = patch.platformColumn;
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.publisher !== undefined) changes.publisher = patch.publisher?.trim() || p.publisher;
  if (patch.docNumber !== undefined) changes.docNumber = checkDocNumber(patch.docNumber);
  if (patch.topic !== undefined) changes.topic = patch.topic?.trim() || null;
  if (patch.writtenOn !== undefined) changes.writtenOn = checkDate(patch.writtenOn, '成文日期');
  if (patch.madeOn !== undefined) {
    changes.madeOn = checkDate(patch.madeOn, '信息形成（变更）日期');
    changes.publishDueOn = publishDueOn(changes.madeOn);
  }
  if (patch.body !== undefined) {
    const b = sanitizeRichText(patch.body);
    changes.bodyHtml = b.html;
    changes.bodyText = b.text;
  }
  const nodeIds = patch.nodeIds !== undefined ? await checkNodes(db, patch.nodeIds, p.unitId) : undefined;
  return db.transaction().execute(async (trx) => {
    const after = await repo.updatePublication(trx, id, changes);
    if (nodeIds) await repo.setCatalogue(trx, id, nodeIds);
    await recordAudit(trx, actor, { action: 'update_publication', resourceType: 'publication', resourceId: id, before: { ...p, bodyHtml: undefined }, after: { ...changes, bodyHtml: undefined, nodeIds } });
    return view(trx, after);
  });
}

export async function deletePublication(db: Db, actor: Actor, id: number): Promise<void> {
  const p = await loadWritable(db, actor, id);
  if (p.state !== 'draft' || p.indexNumber) throw new ConflictError('PUBLICATION_NOT_DELETABLE', `只能删除从未发布的草稿；“${p.title}”可撤回但不能删除`);
  await db.transaction().execute(async (trx) => {
    await repo.deletePublication(trx, id);
    await recordAudit(trx, actor, { action: 'delete_publication', resourceType: 'publication', resourceId: id, before: { ...p, bodyHtml: undefined } });
  });
}

export async function getPublication(db: Db, actor: Actor, id: number): Promise<PublicationView> {
  return view(db, await loadReadable(db, actor, id));
}

export interface ListQuery {
  unitId?: number;
  state?: PublicationState;
  column?: PlatformColumn;
  kind?: PublicationKind;
  nodeId?: number;
  year?: number;
  q?: string;
  late?: boolean;
  /** publications waiting for my review */
  reviewing?: boolean;
  assignmentId?: number;
  page?: number;
  pageSize?: number;
}

/** The workbench list: a unit sees its own, the office and observers all. */
export async function listPublications(db: Db, actor: Actor, query: ListQuery): Promise<{ items: PublicationView[]; total: number }> {
  requireUser(actor);
  let unitId = query.unitId;
  if (actor.kind === 'user' && !isOfficeLike(actor) && actor.role !== 'observer' && !query.reviewing) {
    if (unitId !== undefined && unitId !== actor.unitId) throw new ForbiddenError('PUBLICATION_FORBIDDEN', '只能查看本单位的政府信息');
    unitId = actor.unitId;
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const nodeIds = query.nodeId ? await descendantsOf(db, query.nodeId) : undefined;
  const { items, total } = await repo.listPublications(db, {
    unitId, state: query.reviewing ? 'inReview' : query.state, column: query.column, kind: query.kind, nodeIds, year: query.year, q: query.q?.trim() || undefined,
    lateAsOf: query.late ? today() : undefined, reviewerId: query.reviewing && actor.kind === 'user' ? actor.userId : undefined,
    assignmentId: query.assignmentId, limit: pageSize, offset: (page - 1) * pageSize,
  });
  const nodes = await repo.catalogueOf(db, items.map((i) => i.id));
  return {
    total,
    items: items.map((p) => presentPublication(p, { unitName: p.unitName, attachments: [], nodes: nodes.filter((n) => n.publicationId === p.id), evidence: [], reviewerName: null, today: today() })),
  };
}

/** The public list (published only): for the portal pages, feeds and the open-data export. */
export async function listPublishedPublications(db: Db, query: Omit<ListQuery, 'state' | 'late' | 'reviewing' | 'assignmentId'>) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const nodeIds = query.nodeId ? await descendantsOf(db, query.nodeId) : undefined;
  return repo.listPublications(db, {
    unitId: query.unitId, state: 'published', column: query.column, kind: query.kind, nodeIds, year: query.year, q: query.q?.trim() || undefined,
    limit: pageSize, offset: (page - 1) * pageSize, byPublishedOn: true,
  });
}

async function descendantsOf(db: Db, nodeId: number): Promise<number[]> {
  const root = await repo.findNode(db, nodeId);
  if (!root) return [];
  const all = await repo.listNodes(db, { unitId: root.unitId, kind: root.kind });
  const out = [nodeId];
  for (let i = 0; i < out.length; i++) for (const n of all) if (n.parentId === out[i]) out.push(n.id);
  return out;
}

export async function reviewerCandidates(db: Db, actor: Actor, id: number) {
  const p = await loadWritable(db, actor, id);
  return (await repo.findReviewerCandidates(db, p.unitId)).filter((u) => canBeReviewer({ role: u.role, unitId: u.unitId, userId: u.id }, p));
}

/** draft → inReview: the author names the reviewer (a unit administrator or the office, not the author). */
export async function requestReview(db: Db, actor: Actor, id: number, reviewerId: number): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  requireDraft(p);
  if (!p.bodyText.trim() && !(await repo.listAttachments(db, id)).length) throw new ValidationError('PUBLICATION_EMPTY', `“${p.title}”没有正文也没有附件，不能提交审查`);
  const reviewer = await repo.findUser(db, reviewerId);
  if (!reviewer || reviewer.disabled) throw new ValidationError('PUBLICATION_REVIEWER_UNKNOWN', `审查人 ${reviewerId} 不存在或已停用`);
  if (!canBeReviewer({ role: reviewer.role, unitId: reviewer.unitId, userId: reviewer.id }, p)) {
    throw new ValidationError('PUBLICATION_REVIEWER_NOT_ALLOWED', `“${reviewer.displayName}”不能审查这条信息：审查人须为本单位管理员或政务公开办，且不能是起草人`);
  }
  return db.transaction().execute(async (trx) => {
    const after = await repo.updatePublication(trx, id, { state: 'inReview', reviewerId, reviewNote: null });
    await recordAudit(trx, actor, { action: 'request_publication_review', resourceType: 'publication', resourceId: id, before: { state: p.state }, after: { state: 'inReview', reviewerId } });
    return view(trx, after);
  });
}

/** The named reviewer approves (→ published, 索引号, search) or returns it (→ draft, with the note). */
export async function reviewPublication(db: Db, actor: Actor, id: number, decision: 'approve' | 'return', note: string | null): Promise<PublicationView> {
  requireUser(actor);
  const p = await load(db, id);
  if (!canReview(actor, p)) {
    if (!canReadUnpublished(actor, p)) throw new NotFoundError('PUBLICATION_NOT_FOUND', `政府信息 ${id} 不存在`);
    throw new ForbiddenError('PUBLICATION_NOT_REVIEWER', '只有指定的审查人（或政务公开办）可以审查');
  }
  if (p.state !== 'inReview') throw new ConflictError('PUBLICATION_NOT_IN_REVIEW', `“${p.title}”不在保密审查中`);
  if (decision === 'return' && !note?.trim()) throw new ValidationError('PUBLICATION_RETURN_NOTE_REQUIRED', '退回时请写明原因');
  return db.transaction().execute(async (trx) => {
    const reviewedAt = new Date().toISOString();
    let after: Publication;
    if (decision === 'return') {
      after = await repo.updatePublication(trx, id, { state: 'draft', reviewNote: note!.trim(), reviewedAt });
    } else {
      const publishedOn = today();
      const year = Number(publishedOn.slice(0, 4));
      const indexNumber = p.indexNumber ?? `${String(p.unitId).padStart(6, '0')}/${year}-${String(await nextNumber(trx, `publication-index:${p.unitId}:${year}`)).padStart(5, '0')}`;
      after = await repo.updatePublication(trx, id, { state: 'published', publishedOn, indexNumber, reviewNote: note?.trim() || null, reviewedAt });
      await indexPublication(trx, id);
      for (const h of hooks) await h.onPublished?.(trx, after, actor);
    }
    await recordAudit(trx, actor, { action: decision === 'approve' ? 'publish_publication' : 'return_publication', resourceType: 'publication', resourceId: id, before: { state: p.state }, after: { state: after.state, indexNumber: after.indexNumber, publishedOn: after.publishedOn, note } });
    return view(trx, after);
  });
}

/** published → withdrawn: off the platform and the search, the record and its reason stay. */
export async function withdrawPublication(db: Db, actor: Actor, id: number, reason: string): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  if (p.state !== 'published') throw new ConflictError('PUBLICATION_NOT_PUBLISHED', `“${p.title}”未发布，无需撤回`);
  if (!reason.trim()) throw new ValidationError('PUBLICATION_WITHDRAW_REASON_REQUIRED', '请写明撤回原因');
  return db.transaction().execute(async (trx) => {
    const after = await repo.updatePublication(trx, id, { state: 'withdrawn', withdrawnReason: reason.trim(), withdrawnAt: new Date().toISOString() });
    await unindexRecord(trx, p.kind === 'normative' ? 'normative' : 'publication', id);
    for (const h of hooks) await h.onWithdrawn?.(trx, after, actor);
    await recordAudit(trx, actor, { action: 'withdraw_publication', resourceType: 'publication', resourceId: id, before: { state: p.state }, after: { state: 'withdrawn', reason } });
    return view(trx, after);
  });
}

export async function addAttachment(db: Db, actor: Actor, id: number, file: { fileName: string; bytes: Uint8Array }): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  requireDraft(p);
  const kind = sniffAttachment(file.fileName, file.bytes, 'PUBLICATION_ATTACHMENT_TYPE');
  const text = await extractDocumentText(file.bytes, kind.mimeType);
  return db.transaction().execute(async (trx) => {
    const a = await repo.insertAttachment(trx, { publicationId: id, fileName: file.fileName, mimeType: kind.mimeType, size: file.bytes.byteLength, content: file.bytes, extractedText: text });
    await repo.updatePublication(trx, id, {});
    await recordAudit(trx, actor, { action: 'add_publication_attachment', resourceType: 'publication', resourceId: id, after: { ...a, textChars: text.length } });
    return view(trx, await load(trx, id));
  });
}

export async function deleteAttachment(db: Db, actor: Actor, id: number, attachmentId: number): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  requireDraft(p);
  const a = await repo.findAttachment(db, id, attachmentId);
  if (!a) throw new NotFoundError('PUBLICATION_ATTACHMENT_NOT_FOUND', `附件 ${attachmentId} 不存在`);
  return db.transaction().execute(async (trx) => {
    await repo.deleteAttachment(trx, attachmentId);
    await recordAudit(trx, actor, { action: 'delete_publication_attachment', resourceType: 'publication', resourceId: id, before: { id: a.id, fileName: a.fileName } });
    return view(trx, await load(trx, id));
  });
}

export async function readAttachment(db: Db, actor: Actor, id: number, attachmentId: number) {
  await loadReadable(db, actor, id);
  const a = await repo.findAttachment(db, id, attachmentId);
  if (!a) throw new NotFoundError('PUBLICATION_ATTACHMENT_NOT_FOUND', `附件 ${attachmentId} 不存在`);
  return a;
}

/** Tags the publication as evidence for these assignments of its own unit (replaces the set). */
export async function setEvidence(db: Db, actor: Actor, id: number, assignmentIds: number[]): Promise<PublicationView> {
  const p = await loadWritable(db, actor, id);
  if (p.state === 'withdrawn') throw new ConflictError('PUBLICATION_WITHDRAWN', `“${p.title}”已撤回，不能作为佐证`);
  const facts = assignmentIds.length ? await findAssignmentFacts(db, { assignmentIds }) : [];
  for (const aid of assignmentIds) {
    const f = facts.find((x) => x.assignmentId === aid);
    if (!f) throw new ValidationError('PUBLICATION_EVIDENCE_ASSIGNMENT_UNKNOWN', `任务分派 ${aid} 不存在`);
    if (f.unitId !== p.unitId) throw new ValidationError('PUBLICATION_EVIDENCE_OTHER_UNIT', `任务分派 ${aid}（第${f.seq}项）不属于发布单位，不能作为其佐证`);
  }
  const before = await repo.evidenceOf(db, id);
  return db.transaction().execute(async (trx) => {
    await repo.setEvidence(trx, id, assignmentIds, actor.kind === 'user' ? actor.userId : null);
    await recordAudit(trx, actor, { action: 'set_publication_evidence', resourceType: 'publication', resourceId: id, before: { assignmentIds: before }, after: { assignmentIds } });
    return view(trx, p);
  });
}

/** For the progress views: publications tagged as evidence of these assignments. */
export async function publicationsForAssignments(db: Db, assignmentIds: number[]) {
  return repo.publicationsForAssignments(db, assignmentIds);
}

/**
 * A placeholder unit merged into a real one: its publications (and any catalogue nodes it had) now
 * belong to the real unit, and the search index says so. Called inside the merge's transaction.
 */
export async function movePublicationsToUnit(trx: Db, fromUnitId: number, intoUnitId: number): Promise<void> {
  const moved = await trx.updateTable('publication').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).returning(['id', 'state', 'kind']).execute();
  await trx.updateTable('catalogueNode').set({ unitId: intoUnitId }).where('unitId', '=', fromUnitId).execute();
  for (const p of moved) if (p.state === 'published' && p.kind !== 'normative') await indexPublication(trx, p.id);
}
