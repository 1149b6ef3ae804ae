// Deterministic synthetic facts for the warning engine's benchmark (bench/engine.ts): regions of a county's size
// (about 500 items over 48 units) with the three kinds of item, weekly, monthly and quarterly reporting and a couple
// of years of history, so that 90 regions make a province of 45,000 items and about 2.3 million reports. Most
// items are on time; a few percent miss a report, lag behind plan, miss a milestone, a start or a target, or run
// past their due date, so that a few percent light up. Generated in memory (no database); one seeded PRNG per
// region (sfc32), never Math.random, so that the same seed always gives the same facts.
import {
  addMonths,
  applyChanges,
  evaluate,
  fromDayNumber,
  periodsBetween,
  reconcile,
  round1,
  toDayNumber,
  type CalendarDate,
  type Frequency,
  type ItemFacts,
  type ItemState,
  type Period,
  type RuleSet,
  type UnitFacts,
  type WarningRecord,
  type WorkCalendar,
} from '@benpao/domain';

// ----------------------------------------------------------------------------------------------------- PRNG

/** sfc32 (Chris Doty-Humphrey's small fast counting PRNG), seeded through splitmix32. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

type Rand = ReturnType<typeof prng>;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rand, p: number) => r() < p;
function pick<T>(r: Rand, weighted: readonly (readonly [T, number])[]): T {
  let x = r() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** A 21-character id like the server's nanoids. */
const nanoid = (r: Rand) => {
  let s = '';
  for (let i = 0; i < 21; i++) s += ID_ALPHABET[Math.floor(r() * 64)];
  return s;
};
/** A new flat copy of a short string: a database driver hands every row its own strings, so the facts do too. */
const fresh = (s: string) => s.slice(0, 1) + s.slice(1);

// ------------------------------------------------------------------------------------------------- options

export interface GenerateOptions {
  seed: number;
  /** The day the facts are known to (the region's today): nothing is submitted, accepted or done after it. */
  asOf: CalendarDate;
  itemsPerRegion?: number;
  unitsPerRegion?: number;
}

export interface RegionFacts {
  regionId: string;
  items: ItemFacts[];
  units: UnitFacts[];
  warnings: WarningRecord[];
}

/** What went wrong on purpose, by item: the share of items the bench expects to light up. */
export interface Anomalies {
  missingReport: number;
  lagging: number;
  milestoneMissed: number;
  startMissed: number;
  belowTarget: number;
  pastDue: number;
}

const TOWNS = '大东坝新兴石门青林白云红岩龙潭金山双河马鞍桃源柳溪高桥三合五里长岭黄泥清水'.match(/../g)!;
const TOWN_SUFFIX = ['镇', '乡', '街道'];
const DEPARTMENTS = [
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '城市管理局',
  '行政审批服务局',
  '乡村振兴局',
  '信访局',
  '投资促进中心',
];
const WORK_TITLES = ['人居环境整治', '松材线虫病疫木清理', '河道清淤', '安全生产大检查', '政务服务改革'];
const PROJECT_TITLES = ['污水处理厂建设', '农村公路提升改造', '学校扩建', '标准化厂房建设', '供水管网改造'];
const INDICATOR_TITLES = [
  '地区生产总值',
  '一般公共预算收入',
  '固定资产投资',
  'PM2.5 平均浓度',
  '城镇新增就业',
];

// --------------------------------------------------------------------------------------------- calendar

/** Working-day arithmetic on day numbers, each distinct question asked of the calendar once. */
class Days {
  private readonly cache = new Map<number, number>();
  constructor(private readonly calendar: WorkCalendar) {}
  /** As `calendar.addWorkingDays`, on day numbers. */
  add(day: number, n: number): number {
    const k = day * 16 + n;
    let v = this.cache.get(k);
    if (v === undefined) {
      v = toDayNumber(this.calendar.addWorkingDays(fromDayNumber(day), n));
      this.cache.set(k, v);
    }
    return v;
  }
}

// ---------------------------------------------------------------------------------------------------- items

interface ItemPlan {
  r: Rand;
  days: Days;
  asOf: number;
  anomalies: Anomalies;
}

const day = (d: CalendarDate) => toDayNumber(d);
const DAY_2021_01_04 = day('2021-01-04');
const DAY_2022_06_30 = day('2022-06-30');
const DAY_2023_12_31 = day('2023-12-31');

/** Milestones from start to due, weights summing to 100; reached on time unless `missed` (the latest due one is not). */
function milestonesOf(
  p: ItemPlan,
  start: number,
  due: number,
  missed: boolean,
): { list: ItemFacts['milestones']; missedAt: number | null } {
  const { r, asOf } = p;
  const n = int(r, 3, 5);
  const weights: number[] = [];
  let left = 100;
  for (let i = 0; i < n - 1; i++) {
    const w = Math.max(5, Math.min(left - 5 * (n - 1 - i), Math.round((100 / n) * (0.7 + 0.6 * r()))));
    weights.push(w);
    left -= w;
  }
  weights.push(left);
  const span = due - start;
  const planned = weights.map(
    (_, i) => start + Math.round(((i + 1) / n) * span) - (i === n - 1 ? 0 : int(r, 0, 5)),
  );
  // The milestone missed: the latest planned at least a week before the day.
  let missedIndex = -1;
  if (missed) for (let i = 0; i < n; i++) if (planned[i]! <= asOf - 7) missedIndex = i;
  const list = weights.map((weight, i) => {
    const plannedDay = planned[i]!;
    const doneDay = plannedDay - int(r, 0, 6);
    return {
      id: nanoid(r),
      title: `第${i + 1}阶段节点`,
      plannedDate: fromDayNumber(plannedDay),
      weight,
      doneDate: i === missedIndex || doneDay > asOf ? null : fromDayNumber(doneDay),
    };
  });
  return { list, missedAt: missedIndex >= 0 ? planned[missedIndex]! : null };
}

/** A linear plan's progress at a day, near enough to `plannedProgress` for a generator. */
const linear = (start: number, due: number, at: number) =>
  at >= due ? 100 : at <= start ? 0 : round1(((at - start) / (due - start)) * 100);

function generateItem(p: ItemPlan, index: number, units: UnitFacts[]): ItemFacts {
  const { r, days, asOf, anomalies } = p;
  const kind = pick(r, [
    ['work', 60],
    ['project', 25],
    ['indicator', 15],
  ] as const);
  const frequency: Frequency =
    kind === 'indicator'
      ? pick(r, [
          ['monthly', 85],
          ['quarterly', 15],
        ] as const)
      : pick(r, [
          ['weekly', 84],
          ['monthly', 13],
          ['quarterly', 3],
        ] as const);

  // Dates: indicators run over 2022; work and projects start from January 2021 to June 2022 and mostly end after
  // the day (a few ended before it: completed, waiting for review, or still open and past due).
  let start: number;
  let due: number;
  if (kind === 'indicator') {
    start = day('2022-01-01');
    due = day('2022-12-31');
  } else {
    start = DAY_2021_01_04 + Math.floor(r() ** 2.4 * (DAY_2022_06_30 - DAY_2021_01_04));
    due = chance(r, 0.12)
      ? Math.max(start + 90, asOf - int(r, 30, 240))
      : Math.max(start + 180, int(r, asOf + 30, DAY_2023_12_31));
  }
  const endedBefore = due < asOf;

  // Status history: drafted, assigned, accepted, then in progress from the start; a finished item asked for
  // completion near its due date and was (mostly) completed.
  const statusHistory: { on: CalendarDate; status: ItemState }[] = [
    { on: fromDayNumber(start - int(r, 8, 20)), status: 'draft' },
    { on: fromDayNumber(start - int(r, 4, 7)), status: 'assigned' },
    { on: fromDayNumber(start - int(r, 1, 3)), status: 'accepted' },
    { on: fromDayNumber(start), status: 'in_progress' },
  ];
  let pastDue = false;
  if (endedBefore) {
    const fate = pick(r, [
      ['completed', 80],
      ['requested', 8],
      ['open', 12],
    ] as const);
    if (fate === 'open') pastDue = true;
    else {
      const requested = due - int(r, 0, 5);
      statusHistory.push({ on: fromDayNumber(requested), status: 'completion_requested' });
      if (fate === 'completed')
        statusHistory.push({
          on: fromDayNumber(Math.min(asOf, requested + int(r, 1, 10))),
          status: 'completed',
        });
    }
  } else if (chance(r, 0.005)) {
    statusHistory.push({ on: fromDayNumber(Math.min(asOf, start + int(r, 30, 200))), status: 'cancelled' });
  }
  if (pastDue) anomalies.pastDue++;

  // What goes wrong with this item, if anything.
  const missingReport = chance(r, 0.02);
  const withMilestones = kind !== 'indicator' && chance(r, kind === 'project' ? 0.5 : 0.35);
  // Items with milestones are measured by them: they lag by missing one.
  const lagging = kind !== 'indicator' && !withMilestones && chance(r, 0.03);
  const milestoneMissed = withMilestones && chance(r, 0.03);
  const belowTarget = kind === 'indicator' && chance(r, 0.05);

  const { list: milestones, missedAt } = withMilestones
    ? milestonesOf(p, start, due, milestoneMissed)
    : { list: [], missedAt: null };
  if (missedAt !== null) anomalies.milestoneMissed++;

  let project: ItemFacts['project'] = null;
  let startMissed = false;
  if (kind === 'project') {
    const plannedStart = start + int(r, 0, 60);
    startMissed = plannedStart < asOf - 3 && plannedStart > asOf - 200 && chance(r, 0.2);
    const actualStart = plannedStart - int(r, 0, 5);
    project = {
      plannedStart: fromDayNumber(plannedStart),
      actualStart: startMissed || actualStart > asOf ? null : fromDayNumber(actualStart),
    };
    if (startMissed) anomalies.startMissed++;
  }

  let indicator: ItemFacts['indicator'] = null;
  const targets = new Map<string, number>();
  if (kind === 'indicator') {
    const direction = chance(r, 0.8) ? 'higher_better' : 'lower_better';
    const annualTarget = direction === 'higher_better' ? int(r, 100, 100_000) : int(r, 20, 60);
    const targetPeriods = periodsBetween(fromDayNumber(start), fromDayNumber(due), frequency);
    targetPeriods.forEach((tp, i) => {
      const t =
        direction === 'higher_better'
          ? Math.round(((annualTarget * (i + 1)) / targetPeriods.length) * 100) / 100
          : annualTarget;
      targets.set(tp.key, t);
    });
    indicator = {
      direction,
      annualTarget,
      cumulativeTargets: [...targets].map(([periodKey, target]) => ({ periodKey: fresh(periodKey), target })),
    };
  }

  // Reports: one per period ended by the day, filed within the deadline and accepted a day or two later; the
  // latest may still be waiting to be filed or reviewed.
  const last = Math.min(due, asOf);
  const periods: readonly Period[] = periodsBetween(fromDayNumber(start), fromDayNumber(last), frequency);
  let ended = 0;
  while (ended < periods.length && day(periods[ended]!.end) < asOf) ended++;
  const deadlineWorkingDays = pick(r, [
    [3, 85],
    [5, 10],
    [2, 5],
  ] as const);
  const missing = missingReport && ended > 0 ? ended - 1 - int(r, 0, Math.min(7, ended - 1)) : -1;
  if (missing >= 0) anomalies.missingReport++;
  const lagFrom = lagging ? ended - int(r, 4, 10) : Infinity;
  const lagMax = int(r, 12, 40);
  const belowFrom = belowTarget ? int(r, 0, Math.max(0, ended - 1)) : Infinity;
  if (lagging && ended > 0) anomalies.lagging++;
  if (belowTarget && ended > 0) anomalies.belowTarget++;
  const reports: ItemFacts['reports'] = [];
  let investment = 0;
  for (let i = 0; i < ended; i++) {
    if (i === missing) continue;
    const period = periods[i]!;
    const end = day(period.end);
    const filedAfter = pick(r, [
      [0, 15],
      [1, 45],
      [2, 30],
      [3, 10],
    ] as const);
    const submitted = days.add(end, Math.min(filedAfter, deadlineWorkingDays));
    if (submitted > asOf) continue; // not filed yet
    const reviewed = days.add(submitted, int(r, 0, 2));
    let progress: number | null = null;
    let indicatorValue: number | null = null;
    let completedInvestmentFen: number | null = null;
    if (kind === 'indicator') {
      const target = targets.get(period.key) ?? 0;
      const higher = indicator!.direction === 'higher_better';
      const factor =
        i >= belowFrom ? (higher ? 0.88 : 1.03) + 0.09 * r() : higher ? 1 + 0.08 * r() : 0.85 + 0.14 * r();
      indicatorValue = Math.round(target * factor * 100) / 100;
    } else {
      const planned = linear(start, due, end);
      const lag = i >= lagFrom ? lagMax * Math.min(1, (i - lagFrom + 1) / 4) : 0;
      progress = startMissed
        ? int(r, 0, 3)
        : Math.max(0, Math.min(100, round1(planned - lag + (r() * 10 - 4))));
      if (kind === 'project') completedInvestmentFen = investment += int(r, 0, 2_000_000) * 100;
    }
    reports.push({
      periodKey: fresh(period.key),
      submittedOn: fromDayNumber(submitted),
      acceptedOn: reviewed <= asOf ? fromDayNumber(reviewed) : null,
      progress,
      indicatorValue,
      completedInvestmentFen,
    });
  }

  const title = kind === 'work' ? WORK_TITLES : kind === 'project' ? PROJECT_TITLES : INDICATOR_TITLES;
  return {
    id: nanoid(r),
    number: `DB-${fromDayNumber(start).slice(0, 4)}-${String(index + 1).padStart(4, '0')}`,
    title: `${title[index % title.length]}（第${index + 1}项，虚构）`,
    kind,
    leadUnitId: units[Math.floor(r() ** 1.3 * units.length)]!.id,
    startDate: fromDayNumber(start),
    dueDate: fromDayNumber(due),
    frequency,
    deadlineWorkingDays,
    statusHistory,
    milestones,
    reports,
    indicator,
    project,
  };
}

// -------------------------------------------------------------------------------------------------- regions

/** One county-sized region: its units and items (no warnings yet; see `recordHistory`). */
export function generateRegion(
  calendar: WorkCalendar,
  options: GenerateOptions & { index: number },
  anomalies: Anomalies = emptyAnomalies(),
): RegionFacts {
  const { index, asOf } = options;
  const r = prng((options.seed * 1_000_003 + index * 7919) >>> 0);
  const unitCount = options.unitsPerRegion ?? 48;
  const units: UnitFacts[] = [];
  for (let u = 0; u < unitCount; u++) {
    const name =
      u < 18
        ? `${TOWNS[u % TOWNS.length]}${TOWN_SUFFIX[u % 7 === 6 ? 2 : u % 5 === 4 ? 1 : 0]}`
        : DEPARTMENTS[(u - 18) % DEPARTMENTS.length]!;
    units.push({ id: nanoid(r), name: `${name}（${index + 1}）` });
  }
  const plan: ItemPlan = { r, days: new Days(calendar), asOf: day(asOf), anomalies };
  const items: ItemFacts[] = [];
  for (let i = 0; i < (options.itemsPerRegion ?? 500); i++) items.push(generateItem(plan, i, units));
  return { regionId: `region-${String(index + 1).padStart(2, '0')}`, items, units, warnings: [] };
}

export const emptyAnomalies = (): Anomalies => ({
  missingReport: 0,
  lagging: 0,
  milestoneMissed: 0,
  startMissed: 0,
  belowTarget: 0,
  pastDue: 0,
});

/** `regions` regions of the same seed (region i of any run is the same). */
export function generateProvince(
  calendar: WorkCalendar,
  options: GenerateOptions & { regions: number },
  anomalies: Anomalies = emptyAnomalies(),
): RegionFacts[] {
  const out: RegionFacts[] = [];
  for (let index = 0; index < options.regions; index++)
    out.push(generateRegion(calendar, { ...options, index }, anomalies));
  return out;
}

/**
 * Warnings on record as the engine itself would have left them: a daily run on each of `days` (in order), its changes
 * applied in memory. What a region that has been running a while holds (lights issued, escalated, cleared; cards).
 */
export function recordHistory(
  region: RegionFacts,
  ruleSet: RuleSet,
  calendar: WorkCalendar,
  days: readonly CalendarDate[],
): void {
  let n = region.warnings.length; // records are only ever appended: ids stay unique across calls
  const newId = () => `${region.regionId}-w${++n}`;
  let warnings = region.warnings;
  for (const asOf of days) {
    const { items, units } = region;
    const findings = evaluate({ ruleSet, asOf, calendar, items, units, warnings });
    const changes = reconcile({ asOf, calendar, findings, warnings, items, ruleSet });
    warnings = applyChanges(warnings, changes, asOf, newId, calendar);
  }
  region.warnings = warnings;
}

/** The days of a history ending the day before `asOf`: a month earlier, a week earlier and yesterday. */
export const historyDays = (asOf: CalendarDate): CalendarDate[] => [
  addMonths(asOf, -1),
  fromDayNumber(day(asOf) - 7),
  fromDayNumber(day(asOf) - 1),
];

export const countReports = (regions: readonly RegionFacts[]) =>
  regions.reduce((s, g) => s + g.items.reduce((t, i) => t + i.reports.length, 0), 0);
