/**
 * Resolution of the unit phrases notices write — a unit's name, short name or alias, a unit with
 * its alias in brackets (`市政务数据办（市跑改办）`), or a unit group (`市级有关部门（单位）`,
 * `各县（市、区）政府`) — to unit ids. Built once from the directory, then used in memory.
 */
import { bracketParts, nameKey } from './names.ts';

export interface DirectorySnapshot {
  units: { id: number; name: string; shortName: string | null }[];
  aliases: { unitId: number; alias: string }[];
  groups: { id: number; name: string }[];
  groupAliases: { groupId: number; alias: string }[];
  members: { groupId: number; unitId: number }[];
}

export type ResolvedPhrase =
  | { phrase: string; kind: 'unit'; unitId: number; unitIds: number[] }
  | { phrase: string; kind: 'group'; groupId: number; unitIds: number[] }
  | { phrase: string; kind: 'unknown'; unitIds: [] };

export class UnitResolver {
  private readonly units = new Map<string, number>();
  private readonly groups = new Map<string, number>();
  private readonly members = new Map<number, number[]>();

  constructor(snapshot: DirectorySnapshot) {
    for (const u of snapshot.units) {
      this.units.set(nameKey(u.name), u.id);
      if (u.shortName) this.units.set(nameKey(u.shortName), u.id);
    }
    for (const a of snapshot.aliases) this.units.set(nameKey(a.alias), a.unitId);
    for (const g of snapshot.groups) this.groups.set(nameKey(g.name), g.id);
    for (const a of snapshot.groupAliases) this.groups.set(nameKey(a.alias), a.groupId);
    for (const m of snapshot.members) {
      const list = this.members.get(m.groupId) ?? [];
      list.push(m.unitId);
      this.members.set(m.groupId, list);
    }
  }

  /**
   * Resolves one phrase. Groups win over units of the same spelling; `X（Y）` resolves to X's unit
   * when the whole is not known. `overrides` replaces a group's members (a notice's own annex).
   */
  resolve(phrase: string, overrides?: ReadonlyMap<number, readonly number[]>): ResolvedPhrase {
    const key = nameKey(phrase);
    const groupId = this.groups.get(key);
    if (groupId !== undefined) {
      return { phrase, kind: 'group', groupId, unitIds: [...(overrides?.get(groupId) ?? this.members.get(groupId) ?? [])] };
    }
    const unitId = this.findUnit(phrase);
    if (unitId !== undefined) return { phrase, kind: 'unit', unitId, unitIds: [unitId] };
    return { phrase, kind: 'unknown', unitIds: [] };
  }

  /** The unit a name denotes, if any (groups are not units). */
  findUnit(name: string): number | undefined {
    const direct = this.units.get(nameKey(name));
    if (direct !== undefined) return direct;
    const [main, alias] = bracketParts(name);
    if (main === undefined || alias === undefined) return undefined;
    return this.units.get(nameKey(main)) ?? this.units.get(nameKey(alias));
  }

  findGroup(name: string): number | undefined {
    return this.groups.get(nameKey(name));
  }
}
