// Seeded, invented facts of one region's month, for property tests and the province benchmark (e.g. 90 regions of 500
// items and ~40 units: `syntheticMonthInput({ seed: region, units: 40, items: 500 })` per region, then
// `computeMonth`). The same options always give the same input; no clock, no Math.random.
import type { CalendarDate } from '../dates.ts';
import { monthBounds } from './from-engine-facts.ts';
import { defaultIndexModel } from './model.ts';
import type {
  AdmonitionFact,
  BonusFact,
  IndexItemFacts,
  IndexModel,
  IndexUnit,
  IndexWarningFact,
  MonthInput,
  RatingFact,
} from './types.ts';

export interface SyntheticOptions {
  seed: number;
  units: number;
  items: number;
  /** `YYYY-MM`; 2022-06 by default. */
  month?: string | undefined;
  model?: IndexModel | undefined;
  /** Enterprise ratings per unit on average (default 4). */
  ratingsPerUnit?: number | undefined;
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A region's month: units in the model's categories, items of the three kinds, warnings, talks, bonuses, ratings. */
export function syntheticMonthInput(options: SyntheticOptions): MonthInput {
  const rnd = seededRandom(options.seed);
  const model = options.model ?? defaultIndexModel();
  const month = options.month ?? '2022-06';
  const { end } = monthBounds(month);
  const lastDay = Number(end.slice(8, 10));
  const day = (): CalendarDate => `${month}-${String(1 + Math.floor(rnd() * lastDay)).padStart(2, '0')}`;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const tenth = (x: number) => Math.round(x * 10) / 10;
  const r = `r${options.seed}`;

  const categories = model.ranking.categories.map((c) => c.id);
  const units: IndexUnit[] = Array.from({ length: options.units }, (_, i) => ({
    id: `${r}-u${String(i).padStart(4, '0')}`,
    name: `单位 ${i}（虚构）`,
    categoryId: categories[i % categories.length]!,
  }));

  const items: IndexItemFacts[] = [];
  for (let i = 0; i < options.items; i++) {
    const kind = pick(['work', 'work', 'project', 'indicator'] as const);
    const unit = units[Math.floor(rnd() * units.length)]!;
    const planned = tenth(rnd() < 0.1 ? 0 : 5 + rnd() * 95);
    const lagging = rnd() < 0.2;
    const actual = tenth(
      Math.min(100, Math.max(0, planned * (lagging ? 0.3 + rnd() * 0.5 : 0.9 + rnd() * 0.3))),
    );
    const deadline = `${month}-${String(Math.min(lastDay, 5 + Math.floor(rnd() * 3))).padStart(2, '0')}`;
    const reportState = rnd();
    const submittedOn = reportState < 0.85 ? deadline : reportState < 0.95 ? end : null;
    const higher = rnd() < 0.8;
    const target = tenth(rnd() < 0.05 ? 0 : 10 + rnd() * 990);
    items.push({
      id: `${r}-i${String(i).padStart(6, '0')}`,
      number: `DB-2022-${String(i + 1).padStart(5, '0')}`,
      title: `虚构事项 ${i + 1}`,
      leadUnitId: unit.id,
      kind,
      progress: kind === 'indicator' ? null : { planned, actual },
      indicator:
        kind === 'indicator'
          ? {
              direction: higher ? 'higher_better' : 'lower_better',
              periodKey: month,
              target: rnd() < 0.1 ? null : target,
              actual: rnd() < 0.05 ? null : tenth(target * (0.3 + rnd())),
            }
          : null,
      reports: [{ periodKey: month, deadline, submittedOn }],
      milestones:
        kind !== 'indicator' && rnd() < 0.3
          ? [{ id: `m${i}`, plannedDate: day(), doneDate: rnd() < 0.7 ? `${month}-01` : null }]
          : [],
    });
  }

  const warnings: IndexWarningFact[] = [];
  const admonitions: AdmonitionFact[] = [];
  const bonuses: BonusFact[] = [];
  const ratings: RatingFact[] = [];
  const perUnit = options.ratingsPerUnit ?? 4;
  for (const u of units) {
    const lights = rnd() < 0.3 ? Math.floor(rnd() * 4) : 0;
    for (let k = 0; k < lights; k++)
      warnings.push({
        id: `${u.id}-w${k}`,
        unitId: u.id,
        kind: rnd() < 0.8 ? 'light' : 'card',
        colour: rnd() < 0.7 ? 'yellow' : 'red',
        itemId: null,
        issuedOn: day(),
      });
    if (rnd() < 0.05) admonitions.push({ id: `${u.id}-a`, unitId: u.id, heldOn: day() });
    const commendations = rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0;
    for (let k = 0; k < commendations; k++)
      bonuses.push({
        id: `${u.id}-b${k}`,
        unitId: u.id,
        points: pick([0.5, 1, 1.5, 2]),
        reason: '虚构表彰',
        awardedOn: day(),
      });
    const n = Math.floor(rnd() * 2 * perUnit);
    for (let k = 0; k < n; k++)
      ratings.push({
        id: `${u.id}-r${k}`,
        unitId: u.id,
        score: Math.round((1 + rnd() * 4) * 3) / 3,
        ratedOn: day(),
      });
  }
  return { model, month, units, items, warnings, admonitions, bonuses, ratings };
}
