/**
 * Request and response schemas of the inspection routes.
 */
import { Type } from 'typebox';
import { Paging } from '../../platform/schemas.ts';
import { KIND_KEYS, SEVERITY_KEYS } from './inspections.constants.ts';

const Opt = Type.Optional;
/** a row id: PostgreSQL integer range (a larger number is a 400, not a database error) */
const Id = (o: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...o });
const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const DateStr = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description}（YYYY-MM-DD）` });
const NDate = (description: string) => Type.Union([DateStr(description), Type.Null()]);
const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' });

export const IdParams = Type.Object({ id: Id() });
export const AttachmentParams = Type.Object({ id: Id(), attachmentId: Id() });

export const KindSchema = Type.Enum([...KIND_KEYS], { description: '检查类型：spotCheck 抽查 | websiteCheck 网站检查 | thirdPartyEvaluation 第三方评估 | audit 审计' });
export const SeveritySchema = Type.Enum([...SEVERITY_KEYS], { description: '严重程度：general 一般 | major 较重 | serious 严重' });

const Counts = Type.Object({
  total: Type.Integer(), open: Type.Integer(), submitted: Type.Integer(), returned: Type.Integer(), closed: Type.Integer(), withdrawn: Type.Integer(),
  overdue: Type.Integer({ description: '逾期未整改（待整改、已退回且已过整改期限）' }),
});

export const InspectionSchema = Type.Object({
  id: Type.Integer(), year: Type.Integer(), kind: Type.String(), kindLabel: Type.String(), title: Type.String(), source: NStr, description: NStr,
  startedOn: NStr, endedOn: NStr, state: Type.String({ description: 'draft 草稿 | open 整改中 | closed 已结束' }), stateLabel: Type.String(),
  published: Type.Boolean(), publishedOn: NStr, url: Type.Union([Type.String({ description: '公开页面' }), Type.Null()]),
  counts: Counts, createdAt: Type.String(), updatedAt: Type.String(),
});

const Ref = Type.Object({ id: Type.Integer(), title: Type.String(), url: NStr });

const findingFields = {
  id: Type.Integer(), inspectionId: Type.Integer(), inspectionTitle: Type.String(), inspectionKind: Type.String(), inspectionKindLabel: Type.String(),
  inspectionState: Type.String(), unitId: Type.Integer(), unitName: Type.String(), taskId: NInt,
  task: Type.Union([Type.Object({ id: Type.Integer(), listId: Type.Integer(), seq: Type.Integer(), text: Type.String() }), Type.Null()]),
  publicationId: NInt, publication: Type.Union([Ref, Type.Null()]), severity: Type.String(), severityLabel: Type.String(), problem: Type.String(),
  requirement: Type.String(), dueOn: Type.String(), state: Type.String({ description: 'open 待整改 | submitted 待复核 | returned 已退回 | closed 已销号 | withdrawn 已撤销' }),
  stateLabel: Type.String(), overdue: Type.Boolean(), closedOn: NStr, closedLate: Type.Boolean(), officeNote: NStr, createdAt: Type.String(), updatedAt: Type.String(),
};

export const FindingSchema = Type.Object(findingFields);

const RectificationSchema = Type.Object({
  id: Type.Integer(), findingId: Type.Integer(), version: Type.Integer(), text: Type.String(), evidenceLinks: Type.Array(Type.String()),
  evidencePublications: Type.Array(Ref),
  attachments: Type.Array(Type.Object({ id: Type.Integer(), fileName: Type.String(), mimeType: Type.String(), size: Type.Integer(), url: Type.String() })),
  state: Type.String({ description: 'submitted 待复核 | accepted 通过销号 | returned 退回' }), stateLabel: Type.String(), submittedBy: NInt, submittedAt: Type.String(),
  verifiedAt: NStr, verificationNote: NStr,
});

export const FindingDetailSchema = Type.Object({ ...findingFields, rectifications: Type.Array(RectificationSchema) });

export const InspectionsQuery = Type.Object({
  year: Opt(Year), kind: Opt(KindSchema), state: Opt(Type.Enum(['draft', 'open', 'closed'])), published: Opt(Type.Boolean()), ...Paging,
});

export const FindingsQuery = Type.Object({
  mine: Opt(Type.Boolean({ description: '本单位的' })), unitId: Opt(Id()), inspectionId: Opt(Id()),
  state: Opt(Type.Enum(['open', 'submitted', 'returned', 'closed', 'withdrawn'])), year: Opt(Type.Integer({ minimum: 2000, maximum: 2100, description: '整改期限所在年度' })),
  overdue: Opt(Type.Boolean({ description: '逾期未整改的' })), ...Paging,
});

export const InspectionFindingsQuery = Type.Object({ state: Opt(Type.Enum(['open', 'submitted', 'returned', 'closed', 'withdrawn'])), overdue: Opt(Type.Boolean()), ...Paging });

const inspectionFields = {
  year: Year,
  kind: KindSchema,
  title: Type.String({ minLength: 1, maxLength: 300, description: '检查名称' }),
  source: Type.Union([Type.String({ maxLength: 300, description: '检查来源或组织方，如：省政府办公厅委托第三方评估机构' }), Type.Null()]),
  description: Type.Union([Type.String({ maxLength: 5000, description: '检查说明' }), Type.Null()]),
  startedOn: NDate('检查开始日期'),
  endedOn: NDate('检查结束日期'),
};

export const CreateInspectionBody = Type.Object({
  year: inspectionFields.year, kind: inspectionFields.kind, title: inspectionFields.title, source: Opt(inspectionFields.source),
  description: Opt(inspectionFields.description), startedOn: Opt(inspectionFields.startedOn), endedOn: Opt(inspectionFields.endedOn),
});
export const UpdateInspectionBody = Type.Partial(Type.Object(inspectionFields));

export const PublishBody = Type.Object({
  published: Opt(Type.Boolean({ description: 'true 公开（默认），false 撤下' })), publishedOn: Opt(NDate('公开日期（默认今天）')),
});

const findingInput = {
  unitId: Id({ description: '整改单位' }),
  taskId: Type.Union([Id({ description: '涉及的清单任务' }), Type.Null()]),
  publicationId: Type.Union([Id({ description: '涉及的政府信息（已公开的）' }), Type.Null()]),
  severity: SeveritySchema,
  problem: Type.String({ minLength: 1, maxLength: 5000, description: '发现的问题' }),
  requirement: Type.String({ minLength: 1, maxLength: 5000, description: '整改要求' }),
  dueOn: Type.String({ maxLength: 10, description: '整改期限（YYYY-MM-DD）' }),
};

export const CreateFindingBody = Type.Object({
  unitId: findingInput.unitId, taskId: Opt(findingInput.taskId), publicationId: Opt(findingInput.publicationId), severity: findingInput.severity,
  problem: findingInput.problem, requirement: findingInput.requirement, dueOn: findingInput.dueOn,
});
export const UpdateFindingBody = Type.Partial(Type.Object(findingInput));

export const CloseBody = Type.Object({
  note: Opt(Type.Union([Type.String({ maxLength: 2000, description: '复核意见；没有待复核的整改报告时必填（直接销号的理由）' }), Type.Null()])),
  closedOn: Opt(NDate('销号日期（默认今天）')),
});
export const ReasonBody = Type.Object({ reason: Opt(Type.String({ maxLength: 2000, description: '原因（必填）' })) });
