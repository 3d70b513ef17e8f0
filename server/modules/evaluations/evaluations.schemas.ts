/**
 * Request and response schemas of the evaluation routes.
 */
import { Type } from 'typebox';
import { METRIC_KEYS } from './evaluations.constants.ts';

const Opt = Type.Optional;
/** a row id: PostgreSQL integer range (a larger number is a 400, not a database error) */
const Id = (o: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...o });
const NStr = Type.Union([Type.String(), Type.Null()]);
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: '考核年度' });
const Points = (description: string) => Type.Number({ minimum: 0, maximum: 10_000, description });

export const IdParams = Type.Object({ id: Id() });
export const ScoreParams = Type.Object({ id: Id({ description: '指标' }), unitId: Id({ description: '单位' }) });
export const ResultParams = Type.Object({ id: Id({ description: '考核' }), unitId: Id({ description: '单位' }) });
export const ListQuery = Type.Object({ year: Opt(Year) });
export const ScoresQuery = Type.Object({ indicatorId: Opt(Id()), unitId: Opt(Id()) });

const setFields = {
  year: Year,
  name: Type.String({ minLength: 1, maxLength: 200, description: '考核名称，如“2020年度政务公开工作考核”' }),
  description: Type.Union([Type.String({ maxLength: 5000 }), Type.Null()]),
  totalPoints: Type.Number({ exclusiveMinimum: 0, maximum: 10_000, description: '总分（默认 100）：各项指标分值之和须等于总分' }),
  scopeKind: Type.Enum(['lists', 'units'], { description: 'lists：当年已发布清单中承担任务的单位（政务公开办除外）；units：指定单位' }),
  scopeUnitIds: Type.Array(Id(), { maxItems: 2000, description: '指定单位（scopeKind 为 units 时）' }),
};

export const CreateSetBody = Type.Object({
  copyFromId: Opt(Id({ description: '复制该考核的指标体系（指标、分值、评分方式；不含评分）' })),
  year: setFields.year, name: setFields.name, description: Opt(setFields.description), totalPoints: Opt(setFields.totalPoints),
  scopeKind: Opt(setFields.scopeKind), scopeUnitIds: Opt(setFields.scopeUnitIds),
});
export const UpdateSetBody = Type.Partial(Type.Object(setFields));

const Params = Type.Record(Type.String(), Type.Unknown(), { description: '计算参数，如 leadInterpretations 的 {"target": 2}' });

export const CreateIndicatorBody = Type.Object({
  parentId: Opt(Type.Union([Id(), Type.Null()], { description: '上级指标（空：一级指标）' })),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Opt(Type.Union([Type.String({ maxLength: 5000, description: '评分标准' }), Type.Null()])),
  maxPoints: Opt(Points('分值（末级指标）；有下级指标的由下级合计得出')),
  sortOrder: Opt(Type.Integer({ minimum: 0, maximum: 100_000 })),
  method: Opt(Type.String({ maxLength: 20, description: 'computed 系统计算 | manual 人工评分（默认）' })),
  metric: Opt(Type.Union([Type.String({ maxLength: 50, description: `计算口径：${METRIC_KEYS.join(' | ')}` }), Type.Null()])),
  params: Opt(Params),
});
export const UpdateIndicatorBody = Type.Partial(CreateIndicatorBody);

export const ScoreBody = Type.Object({
  points: Points('得分（不超过指标分值，最多一位小数）'),
  note: Opt(Type.Union([Type.String({ maxLength: 2000, description: '扣分理由（得分低于分值时必填）' }), Type.Null()])),
  evidence: Opt(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20, description: '佐证材料链接' })),
});

export const SetSchema = Type.Object({
  id: Type.Integer(), year: Type.Integer(), name: Type.String(), description: NStr, totalPoints: Type.Number(), treeTotal: Type.Number(),
  scopeKind: Type.String(), scopeKindLabel: Type.String(), scopeUnitIds: Type.Array(Type.Integer()), state: Type.String({ description: 'draft | scoring | published' }),
  stateLabel: Type.String(), publishedAt: NStr, url: NStr, createdAt: Type.String(), updatedAt: Type.String(),
});

export const IndicatorSchema = Type.Object({
  id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), depth: Type.Integer(), name: Type.String(), description: NStr,
  maxPoints: Type.Number(), sortOrder: Type.Integer(), isGroup: Type.Boolean(), method: Type.String({ description: 'group | computed | manual' }),
  methodLabel: Type.String(), metric: NStr, metricLabel: NStr, metricRule: NStr, params: Params,
});

export const SetDetailSchema = Type.Object({
  ...SetSchema.properties,
  indicators: Type.Array(IndicatorSchema, { description: '指标树（先序）' }),
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), { description: '考核范围内的单位' }),
});

export const ScoreSchema = Type.Object({
  indicatorId: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), points: Type.Number(), note: NStr, evidence: Type.Array(Type.String()), scoredAt: Type.String(),
});

export const MetricSchema = Type.Object({ key: Type.String(), label: Type.String(), rule: Type.String(), params: Type.Array(Type.String()), noRecords: Type.String() });

const RefSchema = Type.Object({
  kind: Type.String({ description: 'progressReport | assignment | request | publication | interpretation | finding | evidence' }),
  id: Type.Union([Type.Integer(), Type.Null()]), label: Type.String(), url: NStr, reason: Opt(Type.String()),
});

const ScoreLineSchema = Type.Object({
  indicatorId: Type.Integer(), name: Type.String(), parentId: Type.Union([Type.Integer(), Type.Null()]), depth: Type.Integer(), isGroup: Type.Boolean(),
  maxPoints: Type.Number(), points: Type.Number(), summary: Type.String(),
  lines: Type.Array(Type.Object({ text: Type.String(), refs: Type.Array(RefSchema) }), { description: '失分（或适用规则）的说明，附所依据的记录' }),
  numerator: Type.Union([Type.Integer(), Type.Null()]), denominator: Type.Union([Type.Integer(), Type.Null()]),
});

export const ResultsSchema = Type.Object({
  setId: Type.Integer(), year: Type.Integer(), name: Type.String(), state: Type.String(), stateLabel: Type.String(), published: Type.Boolean(),
  computedAt: Type.String(), totalPoints: Type.Number(),
  topIndicators: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), maxPoints: Type.Number() })),
  units: Type.Array(Type.Object({
    unitId: Type.Integer(), unitName: Type.String(), rank: Type.Union([Type.Integer(), Type.Null()], { description: '排名（单位在发布前看不到）' }),
    total: Type.Number(), byTopLevel: Type.Array(Type.Number(), { description: '各一级指标得分，顺序同 topIndicators' }),
  })),
});

export const BreakdownSchema = Type.Object({
  setId: Type.Integer(), year: Type.Integer(), setName: Type.String(), published: Type.Boolean(), computedAt: Type.String(),
  unitId: Type.Integer(), unitName: Type.String(), total: Type.Number(), rank: Type.Integer({ description: '排名（0：尚未公布）' }), rankShown: Type.Boolean(),
  unitCount: Type.Integer(), indicators: Type.Array(ScoreLineSchema),
});
