// Small shared readings of facts and records: an item's status on a day, deadlines counted in working days, which
// warning is the open one for a key, and whether a finding would be issued (the reconciler's rule, which the
// counting conditions need to count today's new lights before they are on record).
import type { WorkCalendar } from '../calendar.ts';
import { addDays, type CalendarDate } from '../dates.ts';
import type { ItemState } from '../lifecycle.ts';
import {
  OPEN_WARNING_STATES,
  type Colour,
  type EvaluationScope,
  type Finding,
  type ItemFacts,
  type WarningRecord,
} from './types.ts';

export const COLOUR_RANK: Record<Colour, number> = { yellow: 1, red: 2 };

/** Item states in which the item conditions apply: handed over and not yet closed. */
export const APPLICABLE_ITEM_STATES: readonly ItemState[] = [
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
];
export const CLOSED_ITEM_STATES: readonly ItemState[] = ['completed', 'cancelled'];

/** The status in force on a day: the last history entry on or before it; null before the first (not yet existing). */
export function statusEntryOn(item: Pick<ItemFacts, 'statusHistory'>, date: CalendarDate) {
  let best: ItemFacts['statusHistory'][number] | null = null;
  for (const h of item.statusHistory) if (h.on <= date && (best === null || h.on >= best.on)) best = h;
  return best;
}

export const statusOn = (item: Pick<ItemFacts, 'statusHistory'>, date: CalendarDate): ItemState | null =>
  statusEntryOn(item, date)?.status ?? null;

/**
 * Working days a deadline is past as of a day, counting only working days that have fully gone by: those in
 * (deadline, asOf). Null on or before the deadline. The engine runs at the start of the day (00:05), so a day still
 * under way is not counted yet: a report due on Monday that the unit files by the end of Thursday was "filed within
 * 3 working days after its deadline" and never lights; unfiled, it lights on Friday with 3. This is what a Chinese
 * office means by 截止后 3 个工作日内仍未报送: the three days are the unit's to use.
 */
export function workingDaysPast(
  calendar: WorkCalendar,
  deadline: CalendarDate,
  asOf: CalendarDate,
): number | null {
  if (asOf <= deadline) return null;
  return calendar.workingDaysBetween(deadline, addDays(asOf, -1));
}

/** The first day on which `workingDaysPast` reaches `threshold`. */
export function firstDayPast(
  calendar: WorkCalendar,
  deadline: CalendarDate,
  threshold: number,
): CalendarDate {
  const n = Math.ceil(threshold);
  return n <= 0 ? addDays(deadline, 1) : addDays(calendar.addWorkingDays(deadline, n), 1);
}

export const isOpen = (w: Pick<WarningRecord, 'state'>) => OPEN_WARNING_STATES.includes(w.state);

/** Lights belong to their item's scope (a manual light without an item: its unit's); cards to their unit's. */
export function inScope(
  w: Pick<WarningRecord, 'kind' | 'itemId' | 'unitId'>,
  scope: EvaluationScope | undefined,
): boolean {
  if (!scope) return true;
  if (w.kind === 'light' && w.itemId !== null) return scope.itemIds.has(w.itemId);
  return scope.unitIds.has(w.unitId);
}

const later = (a: WarningRecord, b: WarningRecord) =>
  a.issuedOn !== b.issuedOn ? a.issuedOn > b.issuedOn : a.id > b.id;

/** Warnings on record grouped by key: the open one (the latest issued, should there be several) and the closed ones. */
export function indexByKey(warnings: readonly WarningRecord[]) {
  const open = new Map<string, WarningRecord>();
  const closed = new Map<string, WarningRecord[]>();
  for (const w of warnings) {
    if (isOpen(w)) {
      const current = open.get(w.key);
      if (!current || later(w, current)) open.set(w.key, w);
    } else {
      const list = closed.get(w.key);
      if (list) list.push(w);
      else closed.set(w.key, [w]);
    }
  }
  return { open, closed };
}
export type KeyIndex = ReturnType<typeof indexByKey>;

/**
 * The same episode was already closed by people: a supervisor cleared (or an appeal revoked) a warning with this key,
 * this `since` and at least this colour. Engine clears (`autoCleared`) do not count: the gap came back.
 */
export function closedEpisode(f: Pick<Finding, 'key' | 'since' | 'colour'>, index: KeyIndex): boolean {
  return (index.closed.get(f.key) ?? []).some(
    (w) => !w.autoCleared && w.since === f.since && COLOUR_RANK[w.colour] >= COLOUR_RANK[f.colour],
  );
}

/** Whether the reconciler would issue a new warning for this finding. */
export const wouldIssue = (f: Finding, index: KeyIndex): boolean =>
  !index.open.has(f.key) && !closedEpisode(f, index);
