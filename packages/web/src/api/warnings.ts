// The warning engine's API (亮灯 on items, 亮牌 on units, and the rule sets that produce them). Mirrors
// packages/server/src/modules/warnings/schema.ts; one function per endpoint, and the react-query keys.
import { useQuery } from '@tanstack/react-query';
import { http } from './client';
import type { PageQuery } from './types';

export const COLOURS = ['yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
export const WARNING_KINDS = ['light', 'card'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const WARNING_STATES = ['active', 'rectifying', 'cleared', 'revoked'] as const;
export type WarningState = (typeof WARNING_STATES)[number];
/** The list's state filter: a state, or `open` (active or rectifying), or `escalated` (open, red, issued yellow). */
export const WARNING_STATE_FILTERS = ['open', 'escalated', ...WARNING_STATES] as const;
export type WarningStateFilter = (typeof WARNING_STATE_FILTERS)[number];
export const OPEN_STATES: readonly WarningState[] = ['active', 'rectifying'];

/** What the caller may do with a warning now (the server's `actions`). */
export const WARNING_ACTIONS = ['rectify', 'appeal', 'recheck', 'decide_appeal', 'consequence'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

export const WARNING_EVENT_TYPES = [
  'issued',
  'escalated',
  'fell_back',
  'refreshed',
  'cleared',
  'rectification_submitted',
  'recheck_failed',
  'appealed',
  'appeal_upheld',
  'appeal_rejected',
  'consequence',
  'timetable_planned',
  'timetable_step_done',
] as const;

export const CONSEQUENCES = ['bulletin', 'admonition', 'index_deduction'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export const CONDITION_TYPES = [
  'report_overdue',
  'progress_lag',
  'indicator_below_target',
  'quarterly_target_missed',
  'milestone_overdue',
  'item_past_due',
  'project_start_missed',
  'light_not_rectified',
  'lights_in_period',
  'cards_in_period',
  'red_light_unresolved',
  'timetable_step_overdue',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

/** The same sentence in both UI languages (the server writes both). */
export interface Bilingual {
  'zh-CN': string;
  'en-US': string;
}

export interface WarningView {
  id: string;
  kind: WarningKind;
  origin: 'rule' | 'manual';
  colour: Colour;
  issuedColour: Colour;
  state: WarningState;
  ruleId: string | null;
  ruleVersion: number | null;
  condition: string | null;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  unitId: string;
  unitName: string;
  issuedOn: string;
  since: string;
  rectifyBy: string;
  closedOn: string | null;
  wasRed: boolean;
  metric: number | null;
  inputs: Record<string, unknown>;
  thresholds: Record<string, unknown>;
  explanation: Bilingual;
  reason: string | null;
  appealState: 'pending' | 'upheld' | 'rejected' | null;
  actions: string[];
}

export interface WarningFileView {
  id: string;
  originalName: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export interface WarningEventView {
  id: string;
  seq: number;
  type: string;
  onDate: string;
  at: string;
  colour: Colour;
  state: WarningState;
  ruleId: string | null;
  ruleVersion: number | null;
  actorName: string | null;
  text: string | null;
  data: unknown;
  explanation: Bilingual | null;
  files: WarningFileView[];
}

/** One dated step of a card's rectification timetable (倒排时间表), counted back from its `rectifyBy`. */
export interface TimetableStepView {
  id: string;
  seq: number;
  title: string;
  /** working days before the rectification deadline; 0 = on the deadline itself */
  workingDaysBefore: number;
  dueDate: string;
  doneDate: string | null;
  doneNote: string | null;
  /** not done and past its date */
  late: boolean;
}

/** A step as planned (the `PUT …/timetable` body); the server dates it. */
export interface TimetableStepPlan {
  title: string;
  workingDaysBefore: number;
}

/** `data` of a `timetable_planned` event. */
export interface TimetablePlannedData {
  deadline: string;
  steps: (TimetableStepPlan & { dueDate: string })[];
}

/** `data` of a `timetable_step_done` event (its `text` is the note). */
export interface TimetableStepDoneData {
  stepId: string;
  title: string;
  dueDate: string;
  late: boolean;
}

export interface WarningDetail extends WarningView {
  events: WarningEventView[];
  /** a card's rectification timetable, in order; empty for lights */
  timetable: TimetableStepView[];
}

export interface WarningQuery extends PageQuery {
  kind?: WarningKind;
  colour?: Colour;
  state?: WarningStateFilter;
  unitId?: string;
  itemId?: string;
  categoryId?: string;
  /** lights on the items this leader is in charge of */
  leaderUserId?: string;
  origin?: 'rule' | 'manual';
  /** issued in this month, YYYY-MM */
  month?: string;
  /** what was lit on this day, YYYY-MM-DD */
  asOf?: string;
}

export interface WarningList {
  items: WarningView[];
  total: number;
  asOf: string;
}

export interface ColourCounts {
  yellow: number;
  red: number;
}

export interface WarningSummary {
  asOf: string;
  open: { light: ColourCounts; card: ColourCounts };
  byUnit: {
    unitId: string;
    unitName: string;
    categoryId: string | null;
    categoryName: string | null;
    lights: ColourCounts;
    cards: ColourCounts;
  }[];
  byMonth: { month: string; lights: ColourCounts; cards: ColourCounts; cleared: number }[];
}

export interface ManualWarning {
  kind: WarningKind;
  colour: Colour;
  itemId?: string;
  unitId?: string;
  reason: string;
  rectifyWorkingDays?: number;
}

export interface EvaluateResult {
  asOf: string;
  issued: number;
  escalated: number;
  fellBack: number;
  cleared: number;
  refreshed: number;
}

// ---------------------------------------------------------------------------------------------- rule sets

export type ParamValue = string | number | boolean;

export interface Rule {
  id: string;
  condition: ConditionType;
  enabled: boolean;
  thresholds: { yellow?: number | null; red?: number | null };
  rectifyWorkingDays: number;
  params: Record<string, ParamValue>;
  name?: Bilingual;
}

export interface RuleSetView {
  id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  rules: Rule[];
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  activatedAt: string | null;
  activatedBy: string | null;
}

export interface RuleProblem {
  ruleIndex: number | null;
  ruleId: string | null;
  /** dotted path into the draft, e.g. `rules.3.thresholds.yellow` */
  field: string;
  code: string;
  /** already in the UI language */
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  problems: RuleProblem[];
}

export interface PreviewFinding {
  key: string;
  kind: WarningKind;
  colour: Colour;
  ruleId: string;
  itemId: string | null;
  itemNumber: string | null;
  unitId: string;
  unitName: string;
  explanation: Bilingual;
}

export interface PreviewResult {
  asOf: string;
  ok: boolean;
  problems: RuleProblem[];
  appear: PreviewFinding[];
  disappear: PreviewFinding[];
  recoloured: { before: PreviewFinding; after: PreviewFinding }[];
}

export interface ConditionParam {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'enum';
  values?: string[];
}

export interface ConditionView {
  condition: ConditionType;
  kind: WarningKind;
  name: Bilingual;
  metric: Bilingual;
  comparator: '>=' | '>';
  params: ConditionParam[];
}

export interface RuleSetDraft {
  rules: Rule[];
  note?: string | null;
}

const enc = encodeURIComponent;

export const warningsApi = {
  list: (query: WarningQuery, signal?: AbortSignal) => http.get<WarningList>('/warnings', { query, signal }),
  summary: (query: { asOf?: string; year?: number }, signal?: AbortSignal) =>
    http.get<WarningSummary>('/warnings/summary', { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.get<WarningDetail>(`/warnings/${enc(id)}`, { signal }),
  issue: (body: ManualWarning) => http.post<WarningDetail>('/warnings', body),
  evaluate: () => http.post<EvaluateResult>('/warnings/evaluate', {}),
  rectify: (id: string, text: string) =>
    http.post<WarningDetail>(`/warnings/${enc(id)}/rectification`, { text }),
  recheck: (id: string, passed: boolean, note: string) =>
    http.post<WarningDetail>(`/warnings/${enc(id)}/recheck`, { passed, note }),
  appeal: (id: string, reason: string) => http.post<WarningDetail>(`/warnings/${enc(id)}/appeal`, { reason }),
  decideAppeal: (id: string, upheld: boolean, reason: string) =>
    http.post<WarningDetail>(`/warnings/${enc(id)}/appeal/decision`, { upheld, reason }),
  consequence: (id: string, type: Consequence, note: string) =>
    http.post<WarningDetail>(`/warnings/${enc(id)}/consequences`, { type, note }),
  /** Plans or re-plans a card's timetable; steps already done are kept by the server. */
  planTimetable: (id: string, steps: TimetableStepPlan[]) =>
    http.put<WarningDetail>(`/warnings/${enc(id)}/timetable`, { steps }),
  stepDone: (id: string, stepId: string, note: string) =>
    http.post<WarningDetail>(`/warnings/${enc(id)}/timetable/${enc(stepId)}/done`, { note }),
};

export const ruleSetsApi = {
  list: (signal?: AbortSignal) => http.get<{ items: RuleSetView[] }>('/rule-sets', { signal }),
  conditions: (signal?: AbortSignal) =>
    http.get<{ items: ConditionView[] }>('/rule-sets/conditions', { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<RuleSetView>(`/rule-sets/${enc(id)}`, { signal }),
  validate: (body: RuleSetDraft, signal?: AbortSignal) =>
    http.post<ValidationResult>('/rule-sets/validate', body, { signal }),
  preview: (body: RuleSetDraft) => http.post<PreviewResult>('/rule-sets/preview', body),
  save: (body: RuleSetDraft) => http.post<RuleSetView>('/rule-sets', body),
  activate: (id: string) =>
    http.post<{ ruleSet: RuleSetView; evaluation: EvaluateResult }>(`/rule-sets/${enc(id)}/activate`, {}),
};

/** react-query keys of the warning engine; every write invalidates `warningKeys.all`. */
export const warningKeys = {
  all: ['warnings'] as const,
  list: (q: WarningQuery) => ['warnings', 'list', q] as const,
  summary: (q: { asOf?: string; year?: number }) => ['warnings', 'summary', q] as const,
  detail: (id: string) => ['warnings', 'detail', id] as const,
  /** every open light of the region (one request for the item list's badges) */
  openLights: ['warnings', 'open-lights'] as const,
  itemLights: (itemId: string) => ['warnings', 'item', itemId] as const,
  ruleSets: ['rule-sets'] as const,
  conditions: ['rule-sets', 'conditions'] as const,
};

/** The registry of condition types (names and parameters in both languages); it changes only with a release. */
export function useConditions(enabled = true) {
  return useQuery({
    queryKey: warningKeys.conditions,
    queryFn: async ({ signal }) => (await ruleSetsApi.conditions(signal)).items,
    enabled,
    staleTime: 30 * 60_000,
  });
}
