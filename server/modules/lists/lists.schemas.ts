/**
 * Request and response schemas of the lists routes.
 */
import { Type } from 'typebox';
import { LIST_KINDS } from './list-kinds.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const ListKindSchema = Type.Enum(Object.keys(LIST_KINDS) as (keyof typeof LIST_KINDS)[]);
export const RecurrenceSchema = Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('halfYearly'), Type.Literal('yearly')]);

export const WarningSchema = Type.Object({ line: NullableInt, message: Type.String() });

export const ListSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  kindLabel: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  noticeId: NullableInt,
  annexGroupId: NullableInt,
  taskCount: Type.Integer(),
  publishedAt: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const NoticeSchema = Type.Object({
  id: Type.Integer(),
  title: NullableString,
  docNumber: NullableString,
  issuer: NullableString,
  issuedOn: NullableString,
  year: NullableInt,
  sourceFileName: NullableString,
});

export const SectionSchema = Type.Object({
  id: Type.Integer(), parentId: NullableInt, level: Type.Integer(), numeral: Type.String(), title: Type.String(),
});

const taskFields = {
  seq: Type.Integer(),
  section: NullableString,
  subsection: NullableString,
  text: Type.String(),
  leadUnits: Type.Array(Type.String()),
  responsibleUnits: Type.Array(Type.String()),
  eachLeads: Type.Boolean(),
  merged: Type.Boolean(),
  dueDate: NullableString,
  deadlineText: NullableString,
  recurrence: NullableString,
  target: NullableString,
};

export const TaskSchema = Type.Object({
  id: Type.Integer(),
  listId: Type.Integer(),
  sectionId: NullableInt,
  subsectionId: NullableInt,
  sourceLine: NullableInt,
  source: Type.Union([Type.String(), Type.Null()], { description: '任务在通知中的原文（表格行各栏以“ | ”连接，或工作要点的段落）' }),
  ...taskFields,
  leadCount: Type.Integer({ description: '牵头单位分派数' }),
  responsibleCount: Type.Integer({ description: '责任单位分派数' }),
});

export const TaskDetailSchema = Type.Object({
  ...TaskSchema.properties,
  assignments: Type.Array(Type.Object({ id: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), role: Type.String() })),
});

export const ListDetailSchema = Type.Object({
  ...ListSchema.properties,
  notice: Type.Union([NoticeSchema, Type.Null()]),
  sections: Type.Array(SectionSchema),
  tasks: Type.Array(TaskSchema),
  assignmentCount: Type.Integer(),
  warnings: Type.Array(WarningSchema),
});

export const ListsQuery = Type.Object({
  state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
  kind: Type.Optional(ListKindSchema),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
});

export const UpdateListBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  kind: Type.Optional(ListKindSchema),
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
});

export const UpdateTaskBody = Type.Object({
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
  leadUnits: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 })),
  responsibleUnits: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 })),
  eachLeads: Type.Optional(Type.Boolean()),
  merged: Type.Optional(Type.Boolean()),
  dueDate: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()])),
  deadlineText: Type.Optional(NullableString),
  recurrence: Type.Optional(Type.Union([RecurrenceSchema, Type.Null()])),
  target: Type.Optional(NullableString),
});

export const UpdateTaskResponse = Type.Object({ task: TaskDetailSchema, warnings: Type.Array(WarningSchema) });

export const ImportedTaskSchema = Type.Object({
  ...taskFields,
  line: Type.Integer(),
  source: Type.String({ description: '任务在通知中的原文（表格行各栏以“ | ”连接，或工作要点的段落），供核对' }),
});

export const ImportResultSchema = Type.Object({
  notice: Type.Object({ title: NullableString, docNumber: NullableString, issuer: NullableString, issuedOn: NullableString, year: NullableInt }),
  listTitle: NullableString,
  annex: Type.Array(Type.String()),
  annexGroup: NullableString,
  tasks: Type.Array(ImportedTaskSchema),
  warnings: Type.Array(WarningSchema),
});

export const ImportPreviewSchema = Type.Object({
  result: ImportResultSchema,
  warnings: Type.Array(WarningSchema),
  unknownUnits: Type.Array(Type.String()),
  assignmentCount: Type.Integer(),
  existingLists: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
});

export const ImportOutcomeSchema = Type.Object({
  list: ListSchema,
  taskCount: Type.Integer(),
  assignmentCount: Type.Integer(),
  warnings: Type.Array(WarningSchema),
  placeholders: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});

const ComparableTaskSchema = Type.Object(taskFields);
export const DiffSchema = Type.Object({
  added: Type.Array(ComparableTaskSchema),
  removed: Type.Array(ComparableTaskSchema),
  changed: Type.Array(Type.Object({ seq: Type.Integer(), fields: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })) })),
  unchanged: Type.Integer(),
});

export const ReimportPreviewSchema = Type.Object({
  diff: DiffSchema, warnings: Type.Array(WarningSchema), unknownUnits: Type.Array(Type.String()), assignmentCount: Type.Integer(),
});

export const ReimportOutcomeSchema = Type.Object({ diff: DiffSchema, assignmentCount: Type.Integer(), warnings: Type.Array(WarningSchema) });

export const ImportQuery = Type.Object({
  kind: Type.Optional(ListKindSchema),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  publish: Type.Optional(Type.Boolean({ description: '导入后立即发布' })),
});
