/**
 * Request and response schemas of the interpretation routes.
 */
import { Type } from 'typebox';
import { Paging } from '../../platform/schemas.ts';
import { FORM_KEYS } from './interpretations.constants.ts';

const Opt = Type.Optional;
/** a row id: PostgreSQL integer range (a larger number is a 400, not a database error) */
const Id = (o: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...o });
export const IdParams = Type.Object({ id: Id() });
const NStr = Type.Union([Type.String(), Type.Null()]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const FormSchema = Type.Enum([...FORM_KEYS], { description: '解读形式：text 文字 | graphic 图解 | qa 问答 | media 音视频' });

const PolicyRefSchema = Type.Object({ id: Type.Integer(), title: Type.String(), docNumber: NStr, publishedOn: NStr, url: Type.String() });

const viewFields = {
  id: Type.Integer(), unitId: Type.Integer(), unitName: Type.String(), publicationId: Type.Integer(),
  publication: Type.Union([PolicyRefSchema, Type.Null()], { description: '所解读的政策文件（已发布时）' }),
  title: Type.String(), form: Type.String(), formLabel: Type.String(), mediaUrl: NStr, interpreterName: Type.String(), interpreterTitle: NStr,
  byUnitHead: Type.Boolean({ description: '单位主要负责人（第一解读人）解读' }), publishedOn: NStr,
  state: Type.String({ description: 'draft | published | withdrawn' }), stateLabel: Type.String(), url: Type.String({ description: '公开页面' }),
  createdAt: Type.String(), updatedAt: Type.String(),
};

export const InterpretationSchema = Type.Object(viewFields);
export const InterpretationDetailSchema = Type.Object({
  ...viewFields, bodyHtml: Type.String({ description: '经过安全过滤的 HTML' }), bodyText: Type.String(), withdrawnReason: NStr,
});

export const ListQuery = Type.Object({
  unitId: Opt(Id()),
  form: Opt(FormSchema),
  year: Opt(Type.Integer({ minimum: 1949, maximum: 2100, description: '发布年份' })),
  state: Opt(Type.Enum(['draft', 'published', 'withdrawn'])),
  publicationId: Opt(Id({ description: '所解读的政策文件' })),
  byUnitHead: Opt(Type.Boolean()),
  ...Paging,
});

const fields = {
  publicationId: Id({ description: '所解读的政策文件（已发布的政府信息）' }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  form: FormSchema,
  body: Type.String({ maxLength: 300_000, description: '解读内容：HTML（过滤为安全的标签）或纯文本' }),
  mediaUrl: Type.Union([Type.String({ maxLength: 2000, description: '音视频链接（http/https）' }), Type.Null()]),
  interpreterName: Type.String({ minLength: 1, maxLength: 100, description: '解读人' }),
  interpreterTitle: Type.Union([Type.String({ maxLength: 100, description: '解读人职务' }), Type.Null()]),
  byUnitHead: Type.Boolean({ description: '解读人为单位主要负责人（第一解读人）' }),
};

export const CreateBody = Type.Object({
  unitId: Opt(Id({ description: '解读单位（政务公开办可指定；单位只能是本单位）' })),
  publicationId: fields.publicationId, title: fields.title, form: fields.form, body: Opt(fields.body), mediaUrl: Opt(fields.mediaUrl),
  interpreterName: fields.interpreterName, interpreterTitle: Opt(fields.interpreterTitle), byUnitHead: Opt(fields.byUnitHead),
});

export const UpdateBody = Type.Partial(Type.Object(fields));

export const PublishBody = Type.Object({ publishedOn: Opt(Type.Union([DateStr, Type.Null()])) });
export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, description: '撤回原因' }) });

export const StatsQuery = Type.Object({ year: Opt(Type.Integer({ minimum: 1949, maximum: 2100, description: '年份（默认今年）' })) });

export const StatsSchema = Type.Object({
  year: Type.Integer(), target: Type.Integer({ description: '每年至少解读次数' }), metUnits: Type.Integer(),
  items: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), count: Type.Integer(), met: Type.Boolean() })),
});
