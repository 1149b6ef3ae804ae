// The item form's values and their conversion to and from the API: dates as dayjs, money as typed decimal strings
// of 万元 (converted to integer fen exactly), month plans and cumulative targets as one row per period of a year.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  BasisType,
  Direction,
  Frequency,
  ItemCreate,
  ItemDetail,
  ItemKind,
  ItemUpdate,
  ProjectPhase,
  TargetFrequency,
  Urgency,
} from '../../../api/types';
import { fenToWanInput, parseWanToFen, sumFen } from '../../../utils/money';
import { monthKeysOf, targetKeysOf } from '../../../utils/period';

export interface MilestoneRow {
  id?: string;
  title: string;
  plannedDate: Dayjs | null;
  weight: number | null;
}

export interface PlanRow {
  month: string;
  wan: string;
}

export interface TargetRow {
  periodKey: string;
  target: number | null;
}

export interface ItemFormValues {
  kind: ItemKind;
  title: string;
  description: string;
  basisType: BasisType;
  basisText: string;
  urgency: Urgency;
  leadUnitId: string | undefined;
  coUnitIds: string[];
  leaderUserId: string | undefined;
  startDate: Dayjs | null;
  dueDate: Dayjs | null;
  frequency: Frequency;
  deadlineWorkingDays: number;
  milestones: MilestoneRow[];
  // key project
  phase: ProjectPhase;
  plannedStart: Dayjs | null;
  actualStart: Dayjs | null;
  plannedCompletion: Dayjs | null;
  totalInvestmentWan: string;
  annualPlanWan: string;
  planYear: number;
  monthlyPlan: PlanRow[];
  // key indicator
  measure: string;
  unitOfMeasure: string;
  direction: Direction;
  annualTarget: number | null;
  targetFrequency: TargetFrequency;
  targetYear: number;
  targets: TargetRow[];
}

/** Server field names → form field names (money is typed in 万元). */
export const FIELD_ALIASES: Record<string, string> = {
  totalInvestmentFen: 'totalInvestmentWan',
  annualPlanFen: 'annualPlanWan',
  fen: 'wan',
};

export const emptyPlan = (year: number): PlanRow[] => monthKeysOf(year).map((month) => ({ month, wan: '' }));
export const emptyTargets = (year: number, frequency: TargetFrequency): TargetRow[] =>
  targetKeysOf(year, frequency).map((periodKey) => ({ periodKey, target: null }));

export function defaultValues(today: Dayjs = dayjs()): ItemFormValues {
  const year = today.year();
  return {
    kind: 'work',
    title: '',
    description: '',
    basisType: 'meeting',
    basisText: '',
    urgency: 'normal',
    leadUnitId: undefined,
    coUnitIds: [],
    leaderUserId: undefined,
    startDate: today.startOf('day'),
    dueDate: dayjs(`${year}-12-31`),
    frequency: 'monthly',
    deadlineWorkingDays: 3,
    milestones: [],
    phase: 'preliminary',
    plannedStart: null,
    actualStart: null,
    plannedCompletion: null,
    totalInvestmentWan: '',
    annualPlanWan: '',
    planYear: year,
    monthlyPlan: emptyPlan(year),
    measure: '',
    unitOfMeasure: '',
    direction: 'higher_better',
    annualTarget: null,
    targetFrequency: 'monthly',
    targetYear: year,
    targets: emptyTargets(year, 'monthly'),
  };
}

const day = (value: string | null | undefined) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

/** Sum of milestone weights, rounded to six decimals so that 33.33 + 33.33 + 33.34 is 100. */
export function weightSum(rows: readonly Pick<MilestoneRow, 'weight'>[] | undefined): number {
  const sum = (rows ?? []).reduce((s, r) => s + (typeof r?.weight === 'number' ? r.weight : 0), 0);
  return Math.round(sum * 1e6) / 1e6;
}

/** Exact sum of the monthly plan in fen; null when a row is not a valid amount. */
export function planSumFen(rows: readonly PlanRow[] | undefined): bigint | null {
  const amounts: number[] = [];
  for (const r of rows ?? []) {
    if (!r?.wan?.trim()) continue;
    const fen = parseWanToFen(r.wan);
    if (fen === null) return null;
    amounts.push(fen);
  }
  return sumFen(amounts);
}

/** Spreads an annual plan over twelve months exactly: equal parts of whole fen, the remainder in December. */
export function spreadEvenly(annualFen: number, year: number): PlanRow[] {
  const total = BigInt(annualFen);
  const part = total / 12n;
  const last = total - part * 11n;
  return monthKeysOf(year).map((month, i) => ({ month, wan: fenToWanInput(i === 11 ? last : part) }));
}

export function valuesFromItem(item: ItemDetail): ItemFormValues {
  const base = defaultValues(dayjs(item.startDate));
  const planYear = Number((item.monthlyPlan[0]?.month ?? item.plannedStart ?? item.startDate).slice(0, 4));
  const targetFrequency = item.targetFrequency ?? 'monthly';
  const targetYear = Number((item.targets[0]?.periodKey ?? item.startDate).slice(0, 4));
  const plans = new Map(item.monthlyPlan.map((p) => [p.month, p.fen]));
  const targets = new Map(item.targets.map((t) => [t.periodKey, t.target]));
  return {
    ...base,
    kind: item.kind,
    title: item.title,
    description: item.description ?? '',
    basisType: item.basisType,
    basisText: item.basisText ?? '',
    urgency: item.urgency,
    leadUnitId: item.leadUnitId,
    coUnitIds: item.coUnitIds,
    leaderUserId: item.leaderUserId ?? undefined,
    startDate: day(item.startDate),
    dueDate: day(item.dueDate),
    frequency: item.frequency,
    deadlineWorkingDays: item.deadlineWorkingDays,
    milestones: item.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedDate: day(m.plannedDate),
      weight: m.weight,
    })),
    phase: item.phase ?? 'preliminary',
    plannedStart: day(item.plannedStart),
    actualStart: day(item.actualStart),
    plannedCompletion: day(item.plannedCompletion),
    totalInvestmentWan: fenToWanInput(item.totalInvestmentFen),
    annualPlanWan: fenToWanInput(item.annualPlanFen),
    planYear,
    monthlyPlan: monthKeysOf(planYear).map((month) => ({
      month,
      wan: plans.has(month) ? fenToWanInput(plans.get(month)) : '',
    })),
    measure: item.measure ?? '',
    unitOfMeasure: item.unitOfMeasure ?? '',
    direction: item.direction ?? 'higher_better',
    annualTarget: item.annualTarget,
    targetFrequency,
    targetYear,
    targets: targetKeysOf(targetYear, targetFrequency).map((periodKey) => ({
      periodKey,
      target: targets.get(periodKey) ?? null,
    })),
  };
}

const trimOrNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

function commonOf(v: ItemFormValues) {
  return {
    title: v.title.trim(),
    description: trimOrNull(v.description),
    basisType: v.basisType,
    basisText: trimOrNull(v.basisText),
    urgency: v.urgency,
    leadUnitId: v.leadUnitId ?? '',
    coUnitIds: (v.coUnitIds ?? []).filter((id) => id !== v.leadUnitId),
    leaderUserId: v.leaderUserId ?? null,
    startDate: iso(v.startDate),
    dueDate: iso(v.dueDate),
    frequency: v.frequency,
    deadlineWorkingDays: v.deadlineWorkingDays,
    milestones: (v.milestones ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      title: (m.title ?? '').trim(),
      plannedDate: iso(m.plannedDate),
      weight: m.weight ?? 0,
    })),
  };
}

function projectOf(v: ItemFormValues) {
  return {
    phase: v.phase,
    plannedStart: iso(v.plannedStart),
    actualStart: v.actualStart ? iso(v.actualStart) : null,
    plannedCompletion: iso(v.plannedCompletion),
    totalInvestmentFen: parseWanToFen(v.totalInvestmentWan ?? '') ?? 0,
    annualPlanFen: parseWanToFen(v.annualPlanWan ?? '') ?? 0,
    monthlyPlan: (v.monthlyPlan ?? [])
      .filter((r) => r.wan?.trim())
      .map((r) => ({ month: r.month, fen: parseWanToFen(r.wan) ?? 0 })),
  };
}

function indicatorOf(v: ItemFormValues) {
  return {
    measure: v.measure.trim(),
    unitOfMeasure: v.unitOfMeasure.trim(),
    direction: v.direction,
    annualTarget: v.annualTarget ?? 0,
    targetFrequency: v.targetFrequency,
    targets: (v.targets ?? [])
      .filter((r) => typeof r.target === 'number' && Number.isFinite(r.target))
      .map((r) => ({ periodKey: r.periodKey, target: r.target as number })),
  };
}

export function createBody(v: ItemFormValues): ItemCreate {
  const common = commonOf(v);
  if (v.kind === 'project') return { kind: 'project', ...common, ...projectOf(v) };
  if (v.kind === 'indicator') return { kind: 'indicator', ...common, ...indicatorOf(v) };
  return { kind: 'work', ...common };
}

export function updateBody(v: ItemFormValues, kind: ItemKind, rowVersion: number): ItemUpdate {
  const common = commonOf(v);
  if (kind === 'project') return { rowVersion, ...common, ...projectOf(v) };
  if (kind === 'indicator') return { rowVersion, ...common, ...indicatorOf(v) };
  return { rowVersion, ...common };
}
