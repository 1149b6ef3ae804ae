// The province run of the warning engine's benchmark, in its own process so that its peak memory is its own: started
// by engine.ts with --max-old-space-size and --expose-gc, it generates the province (90 regions of 500 items), lets
// the engine build each region's warnings on record over a few earlier days, then times full evaluations (evaluate +
// reconcile, region by region) of the day and prints one `RESULT <json>` line.
import { engineSetup, median, MB, runRegion, settings } from './engine-common.ts';
import {
  countReports,
  emptyAnomalies,
  generateProvince,
  historyDays,
  recordHistory,
} from './generate-engine.ts';

const { seed, asOf, regions: regionCount, itemsPerRegion, runs } = settings();
const { calendar, ruleSet } = engineSetup();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const log = (s: string) => process.stderr.write(`[province] ${s}\n`);

let t = performance.now();
const anomalies = emptyAnomalies();
const regions = generateProvince(calendar, { seed, asOf, regions: regionCount, itemsPerRegion }, anomalies);
const generateMs = performance.now() - t;
const items = regions.reduce((s, g) => s + g.items.length, 0);
const units = regions.reduce((s, g) => s + g.units.length, 0);
const reports = countReports(regions);
gc();
const factsHeap = process.memoryUsage().heapUsed;
log(`generated ${items} items, ${reports} reports in ${(generateMs / 1000).toFixed(1)} s`);

// Warnings on record: the engine's own daily runs on earlier days. The first is the cold run (nothing compiled yet).
const history = historyDays(asOf);
const historyMs: number[] = [];
for (const day of history) {
  t = performance.now();
  for (const region of regions) recordHistory(region, ruleSet, calendar, [day]);
  historyMs.push(performance.now() - t);
  log(`history ${day}: ${(historyMs[historyMs.length - 1]! / 1000).toFixed(2)} s`);
}
const records = regions.reduce((s, g) => s + g.warnings.length, 0);
const openRecords = regions.reduce(
  (s, g) => s + g.warnings.filter((w) => w.state === 'active' || w.state === 'rectifying').length,
  0,
);
gc();
const inputHeap = process.memoryUsage().heapUsed;

// The measured runs: the day's full evaluation, region after region, heap sampled after each region.
const runMs: number[] = [];
let peakHeap = 0;
let peakRss = 0;
let findings = 0;
let changes = 0;
const litItems = new Set<string>();
const byRule = new Map<string, number>();
for (let run = 0; run < runs; run++) {
  let f = 0;
  let c = 0;
  t = performance.now();
  for (const region of regions) {
    const out = runRegion(region, ruleSet, calendar, asOf);
    f += out.findings.length;
    c += out.changes.length;
    if (run === 0)
      for (const x of out.findings) {
        if (x.itemId !== null) litItems.add(x.itemId);
        const k = `${x.ruleId} ${x.colour}`;
        byRule.set(k, (byRule.get(k) ?? 0) + 1);
      }
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }
  runMs.push(performance.now() - t);
  findings = f;
  changes = c;
  log(`run ${run + 1}: ${(runMs[run]! / 1000).toFixed(2)} s, ${f} findings, ${c} changes`);
}

const result = {
  regions: regions.length,
  items,
  units,
  reports,
  records,
  openRecords,
  anomalies,
  generateMs,
  historyDays: history,
  coldMs: historyMs[0]!,
  runMs,
  medianMs: median(runMs),
  findings,
  changes,
  litItems: litItems.size,
  byRule: Object.fromEntries([...byRule].sort()),
  factsHeapMB: factsHeap / MB,
  inputHeapMB: inputHeap / MB,
  peakHeapMB: peakHeap / MB,
  peakRssMB: peakRss / MB,
  // Linux reports kilobytes: the whole process, generation and history included.
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  heapLimitMB: Number(/--max-old-space-size=(\d+)/.exec(process.execArgv.join(' '))?.[1] ?? 0),
};
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
