// The leader cockpit (领导驾驶舱): every figure equals the list it opens, on the demo county as of its 2022-04-20;
// a leader narrows it to the items they are in charge of; who may read it; bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, userId } from './fixtures.ts';

type Figure = { count: number; link: string | null };
type Colours = { yellow: Figure; red: Figure };
interface Cockpit {
  asOf: string;
  mine: boolean;
  leadsItems: boolean;
  warnings: { light: Colours; card: Colours; link: string };
  trend: {
    months: {
      month: string;
      lights: { yellow: number; red: number };
      cards: { yellow: number; red: number };
    }[];
    link: string;
  };
  itemsAtRisk: {
    total: number;
    lit: Figure;
    overdue: Figure;
    items: {
      id: string;
      number: string;
      lights: { yellow: number; red: number };
      overdue: boolean;
      link: string;
    }[];
  };
  newestWarnings: {
    items: {
      id: string;
      kind: string;
      colour: string;
      itemId: string | null;
      explanation: string;
      link: string;
    }[];
    link: string;
  };
  index: {
    month: string;
    link: string;
    categories: {
      categoryId: string;
      top: { unitId: string; link: string }[];
      bottom: { unitId: string }[];
    }[];
  } | null;
  cases: {
    open: number;
    byStatus: { status: string; count: number; link: string }[];
    overdue: Figure;
    link: string;
  } | null;
  deadlines: {
    from: string;
    to: string;
    counts: Record<'report' | 'milestone' | 'warning' | 'case', number>;
    items: { kind: string; date: string; link: string }[];
  };
}
interface WarningRow {
  id: string;
  kind: string;
  colour: string;
  state: string;
  itemId: string | null;
  unitName: string;
  rectifyBy: string;
  explanation: Record<string, string>;
}

/**
 * The list endpoint behind a web link: the same path under /api with the same query, except the board's
 * `state=all` (its way of saying "no state filter", which the API expresses by leaving the filter out).
 */
const apiOf = (link: string) => {
  const [path, query = ''] = link.split('?');
  const params = new URLSearchParams(query);
  if (params.get('state') === 'all') params.delete('state');
  // Whole lists in one page (the demo's are short): the warning list allows 500, the others 100.
  params.set('pageSize', path === '/warnings' ? '500' : '100');
  return `/api${path}?${params.toString()}`;
};

describe.skipIf(!pgAvailable)(`leader cockpit (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let leader3: string;
  let leader3Id: string;
  let region: Cockpit;
  const get = async (cookie: string, url: string, lang = 'zh-CN') => {
    const res = await t.as(cookie, { method: 'GET', url, headers: { 'accept-language': lang } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const listTotal = async (cookie: string, link: string) =>
    ((await get(cookie, apiOf(link))) as { total: number }).total;

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    leader3 = await t.login('leader3');
    leader3Id = await userId(t, 'leader3');
    region = (await get(supervisor, '/api/cockpit')) as Cockpit;
  });
  afterAll(() => t.close());

  it("is computed as of the region's today and tells the demo's story: two yellow cards, lights on the bureau", async () => {
    expect(region.asOf).toBe('2022-04-20');
    expect(region.mine).toBe(false);
    expect(region.warnings.card.yellow.count).toBe(2);
    const cards = (await get(supervisor, apiOf(region.warnings.card.yellow.link!))) as {
      items: WarningRow[];
    };
    expect(cards.items.map((w) => w.unitName).sort()).toEqual(['大东坝镇', '新兴镇']);
    const lights = (await get(supervisor, apiOf(region.warnings.light.yellow.link!))) as {
      items: WarningRow[];
    };
    expect(lights.items.map((w) => w.unitName)).toContain('县自然资源和规划局');
  });

  it('gives every warning figure the board link whose list has exactly that many records', async () => {
    for (const kind of ['light', 'card'] as const)
      for (const colour of ['yellow', 'red'] as const) {
        const f = region.warnings[kind][colour];
        expect(f.link).toBe(`/warnings?kind=${kind}&colour=${colour}&state=open`);
        expect(await listTotal(supervisor, f.link!), `${kind} ${colour}`).toBe(f.count);
      }
    const open =
      region.warnings.light.yellow.count +
      region.warnings.light.red.count +
      region.warnings.card.yellow.count +
      region.warnings.card.red.count;
    expect(await listTotal(supervisor, region.warnings.link)).toBe(open);
  });

  it("takes the trend from the warning board's monthly count, January to the current month", async () => {
    const summary = (await get(supervisor, '/api/warnings/summary')) as {
      byMonth: { month: string; lights: unknown; cards: unknown }[];
    };
    expect(region.trend.months.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
    expect(region.trend.months).toEqual(
      summary.byMonth.map(({ month, lights, cards }) => ({ month, lights, cards })),
    );
    const april = region.trend.months.at(-1)!;
    expect(april.cards.yellow).toBe(2);
    // Issued in April and not revoked: what the board lists for the month with no state filter.
    const issued = (await get(supervisor, apiOf(`/warnings?month=2022-04&state=all`))) as {
      items: WarningRow[];
    };
    const kept = issued.items.filter((w) => w.state !== 'revoked');
    expect(april.lights.yellow + april.lights.red + april.cards.yellow + april.cards.red).toBe(kept.length);
  });

  it('counts the items at risk as the item list and the warning board show them', async () => {
    const risk = region.itemsAtRisk;
    expect(risk.overdue.link).toBe('/items?overdue=true');
    expect(await listTotal(supervisor, risk.overdue.link!)).toBe(risk.overdue.count);
    const lights = (await get(supervisor, apiOf('/warnings?kind=light&state=open'))) as {
      items: WarningRow[];
    };
    const litItems = new Set(lights.items.map((w) => w.itemId));
    expect(risk.lit.count).toBe(litItems.size);
    const overdue = (await get(supervisor, apiOf(risk.overdue.link!))) as { items: { id: string }[] };
    expect(risk.total).toBe(new Set([...litItems, ...overdue.items.map((i) => i.id)]).size);
    for (const item of risk.items) {
      const on = lights.items.filter((w) => w.itemId === item.id);
      expect(item.lights.yellow, item.number).toBe(on.filter((w) => w.colour === 'yellow').length);
      expect(item.lights.red, item.number).toBe(on.filter((w) => w.colour === 'red').length);
      expect(item.link).toBe(`/items/${item.id}`);
    }
    // The reddest first: the indicator with a red light leads.
    expect(risk.items[0]!.lights.red).toBeGreaterThan(0);
  });

  it("lists the newest warnings in the board's order, explained in the request's language", async () => {
    const all = (await get(supervisor, apiOf(region.newestWarnings.link))) as { items: WarningRow[] };
    const shown = region.newestWarnings.items;
    expect(shown.length).toBe(Math.min(8, all.items.length));
    expect(shown.map((w) => w.id)).toEqual(all.items.slice(0, shown.length).map((w) => w.id));
    for (const w of shown)
      expect(w.explanation).toBe(all.items.find((a) => a.id === w.id)!.explanation['zh-CN']);
    const english = (await get(supervisor, '/api/cockpit', 'en-US')) as Cockpit;
    for (const w of english.newestWarnings.items)
      expect(w.explanation).toBe(all.items.find((a) => a.id === w.id)!.explanation['en-US']);
  });

  it("shows the running index's top and bottom units of the latest published month as published", async () => {
    expect(region.index).not.toBeNull();
    const index = region.index!;
    expect(index.link).toBe(`/running-index?month=${index.month}`);
    const month = (await get(supervisor, `/api/index/months/${index.month}`)) as {
      published: boolean;
      result: {
        categories: { categoryId: string; top: { unitId: string }[]; bottom: { unitId: string }[] }[];
      };
    };
    expect(month.published).toBe(true);
    expect(index.categories.map((c) => c.categoryId)).toEqual(
      month.result.categories.map((c) => c.categoryId),
    );
    for (const c of index.categories) {
      const published = month.result.categories.find((p) => p.categoryId === c.categoryId)!;
      expect(c.top.map((u) => u.unitId)).toEqual(published.top.map((u) => u.unitId));
      expect(c.bottom.map((u) => u.unitId)).toEqual(published.bottom.map((u) => u.unitId));
    }
    // No later month is published (the latest is the one shown).
    const next = `${index.month.slice(0, 4)}-${String(Number(index.month.slice(5)) + 1).padStart(2, '0')}`;
    const later = (await get(supervisor, `/api/index/months/${next}`)) as { published: boolean };
    expect(later.published).toBe(false);
  });

  it('counts open cases by status and overdue as the case list does, including a case entered now', async () => {
    const made = await t.as(supervisor, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        source: 'spot_check',
        kind: 'complaint',
        title: '驾驶舱测试核查（虚构）',
        subject: { place: '西屏街道（虚构）' },
        description: '驾驶舱测试用的核查事项（虚构）。',
        // Received long ago and unanswered: past its deadline, so the overdue figure has one to count.
        receivedOn: '2022-02-07',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const now = (await get(supervisor, '/api/cockpit')) as Cockpit;
    const cases = now.cases!;
    expect(cases.open).toBeGreaterThanOrEqual(1);
    expect(cases.open).toBe(cases.byStatus.reduce((s, b) => s + b.count, 0));
    for (const b of cases.byStatus) expect(await listTotal(supervisor, b.link), b.status).toBe(b.count);
    expect(cases.overdue.count).toBeGreaterThanOrEqual(1);
    expect(await listTotal(supervisor, cases.overdue.link!)).toBe(cases.overdue.count);
  });

  it("lists this week's deadlines: today and the six days after, as the lists date them", async () => {
    const d = region.deadlines;
    expect([d.from, d.to]).toEqual(['2022-04-20', '2022-04-26']);
    for (const x of d.items) {
      expect(x.date >= d.from && x.date <= d.to, `${x.kind} ${x.date}`).toBe(true);
    }
    expect(d.items.map((x) => x.date)).toEqual([...d.items.map((x) => x.date)].sort());
    const open = (await get(supervisor, apiOf('/warnings?state=open'))) as { items: WarningRow[] };
    const due = open.items.filter((w) => w.rectifyBy >= d.from && w.rectifyBy <= d.to);
    expect(d.counts.warning).toBe(due.length);
    expect(d.counts.warning).toBeGreaterThan(0);
    expect(
      d.items
        .filter((x) => x.kind === 'warning')
        .map((x) => x.link)
        .sort(),
    ).toEqual(due.map((w) => `/warnings/${w.id}`).sort());
    // The pine-wilt works' last milestones are planned for 2022-04-25 and not done.
    expect(d.counts.milestone).toBeGreaterThanOrEqual(2);
  });

  it('narrows the item figures to the items leader3 is in charge of, and leaves the region figures alone', async () => {
    const mine = (await get(leader3, '/api/cockpit?mine=1')) as Cockpit;
    expect(mine.mine).toBe(true);
    expect(mine.leadsItems).toBe(true);
    const items = (await get(leader3, `/api/items?leaderUserId=${leader3Id}&pageSize=100`)) as {
      items: { id: string }[];
    };
    const ids = new Set(items.items.map((i) => i.id));
    expect(ids.size).toBeGreaterThan(0);
    const lights = (await get(leader3, apiOf('/warnings?kind=light&state=open'))) as { items: WarningRow[] };
    const myLights = lights.items.filter((w) => w.itemId !== null && ids.has(w.itemId));
    for (const colour of ['yellow', 'red'] as const) {
      expect(mine.warnings.light[colour].count, colour).toBe(
        myLights.filter((w) => w.colour === colour).length,
      );
      expect(mine.warnings.light[colour].link).toBe(
        `/warnings?kind=light&colour=${colour}&state=open&leaderUserId=${leader3Id}`,
      );
      expect(await listTotal(leader3, mine.warnings.light[colour].link!)).toBe(
        mine.warnings.light[colour].count,
      );
    }
    // Fewer than the region's: the county's industrial indicator (red) is another leader's.
    expect(mine.warnings.light.red.count).toBeLessThan(region.warnings.light.red.count);
    expect(mine.warnings.card).toEqual(region.warnings.card);
    expect(mine.itemsAtRisk.items.length).toBeGreaterThan(0);
    for (const i of mine.itemsAtRisk.items) expect(ids.has(i.id), i.number).toBe(true);
    expect(mine.itemsAtRisk.lit.count).toBe(new Set(myLights.map((w) => w.itemId)).size);
    expect(mine.itemsAtRisk.overdue.link).toBe(`/items?overdue=true&leaderUserId=${leader3Id}`);
    expect(await listTotal(leader3, mine.itemsAtRisk.overdue.link!)).toBe(mine.itemsAtRisk.overdue.count);
    expect(mine.newestWarnings.items.length).toBeGreaterThan(0);
    for (const w of mine.newestWarnings.items) {
      expect(w.kind).toBe('light');
      expect(ids.has(w.itemId!), w.id).toBe(true);
    }
    expect(mine.index).toEqual(region.index);
    // Another leader's "mine" is a different slice.
    const other = (await get(await t.login('leader'), '/api/cockpit?mine=1')) as Cockpit;
    expect(other.itemsAtRisk.items.map((i) => i.id)).not.toEqual(mine.itemsAtRisk.items.map((i) => i.id));
  });

  it('refuses "mine" to a role that is not a county leader, and unknown or malformed query fields', async () => {
    expectError(
      await t.as(supervisor, { method: 'GET', url: '/api/cockpit?mine=1' }),
      400,
      'cockpit_mine_leaders_only',
      'mine',
    );
    expectError(await t.as(leader3, { method: 'GET', url: '/api/cockpit?mine=yes' }), 400, undefined, 'mine');
    expectError(await t.as(leader3, { method: 'GET', url: '/api/cockpit?unit=1' }), 400);
  });

  it('is for the roles that read the whole region: unit users keep the dashboard', async () => {
    const discipline = await get(await t.login('discipline'), '/api/cockpit');
    expect(discipline.cases).not.toBeNull();
    expectError(await t.as(await t.login('dadongba'), { method: 'GET', url: '/api/cockpit' }), 403);
    expect((await t.as(await t.login('dadongba'), { method: 'GET', url: '/api/dashboard' })).statusCode).toBe(
      200,
    );
    expectError(await t.as(null, { method: 'GET', url: '/api/cockpit' }), 401);
  });
});
