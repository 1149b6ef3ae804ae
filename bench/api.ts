// API read benchmark: autocannon, 32 connections on loopback, the real server beside a bare Node http server,
// measured one after the other in the same run. Prints requests/s, p99 and the ratio against the budget
// in ENGINEERING.md (reads ≥ 50% of bare Node, p99 ≤ 20 ms). Bounded: a few seconds per measurement.
import { login, measure, startProcess } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;

const api = await startProcess('bench/api-server.ts');
const base = `http://127.0.0.1:${api.port}`;
const cookie = await login(base, 'supervisor');
const sample = await fetch(`${base}/api/units?pageSize=20`, { headers: { cookie } });
const bodyBytes = (await sample.text()).length;

const results: { name: string; rps: number; p99: number }[] = [];
for (const [name, path] of [
  ['GET /api/units?pageSize=20 (authenticated)', '/api/units?pageSize=20'],
  ['GET /api/dashboard (authenticated)', '/api/dashboard'],
] as const) {
  results.push({ name, ...(await measure(`${base}${path}`, { cookie }, DURATION)) });
}
api.child.kill('SIGTERM');

const bare = await startProcess('bench/bare-server.ts', { BODY_BYTES: String(bodyBytes) });
const bareResult = await measure(`http://127.0.0.1:${bare.port}/`, {}, DURATION);
bare.child.kill('SIGTERM');

console.log(`\nAPI reads, ${CONNECTIONS} connections, ${DURATION}s each, loopback`);
console.log(
  `bare Node http (${bodyBytes}-byte JSON): ${bareResult.rps.toFixed(0)} req/s, p99 ${bareResult.p99} ms`,
);
let ok = true;
for (const r of results) {
  const ratio = r.rps / bareResult.rps;
  const pass = ratio >= 0.5 && r.p99 <= 20;
  ok &&= pass;
  console.log(
    `${r.name}: ${r.rps.toFixed(0)} req/s (${(ratio * 100).toFixed(0)}% of bare; budget ≥ 50%), p99 ${r.p99} ms (budget ≤ 20 ms) ${pass ? 'within budget' : 'OVER BUDGET'}`,
  );
}
process.exitCode = ok ? 0 : 1;
