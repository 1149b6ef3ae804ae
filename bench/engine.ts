// Warning engine benchmark (亮灯亮牌), against the budgets in ENGINEERING.md: a province-scale synthetic set (45,000
// items, about 2.3 million reports, 90 regions) evaluated in ≤ 5 s and ≤ 1.5 GB; a county (500 items) ≤ 50 ms; one
// new report re-evaluated incrementally ≤ 5 ms. Facts come from bench/generate-engine.ts (seeded, in memory, no
// database); the default rule set and the builtin Chinese calendar, as of 2022-10-20. Full evaluation is evaluate +
// reconcile region by region, as the server's daily run does, on warnings the engine itself recorded on earlier days.
// The province runs in a child process with a 1.5 GB heap so that its peak RSS is its own. Bounded: about a minute.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  previousPeriod,
  periodOf,
  REPORTING_STATES,
  statusOn,
  type EvaluationScope,
  type ItemFacts,
} from '@benpao/domain';
import { engineSetup, median, quantile, runRegion, settings } from './engine-common.ts';
import { generateRegion, historyDays, recordHistory, type RegionFacts } from './generate-engine.ts';

const BUDGET = { provinceMs: 5000, provinceMB: 1536, countyMs: 50, incrementalMs: 5 };
const { seed, asOf, regions, itemsPerRegion } = settings();
const { calendar, ruleSet } = engineSetup();

// --------------------------------------------------------------------------------------------------- province

interface ProvinceResult {
  regions: number;
  items: number;
  units: number;
  reports: number;
  records: number;
  openRecords: number;
  anomalies: Record<string, number>;
  generateMs: number;
  historyDays: string[];
  coldMs: number;
  runMs: number[];
  medianMs: number;
  findings: number;
  changes: number;
  litItems: number;
  byRule: Record<string, number>;
  factsHeapMB: number;
  inputHeapMB: number;
  peakHeapMB: number;
  peakRssMB: number;
  maxRssMB: number;
  heapLimitMB: number;
}

async function province(): Promise<ProvinceResult | { error: string }> {
  const script = fileURLToPath(new URL('./engine-province.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${BUDGET.provinceMB}`, '--expose-gc', '--import', 'tsx', script],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) return { error: `province run exited with ${code} (out of memory?)` };
  return JSON.parse(line.slice(7)) as ProvinceResult;
}

process.stderr.write(`Warning engine benchmark: generating and evaluating ${regions} regions…\n`);
const p = await province();

// ----------------------------------------------------------------------------------------------------- county

const county: RegionFacts = generateRegion(calendar, { seed: seed + 1, asOf, index: 0, itemsPerRegion });
recordHistory(county, ruleSet, calendar, historyDays(asOf));
for (let i = 0; i < 20; i++) runRegion(county, ruleSet, calendar, asOf);
const countyMs: number[] = [];
let countyFindings = 0;
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  countyFindings = runRegion(county, ruleSet, calendar, asOf).findings.length;
  countyMs.push(performance.now() - t);
}

// ------------------------------------------------------------------------------------------------ incremental

/**
 * Every reporting item with its latest ended period's report accepted today: filed today when it was missing, the
 * pending one when it was waiting for review, a new version when one had been accepted (what a task force's
 * acceptance of one report changes).
 */
function newReports(region: RegionFacts): { index: number; item: ItemFacts }[] {
  const out: { index: number; item: ItemFacts }[] = [];
  region.items.forEach((item, index) => {
    const status = statusOn(item, asOf);
    if (status === null || !REPORTING_STATES.includes(status) || item.dueDate < asOf) return;
    const period = previousPeriod(periodOf(asOf, item.frequency));
    if (period.start < item.startDate) return;
    const existing = item.reports.find((r) => r.periodKey === period.key);
    const previous = item.reports[item.reports.length - 1];
    const report = {
      periodKey: period.key,
      submittedOn: existing?.submittedOn ?? asOf,
      acceptedOn: asOf,
      progress: existing?.progress ?? previous?.progress ?? null,
      indicatorValue: existing?.indicatorValue ?? previous?.indicatorValue ?? null,
      completedInvestmentFen: existing?.completedInvestmentFen ?? previous?.completedInvestmentFen ?? null,
    };
    out.push({
      index,
      item: { ...item, reports: [...item.reports.filter((r) => r !== existing), report] },
    });
  });
  return out;
}

const candidates = newReports(county);
const incrementalMs: number[] = [];
const serverShapeMs: number[] = [];
for (let i = 0; i < 50 + 300; i++) {
  const { index, item } = candidates[i % candidates.length]!;
  const before = county.items[index]!;
  county.items[index] = item;
  const scope: EvaluationScope = { itemIds: new Set([item.id]), unitIds: new Set([item.leadUnitId]) };
  // As the server loads it: only the item, and the records of its unit.
  const narrow: RegionFacts = {
    ...county,
    items: [item],
    warnings: county.warnings.filter((w) => w.unitId === item.leadUnitId),
  };
  let t = performance.now();
  runRegion(county, ruleSet, calendar, asOf, scope);
  if (i >= 50) incrementalMs.push(performance.now() - t);
  t = performance.now();
  runRegion(narrow, ruleSet, calendar, asOf, scope);
  if (i >= 50) serverShapeMs.push(performance.now() - t);
  county.items[index] = before;
}

// ------------------------------------------------------------------------------------------------------ print

const pass = (ok: boolean) => (ok ? 'PASS' : 'OVER');
const rows: [string, string, string, boolean][] = [];
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
if ('error' in p) {
  rows.push([`province full evaluation (${regions} regions)`, p.error, '≤ 5 s, ≤ 1.5 GB', false]);
} else {
  const range = `${fmtS(Math.min(...p.runMs))}–${fmtS(Math.max(...p.runMs))}`;
  rows.push([
    `province full evaluation, median of ${p.runMs.length} (${range})`,
    fmtS(p.medianMs),
    '≤ 5 s',
    p.medianMs <= BUDGET.provinceMs,
  ]);
  rows.push([
    'province peak memory (max RSS of its process)',
    `${p.maxRssMB.toFixed(0)} MB`,
    `≤ ${BUDGET.provinceMB} MB`,
    p.maxRssMB <= BUDGET.provinceMB,
  ]);
}
const countyMedian = median(countyMs);
rows.push([
  `county full evaluation, median of ${countyMs.length} (p90 ${quantile(countyMs, 0.9).toFixed(1)} ms)`,
  `${countyMedian.toFixed(1)} ms`,
  `≤ ${BUDGET.countyMs} ms`,
  countyMedian <= BUDGET.countyMs,
]);
const incMedian = median(incrementalMs);
rows.push([
  `one new report, incremental, median of ${incrementalMs.length} (p99 ${quantile(incrementalMs, 0.99).toFixed(2)} ms)`,
  `${incMedian.toFixed(2)} ms`,
  `≤ ${BUDGET.incrementalMs} ms`,
  incMedian <= BUDGET.incrementalMs,
]);

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
const w2 = Math.max(...rows.map((r) => r[2].length));
console.log(
  `\nWarning engine as of ${asOf}: default rule set, builtin Chinese calendar, evaluate + reconcile`,
);
if (!('error' in p)) {
  console.log(
    `province: ${p.regions} regions, ${p.items} items, ${p.units} units, ${p.reports} reports, ` +
      `${p.records} warnings on record (${p.openRecords} open) from runs on ${p.historyDays.join(', ')}; ` +
      `generated in ${fmtS(p.generateMs)}`,
  );
  console.log(
    `  ${p.findings} findings, ${p.changes} changes; ${p.litItems} items lit ` +
      `(${((100 * p.litItems) / p.items).toFixed(1)}%); cold first run ${fmtS(p.coldMs)}; ` +
      `heap: facts ${p.factsHeapMB.toFixed(0)} MB, with records ${p.inputHeapMB.toFixed(0)} MB, ` +
      `peak while evaluating ${p.peakHeapMB.toFixed(0)} MB (limit ${p.heapLimitMB} MB)`,
  );
}
console.log(
  `county: ${county.items.length} items, ${county.units.length} units, ` +
    `${county.items.reduce((s, i) => s + i.reports.length, 0)} reports, ${county.warnings.length} warnings on record, ` +
    `${countyFindings} findings; incremental over ${candidates.length} items (scope: the item and its lead unit); ` +
    `loaded as the server does (the item and its unit's records only): median ${median(serverShapeMs).toFixed(2)} ms`,
);
console.log('');
for (const [name, figure, budget, ok] of rows)
  console.log(`${name.padEnd(w0)}  ${figure.padStart(w1)}  ${budget.padEnd(w2)}  ${pass(ok)}`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
