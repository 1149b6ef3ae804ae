// The warning engine's vocabulary (PRODUCT.md "Light", "card", "Default rules"): rule sets as data, the dated facts
// they read, the findings they produce and the warnings those become. Everything here is data; the functions live
// in rules.ts (registry, validation, defaults), evaluate.ts (facts → findings) and reconcile.ts (findings + the
// warnings already on record → changes).
import type { CalendarDate } from '../dates.ts';
import type { Frequency } from '../periods.ts';
import type { ItemState } from '../lifecycle.ts';
import type { IndicatorDirection } from '../progress.ts';

export const COLOURS = ['yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

/** A light (亮灯) is on an item, a card (亮牌) on a unit. */
export const WARNING_KINDS = ['light', 'card'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** active → rectifying → cleared (灭灯/摘牌) | revoked (appeal upheld). Escalation and fall-back change the colour. */
export const WARNING_STATES = ['active', 'rectifying', 'cleared', 'revoked'] as const;
export type WarningState = (typeof WARNING_STATES)[number];
export const OPEN_WARNING_STATES: readonly WarningState[] = ['active', 'rectifying'];

export const CONDITION_TYPES = [
  'report_overdue', // metric: working days since the report's deadline, not submitted
  'progress_lag', // metric: percentage points behind plan at the end of the latest accepted period
  'indicator_below_target', // metric: shortfall against the latest monthly/quarterly cumulative target, % of target
  'quarterly_target_missed', // metric: shortfall against a quarter-end cumulative target, % of target
  'milestone_overdue', // metric: calendar days a milestone is overdue
  'item_past_due', // metric: calendar days past the item's due date, not completed
  'project_start_missed', // metric: whole months since a missed planned start (0 in the first month)
  'light_not_rectified', // metric: working days past a light's rectification deadline, not cleared
  'lights_in_period', // cards; metric: lights issued to the unit's items in the month (or quarter)
  'cards_in_period', // cards; metric: cards issued to the unit in the quarter (or month)
  'red_light_unresolved', // cards; metric: working days a red light is past its rectification deadline
  'timetable_step_overdue', // a card's rectification timetable (倒排时间表); metric: calendar days a step is late
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

/**
 * One rule. It fires when its condition's metric reaches a threshold (≥, or > for the shortfall conditions, as the
 * registry says); the highest colour reached wins. At least one of yellow and red; yellow ≤ red when both.
 */
export interface Rule {
  /** Stable slug, unique in its set (e.g. `progress-lag`); warnings cite it. */
  id: string;
  condition: ConditionType;
  enabled: boolean;
  thresholds: { yellow?: number | null; red?: number | null };
  /** Working days the unit has to rectify, counted from the day the warning is issued or escalated. */
  rectifyWorkingDays: number;
  /** Condition-specific parameters (see the registry), e.g. `{ colour: 'yellow', period: 'month' }`. */
  params: Record<string, string | number | boolean>;
  /** Optional display name; the registry's name is used when absent. */
  name?: { 'zh-CN': string; 'en-US': string } | undefined;
}

export interface RuleSet {
  version: number;
  rules: Rule[];
}

// ------------------------------------------------------------------------------------------------------ facts

/**
 * One item with its dated history, so that the engine can answer "as known on day D" for any D without another
 * load: statuses, submissions, acceptances and milestone completions after D are ignored when evaluating D.
 */
export interface ItemFacts {
  id: string;
  number: string;
  title: string;
  kind: 'work' | 'project' | 'indicator';
  leadUnitId: string;
  startDate: CalendarDate;
  dueDate: CalendarDate;
  frequency: Frequency;
  /** Working days after a period's end to its report deadline (default 3). */
  deadlineWorkingDays: number;
  /** Status changes in date order (Asia/Shanghai dates); the status on D is the last one on or before D. */
  statusHistory: { on: CalendarDate; status: ItemState }[];
  milestones: {
    id: string;
    title: string;
    plannedDate: CalendarDate;
    weight: number;
    doneDate: CalendarDate | null;
  }[];
  /** The report in force for each period (current version). */
  reports: {
    periodKey: string;
    submittedOn: CalendarDate | null;
    acceptedOn: CalendarDate | null;
    progress: number | null;
    indicatorValue: number | null;
    completedInvestmentFen: number | null;
  }[];
  indicator: {
    direction: IndicatorDirection;
    annualTarget: number;
    cumulativeTargets: { periodKey: string; target: number }[];
  } | null;
  project: { plannedStart: CalendarDate | null; actualStart: CalendarDate | null } | null;
}

/**
 * A dated step of a card's backward-scheduled rectification timetable (倒排时间表, the county's 作战图), tracked like
 * a milestone: a step not done by its date lights up on the warned unit.
 */
export interface TimetableStepFacts {
  id: string;
  warningId: string;
  unitId: string;
  title: string;
  dueDate: CalendarDate;
  doneDate: CalendarDate | null;
  /** The day the step was planned: nothing is late before it existed. */
  plannedOn: CalendarDate;
}

export interface UnitFacts {
  id: string;
  name: string;
}

/** A warning already on record, as the reconciler and the period-counting conditions need it. */
export interface WarningRecord {
  id: string;
  /** Identity of the condition episode's subject: `<ruleId>|<itemId or unitId>|<discriminator>`; `manual|<id>` for manual ones. */
  key: string;
  kind: WarningKind;
  origin: 'rule' | 'manual';
  ruleId: string | null;
  itemId: string | null;
  /** The item's number, for explanations that name a light whose item is not among the facts loaded. */
  itemNumber?: string | null | undefined;
  unitId: string;
  colour: Colour;
  /** The colour it was issued with (what "yellow lights issued in a month" counts). */
  issuedColour: Colour;
  state: WarningState;
  /** The day it was issued (the evaluation day) and the day its condition began. */
  issuedOn: CalendarDate;
  since: CalendarDate;
  rectifyBy: CalendarDate;
  /** It has been red at some time: when its gap closes it falls back to yellow and waits for a re-check. */
  wasRed: boolean;
  /** Counted warnings (cards) and manual ones never close by themselves; see Finding.persistent. */
  persistent: boolean;
  closedOn: CalendarDate | null;
  /**
   * Closed by the engine itself (a gap closed, the item closed), not by a supervisor's re-check or an upheld appeal.
   * Only closures by people end an episode for good: the same finding coming back after an automatic clear is
   * issued again. Absent = false.
   */
  autoCleared?: boolean | undefined;
  // What the warning last said. The reconciler compares these with a new finding to decide on a `refresh`; the ones
  // left out are not compared (a record carrying none of them is never refreshed).
  ruleVersion?: number | null | undefined;
  metric?: number | null | undefined;
  inputs?: Record<string, string | number | null> | undefined;
  thresholds?: { yellow: number | null; red: number | null } | undefined;
  explanation?: Explanation | undefined;
}

// -------------------------------------------------------------------------------------------------- findings

export type Explanation = { 'zh-CN': string; 'en-US': string };

/** What a rule says about one subject on the evaluated day. */
export interface Finding {
  key: string;
  kind: WarningKind;
  ruleId: string;
  ruleVersion: number;
  condition: ConditionType;
  colour: Colour;
  itemId: string | null;
  unitId: string;
  /** The day the condition (at this colour or lower) began. */
  since: CalendarDate;
  /** Inputs the rule read (numbers, dates, ids, period keys) and the thresholds it compared them with. */
  inputs: Record<string, string | number | null>;
  thresholds: { yellow: number | null; red: number | null };
  metric: number;
  explanation: Explanation;
  /** Counted findings never close by themselves (cards, escalations): only a re-check clears them. */
  persistent: boolean;
  rectifyWorkingDays: number;
}

/** A change the reconciler asks the caller to record, one per warning. */
export type WarningChange =
  | { type: 'issue'; finding: Finding; rectifyBy: CalendarDate }
  | { type: 'escalate'; warningId: string; finding: Finding; rectifyBy: CalendarDate }
  // rectifyBy: the new deadline (the finding's rule, else the warning's rule in the set, else 5 working days from
  // asOf); optional only so that older callers that build changes by hand still compile.
  | { type: 'fall_back'; warningId: string; finding: Finding | null; rectifyBy?: CalendarDate }
  | { type: 'clear'; warningId: string; reason: 'gap_closed' | 'item_closed' }
  | { type: 'refresh'; warningId: string; finding: Finding };

/** Limits an evaluation or reconciliation to some items (their lights) and units (their cards). */
export interface EvaluationScope {
  itemIds: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
}
