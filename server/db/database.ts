/**
 * The Kysely `Database` interface: every table's row type, in camelCase (CamelCasePlugin maps to
 * the snake_case columns; docs/adr/0001-camel-case-plugin.md). The single source of table types.
 *
 * Portable representations (docs/adr/0002-portable-schema.md): timestamps and dates are ISO strings
 * on both engines, flags are 0/1 integers, JSON columns are text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 UTC timestamp string, e.g. 2020-07-02T08:00:00.000Z */
export type Timestamp = string;
/** Calendar date string YYYY-MM-DD */
export type DateString = string;
/** 0 or 1 */
export type Flag = number;

export interface UnitTable {
  id: Generated<number>;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: number | null;
  placeholder: Generated<Flag>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unitId: number;
  alias: string;
}

export interface UnitGroupTable {
  id: Generated<number>;
  name: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UnitGroupAliasTable {
  id: Generated<number>;
  groupId: number;
  alias: string;
}

export interface UnitGroupMemberTable {
  groupId: number;
  unitId: number;
}

export interface NoticeTable {
  id: Generated<number>;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: DateString | null;
  year: number | null;
  sourceFileName: string | null;
  sourceText: string;
  createdAt: Timestamp;
}

export interface ListTable {
  id: Generated<number>;
  kind: string;
  year: number;
  title: string;
  noticeId: number | null;
  state: string;
  annexGroupId: number | null;
  /** JSON: ImportWarning[] (with resolution warnings) */
  importWarnings: Generated<string>;
  createdBy: number | null;
  publishedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ListSectionTable {
  id: Generated<number>;
  listId: number;
  parentId: number | null;
  level: number;
  numeral: string;
  title: string;
  position: number;
}

export interface TaskTable {
  id: Generated<number>;
  listId: number;
  seq: number;
  sectionId: number | null;
  subsectionId: number | null;
  text: string;
  /** JSON: string[] — unit phrases as written in the notice */
  leadUnits: string;
  /** JSON: string[] */
  responsibleUnits: string;
  eachLeads: Flag;
  merged: Flag;
  dueDate: DateString | null;
  deadlineText: string | null;
  recurrence: string | null;
  target: string | null;
  sourceLine: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  taskId: number;
  unitId: number;
  role: string;
  createdAt: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  unitId: number;
  role: string;
  passwordHash: string;
  mustChangePassword: Generated<Flag>;
  disabled: Generated<Flag>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions */
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: Timestamp;
  createdAt: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  lastUsedAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  /** JSON or null */
  before: string | null;
  /** JSON or null */
  after: string | null;
  ip: string | null;
}

export interface Database {
  unit: UnitTable;
  unitAlias: UnitAliasTable;
  unitGroup: UnitGroupTable;
  unitGroupAlias: UnitGroupAliasTable;
  unitGroupMember: UnitGroupMemberTable;
  notice: NoticeTable;
  list: ListTable;
  listSection: ListSectionTable;
  task: TaskTable;
  assignment: AssignmentTable;
  user: UserTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type UnitGroup = Selectable<UnitGroupTable>;
export type Notice = Selectable<NoticeTable>;
export type List = Selectable<ListTable>;
export type ListSection = Selectable<ListSectionTable>;
export type Task = Selectable<TaskTable>;
export type Assignment = Selectable<AssignmentTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type AuditLog = Selectable<AuditLogTable>;
