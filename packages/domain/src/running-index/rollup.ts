// Quarter and year: the mean of the published monthly totals, ranked as the months are.
import { isMonthKey } from '../dates.ts';
import { validationError } from '../errors.ts';
import { round1 } from '../progress.ts';
import { categoryRanking } from './ranking.ts';
import type { CategoryRanking, Localised, MonthResult, PeriodResult, PeriodScore } from './types.ts';

export interface RollUpOptions {
  /** The previous quarter's or year's result, for the change of rank. */
  previous?: PeriodResult | null | undefined;
  /** Red and black board size; the latest month's by default. */
  boardSize?: number | undefined;
}

const periodKeyOf = (month: string, period: 'quarter' | 'year') =>
  period === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/**
 * Rolls months of one quarter or year up: a unit's total is the mean of its published (rounded) monthly totals over
 * the months it was scored in, rounded by `round1` — so anyone can check it from the published months, and a month in
 * which a unit had nothing to be scored on neither helps nor hurts it. A period still under way rolls up the months
 * so far. A unit races in the category of its latest month. Ranks, ties and boards as for a month.
 *
 * Throws `required` (no months), `invalid_month`, `duplicate_month` or `mixed_periods` (months of two quarters or
 * years), naming `months.<i>`.
 */
export function rollUp(
  months: readonly MonthResult[],
  period: 'quarter' | 'year',
  options: RollUpOptions = {},
): PeriodResult {
  if (period !== 'quarter' && period !== 'year')
    throw validationError('invalid_value', 'period', { allowed: 'quarter, year' });
  if (months.length === 0) throw validationError('required', 'months');
  const seen = new Set<string>();
  let key: string | undefined;
  months.forEach((m, i) => {
    if (!isMonthKey(m.month))
      throw validationError('invalid_month', `months.${i}`, { value: String(m.month) });
    if (seen.has(m.month)) throw validationError('duplicate_month', `months.${i}`, { month: m.month });
    seen.add(m.month);
    const k = periodKeyOf(m.month, period);
    key ??= k;
    if (k !== key) throw validationError('mixed_periods', `months.${i}`, { period: key, month: m.month });
  });
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : 1));
  const latest = sorted[sorted.length - 1]!;

  // Categories: the latest month's order, then any met only earlier.
  const categoryNames = new Map<string, Localised>();
  for (const m of [...sorted].reverse())
    for (const c of m.categories)
      if (!categoryNames.has(c.categoryId)) categoryNames.set(c.categoryId, c.name);

  const units = new Map<string, { name: string; categoryId: string; totals: Map<string, number | null> }>();
  for (const m of sorted)
    for (const s of m.scores) {
      const u = units.get(s.unitId) ?? { name: s.name, categoryId: s.categoryId, totals: new Map() };
      u.name = s.name;
      u.categoryId = s.categoryId;
      u.totals.set(m.month, s.total);
      units.set(s.unitId, u);
    }

  const prev = new Map<string, { rank: number | null; categoryId: string }>();
  for (const p of options.previous?.scores ?? [])
    prev.set(p.unitId, { rank: p.rank, categoryId: p.categoryId });

  const scores: PeriodScore[] = [...units.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([unitId, u]) => {
      let sum = 0;
      let n = 0;
      const monthly = sorted.map((m) => {
        const total = u.totals.get(m.month) ?? null;
        if (total !== null) {
          sum += total;
          n++;
        }
        return { month: m.month, total };
      });
      return {
        unitId,
        name: u.name,
        categoryId: u.categoryId,
        total: n > 0 ? round1(sum / n) : null,
        monthsScored: n,
        monthly,
        rank: null,
        previousRank: null,
        rankChange: null,
      };
    });

  const boardSize = options.boardSize ?? latest.boardSize;
  const byId = new Map(scores.map((s) => [s.unitId, s]));
  const categories: CategoryRanking[] = [...categoryNames.entries()].map(([id, name]) => {
    const ranking = categoryRanking(
      id,
      name,
      scores.filter((s) => s.categoryId === id),
      boardSize,
    );
    for (const e of ranking.ranking) {
      const s = byId.get(e.unitId)!;
      s.rank = e.rank;
      const p = prev.get(e.unitId);
      s.previousRank = p && p.categoryId === id ? p.rank : null;
      s.rankChange = s.rank !== null && s.previousRank !== null ? s.previousRank - s.rank : null;
    }
    return ranking;
  });
  return {
    period,
    key: key!,
    months: sorted.map((m) => m.month),
    scores: categories.flatMap((c) => c.ranking.map((e) => byId.get(e.unitId)!)),
    categories,
  };
}
