// Ranking within a category: standard competition ranking ("1224") on the published (rounded) totals, and the red
// and black boards (红黑榜).
import type { CategoryRanking, Localised, RankedEntry } from './types.ts';

export interface Rankable {
  unitId: string;
  name: string;
  /** The published total; null: not ranked. */
  total: number | null;
}

/**
 * Standard competition ranking: higher totals first, equal totals share a rank and the next rank skips by the size of
 * the tie (100, 90, 90, 80 → 1, 2, 2, 4). Totals compare as published (rounded to 0.1): two units shown with the same
 * score never get different ranks. Units without a total get no rank. Returns the rank by unit id.
 */
export function competitionRanks(entries: readonly Rankable[]): Map<string, number> {
  const ranked = entries.filter((e) => e.total !== null).sort(byTotalThenId);
  const ranks = new Map<string, number>();
  ranked.forEach((e, i) => {
    const prev = ranked[i - 1];
    ranks.set(e.unitId, prev && prev.total === e.total ? ranks.get(prev.unitId)! : i + 1);
  });
  return ranks;
}

const byTotalThenId = (a: Rankable, b: Rankable) =>
  a.total !== b.total ? (b.total ?? -Infinity) - (a.total ?? -Infinity) : a.unitId < b.unitId ? -1 : 1;

/**
 * One category's ranking and boards. Red board: rank ≤ size (a tie at the edge takes all its members). Black board:
 * units with fewer than `size` units ranked strictly below them, not already on the red board (a small category puts
 * no unit on both; a category all tied has nobody on the black board), worst first.
 */
export function categoryRanking(
  categoryId: string,
  name: Localised,
  entries: readonly Rankable[],
  boardSize: number,
): CategoryRanking {
  const ranks = competitionRanks(entries);
  const sorted = [...entries].sort(byTotalThenId);
  const ranking: RankedEntry[] = sorted.map((e) => ({
    unitId: e.unitId,
    name: e.name,
    total: e.total,
    rank: ranks.get(e.unitId) ?? null,
  }));
  const ranked = ranking.filter((e) => e.rank !== null);
  const top = ranked.filter((e) => e.rank! <= boardSize);
  const onTop = new Set(top.map((e) => e.unitId));
  // Units ranked strictly below: those after the last member of its tie group.
  const below = new Map<string, number>();
  for (let i = ranked.length - 1, end = ranked.length; i >= 0; i--) {
    const next = ranked[i + 1];
    if (next && next.total !== ranked[i]!.total) end = i + 1;
    below.set(ranked[i]!.unitId, ranked.length - end);
  }
  const bottom = ranked
    .filter((e) => below.get(e.unitId)! < boardSize && !onTop.has(e.unitId))
    .sort((a, b) => b.rank! - a.rank! || (a.unitId < b.unitId ? -1 : 1));
  return { categoryId, name, ranking, top, bottom };
}
