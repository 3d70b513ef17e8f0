/**
 * Request and response schemas of the directory routes.
 */
import { Type } from 'typebox';
import { UNIT_KINDS } from './unit-kinds.ts';

export const UnitKindSchema = Type.Enum(Object.keys(UNIT_KINDS) as (keyof typeof UNIT_KINDS)[]);

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: '全称' }),
  shortName: Type.Union([Type.String(), Type.Null()], { description: '简称' }),
  kind: Type.String(),
  kindLabel: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  placeholder: Type.Boolean({ description: '导入时为未知名称创建的占位单位，待确认或合并' }),
  aliases: Type.Array(Type.String()),
  groupIds: Type.Array(Type.Integer()),
});

export const UnitsQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  placeholder: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const CreateUnitBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  shortName: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  kind: UnitKindSchema,
  parentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
});

export const UpdateUnitBody = Type.Partial(CreateUnitBody);

export const MergeUnitBody = Type.Object({ intoUnitId: Type.Integer({ minimum: 1 }) });

export const GroupSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  memberIds: Type.Array(Type.Integer()),
});

export const CreateGroupBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
  memberIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 5000 })),
});

export const UpdateGroupBody = Type.Partial(CreateGroupBody);

export const ImportSummary = Type.Object({ created: Type.Integer(), updated: Type.Integer(), groups: Type.Integer() });
