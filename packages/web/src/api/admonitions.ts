// Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为) over the API: discipline roles only.
// Mirrors packages/server/src/modules/admonitions/schema.ts.
import { download, http } from './client';

export const CONDUCT_KINDS = ['slow', 'failed', 'wrong'] as const;
export type ConductKind = (typeof CONDUCT_KINDS)[number];
export const CONDUCT_MEASURES = [
  'talk',
  'criticism',
  'ordered_self_examination',
  'admonishment',
  'referral',
] as const;
export type ConductMeasure = (typeof CONDUCT_MEASURES)[number];

export interface TalkInput {
  unitId: string;
  personName: string;
  position: string;
  reason: string;
  heldOn: string;
  heldBy: string;
  notes?: string | null;
  itemId?: string | null;
  caseId?: string | null;
  warningId?: string | null;
}

export interface TalkView {
  id: string;
  unitId: string;
  unitName: string;
  personName: string;
  position: string;
  reason: string;
  heldOn: string;
  heldBy: string;
  notes: string | null;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  caseId: string | null;
  warningId: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TalkQuery {
  unitId?: string;
  itemId?: string;
  caseId?: string;
  month?: string;
  page?: number;
  pageSize?: number;
}

export interface ConductFindingInput {
  unitId: string;
  personName: string;
  position: string;
  kind: ConductKind;
  facts: string;
  measure: ConductMeasure;
  decidedOn: string;
  itemId?: string | null;
  caseId?: string | null;
  talkId?: string | null;
}

export interface ConductFindingView {
  id: string;
  unitId: string;
  unitName: string;
  personName: string;
  position: string;
  kind: ConductKind;
  facts: string;
  measure: ConductMeasure;
  decidedOn: string;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  caseId: string | null;
  talkId: string | null;
  files: { id: string; name: string; mime: string; size: number; uploadedAt: string }[];
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConductFindingQuery {
  unitId?: string;
  kind?: ConductKind;
  measure?: ConductMeasure;
  month?: string;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const admonitionKeys = {
  all: ['admonitions'] as const,
  talks: (q: TalkQuery) => ['admonitions', 'talks', q] as const,
  talk: (id: string) => ['admonitions', 'talk', id] as const,
  findings: (q: ConductFindingQuery) => ['admonitions', 'findings', q] as const,
  finding: (id: string) => ['admonitions', 'finding', id] as const,
};

export const admonitionsApi = {
  talks: (query: TalkQuery, signal?: AbortSignal) =>
    http.get<{ items: TalkView[]; total: number }>('/admonitions/talks', { query, signal }),
  talk: (id: string, signal?: AbortSignal) => http.get<TalkView>(`/admonitions/talks/${enc(id)}`, { signal }),
  createTalk: (body: TalkInput) => http.post<TalkView>('/admonitions/talks', body),
  updateTalk: (id: string, body: Partial<TalkInput>) =>
    http.patch<TalkView>(`/admonitions/talks/${enc(id)}`, body),
  exportTalks: (query: Omit<TalkQuery, 'page' | 'pageSize'>) =>
    download('/admonitions/talks/export.xlsx', 'admonition-talks.xlsx', { query }),
  findings: (query: ConductFindingQuery, signal?: AbortSignal) =>
    http.get<{ items: ConductFindingView[]; total: number }>('/admonitions/findings', { query, signal }),
  finding: (id: string, signal?: AbortSignal) =>
    http.get<ConductFindingView>(`/admonitions/findings/${enc(id)}`, { signal }),
  createFinding: (body: ConductFindingInput) => http.post<ConductFindingView>('/admonitions/findings', body),
  downloadFile: (fileId: string, name: string) =>
    download(`/admonitions/finding-files/${enc(fileId)}/download`, name),
};
