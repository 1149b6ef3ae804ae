// The leader cockpit (领导驾驶舱): GET /api/cockpit. Mirrors packages/server/src/modules/cockpit/schema.ts. Every
// figure carries `link`, the web path and query of the list that shows the same records.
import { queryOptions } from '@tanstack/react-query';
import { http } from './client';
import type { CaseState } from './cases';
import type { Colour, WarningKind, WarningState } from './warnings';

export interface CockpitFigure {
  count: number;
  /** Null only where no list filter reproduces the count (lights on a leader's own items). */
  link: string | null;
}
export interface ColourFigures {
  yellow: CockpitFigure;
  red: CockpitFigure;
}
export interface ColourCounts {
  yellow: number;
  red: number;
}

export interface CockpitRiskItem {
  id: string;
  number: string;
  title: string;
  leadUnitName: string;
  lights: ColourCounts;
  overdue: boolean;
  link: string;
}

export interface CockpitWarning {
  id: string;
  kind: WarningKind;
  colour: Colour;
  state: WarningState;
  unitName: string;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  issuedOn: string;
  explanation: string;
  link: string;
}

export interface CockpitRanked {
  unitId: string;
  name: string;
  total: number | null;
  rank: number | null;
  link: string;
}

export const DEADLINE_KINDS = ['report', 'milestone', 'warning', 'case'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface CockpitDeadline {
  kind: DeadlineKind;
  date: string;
  title: string;
  unitName: string | null;
  detail: string | null;
  link: string;
}

export interface Cockpit {
  asOf: string;
  region: { id: string; name: string };
  mine: boolean;
  leadsItems: boolean;
  warnings: { light: ColourFigures; card: ColourFigures; link: string };
  trend: { months: { month: string; lights: ColourCounts; cards: ColourCounts }[]; link: string };
  itemsAtRisk: { total: number; lit: CockpitFigure; overdue: CockpitFigure; items: CockpitRiskItem[] };
  newestWarnings: { items: CockpitWarning[]; link: string };
  index: {
    month: string;
    link: string;
    categories: { categoryId: string; name: string; top: CockpitRanked[]; bottom: CockpitRanked[] }[];
  } | null;
  cases: {
    open: number;
    byStatus: { status: CaseState; count: number; link: string }[];
    overdue: CockpitFigure;
    link: string;
  } | null;
  deadlines: {
    from: string;
    to: string;
    counts: Record<DeadlineKind, number>;
    items: CockpitDeadline[];
  };
}

export const cockpitKeys = {
  all: ['cockpit'] as const,
  /** The language is part of the key: the warnings' explanations come in the request's language. */
  of: (mine: boolean, lang: string) => ['cockpit', mine ? 'mine' : 'region', lang] as const,
};

export const cockpitApi = {
  get: (mine: boolean, signal?: AbortSignal) =>
    http.get<Cockpit>('/cockpit', { query: mine ? { mine: '1' } : {}, signal }),
};

/** The cockpit's query, shared by the page and the route's prefetch (which starts it with the session). */
export const cockpitQuery = (mine: boolean, lang: string) =>
  queryOptions({
    queryKey: cockpitKeys.of(mine, lang),
    queryFn: ({ signal }) => cockpitApi.get(mine, signal),
  });
