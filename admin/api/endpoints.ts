/**
 * One typed function per API endpoint the workbench calls.
 */
import { api, apiUrl, request, upload, type Query } from './client.ts';
import type {
  Assignment, AssignmentDetail, AssignmentQuery, ImportOutcome, ImportPreview, ListDetail, ListSummary, Matrix,
  NotificationItem, Overview, Period, QueueItem, ReminderInput, Report, ReportingCycle, Role, SessionInfo, Task,
  TaskDetail, TaskPatch, Unit, UnitChannels, UnitChannelsInput, UnitGroup, UnitInput, User, FinalState, ReminderSettings,
  DisclosureRequestDetail, DisclosureRequestInput, DisclosureRequestItem, DisclosureRequestQuery, DisclosureRequestStats,
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
