/**
 * One typed function per API endpoint the workbench calls.
 */
import { api, apiUrl, request, upload, type Query } from './client.ts';
import type {
  Assignment, AssignmentDetail, AssignmentQuery, ImportOutcome, ImportPreview, ListDetail, ListSummary, Matrix,
  NotificationItem, Overview, Period, QueueItem, ReminderInput, Report, ReportingCycle, Role, SessionInfo, Task,
  TaskDetail, TaskPatch, Unit, UnitChannels, UnitChannelsInput, UnitGroup, UnitInput, User, FinalState, ReminderSettings,
  DisclosureRequestDetail, DisclosureRequestInput, DisclosureRequestItem, DisclosureRequestQuery, DisclosureRequestStats,
  CatalogueKind, CatalogueNode, CatalogueTreeNode, Publication, PublicationInput, PublicationQuery, ReviewerCandidate,
  CleanupCampaign, CleanupDecision, CleanupItem, NormativeDocument, NormativeDocumentDetail, NormativeQuery, NormativeSettings,
  GazetteArticleDetail, GazetteArticleInput, GazetteIssue, GazetteIssueDetail,
  Interpretation, InterpretationDetail, InterpretationInput, InterpretationQuery, LeadInterpreterStats, SearchHit,
  ConsultationComment, ConsultationDetail, ConsultationFeedback, ConsultationInput, ConsultationSummary, DecisionItem, DecisionItemInput,
  DecisionStage, DecisionYear,
  Finding, FindingDetail, FindingInput, FindingQuery, Inspection, InspectionInput, InspectionQuery,
  AnnualReport, AnnualReportDetail, AnnualReportPreview, AnnualReportProblem, AnnualReportScope, CountedDocument, CountedRecord, ExpectedReport, Table2Entries,
} from './types.ts';

type Items<T> = { items: T[] };

export const sessions = {
  login: (username: string, password: string) => api.post<SessionInfo>('/sessions', { username, password }),
  current: () => api.get<SessionInfo>('/sessions/current'),
  logout: () => request<void>('DELETE', '/sessions/current', { expect: 'none' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('PUT', '/users/me/password', { body: { currentPassword, newPassword }, expect: 'none' }),
};

export const users = {
  list: (query?: { unitId?: number }) => api.get<Items<User>>('/users', query),
  create: (input: { username: string; displayName: string; unitId: number; role: Role; password?: string }) =>
    api.post<{ user: User; oneTimePassword: string | null }>('/users', input),
  update: (id: number, patch: { displayName?: string; role?: Role; disabled?: boolean }) => api.patch<User>(`/users/${id}`, patch),
  resetPassword: (id: number) => api.post<{ oneTimePassword: string }>(`/users/${id}/password-resets`),
};

export const units = {
  list: (query?: { kind?: string; placeholder?: boolean; q?: string }) => api.get<Items<Unit>>('/units', query),
  get: (id: number) => api.get<Unit>(`/units/${id}`),
  create: (input: UnitInput & { name: string; kind: string }) => api.post<Unit>('/units', input),
  update: (id: number, patch: UnitInput) => api.patch<Unit>(`/units/${id}`, patch),
  merge: (id: number, intoUnitId: number) => api.post<Unit>(`/units/${id}/merges`, { intoUnitId }),
  exportUrl: () => apiUrl('/units/export'),
  importCsv: (csv: string) => request<{ created: number; updated: number; groups: number }>('POST', '/units/import', { raw: csv, contentType: 'text/csv' }),
  channels: (id: number) => api.get<UnitChannels>(`/units/${id}/channels`),
  setChannels: (id: number, channels: UnitChannelsInput) => api.put<UnitChannels>(`/units/${id}/channels`, channels),
};

export const unitGroups = {
  list: () => api.get<Items<UnitGroup>>('/unit-groups'),
  create: (input: { name: string; aliases?: string[]; memberIds?: number[] }) => api.post<UnitGroup>('/unit-groups', input),
  update: (id: number, patch: { name?: string; aliases?: string[]; memberIds?: number[] }) => api.patch<UnitGroup>(`/unit-groups/${id}`, patch),
};

export const lists = {
  list: (query?: { state?: 'draft' | 'published'; kind?: string; year?: number }) => api.get<Items<ListSummary>>('/lists', query),
  get: (id: number) => api.get<ListDetail>(`/lists/${id}`),
  tasks: (id: number) => api.get<Items<Task>>(`/lists/${id}/tasks`),
  update: (id: number, patch: { title?: string; kind?: string; year?: number }) => api.patch<ListSummary>(`/lists/${id}`, patch),
  remove: (id: number) => api.delete(`/lists/${id}`),
  publish: (id: number) => api.post<ListSummary>(`/lists/${id}/publication`),
  periods: (id: number) => api.get<Items<Period>>(`/lists/${id}/periods`),
  setReporting: (id: number, cycle: ReportingCycle) => api.put<{ items: Period[] }>(`/lists/${id}/reporting`, { cycle }),
  matrix: (id: number, periodId?: number) => api.get<Matrix>(`/lists/${id}/matrix`, { periodId }),
  overview: (id: number, periodId?: number) => api.get<Overview>(`/lists/${id}/overview`, { periodId }),
  xlsxUrl: (id: number) => apiUrl(`/lists/${id}/xlsx`),
  progressXlsxUrl: (id: number) => apiUrl(`/lists/${id}/progress.xlsx`),
  bulletinUrl: (id: number, periodId: number) => apiUrl(`/lists/${id}/periods/${periodId}/bulletin.docx`),
};

export const imports = {
  preview: (file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<ImportPreview>('/imports/preview', form, { onProgress });
  },
  create: (file: File, query: { kind?: string; title?: string }, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<ImportOutcome>('/imports', form, { query: query as Query, onProgress });
  },
};

export const tasks = {
  get: (id: number) => api.get<TaskDetail>(`/tasks/${id}`),
  update: (id: number, patch: TaskPatch) => api.patch<{ task: TaskDetail; warnings: { line: number | null; message: string }[] }>(`/tasks/${id}`, patch),
};

export const assignments = {
  list: (query: AssignmentQuery) => api.get<{ items: Assignment[]; total: number }>('/assignments', query as Query),
  get: (id: number) => api.get<AssignmentDetail>(`/assignments/${id}`),
  setFinalState: (id: number, finalState: FinalState | null) => api.put<Assignment>(`/assignments/${id}/final-state`, { finalState }),
};

export interface ReportInput {
  periodId: number;
  text: string;
  completed: boolean;
  publicSummary: string;
  evidenceLinks: string[];
  attachments: File[];
}

export const reports = {
  submit: (assignmentId: number, input: ReportInput, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('periodId', String(input.periodId));
    form.append('text', input.text);
    form.append('completed', input.completed ? 'true' : 'false');
    form.append('publicSummary', input.publicSummary);
    for (const link of input.evidenceLinks) form.append('evidenceLinks', link);
    for (const f of input.attachments) form.append('attachments', f, f.name);
    return upload<Report>(`/assignments/${assignmentId}/reports`, form, { onProgress });
  },
  attachmentUrl: (reportId: number, attachmentId: number) => apiUrl(`/reports/${reportId}/attachments/${attachmentId}`),
  review: (reportId: number, decision: 'accept' | 'return', comment?: string) =>
    api.post<Report>(`/reports/${reportId}/reviews`, comment ? { decision, comment } : { decision }),
  setPublic: (reportId: number, isPublic: boolean, publicSummary?: string) =>
    api.post<Report>(`/reports/${reportId}/publication`, publicSummary === undefined ? { public: isPublic } : { public: isPublic, publicSummary }),
};

export const reviews = {
  queue: (listId?: number) => api.get<Items<QueueItem>>('/reviews/queue', { listId }),
};

export const reminders = {
  create: (input: ReminderInput) => api.post<{ created: number; unitIds?: number[] }>('/reminders', input),
  settings: () => api.get<ReminderSettings>('/settings/reminders'),
  setSettings: (s: Partial<ReminderSettings>) => api.put<ReminderSettings>('/settings/reminders', s),
};

export const notifications = {
  list: () => api.get<{ items: NotificationItem[]; unread: number }>('/notifications'),
  read: (id: number) => api.post<unknown>(`/notifications/${id}/read`),
};

export const disclosureRequests = {
  list: (query?: DisclosureRequestQuery) => api.get<Items<DisclosureRequestItem>>('/disclosure-requests', query as Query),
  get: (id: number) => api.get<DisclosureRequestDetail>(`/disclosure-requests/${id}`),
  create: (input: DisclosureRequestInput) => api.post<DisclosureRequestDetail>('/disclosure-requests', input),
  stats: (query: { from: string; to: string; unitId?: number }) => api.get<DisclosureRequestStats>('/disclosure-requests/stats', query),
  /** one of the acts (receipt-confirmations, assignments, corrections, …): returns the updated detail */
  act: (id: number, path: string, body: Record<string, unknown>) => api.post<DisclosureRequestDetail>(`/disclosure-requests/${id}/${path}`, body),
  replyLetterUrl: (id: number) => apiUrl(`/disclosure-requests/${id}/reply-letter.docx`),
  documentUrl: (id: number, docId: number) => apiUrl(`/disclosure-requests/${id}/documents/${docId}`),
};

export const catalogue = {
  /** unitId omitted: the government's own tree */
  tree: (query: { unitId?: number; kind?: CatalogueKind }) => api.get<Items<CatalogueTreeNode>>('/catalogue', query),
  create: (input: { unitId: number | null; kind: CatalogueKind; parentId: number | null; name: string; code?: string | null; pilotArea?: string | null; sortOrder?: number }) =>
    api.post<CatalogueNode>('/catalogue-nodes', input),
  update: (id: number, patch: { name?: string; code?: string | null; sortOrder?: number }) => api.patch<CatalogueNode>(`/catalogue-nodes/${id}`, patch),
  remove: (id: number) => api.delete(`/catalogue-nodes/${id}`),
};

export const publications = {
  list: (query: PublicationQuery) => api.get<{ items: Publication[]; total: number }>('/publications', query as Query),
  get: (id: number) => api.get<Publication>(`/publications/${id}`),
  create: (input: PublicationInput) => api.post<Publication>('/publications', input),
  update: (id: number, patch: Partial<PublicationInput>) => api.patch<Publication>(`/publications/${id}`, patch),
  remove: (id: number) => api.delete(`/publications/${id}`),
  reviewerCandidates: (id: number) => api.get<Items<ReviewerCandidate>>(`/publications/${id}/reviewer-candidates`),
  requestReview: (id: number, reviewerId: number) => api.post<Publication>(`/publications/${id}/review-requests`, { reviewerId }),
  review: (id: number, decision: 'approve' | 'return', note?: string | null) => api.post<Publication>(`/publications/${id}/reviews`, note ? { decision, note } : { decision }),
  withdraw: (id: number, reason: string) => api.post<Publication>(`/publications/${id}/withdrawal`, { reason }),
  addAttachment: (id: number, file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<Publication>(`/publications/${id}/attachments`, form, { onProgress });
  },
  deleteAttachment: (id: number, attachmentId: number) => request<Publication>('DELETE', `/publications/${id}/attachments/${attachmentId}`),
  attachmentUrl: (id: number, attachmentId: number) => apiUrl(`/publications/${id}/attachments/${attachmentId}`),
  setEvidence: (id: number, assignmentIds: number[]) => api.put<Publication>(`/publications/${id}/evidence`, { assignmentIds }),
};

export const normative = {
  list: (query: NormativeQuery) => api.get<{ items: NormativeDocument[]; total: number }>('/normative-documents', query as Query),
  get: (id: number) => api.get<NormativeDocumentDetail>(`/normative-documents/${id}`),
  update: (id: number, patch: { effectiveOn?: string; validUntil?: string; validityNote?: string | null }) => api.patch<NormativeDocumentDetail>(`/normative-documents/${id}`, patch),
  relate: (id: number, targetId: number, kind: 'amends' | 'repeals') => api.post<NormativeDocumentDetail>(`/normative-documents/${id}/relations`, { targetId, kind }),
  setValidity: (id: number, input: { validity: 'expired' | 'repealed'; note: string; changedOn?: string }) => api.post<NormativeDocumentDetail>(`/normative-documents/${id}/validity-changes`, input),
  settings: () => api.get<NormativeSettings>('/settings/normative'),
  setSettings: (s: Partial<Omit<NormativeSettings, 'example'>>) => api.put<NormativeSettings>('/settings/normative', s),
};

export const cleanupCampaigns = {
  list: () => api.get<Items<CleanupCampaign>>('/cleanup-campaigns'),
  get: (id: number) => api.get<CleanupCampaign>(`/cleanup-campaigns/${id}`),
  open: (input: { title: string; year: number; dueOn: string }) => api.post<CleanupCampaign>('/cleanup-campaigns', input),
  items: (id: number, query?: { unitId?: number; pending?: boolean; decision?: CleanupDecision }) => api.get<Items<CleanupItem>>(`/cleanup-campaigns/${id}/items`, query),
  confirm: (id: number, documentId: number, decision: CleanupDecision, note?: string | null) =>
    api.put<CleanupItem>(`/cleanup-campaigns/${id}/items/${documentId}`, { decision, note: note ?? null }),
  close: (id: number, force = false) => api.post<CleanupCampaign>(`/cleanup-campaigns/${id}/closure`, { force }),
};

export const gazette = {
  issues: (query?: { year?: number; state?: 'draft' | 'published' }) => api.get<Items<GazetteIssue>>('/gazette/issues', query),
  issue: (id: number) => api.get<GazetteIssueDetail>(`/gazette/issues/${id}`),
  createIssue: (input: { year: number; number: number; totalNumber?: number | null; publishedOn?: string | null }) => api.post<GazetteIssueDetail>('/gazette/issues', input),
  updateIssue: (id: number, patch: { year?: number; number?: number; totalNumber?: number | null; publishedOn?: string | null }) => api.patch<GazetteIssueDetail>(`/gazette/issues/${id}`, patch),
  deleteIssue: (id: number) => api.delete(`/gazette/issues/${id}`),
  publish: (id: number, publishedOn?: string | null) => api.post<GazetteIssueDetail>(`/gazette/issues/${id}/publication`, publishedOn ? { publishedOn } : {}),
  unpublish: (id: number) => request<GazetteIssueDetail>('DELETE', `/gazette/issues/${id}/publication`),
  addArticle: (issueId: number, input: GazetteArticleInput) => api.post<GazetteArticleDetail>(`/gazette/issues/${issueId}/articles`, input),
  article: (id: number) => api.get<GazetteArticleDetail>(`/gazette/articles/${id}`),
  updateArticle: (id: number, patch: Partial<GazetteArticleInput>) => api.patch<GazetteArticleDetail>(`/gazette/articles/${id}`, patch),
  deleteArticle: (id: number) => api.delete(`/gazette/articles/${id}`),
};

export const interpretations = {
  list: (query: InterpretationQuery) => api.get<{ items: Interpretation[]; total: number }>('/interpretations', query as Query),
  get: (id: number) => api.get<InterpretationDetail>(`/interpretations/${id}`),
  create: (input: InterpretationInput) => api.post<InterpretationDetail>('/interpretations', input),
  update: (id: number, patch: Partial<Omit<InterpretationInput, 'unitId'>>) => api.patch<InterpretationDetail>(`/interpretations/${id}`, patch),
  remove: (id: number) => api.delete(`/interpretations/${id}`),
  publish: (id: number, publishedOn?: string | null) => api.post<InterpretationDetail>(`/interpretations/${id}/publication`, publishedOn ? { publishedOn } : {}),
  withdraw: (id: number, reason: string) => api.post<InterpretationDetail>(`/interpretations/${id}/withdrawal`, { reason }),
  stats: (year?: number) => api.get<LeadInterpreterStats>('/interpretations/lead-interpreter-stats', { year }),
};

export const search = {
  query: (query: { q: string; kind?: 'publication' | 'normative' | 'gazette' | 'interpretation'; unitId?: number; page?: number; pageSize?: number }) =>
    api.get<{ total: number; items: SearchHit[] }>('/search', query),
};

export const decisionItems = {
  list: (query?: { year?: number; unitId?: number; stage?: DecisionStage }) => api.get<Items<DecisionItem>>('/decision-items', query),
  years: () => api.get<Items<DecisionYear>>('/decision-items/years'),
  publishYear: (year: number) => api.post<DecisionYear>(`/decision-items/years/${year}/publication`),
  unpublishYear: (year: number) => request<DecisionYear>('DELETE', `/decision-items/years/${year}/publication`),
  create: (input: DecisionItemInput) => api.post<DecisionItem>('/decision-items', input),
  get: (id: number) => api.get<DecisionItem>(`/decision-items/${id}`),
  update: (id: number, patch: Partial<Omit<DecisionItemInput, 'stage'>>) => api.patch<DecisionItem>(`/decision-items/${id}`, patch),
  remove: (id: number) => api.delete(`/decision-items/${id}`),
  moveStage: (id: number, stage: DecisionStage, note?: string | null) => api.put<DecisionItem>(`/decision-items/${id}/stage`, { stage, note: note ?? null }),
};

export const consultations = {
  list: (query?: { state?: string; unitId?: number; decisionItemId?: number }) => api.get<Items<ConsultationSummary>>('/consultations', query),
  get: (id: number) => api.get<ConsultationDetail>(`/consultations/${id}`),
  create: (input: ConsultationInput) => api.post<ConsultationDetail>('/consultations', input),
  update: (id: number, patch: Partial<Omit<ConsultationInput, 'unitId'>>) => api.patch<ConsultationDetail>(`/consultations/${id}`, patch),
  remove: (id: number) => api.delete(`/consultations/${id}`),
  publish: (id: number) => api.post<ConsultationDetail>(`/consultations/${id}/publication`),
  comments: (id: number, moderation?: string) => api.get<{ view: string; items: ConsultationComment[] }>(`/consultations/${id}/comments`, { moderation }),
  moderate: (id: number, commentId: number, decision: 'approved' | 'rejected', note?: string | null) =>
    api.put<ConsultationComment>(`/consultations/${id}/comments/${commentId}/moderation`, { decision, note: note ?? null }),
  dispose: (id: number, commentId: number, disposition: 'adopted' | 'partlyAdopted' | 'notAdopted', reason?: string | null) =>
    api.put<ConsultationComment>(`/consultations/${id}/comments/${commentId}/disposition`, { disposition, reason: reason ?? null }),
  feedback: (id: number) => api.get<ConsultationFeedback>(`/consultations/${id}/feedback`),
  publishFeedback: (id: number, introduction?: string | null) => api.post<ConsultationDetail>(`/consultations/${id}/feedback`, { introduction: introduction ?? null }),
};


// ---- 督查整改 ----

export const inspections = {
  list: (query: InspectionQuery = {}) => api.get<{ items: Inspection[]; total: number }>('/inspections', query as Query),
  get: (id: number) => api.get<Inspection>(`/inspections/${id}`),
  create: (input: InspectionInput) => api.post<Inspection>('/inspections', input),
  update: (id: number, patch: Partial<InspectionInput>) => api.patch<Inspection>(`/inspections/${id}`, patch),
  remove: (id: number) => api.delete(`/inspections/${id}`),
  open: (id: number) => api.post<Inspection>(`/inspections/${id}/open`),
  close: (id: number) => api.post<Inspection>(`/inspections/${id}/close`),
  publish: (id: number, published: boolean) => api.post<Inspection>(`/inspections/${id}/publish`, { published }),
  findings: (id: number) => api.get<{ items: Finding[]; total: number }>(`/inspections/${id}/findings`, { limit: 500 }),
  addFinding: (id: number, input: FindingInput) => api.post<FindingDetail>(`/inspections/${id}/findings`, input),
  /** 整改台账 .xlsx */
  xlsxUrl: (id: number) => apiUrl(`/inspections/${id}/findings.xlsx`),
};

export const findings = {
  list: (query: FindingQuery) => api.get<{ items: Finding[]; total: number }>('/findings', query as Query),
  get: (id: number) => api.get<FindingDetail>(`/findings/${id}`),
  update: (id: number, patch: Partial<FindingInput>) => api.patch<FindingDetail>(`/findings/${id}`, patch),
  close: (id: number, note?: string | null) => api.post<FindingDetail>(`/findings/${id}/close`, note ? { note } : {}),
  return: (id: number, reason: string) => api.post<FindingDetail>(`/findings/${id}/return`, { reason }),
  withdraw: (id: number, reason: string) => api.post<FindingDetail>(`/findings/${id}/withdraw`, { reason }),
  /** 报送整改情况: text, evidence links, the unit's own publications, files */
  rectify: (id: number, input: { text: string; evidenceLinks: string[]; publicationIds: number[]; attachments: File[] }, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('text', input.text);
    for (const l of input.evidenceLinks) form.append('evidenceLinks', l);
    for (const p of input.publicationIds) form.append('publicationIds', String(p));
    for (const f of input.attachments) form.append('attachments', f, f.name);
    return upload<FindingDetail>(`/findings/${id}/rectifications`, form, { onProgress });
  },
};

export const annualReports = {
  list: (query: { year?: number; scope?: AnnualReportScope; unitId?: number }) => api.get<Items<AnnualReport>>('/annual-reports', query),
  create: (input: { scope: AnnualReportScope; unitId?: number; year: number }) => api.post<AnnualReportDetail>('/annual-reports', input),
  expected: (year: number) => api.get<{ year: number; items: ExpectedReport[] }>('/annual-reports/expected', { year }),
  get: (id: number) => api.get<AnnualReportDetail>(`/annual-reports/${id}`),
  update: (id: number, patch: { table2?: Table2Entries; section5?: string; section6?: string }) => api.put<AnnualReportDetail>(`/annual-reports/${id}`, patch),
  preview: (id: number) => api.get<AnnualReportPreview>(`/annual-reports/${id}/preview`),
  checks: (id: number) => api.get<{ problems: AnnualReportProblem[]; previousChecked: boolean }>(`/annual-reports/${id}/checks`),
  records: (id: number, cell: { table: 2 | 3 | 4; row?: string; column: number }) =>
    api.get<{ where: string; items: CountedRecord[]; documents?: CountedDocument[] }>(`/annual-reports/${id}/records`, cell),
  publish: (id: number) => request<AnnualReportDetail>('POST', `/annual-reports/${id}/publication`),
  importTable2: (id: number, file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<AnnualReportDetail>(`/annual-reports/${id}/table2-import`, form, { onProgress });
  },
  docxUrl: (id: number) => apiUrl(`/annual-reports/${id}/docx`),
  templateUrl: (query: { year?: number; reportId?: number }) => apiUrl('/annual-reports/table2-template', query),
};
