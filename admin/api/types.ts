/**
 * Shapes of the JSON API (/api/v1) as the workbench uses them. The server's OpenAPI document
 * (/api/docs/json) is the source of truth; keep these in step with it.
 */

export type Role = 'office' | 'unitAdmin' | 'unitStaff' | 'observer';
export type AssignmentRole = 'lead' | 'responsible';
export type ReportStatus = 'notSubmitted' | 'submitted' | 'returned' | 'accepted' | 'overdue';
export type ReportState = 'submitted' | 'returned' | 'accepted';
export type FinalState = 'completed' | 'ongoing' | 'notCompleted';
export type ReportingCycle = 'quarterly' | 'monthly' | 'halfYearly' | 'oneOff';

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  expiresAt?: string;
}

export interface Unit {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  kindLabel: string;
  parentId: number | null;
  placeholder: boolean;
  aliases: string[];
  groupIds: number[];
}

export interface UnitInput {
  name?: string;
  shortName?: string | null;
  kind?: string;
  parentId?: number | null;
  aliases?: string[];
}

export interface UnitGroup {
  id: number;
  name: string;
  aliases: string[];
  memberIds: number[];
}

/** A unit's reminder channels as the server shows them (the webhook secret is never sent back). */
export interface UnitChannels {
  unitId: number;
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  webhookEnabled: boolean;
  /** false when the server has no SMTP configured */
  emailAvailable: boolean;
}

export interface UnitChannelsInput {
  email?: string | null;
  emailEnabled?: boolean;
  webhookUrl?: string | null;
  /** omitted: keep the stored secret; null: remove it */
  webhookSecret?: string | null;
  webhookEnabled?: boolean;
}

export interface ReminderSettings {
  dueSoonWorkingDays: number;
  overdueWindowDays: number;
  enabled: boolean;
}

export interface ListSummary {
  id: number;
  kind: string;
  kindLabel: string;
  year: number;
  title: string;
  state: 'draft' | 'published' | string;
  stateLabel: string;
  noticeId: number | null;
  annexGroupId: number | null;
  taskCount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Section {
  id: number;
  parentId: number | null;
  level: number;
  numeral: string;
  title: string;
}

export interface Task {
  id: number;
  listId: number;
  sectionId: number | null;
  subsectionId: number | null;
  sourceLine: number | null;
  seq: number;
  section: string | null;
  subsection: string | null;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  eachLeads: boolean;
  merged: boolean;
  dueDate: string | null;
  deadlineText: string | null;
  recurrence: string | null;
  target: string | null;
  leadCount: number;
  responsibleCount: number;
}

export interface TaskDetail extends Task {
  assignments: { id: number; unitId: number; unitName: string; role: AssignmentRole | string }[];
}

export interface TaskPatch {
  text?: string;
  leadUnits?: string[];
  responsibleUnits?: string[];
  eachLeads?: boolean;
  merged?: boolean;
  dueDate?: string | null;
  deadlineText?: string | null;
}

export interface Notice {
  id: number;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  year: number | null;
  sourceFileName: string | null;
}

export interface Warning {
  line: number | null;
  message: string;
}

export interface ListDetail extends ListSummary {
  notice: Notice | null;
  sections: Section[];
  tasks: Task[];
  assignmentCount: number;
  warnings: Warning[];
}

export interface ParsedTask {
  seq: number;
  section: string | null;
  subsection: string | null;
  text: string;
  leadUnits: string[];
  responsibleUnits: string[];
  eachLeads: boolean;
  merged: boolean;
  dueDate: string | null;
  deadlineText: string | null;
  recurrence: string | null;
  target: string | null;
  line: number;
}

export interface ImportPreview {
  result: {
    notice: { title: string | null; docNumber: string | null; issuer: string | null; issuedOn: string | null; year: number | null };
    listTitle: string | null;
    annex: string[];
    annexGroup: string | null;
    tasks: ParsedTask[];
    warnings: Warning[];
  };
  warnings: Warning[];
  unknownUnits: string[];
  assignmentCount: number;
  existingLists: { id: number; title: string }[];
}

export interface ImportOutcome {
  list: ListSummary;
  taskCount: number;
  assignmentCount: number;
  warnings: Warning[];
  placeholders: { id: number; name: string }[];
}

export interface Period {
  id: number;
  seq: number;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  taskId: number | null;
}

export interface LastReport {
  id: number;
  version: number;
  state: ReportState;
  submittedAt: string;
}

export interface Assignment {
  id: number;
  taskId: number;
  listId: number;
  listTitle: string;
  seq: number;
  taskText: string;
  dueDate: string | null;
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  // Workbench fields (issue 4); optional until the back end sends them everywhere
  sectionNumeral?: string | null;
  subsectionNumeral?: string | null;
  deadlineText?: string | null;
  currentPeriod?: { id: number; label: string; dueOn: string } | null;
  status?: ReportStatus;
  statusLabel?: string;
  finalState?: FinalState;
  finalStateLabel?: string;
  lastReport?: LastReport | null;
}

export interface AssignmentQuery {
  unitId?: number;
  taskId?: number;
  listId?: number;
  role?: AssignmentRole;
  status?: ReportStatus;
  q?: string;
  periodId?: number;
  limit?: number;
  offset?: number;
}

export interface Attachment {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface Report {
  id: number;
  periodId: number;
  version: number;
  text: string;
  evidenceLinks: string[];
  completed: boolean;
  publicSummary: string | null;
  assignmentId?: number;
  state: ReportState;
  stateLabel?: string;
  submittedAt: string;
  submittedBy: number | string | null;
  reviewedAt: string | null;
  reviewedBy: number | string | null;
  reviewComment: string | null;
  public: boolean;
  attachments: Attachment[];
  // Present on some responses
  submittedByName?: string | null;
  reviewedByName?: string | null;
}

export interface AssignmentDetail {
  assignment: Assignment;
  task: Partial<Task> & { id: number; seq: number; text: string };
  periods: { period: Period; status: ReportStatus; statusLabel: string }[];
  reports: Report[];
  /** user ids allowed to review this assignment's reports */
  reviewers?: number[];
}

export interface QueueItem extends Report {
  assignmentId: number;
  taskId: number;
  seq: number;
  taskText: string;
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  periodLabel: string;
}

export interface StatusCounts {
  accepted: number;
  submitted: number;
  returned: number;
  overdue: number;
  notSubmitted: number;
}

export interface Overview {
  period: Period | null;
  totals: StatusCounts & { total: number };
  bySection: (StatusCounts & { numeral: string; title: string; total: number })[];
  byUnit: (StatusCounts & { unitId: number; unitName: string; total: number })[];
  overdue: Assignment[];
  dueSoon: Assignment[];
  reviewQueueCount: number;
}

export interface Matrix {
  periodId: number | null;
  tasks: { id: number; seq: number; sectionNumeral: string | null }[];
  units: { id: number; name: string }[];
  /** [taskIndex, unitIndex, role, status] */
  cells: [number, number, AssignmentRole, ReportStatus][];
}

export interface NotificationItem {
  id: number;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ReminderInput {
  unitId?: number;
  taskId?: number;
  listId?: number;
  message?: string;
}

// ---- 依申请公开 (disclosure requests) ----

export type RequestUrgency = 'red' | 'amber' | 'green' | 'none';
export type RequestAction =
  | 'confirmReceipt' | 'assign' | 'requestCorrection' | 'receiveCorrection' | 'closeNoCorrection' | 'startConsultation' | 'endConsultation'
  | 'extend' | 'sendFeeNotice' | 'recordFeePaid' | 'closeFeeNotPaid' | 'draftReply' | 'approveReply' | 'rejectReply' | 'deliverReply' | 'archive';

export interface DisclosureRequestItem {
  id: number;
  regNumber: string;
  state: string;
  stateLabel: string;
  channel: string;
  channelLabel: string;
  handlingUnitId: number;
  handlingUnitName: string;
  applicantKind: string;
  applicantKindLabel: string;
  /** masked (e.g. 张*) */
  applicantName: string;
  arrivedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  daysLeft: number | null;
  urgency: RequestUrgency;
  outcome: string | null;
  outcomeLabel: string | null;
  repliedOn: string | null;
  possibleDuplicates: number[];
  descriptionPreview: string;
}

export interface DisclosureRequestQuery {
  state?: string;
  unitId?: number;
  from?: string;
  to?: string;
  q?: string;
  urgency?: 'red' | 'amber' | 'green';
}

export interface RequestClock {
  dueOn: string | null;
  baseDueOn: string | null;
  day1: string | null;
  extensionDays: number;
  excludedWorkingDays: string[];
  correctionRequestDeadline: string | null;
  feePaymentDueOn: string | null;
  thirdPartyDueDates: unknown[];
  provisional: boolean;
  overdue: boolean | null;
  /** the engine's findings; shown as text */
  violations: unknown[];
  explanation: string[];
  error: { code: string; message: string } | null;
}

export interface RequestAppeal {
  id: number;
  kind: string;
  kindLabel: string;
  afterReconsideration: boolean;
  filedOn: string;
  body: string | null;
  outcome: string;
  outcomeLabel: string;
  decidedOn: string | null;
  note: string | null;
}

export interface DisclosureRequestDetail extends Omit<DisclosureRequestItem, 'applicantName'> {
  applicant: {
    kind: string; name: string; idType: string | null; idNumber: string | null; creditCode: string | null; legalRepresentative: string | null;
    contactPerson: string | null; phone: string | null; email: string | null; address: string | null; masked: boolean;
  };
  description: string;
  formWanted: string;
  deliveryWanted: string;
  receiptConfirmedOn: string | null;
  replyText: string | null;
  replyMethod: string | null;
  clock: RequestClock;
  events: { id: number; type: string; label: string; onDate: string; data: unknown; createdAt: string }[];
  documents: { id: number; kind: string; fileName: string; mimeType: string; size: number }[];
  appeals: RequestAppeal[];
  allowedActions: RequestAction[];
}

export interface DisclosureRequestInput {
  applicantKind: string;
  applicantName: string;
  idType?: string | null;
  idNumber?: string | null;
  creditCode?: string | null;
  legalRepresentative?: string | null;
  contactPerson?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  description: string;
  formWanted: string;
  deliveryWanted: string;
  channel: string;
  arrivedOn: string;
  receiptConfirmedOn?: string | null;
  handlingUnitId?: number;
}

/** Counts by applicant kind (the annual report's columns) and 总计. */
export type KindCounts = Record<string, number> & { total: number };

export interface DisclosureRequestStats {
  from: string;
  to: string;
  received: KindCounts;
  carriedOver: KindCounts;
  outcomes: Record<string, KindCounts>;
  outcomesTotal: KindCounts;
  carriedForward: KindCounts;
  byChannel: Record<string, number>;
  appeals: Record<string, number[]>;
}
