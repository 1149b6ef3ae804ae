// The running index (奔跑指数) over HTTP on the demo county (today 2022-04-20): April's live preview ranks towns and
// departments with the yellow cards and lights of 大东坝镇 and 新兴镇 in their breakdowns; publishing freezes a month,
// republishing makes the next revision with its diff, a publication race is one 201 and one 409; commendations are
// validated against the model and counted; model drafts are refused naming the field; the export opens.
import ExcelJS from 'exceljs';
import { defaultIndexModel, type MonthResult, type UnitScore } from '@benpao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, unitId } from './fixtures.ts';

interface MonthView {
  month: string;
  published: boolean;
  revision: number | null;
  result: MonthResult;
  diff?: unknown;
}

describe.skipIf(!pgAvailable)(`running index (${dialect})`, () => {
  let t: TestApp;
  let sup: string;
  let unitUser: string;
  beforeAll(async () => {
    t = await testApp();
    sup = await t.login('supervisor');
    unitUser = await t.login('dadongba');
  }, 60_000);
  afterAll(() => t?.close());

  const month = async (cookie: string, m: string) => {
    const res = await t.as(cookie, { method: 'GET', url: `/api/index/months/${m}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MonthView;
  };
  const scoreOf = (r: MonthResult, id: string) => r.scores.find((s) => s.unitId === id) as UnitScore;

  it('previews April 2022 (not over): towns and departments ranked, with the warnings in the breakdown', async () => {
    const april = await month(unitUser, '2022-04');
    expect(april.published).toBe(false);
    expect(april.revision).toBeNull();
    const cats = april.result.categories.map((c) => c.categoryId);
    expect(cats).toEqual(['towns', 'departments']);
    for (const c of april.result.categories) {
      expect(c.ranking.some((e) => e.rank === 1)).toBe(true);
      expect(c.top.length).toBeGreaterThan(0);
    }
    for (const name of ['大东坝镇', '新兴镇']) {
      const s = scoreOf(april.result, await unitId(t, name));
      expect(s.categoryId).toBe('towns');
      const card = s.deductions.filter((d) => d.reason === 'yellowCard');
      const lights = s.deductions.filter((d) => d.reason === 'yellowLight');
      expect(card.map((d) => d.points)).toEqual([3]);
      expect(lights.length).toBeGreaterThan(0);
      for (const l of lights) expect(l.points).toBe(1);
    }
    const dept = scoreOf(april.result, await unitId(t, '县自然资源和规划局'));
    expect(dept.categoryId).toBe('departments');
  });

  it('refuses to publish a month that is not over, and a unit may not publish', async () => {
    const res = await t.as(sup, { method: 'POST', url: '/api/index/months/2022-04/publish' });
    expectError(res, 400, 'index_month_not_over');
    const denied = await t.as(unitUser, { method: 'POST', url: '/api/index/months/2022-02/publish' });
    expect(denied.statusCode).toBe(403);
  });

  it('publishes a month frozen; republishing is the next revision with its diff', async () => {
    const m = '2022-02';
    const before = await t.as(sup, { method: 'GET', url: `/api/index/months/${m}/revisions` });
    const start = (before.json() as { items: unknown[] }).items.length;
    const first = await t.as(sup, { method: 'POST', url: `/api/index/months/${m}/publish` });
    expect(first.statusCode, first.body).toBe(201);
    const pub = first.json() as MonthView;
    expect(pub.revision).toBe(start + 1);
    const seen = await month(unitUser, m);
    expect(seen.published).toBe(true);
    expect(seen.revision).toBe(start + 1);

    // A later change of facts: a commendation for February. The published month does not move.
    const dadongba = await unitId(t, '大东坝镇');
    const bonus = await t.as(sup, {
      method: 'POST',
      url: '/api/index/bonuses',
      payload: { unitId: dadongba, month: m, points: 2, reason: '松材线虫病疫木清理突击（演示）' },
    });
    expect(bonus.statusCode, bonus.body).toBe(201);
    const still = await month(sup, m);
    expect(still.revision).toBe(start + 1);
    expect(scoreOf(still.result, dadongba).bonusPoints).toBe(scoreOf(seen.result, dadongba).bonusPoints);

    const second = await t.as(sup, { method: 'POST', url: `/api/index/months/${m}/publish` });
    expect(second.statusCode, second.body).toBe(201);
    const rev = second.json() as MonthView & { diff: { units: { unitId: string }[] } | null };
    expect(rev.revision).toBe(start + 2);
    expect(rev.diff).not.toBeNull();
    expect(JSON.stringify(rev.diff)).toContain(dadongba);
    expect(scoreOf(rev.result, dadongba).bonusPoints).toBe(scoreOf(seen.result, dadongba).bonusPoints + 2);

    const list = await t.as(unitUser, { method: 'GET', url: `/api/index/months/${m}/revisions` });
    const items = (list.json() as { items: { revision: number; diff: unknown }[] }).items;
    expect(items[0]!.revision).toBe(start + 2);
    expect(items[0]!.diff).not.toBeNull();
    expect(items.at(-1)!.diff).toBeNull();
  });

  it('two concurrent publications of a month: one 201, one 409 naming the month', async () => {
    const m = '2021-12';
    const [a, b] = await Promise.all([
      t.as(sup, { method: 'POST', url: `/api/index/months/${m}/publish` }),
      t.as(sup, { method: 'POST', url: `/api/index/months/${m}/publish` }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const lost = a.statusCode === 409 ? a : b;
    const err = expectError(lost, 409, 'index_publish_concurrent');
    expect(err.message).toContain(m);
  });

  it('validates commendations against the model and counts them in the preview', async () => {
    const xinxing = await unitId(t, '新兴镇');
    const tooBig = await t.as(sup, {
      method: 'POST',
      url: '/api/index/bonuses',
      payload: { unitId: xinxing, month: '2022-04', points: 5, reason: '演示' },
    });
    expectError(tooBig, 400, 'index_bonus_invalid', 'points');
    const tooSmall = await t.as(sup, {
      method: 'POST',
      url: '/api/index/bonuses',
      payload: { unitId: xinxing, month: '2022-04', points: 0.1, reason: '演示' },
    });
    expectError(tooSmall, 400, 'index_bonus_invalid', 'points');
    const denied = await t.as(unitUser, {
      method: 'POST',
      url: '/api/index/bonuses',
      payload: { unitId: xinxing, month: '2022-04', points: 1, reason: '演示' },
    });
    expect(denied.statusCode).toBe(403);

    const before = scoreOf((await month(sup, '2022-04')).result, xinxing);
    const ok = await t.as(sup, {
      method: 'POST',
      url: '/api/index/bonuses',
      payload: { unitId: xinxing, month: '2022-04', points: 1.5, reason: '争先创优（演示）' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = (ok.json() as { id: string }).id;
    const after = scoreOf((await month(sup, '2022-04')).result, xinxing);
    expect(after.bonusPoints).toBe(before.bonusPoints + 1.5);
    expect(after.bonuses.some((b) => b.id === id)).toBe(true);

    const list = await t.as(unitUser, { method: 'GET', url: '/api/index/bonuses?month=2022-04' });
    expect((list.json() as { items: { id: string }[] }).items.map((b) => b.id)).toContain(id);

    const revoke = await t.as(sup, { method: 'DELETE', url: `/api/index/bonuses/${id}` });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect((revoke.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const again = await t.as(sup, { method: 'DELETE', url: `/api/index/bonuses/${id}` });
    expectError(again, 409, 'index_bonus_revoked');
    const reverted = scoreOf((await month(sup, '2022-04')).result, xinxing);
    expect(reverted.bonusPoints).toBe(before.bonusPoints);
  });

  it('refuses model drafts naming the field; saves and activates a valid one', async () => {
    const state = await t.as(unitUser, { method: 'GET', url: '/api/index/models' });
    expect(state.statusCode, state.body).toBe(200);
    expect((state.json() as { active: { version: number } }).active.version).toBe(1);

    const bad = defaultIndexModel();
    bad.components[0]!.weight = 50; // sums to 110
    const v = await t.as(sup, {
      method: 'POST',
      url: '/api/index/models/validate',
      payload: bad,
      headers: { 'accept-language': 'en-US' },
    });
    expect(v.statusCode, v.body).toBe(200);
    const vr = v.json() as { ok: boolean; problems: { field: string; code: string; message: string }[] };
    expect(vr.ok).toBe(false);
    expect(vr.problems).toContainEqual(expect.objectContaining({ field: 'components', code: 'weights_sum' }));
    expect(vr.problems[0]!.message).toContain('110');
    const saved = await t.as(sup, { method: 'POST', url: '/api/index/models', payload: { model: bad } });
    expectError(saved, 400, 'index_model_invalid', 'components');

    const negative = defaultIndexModel();
    negative.components[1]!.cap = -1;
    const n = await t.as(sup, { method: 'POST', url: '/api/index/models', payload: { model: negative } });
    expectError(n, 400, 'index_model_invalid', 'components.1.cap');

    const good = defaultIndexModel();
    good.deductions.yellowCard = 4;
    const ok = await t.as(sup, { method: 'POST', url: '/api/index/models', payload: { model: good } });
    expect(ok.statusCode, ok.body).toBe(201);
    const draft = ok.json() as { id: string; version: number; status: string };
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const act = await t.as(sup, { method: 'POST', url: `/api/index/models/${draft.id}/activate` });
    expect(act.statusCode, act.body).toBe(200);
    const again = await t.as(sup, { method: 'POST', url: `/api/index/models/${draft.id}/activate` });
    expectError(again, 409, 'index_model_not_draft');
    const april = await month(sup, '2022-04');
    expect(april.result.modelVersion).toBe(2);
    const s = scoreOf(april.result, await unitId(t, '大东坝镇'));
    expect(s.deductions.filter((d) => d.reason === 'yellowCard').map((d) => d.points)).toEqual([4]);
  });

  it("gives a unit's trend over the year, published months first", async () => {
    const id = await unitId(t, '大东坝镇');
    const res = await t.as(unitUser, { method: 'GET', url: `/api/index/units/${id}/trend?year=2022` });
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json() as { months: { month: string; published: boolean; rank: number | null }[] };
    expect(trend.months.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
    // January–March are published by the demo seed; April is not over.
    for (const m of ['2022-01', '2022-02', '2022-03'])
      expect(trend.months.find((x) => x.month === m)!.published).toBe(true);
    expect(trend.months.find((m) => m.month === '2022-04')!.published).toBe(false);
  });

  it('rolls the first quarter and the year up from the published months only', async () => {
    const q = await t.as(unitUser, { method: 'GET', url: '/api/index/periods/2022-Q1' });
    expect(q.statusCode, q.body).toBe(200);
    const quarter = q.json() as {
      kind: string;
      months: { month: string; revision: number }[];
      pending: string[];
      result: {
        key: string;
        scores: {
          unitId: string;
          total: number | null;
          monthly: { month: string; total: number | null }[];
        }[];
      };
    };
    expect(quarter.kind).toBe('quarter');
    expect(quarter.months.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(quarter.pending).toEqual([]);
    expect(quarter.result.key).toBe('2022-Q1');
    // A unit's quarter is the mean of its published months, which anyone can check from the months.
    const id = await unitId(t, '大东坝镇');
    const s = quarter.result.scores.find((x) => x.unitId === id)!;
    const months = await Promise.all(
      ['2022-01', '2022-02', '2022-03'].map(async (m) => {
        const r = await t.as(unitUser, { method: 'GET', url: `/api/index/months/${m}` });
        return scoreOf((r.json() as { result: MonthResult }).result, id).total;
      }),
    );
    const scored = months.filter((x): x is number => x !== null);
    expect(s.monthly.map((m) => m.total)).toEqual(months);
    expect(s.total).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 1);

    const y = await t.as(unitUser, { method: 'GET', url: '/api/index/periods/2022' });
    expect(y.statusCode, y.body).toBe(200);
    const year = y.json() as { kind: string; months: { month: string }[]; pending: string[] };
    expect(year.kind).toBe('year');
    expect(year.months.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(year.pending).toEqual(['2022-04']);

    const none = await t.as(unitUser, { method: 'GET', url: '/api/index/periods/2021-Q2' });
    expect(none.statusCode).toBe(200);
    expect((none.json() as { result: unknown }).result).toBeNull();

    const bad = await t.as(unitUser, { method: 'GET', url: '/api/index/periods/2022-Q5' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the month as a workbook with the rankings', async () => {
    const res = await t.as(unitUser, {
      method: 'GET',
      url: '/api/index/months/2022-04/export.xlsx',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.some((n) => n.startsWith('乡镇'))).toBe(true);
    const towns = wb.worksheets[0]!;
    expect(towns.getRow(1).getCell(1).value).toBe('名次');
    const headers: unknown[] = [];
    towns.getRow(1).eachCell((c) => headers.push(c.value));
    expect(headers).toEqual(expect.arrayContaining(['工作进度', '指标完成', '按时报送', '服务评议']));
    const units: unknown[] = [];
    towns.eachRow((row, i) => {
      if (i > 1) units.push(row.getCell(2).value);
    });
    expect(units).toContain('大东坝镇');
    expect(names).toContain('得分明细');
  });
});
