/**
 * Request and response schemas of the decision-catalogue and consultation routes. Responses are
 * declared in full so nothing undeclared (such as a commenter's contact in a public view) can leak.
 */
import { Type } from 'typebox';
import { CONSULTATION_STATES, DECISION_STAGES, DISPOSITIONS, MODERATION } from './consultations.states.ts';

const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const dateStr = (description = 'YYYY-MM-DD') => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const StageSchema = Type.Enum(Object.keys(DECISION_STAGES) as (keyof typeof DECISION_STAGES)[], { description: 'consultation 征求意见 | deliberation 审议 | publication 公布 | implementation 执行 | evaluation 评估' });
export const ConsultationStateSchema = Type.Enum(Object.keys(CONSULTATION_STATES) as (keyof typeof CONSULTATION_STATES)[], { description: 'draft 草稿 | open 征求意见中 | closed 已结束 | reported 已发布反馈' });
export const ModerationSchema = Type.Enum(Object.keys(MODERATION) as (keyof typeof MODERATION)[]);
export const DispositionSchema = Type.Enum(Object.keys(DISPOSITIONS) as (keyof typeof DISPOSITIONS)[], { description: 'adopted 采纳 | partlyAdopted 部分采纳 | notAdopted 不采纳' });
export const YearSchema = Type.Integer({ minimum: 2000, maximum: 2100 });
/** Ids fit PostgreSQL's integer: a larger one is a 400, not a database error. */
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id });

// ---- decision items ----

const DecisionRef = Type.Object({ id: Type.Integer(), year: Type.Integer(), seq: Type.Integer(), title: Type.String() });
const ConsultationRef = Type.Object({ id: Type.Integer(), title: Type.String(), state: Type.String(), stateLabel: Type.String() });

export const DecisionItemSchema = Type.Object({
  id: Type.Integer(), year: Type.Integer(), seq: Type.Integer(), title: Type.String(), unitId: Type.Integer(), unitName: Type.String(),
  basis: NStr, plannedBy: NStr, stage: Type.String(), stageLabel: Type.String(), published: Type.Boolean(),
  consultations: Type.Array(ConsultationRef), allowedStages: Type.Array(Type.String(), { description: '当前用户可以把该事项移到的阶段' }),
  createdAt: Type.String(), updatedAt: Type.String(),
});

export const DecisionYearSchema = Type.Object({ year: Type.Integer(), items: Type.Integer(), publishedItems: Type.Integer(), published: Type.Boolean() });

export const DecisionItemsQuery = Type.Object({
  year: Type.Optional(YearSchema), unitId: Type.Optional(Id), stage: Type.Optional(StageSchema),
});

export const DecisionItemBody = Type.Object({
  year: YearSchema,
  seq: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: '序号；不填则排在该年度目录最后' })),
  unitId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: '承办单位' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  basis: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  plannedBy: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  stage: Type.Optional(StageSchema),
});

export const DecisionItemPatch = Type.Object({
  year: Type.Optional(YearSchema),
  seq: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  unitId: Type.Optional(Id),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  basis: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  plannedBy: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
});

export const StageBody = Type.Object({ stage: StageSchema, note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])) });

// ---- consultations ----

const CountsSchema = Type.Object({
  received: Type.Integer(), pending: Type.Integer(), approved: Type.Integer(), rejected: Type.Integer(),
  adopted: Type.Integer(), partlyAdopted: Type.Integer(), notAdopted: Type.Integer(), undisposed: Type.Integer(),
});

const SummaryProps = {
  id: Type.Integer(), title: Type.String(), unitId: Type.Integer(), unitName: Type.String(), decisionItem: Type.Union([DecisionRef, Type.Null()]),
  opensOn: Type.String(), closesOn: Type.String(), periodDays: Type.Integer(), state: Type.String(), stateLabel: Type.String(),
  acceptingComments: Type.Boolean(), daysLeft: NInt, feedbackPublishedAt: NStr,
  counts: Type.Union([CountsSchema, Type.Null()], { description: '意见数量（起草单位、政务公开办、观察员可见）' }),
};

export const ConsultationSummarySchema = Type.Object(SummaryProps);

export const ConsultationDetailSchema = Type.Object({
  ...SummaryProps,
  draftHtml: Type.String(), explanation: NStr, feedbackHtml: NStr, createdAt: Type.String(), updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String(), { description: 'edit | publish | delete | moderate | dispose | publishFeedback' }),
});

export const ConsultationsQuery = Type.Object({
  state: Type.Optional(ConsultationStateSchema), unitId: Type.Optional(Id), decisionItemId: Type.Optional(Id),
});

const draftFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  draftHtml: Type.String({ maxLength: 500_000, description: '征求意见稿正文（富文本，保存前净化）' }),
  explanation: Type.Union([Type.String({ maxLength: 20_000 }), Type.Null()], { description: '起草说明' }),
  decisionItemId: Type.Union([Id, Type.Null()], { description: '关联的重大行政决策事项' }),
  opensOn: dateStr('开始日期'),
  closesOn: dateStr('截止日期（含）'),
};

export const ConsultationBody = Type.Object({
  unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: '起草单位（政务公开办可指定；单位只能为本单位起草）' })),
  title: draftFields.title,
  draftHtml: Type.Optional(draftFields.draftHtml),
  explanation: Type.Optional(draftFields.explanation),
  decisionItemId: Type.Optional(draftFields.decisionItemId),
  opensOn: Type.Optional(dateStr('开始日期，默认今天')),
  closesOn: Type.Optional(dateStr('截止日期（含），默认共30日')),
});

export const ConsultationPatch = Type.Object({
  title: Type.Optional(draftFields.title),
  draftHtml: Type.Optional(draftFields.draftHtml),
  explanation: Type.Optional(draftFields.explanation),
  decisionItemId: Type.Optional(draftFields.decisionItemId),
  opensOn: Type.Optional(draftFields.opensOn),
  closesOn: Type.Optional(draftFields.closesOn),
});

export const CommentBody = Type.Object({
  name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: '姓名（选填，不公开）' })),
  contact: Type.Optional(Type.Union([Type.String({ maxLength: 400 }), Type.Null()], { description: '联系方式（选填，仅起草单位和政务公开办可见）' })),
  text: Type.String({ maxLength: 20_000, description: '意见内容（纯文本，不超过5000字）' }),
});

export const CommentReceiptSchema = Type.Object({ id: Type.Integer(), moderation: Type.String(), receivedOn: Type.String() });

export const CommentSchema = Type.Object({
  id: Type.Integer(), text: Type.String(), receivedOn: Type.String(), moderation: Type.String(), moderationLabel: Type.String(), moderationNote: NStr,
  disposition: NStr, dispositionLabel: NStr, dispositionReason: NStr,
  authorName: Type.Union([Type.String(), Type.Null()], { description: '仅起草单位和政务公开办可见' }),
  contact: Type.Union([Type.String(), Type.Null()], { description: '仅起草单位和政务公开办可见' }),
});

export const CommentListSchema = Type.Object({ view: Type.String({ description: 'public | staff | staffWithPersonalData' }), items: Type.Array(CommentSchema) });

export const CommentParams = Type.Object({ id: Id, commentId: Id });

export const ModerationBody = Type.Object({
  decision: Type.Enum(['approved', 'rejected'], { description: 'approved 通过（公开）| rejected 不予公开（须写明理由）' }),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
});

export const DispositionBody = Type.Object({
  disposition: DispositionSchema,
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: '部分采纳、不采纳须说明理由' })),
});

export const FeedbackBody = Type.Object({
  introduction: Type.Optional(Type.Union([Type.String({ maxLength: 50_000 }), Type.Null()], { description: '说明（富文本，选填），置于反馈之前' })),
});

export const FeedbackSchema = Type.Object({
  published: Type.Boolean(), publishedAt: NStr, html: Type.String(),
  missing: Type.Array(Type.String(), { description: '尚不能发布的原因（错误码）' }),
});
