/**
 * TypeBox schemas of the annual-report routes.
 */
import { Type, type Static } from 'typebox';

// One schema with both types: with ajv's type coercion, a union would turn null into 0 (number
// first) or 0 into null (null first); a value of either listed type is kept as it is.
const Cell = Type.Unsafe<number | null>({ type: ['number', 'null'] });

export const ListQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
  scope: Type.Optional(Type.Union([Type.Literal('unit'), Type.Literal('government')])),
  unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
});

export const CreateBody = Type.Object({
  scope: Type.Union([Type.Literal('unit'), Type.Literal('government')], { description: 'unit：本单位年度报告；government：本级人民政府年度报告（汇总所属单位）' }),
  unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: '默认本单位；政务公开办可为任一单位编制' })),
  year: Type.Integer({ minimum: 1949, maximum: 2100 }),
}, { additionalProperties: false });

export const UpdateBody = Type.Object({
  table2: Type.Optional(Type.Record(Type.String({ maxLength: 50 }), Type.Array(Cell, { maxItems: 3 }), { description: '表二填写的行：行名 → 各栏数字（null 为空白）' })),
  section5: Type.Optional(Type.String({ maxLength: 20000 })),
  section6: Type.Optional(Type.String({ maxLength: 20000 })),
}, { additionalProperties: false });

export const CellQuery = Type.Object({
  table: Type.Integer({ minimum: 1, maximum: 9 }),
  row: Type.Optional(Type.String({ maxLength: 60, description: '表三的行（如 received、disclosed、withheld.stateSecret）；表二：行名（规范性文件 / 行政规范性文件）' })),
  column: Type.Integer({ minimum: 0, maximum: 14 }),
});

export const TemplateQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100 })),
  reportId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
});

export const ReportSchema = Type.Object({
  id: Type.Integer(), scope: Type.String(), scopeLabel: Type.String(), unitId: Type.Integer(), unitName: Type.String(), issuer: Type.String(),
  year: Type.Integer(), template: Type.String(), templateName: Type.String(), state: Type.String(), stateLabel: Type.String(), title: Type.String(),
  deadline: Type.String(), publishedOn: Type.Union([Type.String(), Type.Null()]), publishedAt: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), updatedAt: Type.String(),
});

export const ReportDetailSchema = Type.Intersect([ReportSchema, Type.Object({
  table2: Type.Record(Type.String(), Type.Array(Cell)),
  section5: Type.String(),
  section6: Type.String(),
  previous: Type.Union([Type.Object({ id: Type.Integer(), year: Type.Integer(), state: Type.String(), section5: Type.String() }), Type.Null()]),
  enteredRows: Type.Array(Type.Object({ item: Type.String(), label: Type.String(), columns: Type.Array(Type.String()) })),
})]);

export const ProblemSchema = Type.Object({ rule: Type.String(), where: Type.String(), message: Type.String() });
export const ChecksSchema = Type.Object({ problems: Type.Array(ProblemSchema), previousChecked: Type.Boolean() });

const Ids = Type.Array(Type.Array(Type.Integer()));
export const DataSchema = Type.Object({
  title: Type.String(), issuer: Type.String(), year: Type.Integer(), version: Type.String(), scope: Type.String(), unitId: Type.Integer(),
  unitIds: Type.Array(Type.Integer()), generatedOn: Type.String(),
  summary: Type.Object({
    paragraphs: Type.Array(Type.String()),
    facts: Type.Object({
      publications: Type.Integer(), normativeIssued: Type.Integer(), interpretations: Type.Integer(), received: Type.Integer(), carriedOver: Type.Integer(),
      answered: Type.Integer(), carriedForward: Type.Integer(), reconsiderations: Type.Integer(), lawsuits: Type.Integer(),
      responsibility: Type.Union([Type.Object({
        listId: Type.Integer(), listTitle: Type.String(), tasks: Type.Integer(), assigned: Type.Integer(), completed: Type.Integer(), ongoing: Type.Integer(), notCompleted: Type.Integer(),
      }), Type.Null()]),
    }),
  }),
  table2: Type.Array(Type.Object({
    item: Type.String(), columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Object({ label: Type.String(), cells: Type.Array(Cell), source: Type.String(), ids: Type.Optional(Ids) })),
  })),
  table3: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), role: Type.String(), groups: Type.Array(Type.String()), cells: Type.Array(Type.Integer()), ids: Ids })),
  table4: Type.Object({ cells: Type.Array(Type.Integer()), ids: Ids }),
  section5: Type.String(),
  section6: Type.String(),
});

export const PreviewSchema = Type.Object({ report: ReportSchema, data: DataSchema, problems: Type.Array(ProblemSchema), previousChecked: Type.Boolean() });

export const RecordsSchema = Type.Object({
  where: Type.String(),
  items: Type.Array(Type.Object({
    kind: Type.String(), id: Type.Integer(), requestId: Type.Integer(), regNumber: Type.String(), applicantKind: Type.String(),
    receivedOn: Type.Union([Type.String(), Type.Null()]), repliedOn: Type.Union([Type.String(), Type.Null()]), outcome: Type.Union([Type.String(), Type.Null()]), state: Type.String(),
    appealKind: Type.Optional(Type.String()), appealOutcome: Type.Optional(Type.String()), filedOn: Type.Optional(Type.String()), decidedOn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  })),
  documents: Type.Optional(Type.Array(Type.Object({
    id: Type.Integer(), regNumber: Type.String(), title: Type.String(), publishedOn: Type.Union([Type.String(), Type.Null()]), validityLabel: Type.String(),
  }))),
});

export type CreateBody = Static<typeof CreateBody>;
export type UpdateBody = Static<typeof UpdateBody>;

export const ExpectedQuery = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2100 }) });
export const ExpectedSchema = Type.Object({
  year: Type.Integer(),
  items: Type.Array(Type.Object({
    scope: Type.String(), unitId: Type.Integer(), unitName: Type.String(), title: Type.String(), deadline: Type.String(),
    state: Type.String({ description: 'none（未编制）| draft | published' }), reportId: Type.Union([Type.Integer(), Type.Null()]),
    publishedOn: Type.Union([Type.String(), Type.Null()]), late: Type.Boolean(),
  })),
});
