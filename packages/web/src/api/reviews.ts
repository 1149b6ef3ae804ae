// Post-mortem reviews (复盘) over the API: list by meeting month or item, create for an item, the editor's detail
// (timeline, planned-vs-actual, sections, follow-up actions) and its steps. Mirrors
// packages/server/src/modules/reviews/schema.ts.
import { http } from './client';

export const REVIEW_STATES = ['draft', 'scheduled', 'held', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];

export interface ReviewSummary {
  id: string;
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  itemKind: 'work' | 'project' | 'indicator';
  itemStatus: string;
  leadUnitId: string;
  leadUnitName: string;
  title: string;
  state: ReviewState;
  meetingMonth: string | null;
  heldOn: string | null;
  actionsTotal: number;
  actionsOpen: number;
  actionsOverdue: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewActionView {
  id: string;
  seq: number;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  ownerPerson: string | null;
  deadline: string;
  status: ReviewActionStatus;
  doneOn: string | null;
  notes: string | null;
  overdue: boolean;
  canUpdate: boolean;
}

export type TimelineLinkType = 'item' | 'request' | 'milestone' | 'report' | 'warning' | 'case' | 'talk';

export interface TimelineEvent {
  date: string;
  kind: string;
  label: { zh: string; en: string };
  tone: 'neutral' | 'good' | 'bad';
  link: { type: TimelineLinkType; id: string };
  at: string | null;
}

export interface PlannedActual {
  progress: { month: string; planned: number; actual: number | null }[] | null;
  investment: { month: string; plannedFen: number; completedFen: number | null }[] | null;
  indicator: { periodKey: string; target: number; actual: number | null }[] | null;
}

export interface ReviewDetail extends ReviewSummary {
  problems: string | null;
  causes: string | null;
  lessons: string | null;
  closedAt: string | null;
  actions: ReviewActionView[];
  timeline: TimelineEvent[];
  plannedActual: PlannedActual;
  asOf: string;
  can: { editSections: boolean; schedule: boolean; markHeld: boolean; close: boolean; addAction: boolean };
}

export interface ReviewQuery {
  meetingMonth?: string;
  itemId?: string;
  state?: ReviewState;
  page?: number;
  pageSize?: number;
}

export interface SectionsInput {
  title?: string;
  problems?: string | null;
  causes?: string | null;
  lessons?: string | null;
}

export interface ActionInput {
  title: string;
  ownerUnitId: string;
  ownerPerson?: string | null;
  deadline: string;
}

export interface ActionUpdate {
  title?: string;
  ownerUnitId?: string;
  ownerPerson?: string | null;
  deadline?: string;
  status?: ReviewActionStatus;
  doneOn?: string;
  notes?: string | null;
}

const enc = encodeURIComponent;

export const reviewKeys = {
  all: ['post-mortems'] as const,
  list: (q: ReviewQuery) => ['post-mortems', 'list', q] as const,
  detail: (id: string) => ['post-mortems', 'detail', id] as const,
};

export const postMortemsApi = {
  list: (query: ReviewQuery, signal?: AbortSignal) =>
    http.get<{ items: ReviewSummary[]; total: number }>('/reviews', { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.get<ReviewDetail>(`/reviews/${enc(id)}`, { signal }),
  create: (body: { itemId: string; title?: string; meetingMonth?: string }) =>
    http.post<ReviewDetail>('/reviews', body),
  sections: (id: string, body: SectionsInput) => http.patch<ReviewDetail>(`/reviews/${enc(id)}`, body),
  schedule: (id: string, meetingMonth: string) =>
    http.post<ReviewDetail>(`/reviews/${enc(id)}/schedule`, { meetingMonth }),
  held: (id: string, heldOn?: string) =>
    http.post<ReviewDetail>(`/reviews/${enc(id)}/held`, heldOn ? { heldOn } : {}),
  close: (id: string) => http.post<ReviewDetail>(`/reviews/${enc(id)}/close`),
  addAction: (id: string, body: ActionInput) => http.post<ReviewDetail>(`/reviews/${enc(id)}/actions`, body),
  updateAction: (id: string, actionId: string, body: ActionUpdate) =>
    http.patch<ReviewDetail>(`/reviews/${enc(id)}/actions/${enc(actionId)}`, body),
};
