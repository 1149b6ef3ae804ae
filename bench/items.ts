// Whole-process tracking under load: autocannon, 32 connections on loopback, against the real server on SQLite,
// beside a bare Node http server measured in the same run. "List my unit's items" (a unit manager's first
// page) and "file a report" (each request a new weekly report on one of several hundred items). Budgets from
// ENGINEERING.md: reads ≥ 50% of bare Node with p99 ≤ 20 ms; report submission ≥ 1,000/s on SQLite.
import autocannon from 'autocannon';
import { login, measure, startProcess } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 300);

const api = await startProcess('bench/api-server.ts');
const base = `http://127.0.0.1:${api.port}`;
const supervisor = await login(base, 'supervisor');
const manager = await login(base, 'dadongba');
const json = (cookie: string) => ({ cookie, 'content-type': 'application/json' });

const units = (await (
  await fetch(`${base}/api/units?q=${encodeURIComponent('大东坝镇')}`, { headers: { cookie: supervisor } })
).json()) as {
  items: { id: string }[];
};
const unitId = units.items[0]!.id;

// Weekly items from 2021 to the demo's today (2022-04-20): about 68 reportable weeks each.
const itemIds: string[] = [];
for (let i = 0; i < ITEMS; i++) {
  const res = await fetch(`${base}/api/items`, {
    method: 'POST',
    headers: json(supervisor),
    body: JSON.stringify({
      kind: 'work',
      title: `基准测试事项 ${i}（虚构）`,
      basisType: 'other',
      leadUnitId: unitId,
      startDate: '2021-01-04',
      dueDate: '2022-12-31',
      frequency: 'weekly',
    }),
  });
  if (res.status !== 201) throw new Error(`create item: ${res.status} ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  for (const [cookie, action] of [
    [supervisor, 'assign'],
    [manager, 'accept'],
  ] as const) {
    const r = await fetch(`${base}/api/items/${id}/transitions`, {
      method: 'POST',
      headers: json(cookie),
      body: JSON.stringify({ action }),
    });
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${await r.text()}`);
  }
  itemIds.push(id);
}
const weeks: string[] = [];
for (let w = 1; w <= 52; w++) weeks.push(`2021-W${String(w).padStart(2, '0')}`);
for (let w = 1; w <= 15; w++) weeks.push(`2022-W${String(w).padStart(2, '0')}`);
const pairs = weeks.flatMap((week) => itemIds.map((itemId) => ({ itemId, week })));

const list = await measure(`${base}/api/items?pageSize=20`, { cookie: manager }, DURATION);

let next = 0;
const submitWarm = await autocannon({
  url: base,
  connections: 32,
  amount: 500,
  requests: [
    {
      method: 'POST',
      headers: json(manager),
      setupRequest: (req) => {
        const p = pairs[next++]!;
        return {
          ...req,
          path: `/api/items/${p.itemId}/reports`,
          body: JSON.stringify({ periodKey: p.week, progress: 50, workProgress: '按计划推进（基准测试）' }),
        };
      },
    },
  ],
});
if (submitWarm.non2xx > 0) throw new Error(`report warm-up: ${submitWarm.non2xx} non-2xx`);
const submit = await autocannon({
  url: base,
  connections: 32,
  duration: DURATION,
  amount: pairs.length - next,
  requests: [
    {
      method: 'POST',
      headers: json(manager),
      setupRequest: (req) => {
        const p = pairs[next++]!;
        return {
          ...req,
          path: `/api/items/${p.itemId}/reports`,
          body: JSON.stringify({ periodKey: p.week, progress: 50, workProgress: '按计划推进（基准测试）' }),
        };
      },
    },
  ],
});
if (submit.non2xx > 0) throw new Error(`reports: ${submit.non2xx} non-2xx of ${submit.requests.total}`);
api.child.kill('SIGTERM');

const bare = await startProcess('bench/bare-server.ts', { BODY_BYTES: String(list.bytes) });
const bareResult = await measure(`http://127.0.0.1:${bare.port}/`, {}, DURATION);
bare.child.kill('SIGTERM');

const ratio = list.rps / bareResult.rps;
console.log(
  `\nWhole-process tracking, 32 connections, ${DURATION}s, loopback, SQLite, ${ITEMS} weekly items`,
);
console.log(
  `bare Node http (${list.bytes}-byte JSON): ${bareResult.rps.toFixed(0)} req/s, p99 ${bareResult.p99} ms`,
);
console.log(
  `list my unit's items: ${list.rps.toFixed(0)} req/s = ${(ratio * 100).toFixed(0)}% of bare (budget ≥ 50%), p99 ${list.p99} ms (budget ≤ 20 ms): ${ratio >= 0.5 && list.p99 <= 20 ? 'within budget' : 'OVER BUDGET'}`,
);
console.log(
  `file a report: ${submit.requests.average.toFixed(0)} req/s (budget ≥ 1000), p99 ${submit.latency.p99} ms, ${submit.requests.total} reports: ${submit.requests.average >= 1000 ? 'within budget' : 'OVER BUDGET'}`,
);
