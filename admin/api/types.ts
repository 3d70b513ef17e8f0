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
  /** publications the unit tagged as evidence of this assignment (url: the portal page when published, else the workbench) */
  publications?: AssignmentPublication[];
}

export interface AssignmentPublication {
  id: number;
  title: string;
  state: string;
  publishedOn: string | null;
  indexNumber: string | null;
  url: string;
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

// ---- 主动公开 (publications) and the catalogue trees ----

export type PlatformColumn = 'guide' | 'rules' | 'statutory' | 'annualReport';
export type PublicationKind = 'general' | 'normative' | 'policy';
export type PublicationState = 'draft' | 'inReview' | 'published' | 'withdrawn';
export type Timeliness = 'onTime' | 'late' | 'due' | 'overdue';
export type CatalogueKind = 'basic' | 'standard';

export interface Publication {
  id: number;
  unitId: number;
  unitName: string;
  platformColumn: PlatformColumn | string;
  kind: PublicationKind | string;
  indexNumber: string | null;
  title: string;
  publisher: string;
  docNumber: string | null;
  topic: string | null;
  writtenOn: string | null;
  madeOn: string | null;
  /** 应公开截止日: madeOn + 20 working days (《条例》第二十六条) */
  publishDueOn: string | null;
  publishedOn: string | null;
  timeliness: Timeliness | null;
  state: PublicationState | string;
  /** sanitised by the server */
  bodyHtml: string;
  reviewerId: number | null;
  reviewerName: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  nodes: { id: number; name: string }[];
  attachments: { id: number; fileName: string; mimeType: string; size: number; url: string }[];
  evidenceAssignmentIds: number[];
}

export interface PublicationInput {
  unitId?: number;
  platformColumn: PlatformColumn;
  kind: PublicationKind;
  title: string;
  publisher?: string | null;
  docNumber?: string | null;
  topic?: string | null;
  writtenOn?: string | null;
  madeOn?: string | null;
  body?: string;
  nodeIds?: number[];
}

export interface PublicationQuery {
  unitId?: number;
  state?: PublicationState;
  column?: PlatformColumn;
  kind?: PublicationKind;
  nodeId?: number;
  year?: number;
  q?: string;
  late?: boolean;
  reviewing?: boolean;
  assignmentId?: number;
  page?: number;
  pageSize?: number;
}

export interface ReviewerCandidate {
  id: number;
  displayName: string;
  role: Role | string;
  unitId: number;
}

export interface CatalogueTreeNode {
  id: number;
  name: string;
  code: string | null;
  pilotArea: string | null;
  sortOrder: number;
  children: CatalogueTreeNode[];
}

export interface CatalogueNode {
  id: number;
  unitId: number | null;
  kind: CatalogueKind | string;
  parentId: number | null;
  name: string;
  code: string | null;
  pilotArea: string | null;
  sortOrder: number;
}

// ---- 规范性文件 (the normative register) and 清理 (cleanup campaigns) ----

export type Validity = 'valid' | 'expired' | 'repealed' | 'amended';
export type CleanupDecision = 'keep' | 'amend' | 'repeal' | 'expire';

export interface NormativeDocument {
  /** the publication's id */
  id: number;
  regNumber: string;
  unitId: number;
  unitName: string;
  title: string;
  docNumber: string | null;
  publisher: string;
  indexNumber: string | null;
  publishedOn: string | null;
  publicationState: string;
  effectiveOn: string | null;
  validUntil: string | null;
  validity: Validity;
  validityLabel: string;
  validityChangedOn: string | null;
  validityNote: string | null;
  expiryAlertedAt: string | null;
  registeredAt: string;
  url: string;
}

export interface NormativeRef {
  id: number;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  publicationState: string;
  url: string;
}

export interface NormativeDocumentDetail extends NormativeDocument {
  amends: NormativeRef[];
  repeals: NormativeRef[];
  amendedBy: NormativeRef[];
  repealedBy: NormativeRef[];
}

export interface NormativeQuery {
  unitId?: number;
  validity?: Validity;
  inForce?: boolean;
  year?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface NormativeSettings {
  regNumberPattern: string;
  validityYears: number;
  alertDaysBefore: number;
  example: string;
}

export interface CleanupUnitProgress {
  unitId: number;
  unitName: string;
  total: number;
  confirmed: number;
  decisions: Record<CleanupDecision, number>;
}

export interface CleanupCampaign {
  id: number;
  title: string;
  year: number;
  state: 'open' | 'closed';
  dueOn: string | null;
  openedAt: string;
  closedAt: string | null;
  validListPublishedAt: string | null;
  total: number;
  confirmed: number;
  units: CleanupUnitProgress[];
}

export interface CleanupItem {
  campaignId: number;
  documentId: number;
  unitId: number;
  unitName: string;
  regNumber: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
  validity: string;
  validityLabel: string;
  validUntil: string | null;
  decision: CleanupDecision | null;
  decisionLabel: string | null;
  note: string | null;
  confirmedBy: number | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
}

// ---- 政府公报 (the gazette) ----

export interface GazetteIssue {
  id: number;
  year: number;
  number: number;
  totalNumber: number | null;
  /** 2020年第3期（总第315期） */
  label: string;
  publishedOn: string | null;
  state: 'draft' | 'published' | string;
  stateLabel: string;
  articleCount: number;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface GazetteArticle {
  id: number;
  issueId: number;
  year: number;
  number: number;
  issueLabel: string;
  seq: number;
  title: string;
  docNumber: string | null;
  issuingBody: string;
  unitId: number | null;
  category: string;
  topic: string | null;
  publicationId: number | null;
  publishedOn: string | null;
  url: string;
}

export interface GazetteArticleDetail extends GazetteArticle {
  issueState: string;
  bodyText: string;
  createdAt: string;
}

export interface GazetteIssueDetail extends GazetteIssue {
  articles: GazetteArticle[];
}

export interface GazetteArticleInput {
  seq?: number;
  title: string;
  docNumber?: string | null;
  issuingBody: string;
  unitId?: number | null;
  category: string;
  topic?: string | null;
  bodyText?: string;
  publicationId?: number | null;
}

// ---- 政策解读 (interpretations) ----

export type InterpretationForm = 'text' | 'graphic' | 'qa' | 'media';

export interface Interpretation {
  id: number;
  unitId: number;
  unitName: string;
  publicationId: number;
  /** the policy interpreted, when published */
  publication: { id: number; title: string; docNumber: string | null; publishedOn: string | null; url: string } | null;
  title: string;
  form: InterpretationForm | string;
  formLabel: string;
  mediaUrl: string | null;
  interpreterName: string;
  interpreterTitle: string | null;
  /** by the unit's head (第一解读人) */
  byUnitHead: boolean;
  publishedOn: string | null;
  state: 'draft' | 'published' | 'withdrawn' | string;
  stateLabel: string;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface InterpretationDetail extends Interpretation {
  /** sanitised by the server */
  bodyHtml: string;
  bodyText: string;
  withdrawnReason: string | null;
}

export interface InterpretationInput {
  unitId?: number;
  publicationId: number;
  title: string;
  form: InterpretationForm;
  body?: string;
  mediaUrl?: string | null;
  interpreterName: string;
  interpreterTitle?: string | null;
  byUnitHead?: boolean;
}

export interface InterpretationQuery {
  unitId?: number;
  form?: InterpretationForm;
  year?: number;
  state?: 'draft' | 'published' | 'withdrawn';
  publicationId?: number;
  byUnitHead?: boolean;
  limit?: number;
  offset?: number;
}

export interface LeadInterpreterStats {
  year: number;
  target: number;
  metUnits: number;
  items: { unitId: number; unitName: string; count: number; met: boolean }[];
}

export interface SearchHit {
  kind: string;
  refId: number;
  unitId: number | null;
  year: number | null;
  validity: string | null;
  docNumber: string | null;
  title: string;
  url: string;
  publishedOn: string | null;
  titleHtml: string;
  snippetHtml: string;
}

// ---- 决策与征集 (decision catalogue, consultations) ----

export type DecisionStage = 'consultation' | 'deliberation' | 'publication' | 'implementation' | 'evaluation';

export interface DecisionItem {
  id: number;
  year: number;
  seq: number;
  title: string;
  unitId: number;
  unitName: string;
  basis: string | null;
  plannedBy: string | null;
  stage: DecisionStage | string;
  stageLabel: string;
  published: boolean;
  consultations: { id: number; title: string; state: string; stateLabel: string }[];
  /** the stages the current user may move this item to */
  allowedStages: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DecisionYear {
  year: number;
  items: number;
  publishedItems: number;
  published: boolean;
}

export interface DecisionItemInput {
  year: number;
  seq?: number;
  unitId: number;
  title: string;
  basis?: string | null;
  plannedBy?: string | null;
  stage?: DecisionStage;
}

export interface CommentCounts {
  received: number;
  pending: number;
  approved: number;
  rejected: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  undisposed: number;
}

export type ConsultationAction = 'edit' | 'publish' | 'delete' | 'moderate' | 'dispose' | 'publishFeedback';

export interface ConsultationSummary {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  decisionItem: { id: number; year: number; seq: number; title: string } | null;
  opensOn: string;
  closesOn: string;
  periodDays: number;
  state: 'draft' | 'open' | 'closed' | 'reported' | string;
  stateLabel: string;
  acceptingComments: boolean;
  daysLeft: number | null;
  feedbackPublishedAt: string | null;
  counts: CommentCounts | null;
}

export interface ConsultationDetail extends ConsultationSummary {
  /** sanitised by the server */
  draftHtml: string;
  explanation: string | null;
  feedbackHtml: string | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: ConsultationAction[];
}

export interface ConsultationInput {
  unitId?: number;
  title: string;
  draftHtml?: string;
  explanation?: string | null;
  decisionItemId?: number | null;
  opensOn?: string;
  closesOn?: string;
}

export interface ConsultationComment {
  id: number;
  text: string;
  receivedOn: string;
  moderation: 'pending' | 'approved' | 'rejected' | string;
  moderationLabel: string;
  moderationNote: string | null;
  disposition: 'adopted' | 'partlyAdopted' | 'notAdopted' | null | string;
  dispositionLabel: string | null;
  dispositionReason: string | null;
  /** only for the unit and the office */
  authorName: string | null;
  contact: string | null;
}

export interface ConsultationFeedback {
  published: boolean;
  publishedAt: string | null;
  /** server-rendered */
  html: string;
  /** error codes of what still blocks publishing */
  missing: string[];
}

// ---- 督查整改 (inspections and rectification) ----

export type InspectionKind = 'spotCheck' | 'websiteCheck' | 'thirdPartyEvaluation' | 'audit';
export type FindingSeverity = 'general' | 'major' | 'serious';
export type FindingState = 'open' | 'submitted' | 'returned' | 'closed' | 'withdrawn';

export interface FindingCounts {
  total: number;
  open: number;
  submitted: number;
  returned: number;
  closed: number;
  withdrawn: number;
  overdue: number;
}

export interface Inspection {
  id: number;
  year: number;
  kind: InspectionKind | string;
  kindLabel: string;
  title: string;
  source: string | null;
  description: string | null;
  startedOn: string | null;
  endedOn: string | null;
  /** draft | open | closed */
  state: string;
  stateLabel: string;
  published: boolean;
  publishedOn: string | null;
  /** the public page, while published */
  url: string | null;
  counts: FindingCounts;
  createdAt: string;
  updatedAt: string;
}

export interface InspectionInput {
  year: number;
  kind: InspectionKind;
  title: string;
  source?: string | null;
  description?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}

export interface InspectionQuery {
  year?: number;
  kind?: InspectionKind;
  state?: 'draft' | 'open' | 'closed';
  limit?: number;
  offset?: number;
}

export interface RefLink {
  id: number;
  title: string;
  url: string | null;
}

export interface Finding {
  id: number;
  inspectionId: number;
  inspectionTitle: string;
  inspectionKind: string;
  inspectionKindLabel: string;
  inspectionState: string;
  unitId: number;
  unitName: string;
  taskId: number | null;
  task: { id: number; listId: number; seq: number; text: string } | null;
  publicationId: number | null;
  publication: RefLink | null;
  severity: FindingSeverity | string;
  severityLabel: string;
  problem: string;
  requirement: string;
  dueOn: string;
  state: FindingState | string;
  stateLabel: string;
  overdue: boolean;
  closedOn: string | null;
  closedLate: boolean;
  officeNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Rectification {
  id: number;
  findingId: number;
  version: number;
  text: string;
  evidenceLinks: string[];
  evidencePublications: RefLink[];
  attachments: { id: number; fileName: string; mimeType: string; size: number; url: string }[];
  /** submitted | accepted | returned */
  state: string;
  stateLabel: string;
  submittedBy: number | null;
  submittedAt: string;
  verifiedAt: string | null;
  verificationNote: string | null;
}

export interface FindingDetail extends Finding {
  rectifications: Rectification[];
}

export interface FindingInput {
  unitId: number;
  taskId?: number | null;
  publicationId?: number | null;
  severity: FindingSeverity;
  problem: string;
  requirement: string;
  dueOn: string;
}

export interface FindingQuery {
  mine?: boolean;
  unitId?: number;
  inspectionId?: number;
  state?: FindingState;
  year?: number;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

// ---- 政府信息公开工作年度报告 ----

export type AnnualReportScope = 'unit' | 'government';

export interface AnnualReport {
  id: number;
  scope: AnnualReportScope;
  scopeLabel: string;
  unitId: number;
  unitName: string;
  issuer: string;
  year: number;
  template: 'v2019' | 'v2021';
  templateName: string;
  state: 'draft' | 'published';
  stateLabel: string;
  title: string;
  deadline: string;
  publishedOn: string | null;
  publishedAt: string | null;
  url: string | null;
  createdAt: string;
  updatedAt: string;
}

export type Table2Entries = Record<string, (number | null)[]>;

export interface AnnualReportDetail extends AnnualReport {
  table2: Table2Entries;
  section5: string;
  section6: string;
  previous: { id: number; year: number; state: string; section5: string } | null;
  enteredRows: { item: string; label: string; columns: string[] }[];
}

export interface AnnualReportProblem {
  rule: string;
  where: string;
  message: string;
}

export interface AnnualReportData {
  title: string;
  issuer: string;
  year: number;
  version: string;
  unitIds: number[];
  generatedOn: string;
  summary: { paragraphs: string[] };
  table2: { item: string; columns: string[]; rows: { label: string; cells: (number | null)[]; source: 'register' | 'entered'; ids?: number[][] }[] }[];
  table3: { key: string; label: string; role: string; groups: string[]; cells: number[]; ids: number[][] }[];
  table4: { cells: number[]; ids: number[][] };
  section5: string;
  section6: string;
}

export interface AnnualReportPreview {
  report: AnnualReport;
  data: AnnualReportData;
  problems: AnnualReportProblem[];
  previousChecked: boolean;
}

export interface CountedRecord {
  kind: 'request' | 'appeal';
  id: number;
  requestId: number;
  regNumber: string;
  applicantKind: string;
  receivedOn: string | null;
  repliedOn: string | null;
  outcome: string | null;
  state: string;
  appealKind?: string;
  appealOutcome?: string;
  filedOn?: string;
  decidedOn?: string | null;
}

export interface CountedDocument {
  id: number;
  regNumber: string;
  title: string;
  publishedOn: string | null;
  validityLabel: string;
}

export interface ExpectedReport {
  scope: AnnualReportScope;
  unitId: number;
  unitName: string;
  title: string;
  deadline: string;
  state: 'none' | 'draft' | 'published';
  reportId: number | null;
  publishedOn: string | null;
  late: boolean;
}
