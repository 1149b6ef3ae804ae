// Findings + the warnings on record → the changes to record (issue, escalate, fall back, clear, refresh); an
// in-memory applier of those changes, a day-by-day replay built from the three, and the diff a rule-set preview shows.
import type { WorkCalendar } from '../calendar.ts';
import { canonicalJson } from '../canonical-json.ts';
import { addDays, type CalendarDate } from '../dates.ts';
import { dedupeFindings, evaluate } from './evaluate.ts';
import { CLOSED_ITEM_STATES, closedEpisode, inScope, indexByKey, isOpen, statusOn } from './records.ts';
import type {
  EvaluationScope,
  Finding,
  ItemFacts,
  RuleSet,
  UnitFacts,
  WarningChange,
  WarningRecord,
} from './types.ts';

/** The rectification deadline of a fallen-back warning whose rule is no longer known. */
export const DEFAULT_RECTIFY_WORKING_DAYS = 5;

export interface ReconcileInput {
  asOf: CalendarDate;
  calendar: WorkCalendar;
  /** One per key, as `evaluate` returns them. */
  findings: Finding[];
  warnings: WarningRecord[];
  items: ItemFacts[];
  /** Only lights of these items and cards of these units are touched; all when absent. */
  scope?: EvaluationScope | undefined;
  /** The rule set evaluated: a warning falling back without a finding takes its rule's rectification days. */
  ruleSet?: RuleSet | undefined;
}

/** Whether a finding says something the warning does not (compared only on what the record carries). */
function changed(w: WarningRecord, f: Finding): boolean {
  if (w.since !== f.since) return true;
  if (w.metric !== undefined && w.metric !== f.metric) return true;
  if (w.inputs !== undefined && canonicalJson(w.inputs) !== canonicalJson(f.inputs)) return true;
  if (w.thresholds !== undefined && canonicalJson(w.thresholds) !== canonicalJson(f.thresholds)) return true;
  if (
    w.explanation !== undefined &&
    (w.explanation['zh-CN'] !== f.explanation['zh-CN'] || w.explanation['en-US'] !== f.explanation['en-US'])
  )
    return true;
  return false;
}

/**
 * What to record on `asOf`:
 * - a finding with an open warning: red over yellow escalates (a new deadline); yellow over a non-persistent red falls
 *   back; the same colour refreshes what changed. Manual and persistent warnings change only by escalation.
 * - a finding without one: issue, unless people already closed the same episode (same key and `since`) at this
 *   colour or higher.
 * - an open rule warning (not persistent) without a finding: red falls back to yellow; a yellow that was red waits for
 *   a supervisor's re-check; a yellow never red clears (gap closed, or the item closed).
 * One change per warning, ordered by key then warning id.
 */
export function reconcile(input: ReconcileInput): WarningChange[] {
  const { asOf, calendar, findings, warnings, items, scope, ruleSet } = input;
  const known = warnings.filter((w) => w.issuedOn <= asOf);
  const index = indexByKey(known);
  const itemsById = new Map(items.map((i) => [i.id, i]));
  const deadline = (days: number) => calendar.addWorkingDays(asOf, days);
  const out: { key: string; id: string; change: WarningChange }[] = [];
  const answered = new Set<string>();

  // One per key, should a caller pass several (as evaluate does: the higher colour).
  for (const f of dedupeFindings(findings).values()) {
    if (!inScope(f, scope)) continue;
    const w = index.open.get(f.key);
    if (!w) {
      if (!closedEpisode(f, index))
        out.push({
          key: f.key,
          id: '',
          change: { type: 'issue', finding: f, rectifyBy: deadline(f.rectifyWorkingDays) },
        });
      continue;
    }
    answered.add(w.id);
    const push = (change: WarningChange) => out.push({ key: w.key, id: w.id, change });
    if (f.colour === 'red' && w.colour === 'yellow') {
      push({ type: 'escalate', warningId: w.id, finding: f, rectifyBy: deadline(f.rectifyWorkingDays) });
    } else if (f.persistent || w.persistent || w.origin === 'manual') {
      // Counted warnings, escalations and manual ones wait for people.
    } else if (f.colour === 'yellow' && w.colour === 'red') {
      push({ type: 'fall_back', warningId: w.id, finding: f, rectifyBy: deadline(f.rectifyWorkingDays) });
    } else if (changed(w, f)) {
      push({ type: 'refresh', warningId: w.id, finding: f });
    }
  }

  for (const w of known) {
    if (!isOpen(w) || answered.has(w.id) || !inScope(w, scope)) continue;
    if (w.origin !== 'rule' || w.persistent) continue;
    const push = (change: WarningChange) => out.push({ key: w.key, id: w.id, change });
    if (w.colour === 'red') {
      const days =
        ruleSet?.rules.find((r) => r.id === w.ruleId)?.rectifyWorkingDays ?? DEFAULT_RECTIFY_WORKING_DAYS;
      push({ type: 'fall_back', warningId: w.id, finding: null, rectifyBy: deadline(days) });
    } else if (!w.wasRed) {
      const item = w.itemId === null ? undefined : itemsById.get(w.itemId);
      const status = item ? statusOn(item, asOf) : null;
      const closed = status !== null && CLOSED_ITEM_STATES.includes(status);
      push({ type: 'clear', warningId: w.id, reason: closed ? 'item_closed' : 'gap_closed' });
    }
  }

  return out
    .sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.change);
}

// -------------------------------------------------------------------------------------------------- applier

/** What a warning takes over from the finding that issued, escalated, fell back or refreshed it. */
const said = (f: Finding) => ({
  ruleVersion: f.ruleVersion,
  metric: f.metric,
  inputs: f.inputs,
  thresholds: f.thresholds,
  explanation: f.explanation,
});

/**
 * Applies changes to records in memory (what the server does in SQL), returning a new list; records not changed are
 * the same objects. An escalation restarts the rectification (state active) and, when it comes from a persistent
 * finding (a deadline missed), makes the warning persistent: the underlying gap closing no longer brings it back
 * down. `calendar` is needed only for a `fall_back` without its `rectifyBy`.
 */
export function applyChanges(
  warnings: WarningRecord[],
  changes: WarningChange[],
  asOf: CalendarDate,
  newId: () => string,
  calendar?: WorkCalendar,
): WarningRecord[] {
  const out = [...warnings];
  const at = new Map(out.map((w, i) => [w.id, i]));
  const update = (id: string, fn: (w: WarningRecord) => WarningRecord) => {
    const i = at.get(id);
    if (i === undefined) throw new Error(`applyChanges: no warning ${id}`);
    out[i] = fn(out[i]!);
  };
  for (const c of changes) {
    switch (c.type) {
      case 'issue': {
        const f = c.finding;
        const w: WarningRecord = {
          id: newId(),
          key: f.key,
          kind: f.kind,
          origin: 'rule',
          ruleId: f.ruleId,
          itemId: f.itemId,
          unitId: f.unitId,
          colour: f.colour,
          issuedColour: f.colour,
          state: 'active',
          issuedOn: asOf,
          since: f.since,
          rectifyBy: c.rectifyBy,
          wasRed: f.colour === 'red',
          persistent: f.persistent,
          closedOn: null,
          autoCleared: false,
          ...said(f),
        };
        at.set(w.id, out.length);
        out.push(w);
        break;
      }
      case 'escalate':
        update(c.warningId, (w) => ({
          ...w,
          ...said(c.finding),
          colour: 'red',
          wasRed: true,
          state: 'active',
          rectifyBy: c.rectifyBy,
          persistent: w.persistent || c.finding.persistent,
          // A missed deadline does not start a new episode of the underlying condition.
          since: c.finding.persistent ? w.since : c.finding.since,
        }));
        break;
      case 'fall_back':
        update(c.warningId, (w) => {
          let rectifyBy = c.rectifyBy;
          if (rectifyBy === undefined) {
            if (!calendar) throw new Error('applyChanges: a fall_back without rectifyBy needs the calendar');
            const days = c.finding?.rectifyWorkingDays ?? DEFAULT_RECTIFY_WORKING_DAYS;
            rectifyBy = calendar.addWorkingDays(asOf, days);
          }
          return {
            ...w,
            ...(c.finding && { ...said(c.finding), since: c.finding.since }),
            colour: 'yellow',
            rectifyBy,
          };
        });
        break;
      case 'clear':
        update(c.warningId, (w) => ({ ...w, state: 'cleared', closedOn: asOf, autoCleared: true }));
        break;
      case 'refresh':
        update(c.warningId, (w) => ({ ...w, ...said(c.finding), since: c.finding.since }));
        break;
    }
  }
  return out;
}

// --------------------------------------------------------------------------------------------------- replay

export interface ReplayInput {
  ruleSet: RuleSet;
  calendar: WorkCalendar;
  items: ItemFacts[];
  units: UnitFacts[];
  from: CalendarDate;
  to: CalendarDate;
  /** Warnings on record before `from`. */
  warnings?: WarningRecord[];
  newId: () => string;
}

/** Runs the engine day by day from `from` to `to` (inclusive), as the daily run would have: every day, with its changes. */
export function replay(input: ReplayInput): {
  warnings: WarningRecord[];
  days: { on: CalendarDate; changes: WarningChange[] }[];
} {
  const { ruleSet, calendar, items, units, from, to, newId } = input;
  let warnings = input.warnings ?? [];
  const days: { on: CalendarDate; changes: WarningChange[] }[] = [];
  for (let on = from; on <= to; on = addDays(on, 1)) {
    const findings = evaluate({ ruleSet, asOf: on, calendar, items, units, warnings });
    const changes = reconcile({ asOf: on, calendar, findings, warnings, items, ruleSet });
    warnings = applyChanges(warnings, changes, on, newId, calendar);
    days.push({ on, changes });
  }
  return { warnings, days };
}

// --------------------------------------------------------------------------------------------------- preview

/** Findings that appear, disappear or change colour between two evaluations (e.g. the active rule set and a draft). */
export function previewDiff(
  before: Finding[],
  after: Finding[],
): { appear: Finding[]; disappear: Finding[]; recoloured: { before: Finding; after: Finding }[] } {
  const b = new Map(before.map((f) => [f.key, f]));
  const a = new Map(after.map((f) => [f.key, f]));
  const byKey = (x: Finding, y: Finding) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return {
    appear: after.filter((f) => !b.has(f.key)).sort(byKey),
    disappear: before.filter((f) => !a.has(f.key)).sort(byKey),
    recoloured: after
      .filter((f) => b.has(f.key) && b.get(f.key)!.colour !== f.colour)
      .sort(byKey)
      .map((f) => ({ before: b.get(f.key)!, after: f })),
  };
}
