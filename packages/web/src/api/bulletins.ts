// Supervision bulletins (督查通报) over the API: the list, a bulletin with what the caller may do, drafts generated
// from a period, edits (with the row version the editor started from), approval, publication, corrections, read
// receipts (回执) and the .docx. Mirrors packages/server/src/modules/bulletins/schema.ts.
import { download, http } from './client';

export type BulletinStatus = 'draft' | 'approved' | 'published';
export type BulletinAction = 'edit' | 'approve' | 'publish' | 'correct' | 'read';

export interface BulletinSummary {
  id: string;
  number: string | null;
  year: number | null;
  seq: number | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  status: BulletinStatus;
  correctsBulletinId: string | null;
  createdAt: string;
  publishedOn: string | null;
  /** For a unit user: whether the unit has read it; null for county roles. */
  readByMyUnit: boolean | null;
}

interface Person {
  id: string;
  name: string;
}

export interface BulletinView extends BulletinSummary {
  /** Sanitised by the server (paragraphs, headings, lists, tables, emphasis). */
  bodyHtml: string;
  corrects: { id: string; number: string | null; title: string } | null;
  correctedBy: { id: string; number: string | null; status: BulletinStatus }[];
  createdBy: Person | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  publishedBy: Person | null;
  publishedAt: string | null;
  rowVersion: number;
  actions: string[];
}

export interface BulletinSettings {
  numberFormat: string;
  issuer: string;
  example: string;
}

export interface ReceiptsView {
  bulletinId: string;
  units: number;
  read: number;
  receipts: { unitId: string; unitName: string; readAt: string | null; readBy: Person | null }[];
}

export interface ReadView {
  bulletinId: string;
  unitId: string;
  readAt: string;
  readBy: Person;
  firstRead: boolean;
}

export interface BulletinListQuery {
  status?: BulletinStatus;
  year?: number;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const bulletinsApi = {
  list: (query: BulletinListQuery, signal?: AbortSignal) =>
    http.get<{ items: BulletinSummary[]; total: number }>('/bulletins', { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.get<BulletinView>(`/bulletins/${enc(id)}`, { signal }),
  settings: (signal?: AbortSignal) => http.get<BulletinSettings>('/bulletins/settings', { signal }),
  updateSettings: (body: { numberFormat: string; issuer: string }) =>
    http.put<BulletinSettings>('/bulletins/settings', body),
  draft: (from: string, to: string) => http.post<BulletinView>('/bulletins/drafts', { from, to }),
  update: (id: string, body: { title?: string; bodyHtml?: string; rowVersion?: number }) =>
    http.patch<BulletinView>(`/bulletins/${enc(id)}`, body),
  approve: (id: string) => http.post<BulletinView>(`/bulletins/${enc(id)}/approve`),
  publish: (id: string) => http.post<BulletinView>(`/bulletins/${enc(id)}/publish`),
  correct: (id: string) => http.post<BulletinView>(`/bulletins/${enc(id)}/corrections`),
  receipts: (id: string, signal?: AbortSignal) =>
    http.get<ReceiptsView>(`/bulletins/${enc(id)}/receipts`, { signal }),
  read: (id: string) => http.post<ReadView>(`/bulletins/${enc(id)}/read`),
  /** The .docx in the official layout, saved under the server's file name. */
  document: (id: string, fallback: string) => download(`/bulletins/${enc(id)}/document.docx`, fallback),
};

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (query: BulletinListQuery) => ['bulletins', 'list', query] as const,
  detail: (id: string) => ['bulletins', 'detail', id] as const,
  receipts: (id: string) => ['bulletins', 'receipts', id] as const,
  settings: ['bulletins', 'settings'] as const,
};
