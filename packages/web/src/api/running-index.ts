// The running index (奔跑指数) over the API: a month (published revision or live preview), publication, the revisions
// of a month with their differences, the .xlsx export, a unit's trend over a year, and commendations (争先创优).
// Mirrors packages/server/src/modules/running-index/schema.ts; the month's `result` is the domain's MonthResult,
// whose types are imported by path (type only: nothing of the domain reaches the bundle).
import { download, http } from './client';
import type {
  BonusEntry,
  BonusRules,
  CategoryRanking,
  ComponentScore,
  Contribution,
  DeductionEntry,
  IndexMethod,
  Localised,
  MonthResult,
  RankedEntry,
  UnitScore,
} from '../../../domain/src/running-index/types.ts';
import type { ResultDiff, UnitDiff } from '../../../domain/src/running-index/diff.ts';

export type {
  BonusEntry,
  BonusRules,
  CategoryRanking,
  ComponentScore,
  Contribution,
  DeductionEntry,
  IndexMethod,
  Localised,
  MonthResult,
  RankedEntry,
  ResultDiff,
  UnitDiff,
  UnitScore,
};

interface SnapshotMeta {
  month: string;
  published: boolean;
  id: string | null;
  revision: number | null;
  modelVersion: number | null;
  /** The business date the data is known as of (the month end, or today for a month not over). */
  knownOn: string;
  publishedAt: string | null;
  publishedBy: string | null;
  supersedesId: string | null;
}

export interface MonthView extends SnapshotMeta {
  result: MonthResult;
}

export interface PublishView extends MonthView {
  diff: ResultDiff | null;
}

export interface RevisionView {
  id: string;
  revision: number;
  modelVersion: number;
  knownOn: string;
  publishedAt: string;
  publishedBy: string | null;
  supersedesId: string | null;
  /** What changed from the revision before; null for the first. */
  diff: ResultDiff | null;
}

export interface TrendMonth {
  month: string;
  published: boolean;
  revision: number | null;
  categoryId: string | null;
  total: number | null;
  rank: number | null;
  rankChange: number | null;
  /** How many units were ranked in the unit's category that month. */
  ranked: number;
}

export interface TrendView {
  unitId: string;
  unitName: string;
  year: number;
  months: TrendMonth[];
}

export interface ModelView {
  id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  model: {
    components?: { id: string; method: IndexMethod; name?: Localised; weight: number }[];
    bonuses?: BonusRules;
  };
  note: string | null;
  createdAt: string;
  activatedAt: string | null;
}

export interface BonusView {
  id: string;
  unitId: string;
  unitName: string | null;
  month: string;
  points: number;
  reason: string;
  evidence: string | null;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

export interface BonusInput {
  unitId: string;
  month: string;
  points: number;
  reason: string;
  evidence?: string;
}

const enc = encodeURIComponent;

export const runningIndexApi = {
  month: (month: string, signal?: AbortSignal) =>
    http.get<MonthView>(`/index/months/${enc(month)}`, { signal }),
  publish: (month: string) => http.post<PublishView>(`/index/months/${enc(month)}/publish`),
  revisions: (month: string, signal?: AbortSignal) =>
    http.get<{ items: RevisionView[] }>(`/index/months/${enc(month)}/revisions`, { signal }),
  /** The month as .xlsx in the UI language, saved under the server's file name. */
  exportMonth: (month: string) =>
    download(`/index/months/${enc(month)}/export.xlsx`, `benpao-index-${month}.xlsx`),
  trend: (unitId: string, year: number | undefined, signal?: AbortSignal) =>
    http.get<TrendView>(`/index/units/${enc(unitId)}/trend`, { query: { year }, signal }),
  models: (signal?: AbortSignal) =>
    http.get<{ active: ModelView | null; drafts: ModelView[] }>('/index/models', { signal }),
  bonuses: (month: string | undefined, signal?: AbortSignal) =>
    http.get<{ items: BonusView[] }>('/index/bonuses', { query: { month }, signal }),
  addBonus: (body: BonusInput) => http.post<BonusView>('/index/bonuses', body),
  revokeBonus: (id: string) => http.delete<BonusView>(`/index/bonuses/${enc(id)}`),
};

export const runningIndexKeys = {
  all: ['running-index'] as const,
  month: (month: string) => ['running-index', 'month', month] as const,
  revisions: (month: string) => ['running-index', 'revisions', month] as const,
  trend: (unitId: string, year: number | undefined) => ['running-index', 'trend', unitId, year] as const,
  models: ['running-index', 'models'] as const,
  bonuses: (month: string | undefined) => ['running-index', 'bonuses', month] as const,
};
