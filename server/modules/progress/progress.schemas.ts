/**
 * Request and response schemas of the progress routes.
 */
import { Type } from 'typebox';
import { REPORTING_CYCLES } from './periods.ts';
import { FINAL_STATE, REPORT_STATUS } from './status.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const CycleSchema = Type.Enum(Object.keys(REPORTING_CYCLES) as (keyof typeof REPORTING_CYCLES)[]);
export const StatusSchema = Type.Enum(Object.keys(REPORT_STATUS) as (keyof typeof REPORT_STATUS)[]);
export const FinalStateSchema = Type.Enum(Object.keys(FINAL_STATE) as (keyof typeof FINAL_STATE)[]);

export const PeriodSchema = Type.Object({
  id: Type.Integer(), seq: Type.Integer(), label: Type.String(), startsOn: Type.String(), endsOn: Type.String(), dueOn: Type.String(), taskId: NullableInt,
});

export const WorkbenchAssignmentSchema = Type.Object({
  id: Type.Integer(), taskId: Type.Integer(), listId: Type.Integer(), listTitle: Type.String(), seq: Type.Integer(), taskText: Type.String(),
  sectionNumeral: NullableString, subsectionNumeral: NullableString, dueDate: NullableString, deadlineText: NullableString,
  unitId: Type.Integer(), unitName: Type.String(), role: Type.String(),
  currentPeriod: Type.Union([Type.Object({ id: Type.Integer(), label: Type.String(), dueOn: Type.String() }), Type.Null()]),
  status: Type.String(), statusLabel: Type.String(), finalState: Type.String(), finalStateLabel: Type.String(),
  lastReport: Type.Union([Type.Object({ id: Type.Integer(), version: Type.Integer(), state: Type.String(), submittedAt: Type.String() }), Type.Null()]),
});

export const AssignmentsQuery = Type.Object({
  listId: Type.Optional(Type.Integer({ minimum: 1 })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  taskId: Type.Optional(Type.Integer({ minimum: 1 })),
  role: Type.Optional(Type.Union([Type.Literal('lead'), Type.Literal('responsible')])),
  status: Type.Optional(StatusSchema),
  periodId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const ReportSchema = Type.Object({
  id: Type.Integer(), assignmentId: Type.Integer(), periodId: Type.Integer(), version: Type.Integer(), text: Type.String(),
  evidenceLinks: Type.Array(Type.String()), completed: Type.Boolean(), publicSummary: NullableString, state: Type.String(), stateLabel: Type.String(),
  submittedAt: Type.String(), submittedBy: Type.Integer(), reviewedAt: NullableString, reviewedBy: NullableInt, reviewComment: NullableString,
  public: Type.Boolean(), attachments: Type.Array(Type.Object({ id: Type.Integer(), fileName: Type.String(), mimeType: Type.String(), size: Type.Integer() })),
});

export const AssignmentDetailSchema = Type.Object({
  assignment: WorkbenchAssignmentSchema,
  task: Type.Object({
    id: Type.Integer(), seq: Type.Integer(), text: Type.String(), leadUnits: Type.Array(Type.String()), responsibleUnits: Type.Array(Type.String()),
    eachLeads: Type.Boolean(), merged: Type.Boolean(), dueDate: NullableString, deadlineText: NullableString,
  }),
  periods: Type.Array(Type.Object({ period: PeriodSchema, status: Type.String(), statusLabel: Type.String() })),
  reports: Type.Array(ReportSchema),
  reviewers: Type.Array(Type.Integer({ description: '审核该单位报送的牵头单位（空：由政务公开办审核）' })),
  publications: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), state: Type.String(), publishedOn: NullableString, indexNumber: NullableString, url: Type.String(),
  }), { description: '标记为本任务佐证的主动公开信息' }),
});

export const QueueItemSchema = Type.Object({
  ...ReportSchema.properties,
  taskId: Type.Integer(), listId: Type.Integer(), seq: Type.Integer(), taskText: Type.String(), unitId: Type.Integer(), unitName: Type.String(),
  role: Type.String(), periodLabel: Type.String(),
});

export const ReviewBody = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
});

export const PublishBody = Type.Object({
  public: Type.Boolean(),
  publicSummary: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
});

const Tally = {
  total: Type.Integer(), accepted: Type.Integer(), submitted: Type.Integer(), returned: Type.Integer(), overdue: Type.Integer(), notSubmitted: Type.Integer(),
};

export const MatrixSchema = Type.Object({
  periodId: NullableInt,
  tasks: Type.Array(Type.Object({ id: Type.Integer(), seq: Type.Integer(), sectionNumeral: NullableString })),
  units: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  cells: Type.Array(Type.Tuple([Type.Integer(), Type.Integer(), Type.String(), Type.String()]), { description: '[任务下标, 单位下标, 角色, 状态]' }),
});

export const OverviewSchema = Type.Object({
  period: Type.Union([PeriodSchema, Type.Null()]),
  totals: Type.Object(Tally),
  bySection: Type.Array(Type.Object({ numeral: Type.String(), title: Type.String(), ...Tally })),
  byUnit: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), ...Tally })),
  overdue: Type.Array(WorkbenchAssignmentSchema),
  dueSoon: Type.Array(WorkbenchAssignmentSchema),
  reviewQueueCount: Type.Integer(),
});

export const PeriodQuery = Type.Object({ periodId: Type.Optional(Type.Integer({ minimum: 1 })) });
export const CycleBody = Type.Object({ cycle: CycleSchema });
export const TaskCycleBody = Type.Object({ cycle: Type.Union([CycleSchema, Type.Null()]) });
export const FinalStateBody = Type.Object({ finalState: Type.Union([FinalStateSchema, Type.Null()]) });
