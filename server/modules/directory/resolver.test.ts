import { describe, expect, it } from 'vitest';
import { UnitResolver } from './resolver.ts';
import { bracketParts, nameKey } from './names.ts';

const resolver = new UnitResolver({
  units: [
    { id: 1, name: '嘉兴市政务服务和数据资源管理办公室', shortName: '市政务数据办' },
    { id: 2, name: '海盐县人民政府', shortName: '海盐县政府' },
    { id: 3, name: '嘉兴市司法局', shortName: '市司法局' },
  ],
  aliases: [{ unitId: 1, alias: '市跑改办' }, { unitId: 1, alias: '市政务数据办（市跑改办）' }],
  groups: [{ id: 10, name: '各县（市、区）政府' }, { id: 11, name: '市级有关部门（单位）' }],
  groupAliases: [{ groupId: 10, alias: '各县（市、区）人民政府' }],
  members: [{ groupId: 10, unitId: 2 }, { groupId: 11, unitId: 1 }, { groupId: 11, unitId: 3 }],
});

describe('unit phrase resolution', () => {
  it('finds a unit by full name, short name and alias', () => {
    expect(resolver.resolve('嘉兴市司法局')).toMatchObject({ kind: 'unit', unitId: 3 });
    expect(resolver.resolve('市司法局')).toMatchObject({ kind: 'unit', unitId: 3 });
    expect(resolver.resolve('市跑改办')).toMatchObject({ kind: 'unit', unitId: 1 });
    expect(resolver.resolve('海盐县政府')).toMatchObject({ kind: 'unit', unitId: 2 });
  });

  it('reads a unit written with its alias in brackets as that one unit, in either bracket width', () => {
    expect(resolver.resolve('市政务数据办（市跑改办）')).toMatchObject({ kind: 'unit', unitId: 1 });
    expect(resolver.resolve('市政务数据办(市跑改办)')).toMatchObject({ kind: 'unit', unitId: 1 });
    expect(resolver.findUnit('市司法局（市法制办）')).toBe(3);
  });

  it('expands groups to their members, and the notice annex overrides a group', () => {
    expect(resolver.resolve('各县（市、区）政府')).toMatchObject({ kind: 'group', groupId: 10, unitIds: [2] });
    expect(resolver.resolve('各县(市、区)人民政府')).toMatchObject({ kind: 'group', groupId: 10 });
    expect(resolver.resolve('市级有关部门（单位）', new Map([[11, [3]]])).unitIds).toEqual([3]);
  });

  it('reports unknown names instead of dropping them', () => {
    expect(resolver.resolve('市融媒体中心')).toEqual({ phrase: '市融媒体中心', kind: 'unknown', unitIds: [] });
  });

  it('keys names by content, not by punctuation width or spaces', () => {
    expect(nameKey(' 市政务数据办 （市跑改办） ')).toBe(nameKey('市政务数据办(市跑改办)'));
    expect(nameKey('嘉政办发〔2020〕36号')).toBe(nameKey('嘉政办发[2020]36号'));
    expect(bracketParts('市政务数据办（市跑改办）')).toEqual(['市政务数据办', '市跑改办']);
    expect(bracketParts('市司法局')).toEqual([]);
  });
});
