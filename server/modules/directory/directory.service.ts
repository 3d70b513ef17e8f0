/**
 * The unit directory: units with short names and aliases, unit groups, resolution of the phrases
 * notices use, placeholder units for unknown names, merging, and CSV import/export.
 */
import type { Kysely, Transaction } from 'kysely';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Database, Unit, UnitGroup } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { isSet, now } from '../../db/portable.ts';
import { isOfficeLike, type Actor } from '../../platform/actor.ts';
import { AuthenticationError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './directory.repository.ts';
import { tidyName } from './names.ts';
import { UnitResolver } from './resolver.ts';
import { isUnitKind, UNIT_KINDS } from './unit-kinds.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Only the office edits the directory; everyone may read it (it is public information). */
export function canManageDirectory(actor: Actor): boolean {
  return isOfficeLike(actor);
}

function requireManager(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AuthenticationError();
  if (!canManageDirectory(actor)) throw new ForbiddenError('DIRECTORY_FORBIDDEN', '只有政务公开办可以维护单位名录');
}

export interface UnitView {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  kindLabel: string;
  parentId: number | null;
  placeholder: boolean;
  aliases: string[];
  groupIds: number[];
}

export interface GroupView {
  id: number;
  name: string;
  aliases: string[];
  memberIds: number[];
}

function presentUnit(u: Unit, aliases: string[], groupIds: number[]): UnitView {
  return {
    id: u.id, name: u.name, shortName: u.shortName, kind: u.kind,
    kindLabel: isUnitKind(u.kind) ? UNIT_KINDS[u.kind] : u.kind,
    parentId: u.parentId, placeholder: isSet(u.placeholder), aliases, groupIds,
  };
}

async function viewsOf(q: Q, units: Unit[]): Promise<UnitView[]> {
  const ids = units.map((u) => u.id);
  const [aliases, members] = await Promise.all([repo.findAliases(q, ids), repo.findMembers(q)]);
  const byUnit = new Map<number, string[]>();
  for (const a of aliases) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.alias]);
  const groupsOf = new Map<number, number[]>();
  for (const m of members) groupsOf.set(m.unitId, [...(groupsOf.get(m.unitId) ?? []), m.groupId]);
  return units.map((u) => presentUnit(u, byUnit.get(u.id) ?? [], groupsOf.get(u.id) ?? []));
}

/** A unit by id (any module may ask). */
export async function getUnit(q: Q, id: number): Promise<Unit | undefined> {
  return repo.findUnitById(q, id);
}

/** Units with their aliases and groups; the directory is public. */
export async function listUnits(db: Db, filter: repo.UnitFilter = {}): Promise<UnitView[]> {
  return viewsOf(db, await repo.findUnits(db, filter));
}

export async function getUnitView(db: Db, id: number): Promise<UnitView> {
  const u = await repo.findUnitById(db, id);
  if (!u) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${id}`);
  return (await viewsOf(db, [u]))[0]!;
}

/** Short names of units by id, for presenting assignments. */
export async function unitNames(q: Q, ids?: number[]): Promise<Map<number, { name: string; shortName: string | null }>> {
  const units = await repo.findUnits(q);
  const wanted = ids ? new Set(ids) : undefined;
  return new Map(units.filter((u) => !wanted || wanted.has(u.id)).map((u) => [u.id, { name: u.name, shortName: u.shortName }]));
}

export interface UnitInput {
  name: string;
  shortName?: string | null;
  kind: string;
  parentId?: number | null;
  aliases?: string[];
}

function checkUnitInput(input: Partial<UnitInput>): void {
  if (input.name !== undefined && !tidyName(input.name)) throw new ValidationError('UNIT_INVALID_NAME', '单位名称不能为空');
  if (input.kind !== undefined && !isUnitKind(input.kind)) {
    throw new ValidationError('UNIT_INVALID_KIND', `未知单位类型：${input.kind}（可选：${Object.keys(UNIT_KINDS).join('、')}）`);
  }
}

/** Aliases other than the unit's own name and short name, tidied, without duplicates. */
function cleanAliases(aliases: string[] | undefined, name: string, shortName: string | null | undefined): string[] {
  const own = new Set([name, shortName ?? '']);
  return [...new Set((aliases ?? []).map(tidyName).filter((a) => a && !own.has(a)))];
}

async function assertNamesFree(q: Q, names: string[], exceptUnitId?: number): Promise<void> {
  const resolver = await loadResolver(q);
  for (const n of names) {
    const owner = resolver.findUnit(n);
    if (owner !== undefined && owner !== exceptUnitId) throw new ConflictError('UNIT_NAME_TAKEN', `名称已被其他单位使用：${n}`);
    if (resolver.findGroup(n) !== undefined) throw new ConflictError('UNIT_NAME_TAKEN', `名称已被单位组使用：${n}`);
  }
}

/** Adds a unit to the directory (office). */
export async function createUnit(db: Db, actor: Actor, input: UnitInput): Promise<UnitView> {
  requireManager(actor);
  checkUnitInput(input);
  const name = tidyName(input.name);
  const shortName = input.shortName ? tidyName(input.shortName) : null;
  const aliases = cleanAliases(input.aliases, name, shortName);
  const unit = await db.transaction().execute(async (trx) => {
    await assertNamesFree(trx, [name, ...(shortName ? [shortName] : []), ...aliases]);
    if (input.parentId != null && !(await repo.findUnitById(trx, input.parentId))) throw new ValidationError('UNIT_PARENT_NOT_FOUND', `上级单位不存在：${input.parentId}`);
    const at = now();
    const u = await repo.insertUnit(trx, { name, shortName, kind: input.kind, parentId: input.parentId ?? null, placeholder: 0, createdAt: at, updatedAt: at });
    await repo.replaceAliases(trx, u.id, aliases);
    await recordAudit(trx, actor, { action: 'create_unit', resourceType: 'unit', resourceId: u.id, after: { ...u, aliases } });
    return u;
  });
  return getUnitView(db, unit.id);
}

/** Edits a unit (office). Confirming a placeholder's details clears its placeholder mark. */
export async function updateUnit(db: Db, actor: Actor, id: number, patch: Partial<UnitInput>): Promise<UnitView> {
  requireManager(actor);
  checkUnitInput(patch);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findUnitById(trx, id);
    if (!before) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${id}`);
    const name = patch.name !== undefined ? tidyName(patch.name) : before.name;
    const shortName = patch.shortName !== undefined ? (patch.shortName ? tidyName(patch.shortName) : null) : before.shortName;
    const oldAliases = (await repo.findAliases(trx, [id])).map((a) => a.alias);
    const aliases = cleanAliases(patch.aliases ?? oldAliases, name, shortName);
    await assertNamesFree(trx, [name, ...(shortName ? [shortName] : []), ...aliases], id);
    if (patch.parentId != null && (patch.parentId === id || !(await repo.findUnitById(trx, patch.parentId)))) {
      throw new ValidationError('UNIT_PARENT_NOT_FOUND', `上级单位无效：${patch.parentId}`);
    }
    const after = await repo.updateUnit(trx, id, {
      name, shortName, kind: patch.kind ?? before.kind,
      parentId: patch.parentId !== undefined ? patch.parentId : before.parentId,
      placeholder: patch.kind && patch.kind !== 'unknown' ? 0 : before.placeholder,
      updatedAt: now(),
    });
    await repo.replaceAliases(trx, id, aliases);
    await recordAudit(trx, actor, { action: 'update_unit', resourceType: 'unit', resourceId: id, before: { ...before, aliases: oldAliases }, after: { ...after, aliases } });
  });
  return getUnitView(db, id);
}

/** Called inside the merge transaction so each module moves its own references to the merged unit. */
export type UnitMergeHandler = (trx: Transaction<Database>, fromUnitId: number, intoUnitId: number) => Promise<void>;
const mergeHandlers: UnitMergeHandler[] = [];

/** Modules that reference units register here (in their index.ts) to follow a merge. */
export function registerUnitMergeHandler(handler: UnitMergeHandler): void {
  mergeHandlers.push(handler);
}

/**
 * Merges one unit into another (typically a placeholder created for an unknown name into the real
 * unit): its name becomes an alias of the target, and every reference moves to the target.
 */
export async function mergeUnit(db: Db, actor: Actor, fromId: number, intoId: number): Promise<UnitView> {
  requireManager(actor);
  if (fromId === intoId) throw new ValidationError('UNIT_MERGE_SAME', '不能将单位合并到自身');
  await db.transaction().execute(async (trx) => {
    const from = await repo.findUnitById(trx, fromId);
    const into = await repo.findUnitById(trx, intoId);
    if (!from) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${fromId}`);
    if (!into) throw new NotFoundError('UNIT_NOT_FOUND', `单位不存在：${intoId}`);
    for (const handler of mergeHandlers) await handler(trx, fromId, intoId);
    await repo.moveMemberships(trx, fromId, intoId);
    await repo.moveAliases(trx, fromId, intoId);
    await trx.updateTable('unit').set({ parentId: intoId }).where('parentId', '=', fromId).execute();
    await repo.deleteUnit(trx, fromId);
    const names = [from.name, from.shortName].filter((n): n is string => !!n && n !== into.name && n !== into.shortName);
    for (const n of names) if ((await repo.findAliasOwner(trx, n)) === undefined) await trx.insertInto('unitAlias').values({ unitId: intoId, alias: n }).execute();
    await recordAudit(trx, actor, { action: 'merge_unit', resourceType: 'unit', resourceId: intoId, before: from, after: { mergedInto: intoId, aliasesAdded: names } });
  });
  return getUnitView(db, intoId);
}

// ---- groups ----

async function groupViews(q: Q, groups: UnitGroup[]): Promise<GroupView[]> {
  const ids = groups.map((g) => g.id);
  const [aliases, members] = await Promise.all([repo.findGroupAliases(q, ids), repo.findMembers(q, ids)]);
  return groups.map((g) => ({
    id: g.id, name: g.name,
    aliases: aliases.filter((a) => a.groupId === g.id).map((a) => a.alias),
    memberIds: members.filter((m) => m.groupId === g.id).map((m) => m.unitId),
  }));
}

export async function listGroups(db: Db): Promise<GroupView[]> {
  return groupViews(db, await repo.findGroups(db));
}

export async function getGroupView(db: Db, id: number): Promise<GroupView> {
  const g = await repo.findGroupById(db, id);
  if (!g) throw new NotFoundError('UNIT_GROUP_NOT_FOUND', `单位组不存在：${id}`);
  return (await groupViews(db, [g]))[0]!;
}

export interface GroupInput {
  name: string;
  aliases?: string[];
  memberIds?: number[];
}

async function checkMembers(q: Q, ids: number[]): Promise<void> {
  for (const id of new Set(ids)) if (!(await repo.findUnitById(q, id))) throw new ValidationError('UNIT_GROUP_MEMBER_NOT_FOUND', `成员单位不存在：${id}`);
}

/** Creates a unit group (office). */
export async function createGroup(db: Db, actor: Actor, input: GroupInput): Promise<GroupView> {
  requireManager(actor);
  const name = tidyName(input.name);
  if (!name) throw new ValidationError('UNIT_GROUP_INVALID_NAME', '单位组名称不能为空');
  const id = await db.transaction().execute(async (trx) => {
    const resolver = await loadResolver(trx);
    const aliases = [...new Set((input.aliases ?? []).map(tidyName).filter((a) => a && a !== name))];
    for (const n of [name, ...aliases]) {
      if (resolver.findGroup(n) !== undefined || resolver.findUnit(n) !== undefined) throw new ConflictError('UNIT_GROUP_NAME_TAKEN', `名称已被使用：${n}`);
    }
    await checkMembers(trx, input.memberIds ?? []);
    const at = now();
    const g = await repo.insertGroup(trx, { name, createdAt: at, updatedAt: at });
    await repo.replaceGroupAliases(trx, g.id, aliases);
    await repo.replaceMembers(trx, g.id, input.memberIds ?? []);
    await recordAudit(trx, actor, { action: 'create_unit_group', resourceType: 'unitGroup', resourceId: g.id, after: { name, aliases, memberIds: input.memberIds ?? [] } });
    return g.id;
  });
  return getGroupView(db, id);
}

/** Renames a group, or replaces its aliases or members (office). */
export async function updateGroup(db: Db, actor: Actor, id: number, patch: Partial<GroupInput>): Promise<GroupView> {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const g = await repo.findGroupById(trx, id);
    if (!g) throw new NotFoundError('UNIT_GROUP_NOT_FOUND', `单位组不存在：${id}`);
    const before = (await groupViews(trx, [g]))[0]!;
    const name = patch.name !== undefined ? tidyName(patch.name) : g.name;
    if (!name) throw new ValidationError('UNIT_GROUP_INVALID_NAME', '单位组名称不能为空');
    const aliases = patch.aliases ? [...new Set(patch.aliases.map(tidyName).filter((a) => a && a !== name))] : before.aliases;
    const resolver = await loadResolver(trx);
    for (const n of [name, ...aliases]) {
      const other = resolver.findGroup(n);
      if ((other !== undefined && other !== id) || resolver.findUnit(n) !== undefined) throw new ConflictError('UNIT_GROUP_NAME_TAKEN', `名称已被使用：${n}`);
    }
    if (patch.memberIds) await checkMembers(trx, patch.memberIds);
    await repo.updateGroup(trx, id, { name, updatedAt: now() });
    await repo.replaceGroupAliases(trx, id, aliases);
    if (patch.memberIds) await repo.replaceMembers(trx, id, patch.memberIds);
    await recordAudit(trx, actor, {
      action: 'update_unit_group', resourceType: 'unitGroup', resourceId: id, before,
      after: { name, aliases, memberIds: patch.memberIds ?? before.memberIds },
    });
  });
  return getGroupView(db, id);
}

// ---- resolution, used by the lists module ----

/** A resolver over the directory as it stands in `q` (inside a transaction: including its writes). */
export async function loadResolver(q: Q): Promise<UnitResolver> {
  const [units, aliases, groups, groupAliases, members] = await Promise.all([
    repo.findUnits(q), repo.findAliases(q), repo.findGroups(q), repo.findGroupAliases(q), repo.findMembers(q),
  ]);
  return new UnitResolver({ units, aliases, groups, groupAliases, members });
}

/**
 * Creates a placeholder unit for a name the directory does not know, so nothing a notice names is
 * dropped; the office later confirms it or merges it into the real unit.
 */
export async function createPlaceholderUnit(trx: Transaction<Database>, actor: Actor, name: string): Promise<number> {
  const at = now();
  const u = await repo.insertUnit(trx, { name: tidyName(name), shortName: null, kind: 'unknown', parentId: null, placeholder: 1, createdAt: at, updatedAt: at });
  await recordAudit(trx, actor, { action: 'create_placeholder_unit', resourceType: 'unit', resourceId: u.id, after: u });
  return u.id;
}

/** Finds a group by name or alias, creating it with the given members when missing. */
export async function ensureGroup(trx: Transaction<Database>, actor: Actor, name: string, memberIds: number[]): Promise<number> {
  const resolver = await loadResolver(trx);
  const existing = resolver.findGroup(name);
  if (existing !== undefined) return existing;
  const at = now();
  const g = await repo.insertGroup(trx, { name: tidyName(name), createdAt: at, updatedAt: at });
  await repo.replaceMembers(trx, g.id, memberIds);
  await recordAudit(trx, actor, { action: 'create_unit_group', resourceType: 'unitGroup', resourceId: g.id, after: { name, memberIds } });
  return g.id;
}

// ---- CSV ----

/** The directory CSV's columns; `aliases` and `groups` are `|`-separated. */
export const DIRECTORY_CSV_COLUMNS = ['name', 'shortName', 'aliases', 'kind', 'parent', 'groups'] as const;

interface CsvRow { name: string; shortName: string; aliases: string; kind: string; parent: string; groups: string }

function splitBar(s: string | undefined): string[] {
  return (s ?? '').split('|').map((x) => tidyName(x)).filter(Boolean);
}

/**
 * Imports units from CSV (columns: name, shortName, aliases, kind, parent, groups): existing units
 * (matched by name) are updated, new ones created, groups created as needed — all or nothing.
 * `groupAliasesCsv` (columns: name, aliases) adds aliases of groups.
 */
export async function importDirectoryCsv(
  db: Db, actor: Actor, unitsCsv: string, groupAliasesCsv?: string,
): Promise<{ created: number; updated: number; groups: number }> {
  requireManager(actor);
  let rows: CsvRow[];
  try {
    rows = parse(unitsCsv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new ValidationError('UNIT_CSV_INVALID', `单位名录CSV格式错误：${e instanceof Error ? e.message : String(e)}`);
  }
  const first = rows[0];
  if (!first || !('name' in first) || !('kind' in first)) throw new ValidationError('UNIT_CSV_INVALID', `单位名录CSV须包含表头：${DIRECTORY_CSV_COLUMNS.join(',')}`);
  rows.forEach((r, i) => {
    if (!tidyName(r.name ?? '')) throw new ValidationError('UNIT_CSV_INVALID', `第${i + 2}行：单位名称为空`);
    if (!isUnitKind(r.kind ?? '')) throw new ValidationError('UNIT_CSV_INVALID', `第${i + 2}行：未知单位类型“${r.kind}”`);
  });
  let groupRows: { name: string; aliases: string }[] = [];
  if (groupAliasesCsv) {
    try {
      groupRows = parse(groupAliasesCsv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
    } catch (e) {
      throw new ValidationError('UNIT_CSV_INVALID', `单位组CSV格式错误：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    const at = now();
    const idsByName = new Map<string, number>();
    for (const r of rows) {
      const name = tidyName(r.name);
      const shortName = r.shortName ? tidyName(r.shortName) : null;
      const existing = await repo.findUnitByName(trx, name);
      const unit = existing
        ? await repo.updateUnit(trx, existing.id, { shortName, kind: r.kind, placeholder: 0, updatedAt: at })
        : await repo.insertUnit(trx, { name, shortName, kind: r.kind, parentId: null, placeholder: 0, createdAt: at, updatedAt: at });
      existing ? updated++ : created++;
      idsByName.set(name, unit.id);
      const aliases = cleanAliases(splitBar(r.aliases), name, shortName);
      for (const a of aliases) {
        const owner = await repo.findAliasOwner(trx, a);
        if (owner !== undefined && owner !== unit.id) throw new ConflictError('UNIT_NAME_TAKEN', `别名“${a}”已属于其他单位`);
      }
      await repo.replaceAliases(trx, unit.id, aliases);
    }
    const groupMembers = new Map<string, number[]>();
    for (const r of rows) {
      const id = idsByName.get(tidyName(r.name))!;
      if (r.parent) {
        const parent = idsByName.get(tidyName(r.parent)) ?? (await repo.findUnitByName(trx, tidyName(r.parent)))?.id;
        if (parent === undefined) throw new ValidationError('UNIT_CSV_INVALID', `上级单位不存在：${r.parent}`);
        await repo.updateUnit(trx, id, { parentId: parent });
      }
      for (const g of splitBar(r.groups)) groupMembers.set(g, [...(groupMembers.get(g) ?? []), id]);
    }
    for (const [name, ids] of groupMembers) {
      const g = (await repo.findGroupByName(trx, name)) ?? (await repo.insertGroup(trx, { name, createdAt: at, updatedAt: at }));
      const current = (await repo.findMembers(trx, [g.id])).map((m) => m.unitId);
      await repo.replaceMembers(trx, g.id, [...current, ...ids]);
    }
    for (const gr of groupRows) {
      const name = tidyName(gr.name);
      const g = (await repo.findGroupByName(trx, name)) ?? (await repo.insertGroup(trx, { name, createdAt: at, updatedAt: at }));
      groupMembers.set(name, groupMembers.get(name) ?? []);
      await repo.replaceGroupAliases(trx, g.id, splitBar(gr.aliases).filter((a) => a !== name));
    }
    const summary = { created, updated, groups: groupMembers.size };
    await recordAudit(trx, actor, { action: 'import_directory', resourceType: 'unit', after: summary });
    return summary;
  });
}

/** The directory as CSV in the import format (UTF-8 with BOM so that Excel opens it as such). */
export async function exportDirectoryCsv(db: Db): Promise<string> {
  const units = await listUnits(db);
  const groups = await listGroups(db);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const records = units.map((u) => ({
    name: u.name, shortName: u.shortName ?? '', aliases: u.aliases.join('|'), kind: u.kind,
    parent: u.parentId ? (nameOf.get(u.parentId) ?? '') : '', groups: u.groupIds.map((id) => groupName.get(id)).join('|'),
  }));
  return '\uFEFF' + stringify(records, { header: true, columns: [...DIRECTORY_CSV_COLUMNS] });
}

export async function countUnits(q: Q): Promise<number> {
  return repo.countUnits(q);
}
