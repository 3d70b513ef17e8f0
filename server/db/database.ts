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
  /** quarterly | monthly | halfYearly | oneOff */
  reportingCycle: Generated<string>;
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
  /** The text the task was read from, as written in the notice (a table row, a prose paragraph) */
  sourceText: string | null;
  /** Overrides the list's reporting cycle for this task */
  reportingCycle: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  taskId: number;
  unitId: number;
  role: string;
  /** The office's decision at the end: completed | ongoing | notCompleted (null: derived) */
  finalState: string | null;
  createdAt: Timestamp;
}

export interface ReportingPeriodTable {
  id: Generated<number>;
  listId: number;
  /** null: the list's own periods; set: periods of one task with its own cycle */
  taskId: number | null;
  seq: number;
  label: string;
  startsOn: DateString;
  endsOn: DateString;
  /** The day reports for the period are due */
  dueOn: DateString;
}

export interface ProgressReportTable {
  id: Generated<number>;
  assignmentId: number;
  periodId: number;
  /** 1, 2, …: a resubmission is a new version; earlier versions stay */
  version: number;
  text: string;
  /** JSON: string[] */
  evidenceLinks: string;
  completed: Flag;
  publicSummary: string | null;
  /** submitted | returned | accepted */
  state: string;
  submittedBy: number;
  submittedAt: Timestamp;
  reviewedBy: number | null;
  reviewedAt: Timestamp | null;
  reviewComment: string | null;
  /** shown on the public progress page (the office's decision) */
  public: Flag;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  reportId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdAt: Timestamp;
}

export interface ReminderTable {
  id: Generated<number>;
  /** Makes each reminder exist once, whichever process creates it */
  dedupeKey: string;
  /** dueSoon | overdue | manual */
  kind: string;
  unitId: number;
  listId: number | null;
  taskId: number | null;
  periodId: number | null;
  message: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  unitId: number;
  reminderId: number | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: Timestamp;
  readAt: Timestamp | null;
}

export interface DeliveryTable {
  id: Generated<number>;
  notificationId: number;
  /** email | webhook */
  channel: string;
  target: string;
  /** pending | sent | failed */
  status: string;
  attempts: Generated<number>;
  lastError: string | null;
  lockedUntil: Timestamp | null;
  lockedBy: string | null;
  sentAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface UnitChannelTable {
  unitId: number;
  email: string | null;
  emailEnabled: Flag;
  webhookUrl: string | null;
  webhookSecret: string | null;
  webhookEnabled: Flag;
  updatedAt: Timestamp;
}

export interface SettingTable {
  key: string;
  /** JSON */
  value: string;
  updatedAt: Timestamp;
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
  /** the last request made with it (updated at most once a minute), for the idle timeout */
  lastSeenAt: Timestamp | null;
}

/** Consecutive failed logins per username (lower-cased), known or not */
export interface LoginFailureTable {
  usernameKey: string;
  failures: number;
  lastFailedAt: Timestamp;
  /** refused until then (exponential backoff after LOGIN_FAILURES_BEFORE_BACKOFF) */
  blockedUntil: Timestamp | null;
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
  /** the hash of the record before this one (audit.chain.ts); null on records older than the chain */
  prevHash: string | null;
  /** sha-256 over this record's content and prevHash */
  hash: string | null;
}

export interface DisclosureRequestTable {
  id: Generated<number>;
  /** 登记号, e.g. 嘉政办〔2020〕依申请第12号 */
  regNumber: string;
  year: number;
  seq: number;
  handlingUnitId: number;
  state: string;
  channel: string;
  /** the day the application arrived (handed in, signed for, received) */
  arrivedOn: DateString;
  /** the day receipt was confirmed with the applicant (ordinary mail, online, e-mail, fax) */
  receiptConfirmedOn: DateString | null;
  /** 收到申请之日 (《条例》第三十一条); null until it is known */
  receivedOn: DateString | null;
  applicantKind: string;
  applicantName: string;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  description: string;
  formWanted: string;
  deliveryWanted: string;
  /** JSON: ids of possible duplicates (flagged, never merged) */
  duplicateOf: Generated<string>;
  /** the reply deadline as last computed from the events */
  dueOn: DateString | null;
  outcome: string | null;
  replyText: string | null;
  repliedOn: DateString | null;
  replyMethod: string | null;
  archivedAt: Timestamp | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RequestEventTable {
  id: Generated<number>;
  requestId: number;
  type: string;
  /** the legal date of the event */
  onDate: DateString;
  /** JSON */
  data: Generated<string>;
  actorUserId: number | null;
  createdAt: Timestamp;
}

export interface RequestDocumentTable {
  id: Generated<number>;
  requestId: number;
  /** provided (information given to the applicant) | correction (the applicant's correction) */
  kind: string;
  fileName: string;
  mimeType: string;
  size: number;
  content: Buffer;
  createdAt: Timestamp;
}

export interface AppealTable {
  id: Generated<number>;
  requestId: number;
  /** reconsideration | litigation */
  kind: string;
  afterReconsideration: Flag;
  filedOn: DateString;
  body: string | null;
  /** maintained | corrected | other | pending */
  outcome: string;
  decidedOn: DateString | null;
  note: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ReplyTemplateTable {
  letter: string;
  title: string;
  body: string;
  updatedAt: Timestamp;
}

export interface CalendarYearTable {
  year: number;
  /** JSON: CalendarYearData */
  data: string;
  updatedAt: Timestamp;
}

export interface ProgressRevisionTable {
  listId: number;
  revision: Generated<number>;
  updatedAt: Timestamp;
}

export interface NumberSequenceTable {
  scope: string;
  value: number;
}

export interface CatalogueNodeTable {
  id: Generated<number>;
  /** null: the government's own catalogue */
  unitId: number | null;
  /** basic (主动公开基本目录) | standard (基层政务公开标准目录) */
  kind: string;
  parentId: number | null;
  name: string;
  code: string | null;
  pilotArea: string | null;
  sortOrder: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PublicationTable {
  id: Generated<number>;
  unitId: number;
  /** guide | rules | statutory | annualReport: the platform's four fixed columns */
  platformColumn: string;
  /** general | normative | policy */
  kind: string;
  indexNumber: string | null;
  title: string;
  publisher: string;
  docNumber: string | null;
  topic: string | null;
  writtenOn: DateString | null;
  /** the day the information was made or changed (Art. 26 clock start) */
  madeOn: DateString | null;
  publishDueOn: DateString | null;
  publishedOn: DateString | null;
  bodyHtml: Generated<string>;
  bodyText: Generated<string>;
  /** draft | inReview | published | withdrawn */
  state: string;
  reviewerId: number | null;
  reviewNote: string | null;
  reviewedAt: Timestamp | null;
  withdrawnReason: string | null;
  withdrawnAt: Timestamp | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PublicationAttachmentTable {
  id: Generated<number>;
  publicationId: number;
  fileName: string;
  mimeType: string;
  size: number;
  content: Uint8Array;
  extractedText: Generated<string>;
  createdAt: Timestamp;
}

export interface PublicationCatalogueTable {
  publicationId: number;
  nodeId: number;
}

export interface PublicationEvidenceTable {
  publicationId: number;
  assignmentId: number;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface NormativeDocumentTable {
  publicationId: number;
  regNumber: string;
  unitId: number;
  /** valid | expired | repealed | amended */
  validity: string;
  effectiveOn: DateString | null;
  validUntil: DateString | null;
  validityChangedOn: DateString | null;
  validityNote: string | null;
  expiryAlertedAt: Timestamp | null;
  registeredAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NormativeRelationTable {
  fromId: number;
  toId: number;
  /** amends | repeals */
  kind: string;
  createdAt: Timestamp;
}

export interface CleanupCampaignTable {
  id: Generated<number>;
  title: string;
  year: number;
  /** open | closed */
  state: string;
  dueOn: DateString | null;
  openedAt: Timestamp;
  closedAt: Timestamp | null;
  validListPublishedAt: Timestamp | null;
  createdBy: number | null;
}

export interface CleanupItemTable {
  campaignId: number;
  documentId: number;
  unitId: number;
  /** null until confirmed; keep | amend | repeal | expire */
  decision: string | null;
  note: string | null;
  confirmedBy: number | null;
  confirmedAt: Timestamp | null;
}

export interface GazetteIssueTable {
  id: Generated<number>;
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: DateString | null;
  /** draft | published */
  state: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface GazetteArticleTable {
  id: Generated<number>;
  issueId: number;
  seq: number;
  publicationId: number | null;
  unitId: number | null;
  issuingBody: string;
  title: string;
  docNumber: string | null;
  category: string;
  topic: string | null;
  bodyText: Generated<string>;
  createdAt: Timestamp;
}

export interface InterpretationTable {
  id: Generated<number>;
  unitId: number;
  publicationId: number;
  title: string;
  /** text | graphic | qa | media */
  form: string;
  bodyHtml: Generated<string>;
  bodyText: Generated<string>;
  mediaUrl: string | null;
  interpreterName: string;
  interpreterTitle: string | null;
  byUnitHead: Generated<Flag>;
  publishedOn: DateString | null;
  /** draft | published | withdrawn */
  state: string;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface DecisionItemTable {
  id: Generated<number>;
  year: number;
  seq: number;
  unitId: number;
  title: string;
  basis: string | null;
  plannedBy: string | null;
  /** consultation | deliberation | publication | implementation | evaluation */
  stage: string;
  published: Generated<Flag>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ConsultationTable {
  id: Generated<number>;
  unitId: number;
  decisionItemId: number | null;
  title: string;
  draftHtml: Generated<string>;
  draftText: Generated<string>;
  explanation: string | null;
  opensOn: DateString;
  closesOn: DateString;
  /** draft | open | closed | reported */
  state: string;
  feedbackHtml: string | null;
  feedbackPublishedAt: Timestamp | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ConsultationCommentTable {
  id: Generated<number>;
  consultationId: number;
  /** personal data: never shown publicly */
  authorName: string | null;
  contact: string | null;
  bodyText: string;
  /** pending | approved | rejected */
  moderation: string;
  moderationNote: string | null;
  /** adopted | partlyAdopted | notAdopted */
  disposition: string | null;
  dispositionReason: string | null;
  disposedBy: number | null;
  disposedAt: Timestamp | null;
  clientHash: string | null;
  createdAt: Timestamp;
}

export interface SearchDocumentTable {
  id: Generated<number>;
  /** publication | normative | gazette | interpretation */
  kind: string;
  refId: number;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  docNumberKey: string | null;
  title: string;
  url: string;
  publishedOn: DateString | null;
  bodyText: Generated<string>;
  /** catalogue nodes with their ancestors, ids separated by spaces (for rebuilding the engine's index) */
  nodeIds: Generated<string>;
}

// ---- inspections (督查 / 监督检查 → 整改 → 复核 → 销号) ----

export interface InspectionTable {
  id: Generated<number>;
  year: number;
  /** spotCheck 抽查 | websiteCheck 网站检查 | thirdPartyEvaluation 第三方评估 | audit 审计 */
  kind: string;
  title: string;
  /** who inspected, e.g. 省政府办公厅委托的第三方评估机构 */
  source: string | null;
  description: string | null;
  startedOn: DateString | null;
  endedOn: DateString | null;
  /** draft | open | closed */
  state: string;
  published: Generated<Flag>;
  publishedOn: DateString | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InspectionFindingTable {
  id: Generated<number>;
  inspectionId: number;
  unitId: number;
  taskId: number | null;
  publicationId: number | null;
  /** general 一般 | major 较重 | serious 严重 */
  severity: string;
  problem: string;
  requirement: string;
  dueOn: DateString;
  /** open | submitted | returned | closed (销号) | withdrawn */
  state: string;
  closedOn: DateString | null;
  /** the office's note when it closed or withdrew the finding (internal) */
  officeNote: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RectificationReportTable {
  id: Generated<number>;
  findingId: number;
  version: number;
  text: string;
  /** JSON array of http(s) links */
  evidenceLinks: Generated<string>;
  /** JSON array of the unit's own published publication ids */
  evidencePublicationIds: Generated<string>;
  /** submitted | accepted | returned */
  state: string;
  submittedBy: number | null;
  submittedAt: Timestamp;
  verifiedBy: number | null;
  verifiedAt: Timestamp | null;
  verificationNote: string | null;
}

export interface RectificationAttachmentTable {
  id: Generated<number>;
  reportId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdAt: Timestamp;
}

export interface AnnualReportTable {
  id: Generated<number>;
  /** unit (本单位) | government (本级人民政府, aggregating its units) */
  scope: string;
  unitId: number;
  year: number;
  /** v2019 | v2021, fixed at creation */
  template: string;
  /** draft | published */
  state: string;
  /** JSON: entered table 二 rows, row label → cells */
  table2: Generated<string>;
  section5: Generated<string>;
  section6: Generated<string>;
  /** JSON: the generated report frozen at publication */
  snapshot: string | null;
  publishedOn: DateString | null;
  publishedAt: Timestamp | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

// ---- evaluations (考核评价) ----

export interface IndicatorSetTable {
  id: Generated<number>;
  year: number;
  name: string;
  description: string | null;
  totalPoints: number;
  /** lists | units */
  scopeKind: string;
  /** JSON: number[] */
  scopeUnitIds: Generated<string>;
  /** draft | scoring | published */
  state: string;
  publishedAt: Timestamp | null;
  publishedBy: number | null;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface IndicatorTable {
  id: Generated<number>;
  setId: number;
  parentId: number | null;
  name: string;
  description: string | null;
  maxPoints: number;
  sortOrder: Generated<number>;
  /** computed | manual */
  method: string;
  metric: string | null;
  /** JSON object */
  params: Generated<string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ManualScoreTable {
  id: Generated<number>;
  indicatorId: number;
  unitId: number;
  points: number;
  note: string | null;
  /** JSON: string[] */
  evidence: Generated<string>;
  scoredBy: number | null;
  scoredAt: Timestamp;
}

export interface EvaluationResultTable {
  setId: number;
  unitId: number;
  unitName: string;
  rank: number;
  total: number;
  /** JSON: the unit's breakdown */
  breakdown: string;
}

export interface EvaluationSnapshotTable {
  setId: number;
  /** JSON: the indicator tree as published */
  indicators: string;
  computedAt: Timestamp;
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
  loginFailure: LoginFailureTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
  reportingPeriod: ReportingPeriodTable;
  progressReport: ProgressReportTable;
  reportAttachment: ReportAttachmentTable;
  reminder: ReminderTable;
  notification: NotificationTable;
  delivery: DeliveryTable;
  unitChannel: UnitChannelTable;
  setting: SettingTable;
  disclosureRequest: DisclosureRequestTable;
  requestEvent: RequestEventTable;
  requestDocument: RequestDocumentTable;
  appeal: AppealTable;
  replyTemplate: ReplyTemplateTable;
  calendarYear: CalendarYearTable;
  progressRevision: ProgressRevisionTable;
  numberSequence: NumberSequenceTable;
  catalogueNode: CatalogueNodeTable;
  publication: PublicationTable;
  publicationAttachment: PublicationAttachmentTable;
  publicationCatalogue: PublicationCatalogueTable;
  publicationEvidence: PublicationEvidenceTable;
  normativeDocument: NormativeDocumentTable;
  normativeRelation: NormativeRelationTable;
  cleanupCampaign: CleanupCampaignTable;
  cleanupItem: CleanupItemTable;
  gazetteIssue: GazetteIssueTable;
  gazetteArticle: GazetteArticleTable;
  interpretation: InterpretationTable;
  decisionItem: DecisionItemTable;
  consultation: ConsultationTable;
  consultationComment: ConsultationCommentTable;
  searchDocument: SearchDocumentTable;
  indicatorSet: IndicatorSetTable;
  indicator: IndicatorTable;
  manualScore: ManualScoreTable;
  evaluationResult: EvaluationResultTable;
  evaluationSnapshot: EvaluationSnapshotTable;
  inspection: InspectionTable;
  inspectionFinding: InspectionFindingTable;
  rectificationReport: RectificationReportTable;
  rectificationAttachment: RectificationAttachmentTable;
  annualReport: AnnualReportTable;
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
export type ReportingPeriod = Selectable<ReportingPeriodTable>;
export type ProgressReport = Selectable<ProgressReportTable>;
export type ReportAttachment = Selectable<ReportAttachmentTable>;
export type Reminder = Selectable<ReminderTable>;
export type Notification = Selectable<NotificationTable>;
export type Delivery = Selectable<DeliveryTable>;
export type UnitChannel = Selectable<UnitChannelTable>;
export type DisclosureRequest = Selectable<DisclosureRequestTable>;
export type RequestEvent = Selectable<RequestEventTable>;
export type Appeal = Selectable<AppealTable>;
export type CatalogueNode = Selectable<CatalogueNodeTable>;
export type Publication = Selectable<PublicationTable>;
export type NormativeDocument = Selectable<NormativeDocumentTable>;
export type GazetteIssue = Selectable<GazetteIssueTable>;
export type GazetteArticle = Selectable<GazetteArticleTable>;
export type Interpretation = Selectable<InterpretationTable>;
export type AnnualReportRow = Selectable<AnnualReportTable>;
export type DecisionItem = Selectable<DecisionItemTable>;
export type Consultation = Selectable<ConsultationTable>;
export type ConsultationComment = Selectable<ConsultationCommentTable>;
export type Inspection = Selectable<InspectionTable>;
export type InspectionFinding = Selectable<InspectionFindingTable>;
export type RectificationReport = Selectable<RectificationReportTable>;
export type RectificationAttachment = Selectable<RectificationAttachmentTable>;
export type IndicatorSet = Selectable<IndicatorSetTable>;
export type Indicator = Selectable<IndicatorTable>;
export type ManualScore = Selectable<ManualScoreTable>;
