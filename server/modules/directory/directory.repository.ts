/**
 * Queries on units, their aliases, unit groups and group members.
 */
import type { Kysely, Transaction, Insertable, Updateable } from 'kysely';
import type { Database, Unit, UnitTable, UnitGroup } from '../../db/database.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface UnitFilter {
  kind?: string;
  placeholder?: boolean;
  q?: string;
}

export async function findUnitById(q: Q, id: number): Promise<Unit | undefined> {
  return q.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByName(q: Q, name: string): Promise<Unit | undefined> {
  return q.selectFrom('unit').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findUnits(q: Q, f: UnitFilter = {}): Promise<Unit[]> {
  let query = q.selectFrom('unit').selectAll();
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.placeholder !== undefined) query = query.where('placeholder', '=', f.placeholder ? 1 : 0);
  if (f.q) {
    const like = `%${f.q}%`;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'like', like),
        eb('shortName', 'like', like),
        eb('id', 'in', eb.selectFrom('unitAlias').select('unitId').where('alias', 'like', like)),
      ]),
    );
  }
  return query.orderBy('id').execute();
}

export async function insertUnit(q: Q, row: Insertable<UnitTable>): Promise<Unit> {
  return q.insertInto('unit').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUnit(q: Q, id: number, patch: Updateable<UnitTable>): Promise<Unit> {
  return q.updateTable('unit').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteUnit(q: Q, id: number): Promise<void> {
  await q.deleteFrom('unit').where('id', '=', id).execute();
}

export async function findAliases(q: Q, unitIds?: number[]): Promise<{ unitId: number; alias: string }[]> {
  let query = q.selectFrom('unitAlias').select(['unitId', 'alias']);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    query = query.where('unitId', 'in', unitIds);
  }
  return query.orderBy('id').execute();
}

export async function replaceAliases(q: Q, unitId: number, aliases: string[]): Promise<void> {
  await q.deleteFrom('unitAlias').where('unitId', '=', unitId).execute();
  if (aliases.length) await q.insertInto('unitAlias').values(aliases.map((alias) => ({ unitId, alias }))).execute();
}

export async function findAliasOwner(q: Q, alias: string): Promise<number | undefined> {
  const r = await q.selectFrom('unitAlias').select('unitId').where('alias', '=', alias).executeTakeFirst();
  return r?.unitId;
}

export async function findGroups(q: Q): Promise<UnitGroup[]> {
  return q.selectFrom('unitGroup').selectAll().orderBy('id').execute();
}

export async function findGroupById(q: Q, id: number): Promise<UnitGroup | undefined> {
  return q.selectFrom('unitGroup').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupByName(q: Q, name: string): Promise<UnitGroup | undefined> {
  return q.selectFrom('unitGroup').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertGroup(q: Q, row: { name: string; createdAt: string; updatedAt: string }): Promise<UnitGroup> {
  return q.insertInto('unitGroup').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateGroup(q: Q, id: number, patch: { name?: string; updatedAt: string }): Promise<UnitGroup> {
  return q.updateTable('unitGroup').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findGroupAliases(q: Q, groupIds?: number[]): Promise<{ groupId: number; alias: string }[]> {
  let query = q.selectFrom('unitGroupAlias').select(['groupId', 'alias']);
  if (groupIds) {
    if (groupIds.length === 0) return [];
    query = query.where('groupId', 'in', groupIds);
  }
  return query.orderBy('id').execute();
}

export async function replaceGroupAliases(q: Q, groupId: number, aliases: string[]): Promise<void> {
  await q.deleteFrom('unitGroupAlias').where('groupId', '=', groupId).execute();
  if (aliases.length) await q.insertInto('unitGroupAlias').values(aliases.map((alias) => ({ groupId, alias }))).execute();
}

export async function findMembers(q: Q, groupIds?: number[]): Promise<{ groupId: number; unitId: number }[]> {
  let query = q.selectFrom('unitGroupMember').select(['groupId', 'unitId']);
  if (groupIds) {
    if (groupIds.length === 0) return [];
    query = query.where('groupId', 'in', groupIds);
  }
  return query.orderBy('groupId').orderBy('unitId').execute();
}

export async function replaceMembers(q: Q, groupId: number, unitIds: number[]): Promise<void> {
  await q.deleteFrom('unitGroupMember').where('groupId', '=', groupId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length) await q.insertInto('unitGroupMember').values(unique.map((unitId) => ({ groupId, unitId }))).execute();
}

export async function moveMemberships(q: Q, fromUnitId: number, toUnitId: number): Promise<void> {
  const rows = await q.selectFrom('unitGroupMember').select('groupId').where('unitId', '=', fromUnitId).execute();
  for (const { groupId } of rows) {
    const exists = await q.selectFrom('unitGroupMember').select('groupId').where('groupId', '=', groupId).where('unitId', '=', toUnitId).executeTakeFirst();
    if (!exists) await q.insertInto('unitGroupMember').values({ groupId, unitId: toUnitId }).execute();
  }
  await q.deleteFrom('unitGroupMember').where('unitId', '=', fromUnitId).execute();
}

export async function moveAliases(q: Q, fromUnitId: number, toUnitId: number): Promise<void> {
  await q.updateTable('unitAlias').set({ unitId: toUnitId }).where('unitId', '=', fromUnitId).execute();
}

export async function countUnits(q: Q): Promise<number> {
  const r = await q.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
