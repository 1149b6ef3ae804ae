// Running-index benchmark (奔跑指数), against ENGINEERING.md's "Warning engine + index" budget (a province-scale
// synthetic set — 45,000 items, about 2.3 million reports, 90 regions — in ≤ 5 s and ≤ 1.5 GB): one month computed
// for every region as the server does it, the warning engine's dated facts (bench/generate-engine.ts, seeded, in
// memory, no database) → `indexItemFactsOf` → `computeMonth` under the default model, with a light or card on a
// share of the items. The index shares the budget with the engine (bench/engine.ts): its time here is what it adds.
// Run with --expose-gc for clean heap figures (npm run bench:index does).
import {
  categoryForUnitKind,
  computeMonth,
  defaultIndexModel,
  IndexFactsContext,
  indexItemFactsOf,
  monthBounds,
  type IndexUnit,
  type IndexWarningFact,
  type MonthResult,
} from '@benpao/domain';
import { engineSetup, MB, median, settings } from './engine-common.ts';
import { countReports, generateProvince } from './generate-engine.ts';

const BUDGET = { provinceMs: 5000, provinceMB: 1536 };
const RUNS = Number(process.env.BENCH_INDEX_RUNS ?? 5);
const { seed, asOf, regions, itemsPerRegion } = settings();
const { calendar } = engineSetup();
const month = process.env.BENCH_INDEX_MONTH ?? prevMonth(asOf);
function prevMonth(d: string) {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / MB;
};

const t0 = performance.now();
const province = generateProvince(calendar, { seed, asOf, regions, itemsPerRegion });
const generateMs = performance.now() - t0;
const model = defaultIndexModel();
const { start } = monthBounds(month);

// Units: the generator's first 18 of a region are towns, the rest departments (its naming).
const unitsOf = province.map((r) =>
  r.units.map((u, i): IndexUnit => ({
    id: u.id,
    name: u.name,
    categoryId: categoryForUnitKind(model, i < 18 ? 'town' : 'department')!,
  })),
);
// Warnings: a yellow light on every 23rd item's lead unit, a red on every 97th, a yellow card on every 11th unit.
const warningsOf = province.map((r) => {
  const out: IndexWarningFact[] = [];
  r.items.forEach((it, i) => {
    if (i % 23 === 0 || i % 97 === 0)
      out.push({
        id: `w-${it.id}`,
        unitId: it.leadUnitId,
        kind: 'light',
        colour: i % 97 === 0 ? 'red' : 'yellow',
        itemId: it.id,
        issuedOn: start,
      });
  });
  r.units.forEach((u, i) => {
    if (i % 11 === 0)
      out.push({
        id: `c-${u.id}`,
        unitId: u.id,
        kind: 'card',
        colour: 'yellow',
        itemId: null,
        issuedOn: start,
      });
  });
  return out;
});
const factsHeapMB = heapMB();

function runOnce(): { ms: number; convertMs: number; results: MonthResult[] } {
  const s = performance.now();
  let convertMs = 0;
  const results: MonthResult[] = [];
  province.forEach((r, i) => {
    const c = performance.now();
    const ctx = new IndexFactsContext(month, asOf, calendar);
    const items = indexItemFactsOf(r.items, ctx);
    convertMs += performance.now() - c;
    results.push(computeMonth({ model, month, units: unitsOf[i]!, items, warnings: warningsOf[i]! }));
  });
  return { ms: performance.now() - s, convertMs, results };
}

let peakRssMB = process.memoryUsage().rss / MB;
const timer = setInterval(() => (peakRssMB = Math.max(peakRssMB, process.memoryUsage().rss / MB)), 5);
const runs: { ms: number; convertMs: number }[] = [];
let last: MonthResult[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = runOnce();
  runs.push({ ms: r.ms, convertMs: r.convertMs });
  last = r.results;
  peakRssMB = Math.max(peakRssMB, process.memoryUsage().rss / MB);
}
clearInterval(timer);
const resultsHeapMB = heapMB();

const items = province.reduce((n, r) => n + r.items.length, 0);
const scored = last.reduce((n, r) => n + r.scores.reduce((m, s) => m + (s.measured ? 1 : 0), 0), 0);
const contributions = last.reduce(
  (n, r) =>
    n + r.scores.reduce((m, s) => m + Object.values(s.components).reduce((k, c) => k + c.items.length, 0), 0),
  0,
);
const medianMs = median(runs.map((r) => r.ms));
const medianConvertMs = median(runs.map((r) => r.convertMs));
const fmt = (n: number) => n.toFixed(0);

console.log(
  `Running index, month ${month} known on ${asOf}; ${regions} regions, ${items} items, ${countReports(province)} reports`,
);
console.log(`  generated in ${fmt(generateMs)} ms; facts heap ${fmt(factsHeapMB)} MB`);
console.log(`  units scored: ${scored}; item contributions: ${contributions}`);
console.log(
  `  computeMonth for the province: median ${fmt(medianMs)} ms of ${RUNS} runs (conversion ${fmt(medianConvertMs)} ms), ` +
    `runs ${runs.map((r) => fmt(r.ms)).join(', ')} ms`,
);
console.log(`  heap with results ${fmt(resultsHeapMB)} MB; peak RSS ${fmt(peakRssMB)} MB`);
const timeOk = medianMs <= BUDGET.provinceMs;
const memOk = peakRssMB <= BUDGET.provinceMB;
console.log(
  `  budget (engine + index, shared): ≤ ${BUDGET.provinceMs} ms ${timeOk ? 'OK' : 'OVER'} (index alone ${((medianMs / BUDGET.provinceMs) * 100).toFixed(0)}% of it); ` +
    `≤ ${BUDGET.provinceMB} MB ${memOk ? 'OK' : 'OVER'}`,
);
if (!gc) console.log('  (run with --expose-gc for clean heap figures)');
process.exit(timeOk && memOk ? 0 : 1);
