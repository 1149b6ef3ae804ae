// Pure helpers of the warning pages (亮灯亮牌): grouping for the badges, counts by colour, the board's filters from
// the URL, rule-set problems by field, reading a rule's thresholds, and a card's rectification timetable.
import type {
  Bilingual,
  Colour,
  ColourCounts,
  Rule,
  RuleProblem,
  TimetablePlannedData,
  TimetableStepDoneData,
  TimetableStepPlan,
  TimetableStepView,
  WarningKind,
  WarningQuery,
  WarningStateFilter,
  WarningView,
} from '../api/warnings';
import { COLOURS, OPEN_STATES, WARNING_KINDS, WARNING_STATE_FILTERS } from '../api/warnings';

/** A sentence in the UI language (zh-CN when the locale is anything else). */
export function inLocale(text: Bilingual | null | undefined, locale: string): string {
  if (!text) return '';
  return locale === 'en-US' ? text['en-US'] || text['zh-CN'] : text['zh-CN'] || text['en-US'];
}

export const isOpen = (w: Pick<WarningView, 'state'>) => OPEN_STATES.includes(w.state);

/** Red first, then yellow; within a colour the newest first. */
export function byUrgency(a: WarningView, b: WarningView): number {
  if (a.colour !== b.colour) return a.colour === 'red' ? -1 : 1;
  return b.issuedOn.localeCompare(a.issuedOn) || a.id.localeCompare(b.id);
}

/** Open lights grouped by item (for the colour badges on item lists), each group red first. */
export function groupByItem(warnings: readonly WarningView[]): Map<string, WarningView[]> {
  const out = new Map<string, WarningView[]>();
  for (const w of warnings) {
    if (w.kind !== 'light' || !w.itemId || !isOpen(w)) continue;
    const list = out.get(w.itemId) ?? [];
    list.push(w);
    out.set(w.itemId, list);
  }
  for (const list of out.values()) list.sort(byUrgency);
  return out;
}

export interface KindColourCounts {
  light: ColourCounts;
  card: ColourCounts;
}

/** Counts by kind and colour (the dossier's figures), of the warnings given. */
export function countByColour(warnings: readonly Pick<WarningView, 'kind' | 'colour'>[]): KindColourCounts {
  const out: KindColourCounts = { light: { yellow: 0, red: 0 }, card: { yellow: 0, red: 0 } };
  for (const w of warnings) out[w.kind][w.colour]++;
  return out;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

/** The board's filters kept in the URL; absent state means "open" (what is lit), `all` means no state filter. */
export const BOARD_FILTERS = [
  'kind',
  'colour',
  'state',
  'unitId',
  'categoryId',
  'leaderUserId',
  'month',
  'asOf',
] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

export function readBoardQuery(params: URLSearchParams): WarningQuery & { stateParam: string } {
  const get = (k: string) => params.get(k) || undefined;
  const kind = get('kind');
  const colour = get('colour');
  const state = get('state');
  const month = get('month');
  const asOf = get('asOf');
  const page = Math.max(1, Number(get('page') ?? 1) || 1);
  const pageSize = [10, 20, 50, 100].includes(Number(get('pageSize'))) ? Number(get('pageSize')) : 20;
  const stateFilter: WarningStateFilter | undefined =
    state === 'all'
      ? undefined
      : (WARNING_STATE_FILTERS as readonly string[]).includes(state ?? '')
        ? (state as WarningStateFilter)
        : 'open';
  return {
    kind: (WARNING_KINDS as readonly string[]).includes(kind ?? '') ? (kind as WarningKind) : undefined,
    colour: (COLOURS as readonly string[]).includes(colour ?? '') ? (colour as Colour) : undefined,
    state: stateFilter,
    stateParam: state === 'all' ? 'all' : (stateFilter ?? 'open'),
    unitId: get('unitId'),
    categoryId: get('categoryId'),
    leaderUserId: get('leaderUserId'),
    month: month && MONTH_RE.test(month) ? month : undefined,
    asOf: asOf && DATE_RE.test(asOf) ? asOf : undefined,
    page,
    pageSize,
  };
}

/** Problems of a draft by field path (`rules.3.thresholds.yellow`), messages joined per field. */
export function problemsByField(problems: readonly RuleProblem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const list = out.get(p.field) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    out.set(p.field, list);
  }
  return out;
}

/**
 * The problems of one rule that no editor field shows (e.g. `rules.2` itself, or an unknown field), so that the
 * editor can list them under the rule.
 */
export function otherProblems(
  problems: readonly RuleProblem[],
  ruleIndex: number,
  shownFields: readonly string[],
): RuleProblem[] {
  const prefix = `rules.${ruleIndex}.`;
  return problems.filter(
    (p) =>
      p.ruleIndex === ruleIndex &&
      !shownFields.some((f) => p.field === `${prefix}${f}` || p.field.startsWith(`${prefix}${f}.`)),
  );
}

/** A rule-set draft as the server expects it: thresholds `null` rather than absent, params always present. */
export function normaliseRule(rule: Rule): Rule {
  const out: Rule = {
    id: rule.id,
    condition: rule.condition,
    enabled: rule.enabled,
    thresholds: { yellow: rule.thresholds.yellow ?? null, red: rule.thresholds.red ?? null },
    rectifyWorkingDays: rule.rectifyWorkingDays,
    params: { ...rule.params },
  };
  if (rule.name) out.name = rule.name;
  return out;
}

/** Which rules of a draft differ from the active version's, by index (new rules count as changed). */
export function changedRules(draft: readonly Rule[], active: readonly Rule[]): Set<number> {
  const out = new Set<number>();
  draft.forEach((r, i) => {
    const before = active.find((a) => a.id === r.id);
    if (!before || JSON.stringify(normaliseRule(before)) !== JSON.stringify(normaliseRule(r))) out.add(i);
  });
  return out;
}

/** A value of a warning's inputs or thresholds as text (numbers as written, objects as JSON). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value);
}

/** Tallies of the per-month chart: issued per kind and colour, and cleared. */
export function monthSeries(
  byMonth: readonly { month: string; lights: ColourCounts; cards: ColourCounts; cleared: number }[],
) {
  return {
    months: byMonth.map((m) => m.month),
    yellowLights: byMonth.map((m) => m.lights.yellow),
    redLights: byMonth.map((m) => m.lights.red),
    yellowCards: byMonth.map((m) => m.cards.yellow),
    redCards: byMonth.map((m) => m.cards.red),
    cleared: byMonth.map((m) => m.cleared),
  };
}

// ------------------------------------------------------------------------- rectification timetable (倒排时间表)

/** The most steps one plan may have (the server's limit). */
export const MAX_TIMETABLE_STEPS = 30;

/**
 * Whether the caller may plan a card's timetable and mark its steps done: an open card, and either the server
 * offers them `rectify` or `appeal` on it, or they write for the warned unit (a card being rectified offers
 * neither, yet its unit still works through the plan). The server checks again; its 403/409 show in the form.
 */
export function canPlanTimetable(
  w: Pick<WarningView, 'kind' | 'state' | 'actions' | 'unitId'>,
  caller: { unitId: string | null; unitWriter: boolean },
): boolean {
  if (w.kind !== 'card' || !isOpen(w)) return false;
  if (w.actions.includes('rectify') || w.actions.includes('appeal')) return true;
  return caller.unitWriter && caller.unitId === w.unitId;
}

/** The steps by date, earliest first (the plan's own order for steps on the same day). */
export function stepsInOrder(steps: readonly TimetableStepView[]): TimetableStepView[] {
  return [...steps].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq);
}

export function timetableProgress(steps: readonly Pick<TimetableStepView, 'doneDate' | 'late'>[]) {
  return {
    total: steps.length,
    done: steps.filter((s) => s.doneDate !== null).length,
    late: steps.filter((s) => s.late).length,
  };
}

/** A row of the plan form; the number is empty until typed. */
export interface TimetablePlanRow {
  title: string;
  workingDaysBefore: number | null;
}

/** The plan form's first rows: the steps not yet done (done ones the server keeps), or one empty row. */
export function planRowsOf(steps: readonly TimetableStepView[]): TimetablePlanRow[] {
  const open = stepsInOrder(steps).filter((s) => s.doneDate === null);
  return open.length > 0
    ? open.map((s) => ({ title: s.title, workingDaysBefore: s.workingDaysBefore }))
    : [{ title: '', workingDaysBefore: null }];
}

/** The `PUT …/timetable` steps of the form's rows: titles trimmed, empty numbers as 0 (the deadline itself). */
export function planBody(rows: readonly TimetablePlanRow[]): TimetableStepPlan[] {
  return rows.map((r) => ({ title: r.title.trim(), workingDaysBefore: r.workingDaysBefore ?? 0 }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

/** The `data` of a `timetable_planned` event, or null when it is not one. */
export function timetablePlannedOf(data: unknown): TimetablePlannedData | null {
  if (!isRecord(data) || !isString(data.deadline) || !Array.isArray(data.steps)) return null;
  const steps = data.steps.filter(
    (s): s is TimetablePlannedData['steps'][number] =>
      isRecord(s) && isString(s.title) && isString(s.dueDate) && typeof s.workingDaysBefore === 'number',
  );
  return { deadline: data.deadline, steps };
}

/** The `data` of a `timetable_step_done` event, or null when it is not one. */
export function timetableStepDoneOf(data: unknown): TimetableStepDoneData | null {
  if (!isRecord(data) || !isString(data.title) || !isString(data.dueDate)) return null;
  return {
    stepId: isString(data.stepId) ? data.stepId : '',
    title: data.title,
    dueDate: data.dueDate,
    late: data.late === true,
  };
}
