// One month's facts for the running index, from the same dated facts the warning engine reads (warnings/facts.ts):
// the items (→ `indexItemFactsOf`), the lights and cards issued in the month, commendations, and the enterprises'
// ratings (the ratings module), and the admonition talks (谈话提醒) held in the month with a person of the unit (the
// admonitions module; the model deducts per talk). Conduct findings deduct nothing of their own: the model has no
// deduction for them, and a finding whose measure is a talk is counted through that talk.
import {
  addMonths,
  categoryForUnitKind,
  computeMonth,
  IndexFactsContext,
  indexItemFactsOf,
  maxDate,
  monthBounds,
  shanghaiDateOf,
  type AdmonitionFact,
  type BonusFact,
  type IndexModel,
  type IndexUnit,
  type IndexWarningFact,
  type MonthResult,
  type RatingFact,
  type UnitKind,
} from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import { regionCalendar } from '../calendar/service.ts';
import { ratingsOfMonth } from '../ratings/service.ts';
import { loadItemFacts } from '../warnings/facts.ts';

/** The month before a `YYYY-MM`. */
export const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);

/** The region's active units placed in a ranking category by the model (units of kinds it places nowhere are left out). */
export async function indexUnits(db: Queryable, regionId: string, model: IndexModel): Promise<IndexUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('region_id', '=', regionId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const out: IndexUnit[] = [];
  for (const r of rows) {
    const categoryId = categoryForUnitKind(model, r.kind as UnitKind);
    if (categoryId) out.push({ id: r.id, name: r.name, categoryId });
  }
  return out;
}

/** Lights and cards issued in the month and not revoked; a light escalated by the month end counts red. */
async function monthWarnings(db: Queryable, regionId: string, month: string): Promise<IndexWarningFact[]> {
  const { start, end } = monthBounds(month);
  const rows = await db
    .selectFrom('warnings')
    .select(['id', 'kind', 'issued_colour', 'unit_id', 'item_id', 'issued_on'])
    .where('region_id', '=', regionId)
    .where('issued_on', '>=', start)
    .where('issued_on', '<=', end)
    .where('state', '!=', 'revoked')
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const escalated = new Set(
    (
      await db
        .selectFrom('warning_events')
        .select('warning_id')
        .where('region_id', '=', regionId)
        .where('type', '=', 'escalated')
        .where('on_date', '<=', end)
        .where(
          'warning_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((e) => e.warning_id),
  );
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    kind: r.kind as 'light' | 'card',
    colour: r.issued_colour === 'red' || escalated.has(r.id) ? 'red' : 'yellow',
    itemId: r.item_id,
    issuedOn: r.issued_on,
  }));
}

/** Commendations of the month not revoked; dated in the month (entered later: its last day). */
async function monthBonuses(db: Queryable, regionId: string, month: string): Promise<BonusFact[]> {
  const { start, end } = monthBounds(month);
  const rows = await db
    .selectFrom('index_bonuses')
    .select(['id', 'unit_id', 'points', 'reason', 'created_at'])
    .where('region_id', '=', regionId)
    .where('month', '=', month)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const on = maxDate(start, shanghaiDateOf(r.created_at));
    return {
      id: r.id,
      unitId: r.unit_id,
      points: Number(r.points),
      reason: r.reason,
      awardedOn: on > end ? end : on,
    };
  });
}

/** Admonition talks held in the month; only their unit and day reach the index, nothing personal. */
async function monthAdmonitions(db: Queryable, regionId: string, month: string): Promise<AdmonitionFact[]> {
  const { start, end } = monthBounds(month);
  const rows = await db
    .selectFrom('admonition_talks')
    .select(['id', 'unit_id', 'held_on'])
    .where('region_id', '=', regionId)
    .where('held_on', '>=', start)
    .where('held_on', '<=', end)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, heldOn: r.held_on }));
}

async function monthRatings(db: Queryable, regionId: string, month: string): Promise<RatingFact[]> {
  const out: RatingFact[] = [];
  for (const list of (await ratingsOfMonth(db, regionId, month)).values())
    for (const r of list) out.push({ id: r.id, unitId: r.unitId, score: r.score, ratedOn: r.ratedOn });
  return out;
}

/**
 * Computes a month under a model from the facts on record, as known on `today` (the region's today): a month that
 * is over is known on the day it is computed, the current month up to today.
 */
export async function computeMonthNow(
  db: Queryable,
  regionId: string,
  month: string,
  model: IndexModel,
  today: string,
  previous: MonthResult | null,
): Promise<{ result: MonthResult; knownOn: string }> {
  const { end } = monthBounds(month);
  const knownOn = maxDate(end, today);
  const [units, items, warnings, bonuses, ratings, calendar, admonitions] = await Promise.all([
    indexUnits(db, regionId, model),
    loadItemFacts(db, regionId, today),
    monthWarnings(db, regionId, month),
    monthBonuses(db, regionId, month),
    monthRatings(db, regionId, month),
    regionCalendar(db, regionId),
    monthAdmonitions(db, regionId, month),
  ]);
  const known = new Set(units.map((u) => u.id));
  const ctx = new IndexFactsContext(month, knownOn, calendar);
  const result = computeMonth({
    model,
    month,
    units,
    items: indexItemFactsOf(items, ctx).filter((i) => known.has(i.leadUnitId)),
    warnings: warnings.filter((w) => known.has(w.unitId)),
    admonitions: admonitions.filter((a) => known.has(a.unitId)),
    bonuses: bonuses.filter((b) => known.has(b.unitId)),
    ratings: ratings.filter((r) => known.has(r.unitId)),
    previous,
  });
  return { result, knownOn };
}
