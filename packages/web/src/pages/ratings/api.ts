// Service ratings (服务评议) over the API: the public form and submission (no login), the staff's lists and the
// follow-ups. Mirrors packages/server/src/modules/ratings/schema.ts.
import { http } from '../../api/client';
import type { Paged } from '../../api/types';

export const RATING_SERVICES = [
  'approval',
  'registration',
  'tax_fees',
  'policy',
  'project',
  'inspection',
  'consultation',
  'other',
] as const;
export type RatingService = (typeof RATING_SERVICES)[number];

export const RATING_DIMENSIONS = ['efficiency', 'attitude', 'compliance'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const FOLLOW_UP_STATES = ['open', 'answered', 'closed', 'superseded'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface RateableUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  categoryId: string;
  categoryName: string;
}

export interface RatingForm {
  region: { code: string; name: string };
  month: string;
  units: RateableUnit[];
  services: RatingService[];
  commentMax: number;
  challenge: { id: string; challenge: string; difficulty: number; expiresAt: string };
}

export interface RatingSubmission {
  creditCode: string;
  unitId: string;
  service: RatingService;
  efficiency: number;
  attitude: number;
  compliance: number;
  comment?: string;
  challengeId: string;
  nonce: string;
}

export interface RatingReceipt {
  id: string;
  unitId: string;
  unitName: string;
  month: string;
  version: number;
  replaced: boolean;
  followUpOpened: boolean;
}

export interface FollowUpView {
  id: string;
  status: FollowUpState;
  openedAt: string;
  response: string | null;
  respondedByName: string | null;
  respondedAt: string | null;
  closeNote: string | null;
  closedByName: string | null;
  closedAt: string | null;
}

export interface RatingView {
  id: string;
  unitId: string;
  unitName: string;
  creditCode: string;
  creditCodeMasked: boolean;
  month: string;
  ratedOn: string;
  version: number;
  current: boolean;
  service: RatingService;
  efficiency: number;
  attitude: number;
  compliance: number;
  mean: number;
  low: boolean;
  comment: string | null;
  createdAt: string;
  followUp: FollowUpView | null;
  actions: ('respond' | 'close')[];
}

export interface RatingQuery {
  month?: string;
  unitId?: string;
  low?: 'true' | 'false';
  history?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export interface FollowUpQuery {
  status?: FollowUpState;
  month?: string;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

export const ratingsApi = {
  form: (region: string | undefined, signal?: AbortSignal) =>
    http.get<RatingForm>('/public/ratings/form', { query: { region }, signal }),
  submit: (body: RatingSubmission) => http.post<RatingReceipt>('/public/ratings', body),
  list: (query: RatingQuery, signal?: AbortSignal) =>
    http.get<Paged<RatingView>>('/ratings', { query, signal }),
  followUps: (query: FollowUpQuery, signal?: AbortSignal) =>
    http.get<Paged<RatingView>>('/ratings/follow-ups', { query, signal }),
  respond: (id: string, text: string) =>
    http.post<RatingView>(`/ratings/${encodeURIComponent(id)}/response`, { text }),
  close: (id: string, note: string | undefined) =>
    http.post<RatingView>(`/ratings/${encodeURIComponent(id)}/close`, note ? { note } : {}),
};

export const ratingKeys = {
  all: ['ratings'] as const,
  list: (q: RatingQuery) => ['ratings', 'list', q] as const,
  followUps: (q: FollowUpQuery) => ['ratings', 'follow-ups', q] as const,
};
