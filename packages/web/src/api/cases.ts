// Verification cases (核查) over the API: the public complaint form, photo upload, submission and status page (no
// login), and the staff's case list, detail and workflow steps. Mirrors packages/server/src/modules/cases/schema.ts.
// Contact fields arrive masked for everyone but discipline roles (`contactMasked`); the UI never unmasks them.
import { download, http, upload } from './client';

export const CASE_STATES = [
  'received',
  'verifying',
  'findings_issued',
  'plan_submitted',
  'plan_returned',
  'rectifying',
  'rechecked',
  'replied',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_SOURCES = [
  'public_complaint',
  'hotline_12345',
  'leader_instruction',
  'spot_check',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** The sources staff enter by hand (a public complaint files itself). */
export const STAFF_CASE_SOURCES = ['hotline_12345', 'leader_instruction', 'spot_check'] as const;
export type StaffCaseSource = (typeof STAFF_CASE_SOURCES)[number];

export const CASE_KINDS = ['complaint', 'enquiry'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const FINDING_CATEGORIES = [
  'unreasonable_schedule',
  'inadequate_site_management',
  'poor_coordination',
  'poor_communication',
  'work_style',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export type CaseAction =
  | 'assign_team'
  | 'issue_findings'
  | 'submit_plan'
  | 'approve_plan'
  | 'return_plan'
  | 'recheck'
  | 'reply'
  | 'close'
  | 'finding'
  | 'progress'
  | 'warn';

export interface CaseSubject {
  itemId?: string;
  unitId?: string;
  place?: string;
}

export interface ComplaintForm {
  region: { code: string; name: string };
  units: { id: string; name: string; kind: string }[];
  items: { id: string; number: string; title: string }[];
  descriptionMax: number;
  photosMax: number;
  challenge: { id: string; challenge: string; difficulty: number; expiresAt: string };
}

export interface PhotoView {
  id: string;
  originalName: string;
  mime: string;
  size: number;
}

export interface ComplaintBody {
  kind: CaseKind;
  subject: CaseSubject;
  description: string;
  photoIds?: string[];
  name?: string;
  phone?: string;
  challengeId: string;
  nonce: string;
}

export interface ComplaintReceipt {
  receipt: string;
  receivedOn: string;
  deadline: string;
}

export interface PublicStatus {
  receipt: string;
  status: CaseState;
  kind: CaseKind;
  receivedOn: string;
  deadline: string;
  unitName: string | null;
  steps: { status: CaseState; onDate: string }[];
  reply: string | null;
  repliedOn: string | null;
  closedOn: string | null;
}

export interface CaseSummary {
  id: string;
  receipt: string;
  source: CaseSource;
  kind: CaseKind;
  status: CaseState;
  title: string;
  itemId: string | null;
  itemNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  place: string | null;
  complainantName: string | null;
  complainantPhone: string | null;
  contactMasked: boolean;
  receivedOn: string;
  deadline: string;
  overdue: boolean;
  overdueMeasures: number;
  closedOn: string | null;
}

export interface CaseFile {
  id: string;
  originalName: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export interface CaseMeasure {
  id: string;
  seq: number;
  text: string;
  owner: string;
  deadline: string;
  status: 'open' | 'done';
  doneOn: string | null;
  overdue: boolean;
  progress: {
    id: string;
    onDate: string;
    text: string;
    done: boolean;
    actorName: string;
    at: string;
    files: CaseFile[];
  }[];
}

export interface CasePlan {
  id: string;
  version: number;
  status: 'submitted' | 'approved' | 'returned';
  summary: string;
  submittedByName: string;
  submittedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  measures: CaseMeasure[];
}

export interface CaseEvent {
  seq: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  onDate: string;
  at: string;
  actorName: string | null;
  text: string | null;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  feedback: string | null;
  feedbackOn: string | null;
  recheckNote: string | null;
  recheckedOn: string | null;
  reply: string | null;
  repliedOn: string | null;
  closeNote: string | null;
  team: { userId: string; displayName: string; unitName: string; lead: boolean }[];
  findings: { id: string; seq: number; category: FindingCategory; text: string }[];
  plans: CasePlan[];
  photos: CaseFile[];
  warnings: {
    id: string;
    kind: string;
    colour: string;
    state: string;
    issuedOn: string;
    unitName: string;
    itemNumber: string | null;
  }[];
  events: CaseEvent[];
  actions: CaseAction[];
}

export interface CaseQuery {
  status?: CaseState;
  source?: CaseSource;
  unitId?: string;
  itemId?: string;
  overdue?: 'true';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CaseCreate {
  source: StaffCaseSource;
  kind: CaseKind;
  title: string;
  subject: CaseSubject;
  description: string;
  receivedOn?: string;
  name?: string;
  phone?: string;
}

export interface PlanInput {
  summary: string;
  measures: { text: string; owner: string; deadline: string }[];
}

export interface CaseWarningInput {
  kind: 'light' | 'card';
  colour: 'yellow' | 'red';
  reason: string;
  itemId?: string;
  unitId?: string;
}

const enc = encodeURIComponent;

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: CaseQuery) => ['cases', 'list', q] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

export const publicComplaintsApi = {
  form: (region: string | undefined, signal?: AbortSignal) =>
    http.get<ComplaintForm>('/public/complaints/form', { query: { region }, signal }),
  /** One photo, sent with the form's solved (not yet spent) challenge. */
  uploadPhoto: (file: File, challengeId: string, nonce: string) =>
    upload<PhotoView>(
      `/public/complaints/photos?challengeId=${enc(challengeId)}&nonce=${enc(nonce)}`,
      file,
      file.name,
    ),
  submit: (body: ComplaintBody) => http.post<ComplaintReceipt>('/public/complaints', body),
  status: (receipt: string, signal?: AbortSignal) =>
    http.get<PublicStatus>(`/public/complaints/${enc(receipt)}`, { signal }),
};

export const casesApi = {
  list: (query: CaseQuery, signal?: AbortSignal) =>
    http.get<{ items: CaseSummary[]; total: number }>('/cases', { query, signal }),
  exportXlsx: (query: Omit<CaseQuery, 'page' | 'pageSize'>) =>
    download('/cases/export.xlsx', 'cases.xlsx', { query }),
  get: (id: string, signal?: AbortSignal) => http.get<CaseDetail>(`/cases/${enc(id)}`, { signal }),
  create: (body: CaseCreate) => http.post<CaseDetail>('/cases', body),
  /** The region's discipline inspectors and task-force members, who may be put on a team. */
  teamCandidates: (signal?: AbortSignal) =>
    http.get<{ items: { id: string; displayName: string; unitName: string; roles: string[] }[] }>(
      '/cases/team-candidates',
      { signal },
    ),
  team: (id: string, body: { unitId?: string; members: { userId: string; lead: boolean }[] }) =>
    http.put<CaseDetail>(`/cases/${enc(id)}/team`, body),
  finding: (id: string, body: { category: FindingCategory; text: string }) =>
    http.post<CaseDetail>(`/cases/${enc(id)}/findings`, body),
  feedback: (id: string, text: string) => http.post<CaseDetail>(`/cases/${enc(id)}/feedback`, { text }),
  submitPlan: (id: string, body: PlanInput) => http.post<CaseDetail>(`/cases/${enc(id)}/plans`, body),
  decidePlan: (id: string, planId: string, approve: boolean, reason?: string) =>
    http.post<CaseDetail>(`/cases/${enc(id)}/plans/${enc(planId)}/decision`, {
      approve,
      ...(reason ? { reason } : {}),
    }),
  uploadFile: (id: string, file: File) => upload<CaseFile>(`/cases/${enc(id)}/files`, file, file.name),
  progress: (id: string, measureId: string, body: { text: string; done: boolean; fileIds?: string[] }) =>
    http.post<CaseDetail>(`/cases/${enc(id)}/measures/${enc(measureId)}/progress`, body),
  recheck: (id: string, passed: boolean, note: string) =>
    http.post<CaseDetail>(`/cases/${enc(id)}/recheck`, { passed, note }),
  reply: (id: string, text: string) => http.post<CaseDetail>(`/cases/${enc(id)}/reply`, { text }),
  close: (id: string, note?: string) =>
    http.post<CaseDetail>(`/cases/${enc(id)}/close`, note ? { note } : {}),
  warn: (id: string, body: CaseWarningInput) => http.post<CaseDetail>(`/cases/${enc(id)}/warnings`, body),
  downloadFile: (fileId: string, name: string) => download(`/case-files/${enc(fileId)}/download`, name),
};
