/**
 * The arithmetic of evaluations, without a database: groups add up their children in tenths, a
 * computed leaf is max × share to 0.1 (full points without records), manual leaves are scored by
 * deduction, and equal totals share a rank.
 */
import { describe, expect, it } from 'vitest';
import { buildTree, flatten, rank, scoreComputed, scoreManual, scoreUnit, treeTotal, type IndicatorRow } from './evaluations.scoring.ts';

const row = (id: number, parentId: number | null, maxPoints: number, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  id, parentId, name: `指标${id}`, description: null, maxPoints, sortOrder: id, method: 'manual', metric: null, params: {}, ...extra,
});

describe('evaluation scoring', () => {
  it('makes a group’s points the sum of its children, exactly in tenths', () => {
    const tree = buildTree([row(1, null, 999), row(2, 1, 0.1), row(3, 1, 0.2), row(4, null, 99.7)]);
    expect(flatten(tree).map((n) => [n.id, n.maxPoints, n.isGroup, n.depth])).toEqual([[1, 0.3, true, 0], [2, 0.1, false, 1], [3, 0.2, false, 1], [4, 99.7, false, 0]]);
    expect(treeTotal(tree)).toBe(100);
  });

  it('gives max × share to 0.1, and full points with 无此类事项 when the unit had no records', () => {
    const [leaf] = buildTree([row(1, null, 15, { method: 'computed', metric: 'requestsWithinLimit' })]);
    expect(scoreComputed(leaf!, { numerator: 2, denominator: 3, counted: [], lost: [] }).points).toBe(10);
    expect(scoreComputed(leaf!, { numerator: 1, denominator: 7, counted: [], lost: [] }).points).toBe(2.1);
    expect(scoreComputed(leaf!, { numerator: 0, denominator: 0, counted: [], lost: [] })).toMatchObject({ points: 15, lines: [{ text: '无此类事项', refs: [] }] });
    expect(scoreComputed(leaf!, undefined).points).toBe(15);
  });

  it('scores manual leaves by deduction: unscored keeps full points, a deduction carries its note', () => {
    const [leaf] = buildTree([row(1, null, 5)]);
    expect(scoreManual(leaf!, undefined).points).toBe(5);
    expect(scoreManual(leaf!, { points: 3.5, note: '未录入平台', evidence: ['https://example.com/a'] }).lines).toEqual([
      { text: '扣 1.5 分：未录入平台', refs: [{ kind: 'evidence', id: null, label: '佐证材料1', url: 'https://example.com/a' }] },
    ]);
  });

  it('totals a unit over the tree', () => {
    const tree = buildTree([row(1, null, 0), row(2, 1, 0.1), row(3, 1, 0.2)]);
    const r = scoreUnit(tree, (leaf) => scoreManual(leaf, undefined));
    expect(r.total).toBe(0.3);
    expect(r.indicators.map((i) => [i.indicatorId, i.points])).toEqual([[1, 0.3], [2, 0.1], [3, 0.2]]);
  });

  it('ranks by total; equal totals share a rank and the next rank is skipped', () => {
    expect(rank([{ unitId: 3, total: 57 }, { unitId: 1, total: 44.5 }, { unitId: 2, total: 57 }, { unitId: 4, total: 60 }]).map((r) => [r.unitId, r.rank]))
      .toEqual([[4, 1], [2, 2], [3, 2], [1, 4]]);
    expect(rank([{ unitId: 1, total: 0.1 + 0.2 }, { unitId: 2, total: 0.3 }]).map((r) => r.rank)).toEqual([1, 1]);
  });
});
