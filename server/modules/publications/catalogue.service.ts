/**
 * 主动公开目录: the catalogue trees — the government's own (unit null) and each unit's, of two kinds
 * (basic: 主动公开基本目录; standard: 基层政务公开标准目录 with its pilot areas). Everyone reads them;
 * the office edits them. A default is seeded at first start.
 */
import type { Kysely } from 'kysely';
import type { CatalogueNode, Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { listUnits } from '../directory/index.ts';
import { GOVERNMENT_BASIC_CATALOGUE, STANDARD_AREA_ITEMS, STANDARD_PILOT_AREAS, UNIT_BASIC_CATALOGUE, type DefaultNode } from './data/default-catalogue.ts';
import { canEditCatalogue } from './publications.policy.ts';
import * as repo from './publications.repository.ts';

type Db = Kysely<Database>;

export const CATALOGUE_KINDS = { basic: '主动公开基本目录', standard: '基层政务公开标准目录' } as const;
export type CatalogueKind = keyof typeof CATALOGUE_KINDS;

export interface CatalogueTreeNode {
  id: number;
  name: string;
  code: string | null;
  pilotArea: string | null;
  sortOrder: number;
  children: CatalogueTreeNode[];
}

export function buildTree(nodes: CatalogueNode[]): CatalogueTreeNode[] {
  const byId = new Map<number, CatalogueTreeNode>();
  for (const n of nodes) byId.set(n.id, { id: n.id, name: n.name, code: n.code, pilotArea: n.pilotArea, sortOrder: n.sortOrder, children: [] });
  const roots: CatalogueTreeNode[] = [];
  for (const n of nodes) {
    const t = byId.get(n.id)!;
    const parent = n.parentId !== null ? byId.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(t);
  }
  const sort = (list: CatalogueTreeNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    list.forEach((c) => sort(c.children));
  };
  sort(roots);
  return roots;
}

export async function getCatalogue(db: Db, f: { unitId: number | null; kind: CatalogueKind }): Promise<CatalogueTreeNode[]> {
  return buildTree(await repo.listNodes(db, f));
}

/** The nodes with all their ancestors (a record filed under 行政规范性文件 is also under 政策文件). */
export async function ancestorsOf(db: Db, nodeIds: number[]): Promise<number[]> {
  const out = new Set<number>();
  let frontier = [...new Set(nodeIds)];
  while (frontier.length) {
    const nodes = await repo.findNodes(db, frontier.filter((id) => !out.has(id)));
    nodes.forEach((n) => out.add(n.id));
    frontier = nodes.map((n) => n.parentId).filter((p): p is number => p !== null && !out.has(p));
  }
  return [...out];
}

function requireEditor(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canEditCatalogue(actor)) throw new ForbiddenError('CATALOGUE_FORBIDDEN', '只有政务公开办可以编辑目录');
}

export async function createNode(db: Db, actor: Actor, input: { unitId: number | null; kind: CatalogueKind; parentId: number | null; name: string; code?: string | null; pilotArea?: string | null; sortOrder?: number }): Promise<CatalogueNode> {
  requireEditor(actor);
  const name = input.name.trim();
  if (!name) throw new ValidationError('CATALOGUE_NAME_REQUIRED', '请填写目录名称');
  if (input.parentId !== null) {
    const parent = await repo.findNode(db, input.parentId);
    if (!parent) throw new ValidationError('CATALOGUE_PARENT_UNKNOWN', `上级目录 ${input.parentId} 不存在`);
    if (parent.unitId !== input.unitId || parent.kind !== input.kind) throw new ValidationError('CATALOGUE_PARENT_OTHER_TREE', `上级目录“${parent.name}”属于另一棵目录树`);
  }
  return db.transaction().execute(async (trx) => {
    const n = await repo.insertNode(trx, { ...input, name });
    await recordAudit(trx, actor, { action: 'create_catalogue_node', resourceType: 'catalogue_node', resourceId: n.id, after: n });
    return n;
  });
}

export async function updateNode(db: Db, actor: Actor, id: number, patch: { name?: string; code?: string | null; sortOrder?: number }): Promise<CatalogueNode> {
  requireEditor(actor);
  const n = await repo.findNode(db, id);
  if (!n) throw new NotFoundError('CATALOGUE_NODE_NOT_FOUND', `目录节点 ${id} 不存在`);
  if (patch.name !== undefined && !patch.name.trim()) throw new ValidationError('CATALOGUE_NAME_REQUIRED', '请填写目录名称');
  return db.transaction().execute(async (trx) => {
    await repo.updateNode(trx, id, { ...patch, name: patch.name?.trim() });
    const after = (await repo.findNode(trx, id))!;
    await recordAudit(trx, actor, { action: 'update_catalogue_node', resourceType: 'catalogue_node', resourceId: id, before: n, after });
    return after;
  });
}

export async function deleteNode(db: Db, actor: Actor, id: number): Promise<void> {
  requireEditor(actor);
  const n = await repo.findNode(db, id);
  if (!n) throw new NotFoundError('CATALOGUE_NODE_NOT_FOUND', `目录节点 ${id} 不存在`);
  const all = await repo.listNodes(db, { unitId: n.unitId, kind: n.kind });
  const subtree = [id];
  for (let i = 0; i < subtree.length; i++) for (const c of all) if (c.parentId === subtree[i]) subtree.push(c.id);
  const filed = await repo.countFiledUnder(db, subtree);
  if (filed > 0) throw new ConflictError('CATALOGUE_NODE_IN_USE', `目录“${n.name}”及其下级目录下有 ${filed} 条政府信息，请先改挂到其他目录再删除`);
  await db.transaction().execute(async (trx) => {
    await repo.deleteNode(trx, id);
    await recordAudit(trx, actor, { action: 'delete_catalogue_node', resourceType: 'catalogue_node', resourceId: id, before: n });
  });
}

async function insertTree(db: Db, tree: DefaultNode[], base: { unitId: number | null; kind: string; pilotArea?: string | null }, parentId: number | null): Promise<number> {
  let count = 0;
  for (const [i, node] of tree.entries()) {
    const n = await repo.insertNode(db, { unitId: base.unitId, kind: base.kind, parentId, name: node.name, pilotArea: base.pilotArea ?? null, sortOrder: i + 1 });
    count += 1 + (node.children ? await insertTree(db, node.children, base, n.id) : 0);
  }
  return count;
}

/**
 * The default trees, once (when there are no nodes yet): the government's basic and standard
 * catalogues, and a basic catalogue for every unit of the directory.
 */
export async function seedDefaultCatalogues(db: Db, actor: Actor): Promise<number> {
  if ((await repo.countNodes(db)) > 0) return 0;
  const units = await listUnits(db);
  return db.transaction().execute(async (trx) => {
    let count = await insertTree(trx, GOVERNMENT_BASIC_CATALOGUE, { unitId: null, kind: 'basic' }, null);
    for (const [i, area] of STANDARD_PILOT_AREAS.entries()) {
      const root = await repo.insertNode(trx, { unitId: null, kind: 'standard', parentId: null, name: area, pilotArea: area, sortOrder: i + 1 });
      count += 1 + (await insertTree(trx, STANDARD_AREA_ITEMS.map((name) => ({ name })), { unitId: null, kind: 'standard', pilotArea: area }, root.id));
    }
    for (const u of units) if (!u.placeholder) count += await insertTree(trx, UNIT_BASIC_CATALOGUE, { unitId: u.id, kind: 'basic' }, null);
    await recordAudit(trx, actor, { action: 'seed_catalogues', resourceType: 'catalogue_node', after: { nodes: count } });
    return count;
  });
}
