// Revisions of a month: published months are frozen, a recomputation is a new revision, and what changed between two
// revisions is shown, unit by unit, down to the components, items, deductions and bonuses that moved.
import { validationError } from '../errors.ts';
import { round1 } from '../progress.ts';
import type { ComponentHandling, ComponentScore, MonthResult, UnitScore } from './types.ts';

export interface ItemChange {
  itemId: string;
  number: string;
  before: { value: number | null; points: number } | null;
  after: { value: number | null; points: number } | null;
}

export interface ComponentChange {
  id: string;
  before: { points: number; max: number; score: number | null; handling: ComponentHandling } | null;
  after: { points: number; max: number; score: number | null; handling: ComponentHandling } | null;
  /** Items added, removed, or whose value or points changed. */
  items: ItemChange[];
}

export interface EntryChange {
  /** `warning`, `admonition` or `bonus`. */
  source: 'warning' | 'admonition' | 'bonus';
  id: string;
  before: number | null;
  after: number | null;
}

export interface UnitDiff {
  unitId: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  categoryBefore: string | null;
  categoryAfter: string | null;
  totalBefore: number | null;
  totalAfter: number | null;
  /** after − before, rounded; null unless both are numbers. */
  delta: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  components: ComponentChange[];
  /** Deductions and bonuses added, removed or counted differently (points before and after). */
  entries: EntryChange[];
}

export interface ResultDiff {
  month: string;
  modelVersionBefore: number | null;
  modelVersionAfter: number | null;
  /** Units whose score, rank or breakdown changed, in the new revision's order, then the units it no longer has. */
  units: UnitDiff[];
  unchanged: number;
  changed: boolean;
}

const same = (a: unknown, b: unknown) => a === b;

function itemChanges(before: ComponentScore | undefined, after: ComponentScore | undefined): ItemChange[] {
  const b = new Map((before?.items ?? []).map((i) => [i.itemId, i]));
  const a = new Map((after?.items ?? []).map((i) => [i.itemId, i]));
  const out: ItemChange[] = [];
  const view = (i: ComponentScore['items'][number] | undefined) =>
    i ? { value: i.value, points: i.points } : null;
  for (const i of after?.items ?? []) {
    const old = b.get(i.itemId);
    if (!old || old.value !== i.value || old.points !== i.points)
      out.push({ itemId: i.itemId, number: i.number, before: view(old), after: view(i) });
  }
  for (const i of before?.items ?? [])
    if (!a.has(i.itemId)) out.push({ itemId: i.itemId, number: i.number, before: view(i), after: null });
  return out;
}

function componentChanges(before: UnitScore | undefined, after: UnitScore | undefined): ComponentChange[] {
  const ids = [
    ...Object.keys(after?.components ?? {}),
    ...Object.keys(before?.components ?? {}).filter((k) => !(after && k in after.components)),
  ];
  const view = (c: ComponentScore | undefined) =>
    c ? { points: c.points, max: c.max, score: c.score, handling: c.handling } : null;
  const out: ComponentChange[] = [];
  for (const id of ids) {
    const b = before?.components[id];
    const a = after?.components[id];
    const items = itemChanges(b, a);
    const moved =
      !b ||
      !a ||
      b.points !== a.points ||
      b.max !== a.max ||
      b.score !== a.score ||
      b.handling !== a.handling ||
      items.length > 0;
    if (moved) out.push({ id, before: view(b), after: view(a), items });
  }
  return out;
}

function entryChanges(before: UnitScore | undefined, after: UnitScore | undefined): EntryChange[] {
  type Key = string;
  const collect = (s: UnitScore | undefined) => {
    const m = new Map<Key, { source: EntryChange['source']; id: string; points: number }>();
    for (const d of s?.deductions ?? [])
      m.set(`${d.source}|${d.id}`, { source: d.source, id: d.id, points: d.points });
    for (const b of s?.bonuses ?? []) m.set(`bonus|${b.id}`, { source: 'bonus', id: b.id, points: b.points });
    return m;
  };
  const b = collect(before);
  const a = collect(after);
  const out: EntryChange[] = [];
  for (const [k, e] of a) {
    const old = b.get(k);
    if (!old || old.points !== e.points)
      out.push({ source: e.source, id: e.id, before: old?.points ?? null, after: e.points });
  }
  for (const [k, e] of b)
    if (!a.has(k)) out.push({ source: e.source, id: e.id, before: e.points, after: null });
  return out;
}

/**
 * What changed between two revisions of one month (`before` the published one, `after` the recomputation). A unit is
 * listed when its total, rank, category, base, deductions or bonuses, or any component or item of its breakdown
 * changed. Throws `month_mismatch` when the two are of different months.
 */
export function diffResults(before: MonthResult, after: MonthResult): ResultDiff {
  if (before.month !== after.month)
    throw validationError('month_mismatch', 'after.month', { before: before.month, after: after.month });
  const old = new Map(before.scores.map((s) => [s.unitId, s]));
  const now = new Set(after.scores.map((s) => s.unitId));
  const units: UnitDiff[] = [];
  let unchanged = 0;
  const diff = (b: UnitScore | undefined, a: UnitScore | undefined): UnitDiff | null => {
    const components = componentChanges(b, a);
    const entries = entryChanges(b, a);
    const changed =
      !b ||
      !a ||
      !same(b.total, a.total) ||
      !same(b.rank, a.rank) ||
      !same(b.categoryId, a.categoryId) ||
      !same(b.base, a.base) ||
      !same(b.measured, a.measured) ||
      !same(b.deductionPoints, a.deductionPoints) ||
      !same(b.bonusPoints, a.bonusPoints) ||
      components.length > 0 ||
      entries.length > 0;
    if (!changed) return null;
    const totalBefore = b?.total ?? null;
    const totalAfter = a?.total ?? null;
    return {
      unitId: (a ?? b)!.unitId,
      name: (a ?? b)!.name,
      change: !b ? 'added' : !a ? 'removed' : 'changed',
      categoryBefore: b?.categoryId ?? null,
      categoryAfter: a?.categoryId ?? null,
      totalBefore,
      totalAfter,
      delta: totalBefore !== null && totalAfter !== null ? round1(totalAfter - totalBefore) : null,
      rankBefore: b?.rank ?? null,
      rankAfter: a?.rank ?? null,
      components,
      entries,
    };
  };
  for (const a of after.scores) {
    const d = diff(old.get(a.unitId), a);
    if (d) units.push(d);
    else unchanged++;
  }
  for (const b of before.scores) if (!now.has(b.unitId)) units.push(diff(b, undefined)!);
  return {
    month: after.month,
    modelVersionBefore: before.modelVersion,
    modelVersionAfter: after.modelVersion,
    units,
    unchanged,
    changed: units.length > 0 || before.modelVersion !== after.modelVersion,
  };
}
