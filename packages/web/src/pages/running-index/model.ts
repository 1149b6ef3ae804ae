// Pure helpers of the running-index pages: month keys, the red and black boards (红黑榜) as marks per unit, this
// month against the last (score and rank deltas), the bars of a category, and the items a unit's score names.
import type { CategoryRanking, MonthResult, UnitScore } from '../../api/running-index';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** `2022-01` → `2021-12`. */
export function previousMonthKey(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
}

/** Whether a month has ended by `today` (YYYY-MM-DD): the server publishes only such months. */
export function isMonthOver(month: string, today: string): boolean {
  return today.slice(0, 7) > month;
}

export type BoardMark = 'red' | 'black';

/** 红榜 (top) and 黑榜 (bottom) of a category, as a mark per unit id. */
export function boardMarks(category: Pick<CategoryRanking, 'top' | 'bottom'>): Map<string, BoardMark> {
  const marks = new Map<string, BoardMark>();
  for (const e of category.top) marks.set(e.unitId, 'red');
  for (const e of category.bottom) if (!marks.has(e.unitId)) marks.set(e.unitId, 'black');
  return marks;
}

export interface RankingRow {
  unitId: string;
  name: string;
  total: number | null;
  rank: number | null;
  /** previousRank − rank: positive moved up. */
  rankChange: number | null;
  board: BoardMark | null;
}

/** A category's table rows: the ranking (ranked first, then units not scored) with change of rank and board. */
export function rankingRows(result: MonthResult, category: CategoryRanking): RankingRow[] {
  const scores = new Map(result.scores.map((s) => [s.unitId, s]));
  const marks = boardMarks(category);
  return category.ranking.map((e) => ({
    unitId: e.unitId,
    name: e.name,
    total: e.total,
    rank: e.rank,
    rankChange: scores.get(e.unitId)?.rankChange ?? null,
    board: marks.get(e.unitId) ?? null,
  }));
}

/** The bars of a category's chart: ranked units only, best first, with their boards and ids. */
export function chartBars(rows: readonly RankingRow[]) {
  const ranked = rows.filter((r) => r.rank !== null && r.total !== null);
  return {
    unitIds: ranked.map((r) => r.unitId),
    names: ranked.map((r) => r.name),
    totals: ranked.map((r) => r.total as number),
    marks: ranked.map((r) => r.board),
  };
}

export interface ComparisonRow {
  unitId: string;
  name: string;
  categoryId: string;
  totalBefore: number | null;
  totalAfter: number | null;
  /** after − before to one decimal; null unless both were scored. */
  delta: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  /** rankBefore − rankAfter (positive moved up); null unless ranked in the same category both months. */
  rankChange: number | null;
}

/** Half away from zero, as the domain rounds scores (its `round1`), so that a delta reads as the server's would. */
function round1(x: number): number {
  const r = Math.floor(Number((Math.abs(x) * 10).toPrecision(15)) + 0.5) / 10;
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * This month against the one before, unit by unit, in this month's order (category, rank, unranked last); units
 * scored only last month follow. Ranks compare only within the same category (赛马).
 */
export function compareMonths(current: MonthResult, previous: MonthResult | null): ComparisonRow[] {
  const before = new Map((previous?.scores ?? []).map((s) => [s.unitId, s]));
  const seen = new Set<string>();
  const row = (a: UnitScore | undefined, b: UnitScore | undefined): ComparisonRow => {
    const s = (a ?? b)!;
    const sameCategory = !!a && !!b && a.categoryId === b.categoryId;
    const rankBefore = b?.rank ?? null;
    const rankAfter = a?.rank ?? null;
    const totalBefore = b?.total ?? null;
    const totalAfter = a?.total ?? null;
    return {
      unitId: s.unitId,
      name: s.name,
      categoryId: s.categoryId,
      totalBefore,
      totalAfter,
      delta: totalBefore !== null && totalAfter !== null ? round1(totalAfter - totalBefore) : null,
      rankBefore,
      rankAfter,
      rankChange: sameCategory && rankBefore !== null && rankAfter !== null ? rankBefore - rankAfter : null,
    };
  };
  const rows: ComparisonRow[] = [];
  for (const a of current.scores) {
    seen.add(a.unitId);
    rows.push(row(a, before.get(a.unitId)));
  }
  for (const b of previous?.scores ?? []) if (!seen.has(b.unitId)) rows.push(row(undefined, b));
  return rows;
}

/** Item numbers and titles named anywhere in a unit's components, for its deductions' links. */
export function itemsOf(score: UnitScore): Map<string, { number: string; title: string }> {
  const items = new Map<string, { number: string; title: string }>();
  for (const c of Object.values(score.components))
    for (const i of c.items)
      if (!items.has(i.itemId)) items.set(i.itemId, { number: i.number, title: i.title });
  return items;
}

/** How many units were ranked in the unit's category (the "of N" of a rank). */
export function rankedInCategory(result: MonthResult, categoryId: string): number {
  return result.scores.filter((s) => s.categoryId === categoryId && s.rank !== null).length;
}

/** A number of points as shown: at most one decimal, a sign when asked. */
export function formatPoints(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = String(round1(value));
  return signed && value > 0 ? `+${text}` : text;
}
