// Shared by the warning engine's benchmark (engine.ts) and its province run (engine-province.ts): the settings, one
// region's evaluation as the server runs it, and small statistics.
import {
  builtinChineseCalendar,
  defaultRuleSet,
  evaluate,
  reconcile,
  WorkCalendar,
  type EvaluationScope,
  type Finding,
  type RuleSet,
  type WarningChange,
} from '@benpao/domain';
import type { RegionFacts } from './generate-engine.ts';

export const settings = () => ({
  seed: Number(process.env.BENCH_ENGINE_SEED ?? 20221020),
  asOf: process.env.BENCH_ENGINE_AS_OF ?? '2022-10-20',
  regions: Number(process.env.BENCH_ENGINE_REGIONS ?? 90),
  itemsPerRegion: Number(process.env.BENCH_ENGINE_ITEMS ?? 500),
  runs: Number(process.env.BENCH_ENGINE_RUNS ?? 5),
});

export const engineSetup = (): { calendar: WorkCalendar; ruleSet: RuleSet } => ({
  calendar: new WorkCalendar(builtinChineseCalendar()),
  ruleSet: defaultRuleSet(),
});

/** One region evaluated and reconciled on a day (the server's evaluateInTransaction, without the SQL). */
export function runRegion(
  region: RegionFacts,
  ruleSet: RuleSet,
  calendar: WorkCalendar,
  asOf: string,
  scope?: EvaluationScope,
): { findings: Finding[]; changes: WarningChange[] } {
  const { items, units, warnings } = region;
  const findings = evaluate({ ruleSet, asOf, calendar, items, units, warnings, ...(scope && { scope }) });
  const changes = reconcile({ asOf, calendar, findings, warnings, items, ruleSet, ...(scope && { scope }) });
  return { findings, changes };
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export const MB = 1024 * 1024;
