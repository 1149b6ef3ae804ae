// The demo's Wangcun Bridge story (PRODUCT.md's scenario), as each role finds it: the verification case from a 2021
// complaint to closure with the article's three findings, the street's plan and measures, the admonition talks
// (discipline only), and the post-mortem review on April's meeting agenda with the case on its timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { ok } from './todo-fixtures.ts';

interface CaseSummary {
  id: string;
  receipt: string;
  status: string;
  itemId: string | null;
}

describe.skipIf(dialect === 'postgres' && !pgAvailable)(`the Wangcun Bridge story (${dialect})`, () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp();
    for (const u of ['discipline', 'supervisor', 'wangsong', 'xinxing', 'leader']) c[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const get = <T>(who: string, url: string) => t.as(c[who]!, { method: 'GET', url }).then((r) => ok<T>(r));

  it('plays the case from the 2021 complaint to closure, on the days it happened', async () => {
    const list = await get<{ items: CaseSummary[] }>('discipline', '/api/cases?status=closed');
    expect(list.items).toHaveLength(1);
    const detail = await get<{
      receivedOn: string;
      closedOn: string | null;
      findings: { category: string }[];
      plans: { status: string; measures: { status: string; doneOn: string | null }[] }[];
      events: { onDate: string; toStatus: string | null }[];
      complainantPhone: string | null;
    }>('discipline', `/api/cases/${list.items[0]!.id}`);
    expect(detail.receivedOn).toBe('2021-12-20');
    expect(detail.closedOn).toBe('2022-04-11');
    expect(detail.findings.map((f) => f.category)).toEqual([
      'unreasonable_schedule',
      'inadequate_site_management',
      'poor_coordination',
    ]);
    expect(detail.plans.map((p) => p.status)).toEqual(['approved']);
    expect(detail.plans[0]!.measures.every((m) => m.status === 'done' && m.doneOn! <= '2022-03-30')).toBe(
      true,
    );
    const dates = detail.events.map((e) => e.onDate);
    expect(dates).toEqual([...dates].sort());
    expect(detail.complainantPhone).toBe('13900001234');
    // The street sees its case, the contact masked; another town does not.
    const street = await get<{ complainantPhone: string | null }>(
      'wangsong',
      `/api/cases/${list.items[0]!.id}`,
    );
    expect(street.complainantPhone).toBe('139****1234');
    expect((await get<{ total: number }>('xinxing', '/api/cases')).total).toBe(0);
    // The complainant's public page says it was closed, and nothing about them.
    const pub = await t.as(null, { method: 'GET', url: `/api/public/complaints/${list.items[0]!.receipt}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('closed');
    expect(pub.body).not.toContain('1234');
    expect(pub.body).not.toContain('周');
  });

  it('keeps the talks for discipline and puts the review on April’s agenda with the case on its timeline', async () => {
    const talks = await get<{ items: { caseId: string | null; heldOn: string }[] }>(
      'discipline',
      '/api/admonitions/talks',
    );
    expect(talks.items.length).toBe(2);
    expect(talks.items.every((x) => x.caseId !== null && x.heldOn === '2022-03-04')).toBe(true);
    expect((await t.as(c.supervisor!, { method: 'GET', url: '/api/admonitions/talks' })).statusCode).toBe(
      403,
    );
    const reviews = await get<{ items: { id: string; meetingMonth: string; state: string }[] }>(
      'leader',
      '/api/reviews?meetingMonth=2022-04',
    );
    expect(reviews.items.map((r) => r.state)).toEqual(['scheduled']);
    const review = await get<{ timeline: { kind: string }[] }>(
      'leader',
      `/api/reviews/${reviews.items[0]!.id}`,
    );
    expect(review.timeline.some((e) => e.kind.startsWith('case'))).toBe(true);
  });

  it('has April’s meeting pack with March’s commitments carried and the review, and bulletin 3 on the warnings', async () => {
    const pack = await get<{
      empty: boolean;
      reviews: { title: string }[];
      carried: { month: string; commitments: { text: string; status: string }[] } | null;
    }>('supervisor', '/api/meetings/2022-04/pack');
    expect(pack.empty).toBe(false);
    expect(pack.reviews.map((r) => r.title)).toEqual(['王村大桥拓宽改造工程复盘分析']);
    expect(pack.carried!.month).toBe('2022-03');
    expect(pack.carried!.commitments.map((c) => c.status).sort()).toEqual(['done', 'open', 'open', 'open']);

    const list = await get<{ items: { id: string; number: string | null; status: string }[] }>(
      'wangsong',
      '/api/bulletins',
    );
    const third = list.items.find((b) => b.number === '松执专〔2022〕3号')!;
    expect(list.items.map((b) => b.number).sort()).toEqual(
      ['松执专〔2022〕1号', '松执专〔2022〕2号', '松执专〔2022〕3号'].sort(),
    );
    const body = await get<{ bodyHtml: string; publishedOn: string }>(
      'wangsong',
      `/api/bulletins/${third.id}`,
    );
    expect(body.publishedOn).toBe('2022-04-20');
    for (const who of ['大东坝镇', '新兴镇', '县自然资源和规划局']) expect(body.bodyHtml).toContain(who);
    const receipts = await get<{ read: number; receipts: { unitName: string; readAt: string | null }[] }>(
      'supervisor',
      `/api/bulletins/${third.id}/receipts`,
    );
    expect(receipts.receipts.filter((r) => r.readAt !== null).map((r) => r.unitName)).toEqual(['新兴镇']);
    expect(receipts.receipts.find((r) => r.unitName === '大东坝镇')!.readAt).toBeNull();
  });
});
