// Service ratings (服务评议) end to end over HTTP, on the demo county (today 2022-04-20): the public flow with a real
// proof of work, the credit-code check (GB 32100-2015) and the other bad input in both languages, one-time
// challenges, one rating per enterprise, unit and month (the later replaces the earlier, history kept), the rate
// limits, masked credit codes in the audit log and in the unit's lists, follow-ups (opened by a low rating,
// answered by the unit, closed by the task force) and unit scope.
import { createHash } from 'node:crypto';
import { completeCreditCode, isValidCreditCode, maskCreditCode, solveProofOfWork } from '@benpao/domain';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_TTL_MS, ratingsOfMonth } from '../src/modules/ratings/service.ts';
import { RATING_FORM_LIMIT, RATING_SUBMIT_LIMIT } from '../src/modules/ratings/routes.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, HAN, regionId, unitId } from './fixtures.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface Form {
  region: { code: string; name: string };
  month: string;
  units: { id: string; name: string; kind: string; categoryId: string; categoryName: string }[];
  services: string[];
  commentMax: number;
  challenge: { id: string; challenge: string; difficulty: number; expiresAt: string };
}
interface FollowUp {
  id: string;
  status: string;
  response: string | null;
  respondedByName: string | null;
  closeNote: string | null;
  closedByName: string | null;
}
interface Rating {
  id: string;
  unitId: string;
  unitName: string;
  creditCode: string;
  creditCodeMasked: boolean;
  month: string;
  version: number;
  current: boolean;
  service: string;
  efficiency: number;
  attitude: number;
  compliance: number;
  mean: number;
  low: boolean;
  comment: string | null;
  followUp: FollowUp | null;
  actions: string[];
}
interface List {
  items: Rating[];
  total: number;
}

/** Invented credit codes (松阳县's division 331124), completed with both check characters. */
let serial = 0;
const inventedCode = () => completeCreditCode(`91331124MA2B${String(1000 + serial++).padStart(4, '0')}`);

let ipCounter = 0;
/** Every test rates from its own address, so that the per-IP limits of one test do not touch the others. */
const freshIp = () => `10.55.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

describe.skipIf(!pgAvailable)(`service ratings (${dialect})`, () => {
  let t: TestApp;
  let ddb: string; // 大东坝镇
  let xx: string; // 新兴镇
  const cookies: Record<string, string> = {};

  const getForm = async (ip: string): Promise<Form> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/ratings/form', remoteAddress: ip });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Form;
  };

  const post = (payload: unknown, ip: string, lang?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/ratings',
      payload: payload as InjectOptions['payload'],
      remoteAddress: ip,
      ...(lang && { headers: { 'accept-language': lang } }),
    });

  /** A body for a fresh challenge with its proof of work solved. */
  const solvedBody = async (ip: string, over: Record<string, unknown> = {}) => {
    const form = await getForm(ip);
    const nonce = solveProofOfWork(form.challenge.challenge, form.challenge.difficulty, sha256);
    return {
      creditCode: inventedCode(),
      unitId: ddb,
      service: 'approval',
      efficiency: 4,
      attitude: 5,
      compliance: 4,
      comment: '办事很顺利',
      challengeId: form.challenge.id,
      nonce,
      ...over,
    };
  };

  const rate = async (ip: string, over: Record<string, unknown> = {}) => {
    const body = await solvedBody(ip, over);
    const res = await post(body, ip);
    expect(res.statusCode, res.body).toBe(201);
    return { body, receipt: res.json() as Record<string, unknown> & { id: string } };
  };

  const list = async (who: string, query = ''): Promise<List> => {
    const res = await t.as(cookies[who]!, { method: 'GET', url: `/api/ratings${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };
  const followUps = async (who: string, query = ''): Promise<List> => {
    const res = await t.as(cookies[who]!, { method: 'GET', url: `/api/ratings/follow-ups${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };

  const ratingRows = () => t.database.db.selectFrom('service_ratings').selectAll().execute();

  beforeAll(async () => {
    t = await testApp();
    ddb = await unitId(t, '大东坝镇');
    xx = await unitId(t, '新兴镇');
    for (const who of ['supervisor', 'leader', 'dadongba', 'dadongba_tb', 'xinxing', 'auditor'])
      cookies[who] = await t.login(who);
  });
  afterAll(() => t.close());

  it('seeds the demo county with invented ratings of January to April, each code passing GB 32100', async () => {
    // First in this file: nothing but the seed has rated yet.
    const rows = await ratingRows();
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2022-01', '2022-02', '2022-03', '2022-04']));
    expect(rows.every((r) => isValidCreditCode(r.credit_code) && r.rated_on <= '2022-04-20')).toBe(true);
    expect(rows.filter((r) => r.superseded_by !== null)).toHaveLength(1);
    const statuses = (await t.database.db.selectFrom('rating_follow_ups').select('status').execute()).map(
      (f) => f.status,
    );
    expect(statuses.sort()).toEqual(['answered', 'closed', 'open']);
    // 大东坝镇 has April's open follow-up to answer; the index reads the seeded months.
    const open = await followUps('dadongba', '?status=open');
    expect(open.items.map((r) => [r.month, r.unitName, r.actions])).toEqual([
      ['2022-04', '大东坝镇', ['respond']],
    ]);
    const feb = await ratingsOfMonth(t.database.db, await regionId(t), '2022-02');
    expect(feb.get(await unitId(t, '县自然资源和规划局'))?.map((r) => r.low)).toEqual([true]);
  });

  it('serves the form without a login: rateable units, services, the month and a one-time challenge', async () => {
    const form = await getForm(freshIp());
    expect(form.region.code).toBe('songyang-demo');
    expect(form.month).toBe('2022-04');
    expect(form.services).toContain('approval');
    expect(form.commentMax).toBe(500);
    expect(form.challenge.difficulty).toBeGreaterThanOrEqual(16);
    expect(form.challenge.difficulty).toBeLessThanOrEqual(18);
    expect(form.challenge.challenge).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(form.challenge.expiresAt) - t.clock.now().getTime()).toBe(CHALLENGE_TTL_MS);
    // The units the index ranks: departments and towns, not the task force or the administrators' unit.
    const names = form.units.map((u) => u.name);
    expect(names).toContain('大东坝镇');
    expect(names).toContain('县自然资源和规划局');
    expect(names).not.toContain('县执行力建设专班');
    expect(names).not.toContain('县大数据发展中心');
    expect(form.units.find((u) => u.name === '大东坝镇')).toMatchObject({
      kind: 'town',
      categoryName: '乡镇（街道）',
    });
    // A challenge is stored with nothing about the caller.
    const row = await t.database.db
      .selectFrom('rating_challenges')
      .selectAll()
      .where('id', '=', form.challenge.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(
      ['challenge', 'created_at', 'difficulty', 'expires_at', 'id', 'region_id', 'used_at'].sort(),
    );
    expect(row.used_at).toBeNull();
  });

  it('takes a rating with a real proof of work, normalises the code, and counts it for the region’s month', async () => {
    const ip = freshIp();
    const code = inventedCode();
    const body = await solvedBody(ip, {
      creditCode: ` ${code.toLowerCase()} `,
      unitId: xx,
      service: 'policy',
    });
    const res = await post(body, ip);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      unitId: xx,
      unitName: '新兴镇',
      month: '2022-04',
      version: 1,
      replaced: false,
      followUpOpened: false,
    });
    const stored = (await ratingRows()).find((r) => r.id === res.json().id)!;
    expect(stored).toMatchObject({
      credit_code: code,
      month: '2022-04',
      rated_on: '2022-04-20',
      service: 'policy',
    });
    const challenge = await t.database.db
      .selectFrom('rating_challenges')
      .select('used_at')
      .where('id', '=', body.challengeId)
      .executeTakeFirstOrThrow();
    expect(challenge.used_at).not.toBeNull();
    // The task force sees it with the full code.
    const seen = (await list('supervisor', `?unitId=${xx}&month=2022-04&pageSize=100`)).items.find(
      (r) => r.id === res.json().id,
    );
    expect(seen).toMatchObject({
      creditCode: code,
      creditCodeMasked: false,
      efficiency: 4,
      attitude: 5,
      compliance: 4,
      mean: 4.33,
      low: false,
      current: true,
      comment: '办事很顺利',
      followUp: null,
    });
  });

  describe('refuses bad input with 400 naming the field, in both languages, writing nothing', () => {
    it.each<[string, string, string, RegExp]>([
      ['too short', '91350100M000100Y4', 'credit_code_length', /17/],
      ['a forbidden letter', '91350100M000100I43', 'credit_code_charset', /16/],
      ['a wrong check character', '914403001922038217', 'credit_code_check_char', /18/],
      ['a wrong organisation code check', '91350100M000200Y43', 'credit_code_org_code_check', /9/],
      ['an unknown authority', 'B1350100M000100Y43', 'credit_code_authority', /B/],
      ['a bad division', '91990100M000100Y43', 'credit_code_division', /990100/],
      ['an empty code', '   ', 'credit_code_required', /creditCode/],
    ])('a malformed credit code (%s)', async (_name, creditCode, code, detail) => {
      const ip = freshIp();
      const body = await solvedBody(ip, { creditCode });
      const before = (await ratingRows()).length;
      const zh = expectError(await post(body, ip), 400, code, 'creditCode');
      const en = expectError(await post(body, ip, 'en-US,en;q=0.9'), 400, code, 'creditCode');
      expect(zh.message).toMatch(HAN);
      expect(en.message.replace(/"[^"]*"/g, '')).not.toMatch(HAN);
      expect(zh.message).toMatch(detail);
      expect(en.message).toMatch(detail);
      expect((await ratingRows()).length).toBe(before);
      // The challenge was not spent: the corrected code goes through with it.
      const ok = await post({ ...body, creditCode: inventedCode() }, ip);
      expect(ok.statusCode, ok.body).toBe(201);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['efficiency 0', { efficiency: 0 }, 'too_small_number', 'efficiency'],
      ['attitude 6', { attitude: 6 }, 'too_big_number', 'attitude'],
      ['compliance 2.5', { compliance: 2.5 }, 'invalid_type', 'compliance'],
      ['efficiency as text', { efficiency: '5' }, 'invalid_type', 'efficiency'],
      ['a comment of 501 characters', { comment: '评'.repeat(501) }, 'too_big_string', 'comment'],
      ['an unknown service', { service: 'haircut' }, 'invalid_value', 'service'],
      ['no unit', { unitId: undefined }, 'required', 'unitId'],
      ['an unknown field', { ip: '1.2.3.4' }, 'unknown_field', 'ip'],
    ])('%s', async (_name, over, code, field) => {
      const ip = freshIp();
      const body = await solvedBody(ip, over);
      const before = (await ratingRows()).length;
      const zh = expectError(await post(body, ip), 400, code, field);
      const en = expectError(await post(body, ip, 'en-US'), 400, code, field);
      expect(zh.message).toMatch(HAN);
      expect(en.message).not.toMatch(HAN);
      expect((await ratingRows()).length).toBe(before);
    });

    it('accepts the edges: 1 and 5, a comment of exactly 500 characters, no comment', async () => {
      const ip = freshIp();
      await rate(ip, { efficiency: 1, attitude: 5, compliance: 5, comment: '评'.repeat(500) });
      const { receipt } = await rate(ip, { comment: undefined });
      const row = (await ratingRows()).find((r) => r.id === receipt.id)!;
      expect(row.comment).toBeNull();
    });

    it('refuses a unit that cannot be rated (not found in the region, or not in a ranking category)', async () => {
      const ip = freshIp();
      const taskForce = await unitId(t, '县执行力建设专班');
      for (const unit of ['no-such-unit', taskForce]) {
        const err = expectError(await post(await solvedBody(ip, { unitId: unit }), ip), 400, 'not_found');
        expect(err.field).toBe('unitId');
        expect(err.message).toBe('单位不存在');
      }
    });
  });

  describe('one-time challenges', () => {
    it('refuses a replayed challenge with 409', async () => {
      const ip = freshIp();
      const body = await solvedBody(ip);
      expect((await post(body, ip)).statusCode).toBe(201);
      const again = await post({ ...body, creditCode: inventedCode() }, ip);
      const err = expectError(again, 409, 'challenge_used', 'challengeId');
      expect(err.message).toMatch(HAN);
    });

    it('refuses an expired challenge, an unknown one and a wrong proof of work with 400', async () => {
      const ip = freshIp();
      const body = await solvedBody(ip);
      t.clock.advanceMinutes(CHALLENGE_TTL_MS / 60_000 + 1);
      try {
        expectError(await post(body, ip), 400, 'challenge_expired', 'challengeId');
        expectError(await post(body, ip, 'en-US'), 400, 'challenge_expired', 'challengeId');
      } finally {
        t.clock.advanceMinutes(-(CHALLENGE_TTL_MS / 60_000 + 1));
      }
      expectError(
        await post({ ...body, challengeId: 'no-such-challenge' }, ip),
        400,
        'challenge_unknown',
        'challengeId',
      );
      const fresh = await solvedBody(ip);
      // A nonce that does not reach the difficulty (the solver's answer is the first that does).
      const wrong = String(Number(fresh.nonce) === 0 ? 1 : Number(fresh.nonce) - 1);
      expectError(await post({ ...fresh, nonce: wrong }, ip), 400, 'proof_of_work_invalid', 'nonce');
      expectError(await post({ ...fresh, nonce: 'not a nonce!' }, ip), 400, 'proof_of_work_invalid', 'nonce');
      expect((await post(fresh, ip)).statusCode).toBe(201);
    });
  });

  it('keeps one rating per enterprise, unit and month: the later replaces the earlier, history kept', async () => {
    const ip = freshIp();
    const code = inventedCode();
    const first = await rate(ip, { creditCode: code, efficiency: 3, attitude: 3, compliance: 3 });
    const second = await rate(ip, { creditCode: code, efficiency: 5, attitude: 5, compliance: 4 });
    expect(second.receipt).toMatchObject({ version: 2, replaced: true, month: '2022-04' });
    // Another unit, or another enterprise, is a rating of its own.
    const otherUnit = await rate(ip, { creditCode: code, unitId: xx });
    expect(otherUnit.receipt).toMatchObject({ version: 1, replaced: false });

    const rows = (await ratingRows()).filter((r) => r.credit_code === code && r.unit_id === ddb);
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.id === first.receipt.id)!;
    expect(old.superseded_by).toBe(second.receipt.id);
    expect(rows.find((r) => r.id === second.receipt.id)!.superseded_by).toBeNull();

    const current = (await list('supervisor', `?unitId=${ddb}&pageSize=100`)).items.filter(
      (r) => r.creditCode === code,
    );
    expect(current.map((r) => [r.version, r.current, r.efficiency])).toEqual([[2, true, 5]]);
    const history = (await list('supervisor', `?unitId=${ddb}&history=true&pageSize=100`)).items.filter(
      (r) => r.creditCode === code,
    );
    expect(history.map((r) => [r.version, r.current]).sort()).toEqual([
      [1, false],
      [2, true],
    ]);

    // The index reads the current ratings only.
    const region = await regionId(t);
    const month = await ratingsOfMonth(t.database.db, region, '2022-04');
    const mine = (month.get(ddb) ?? []).filter(
      (r) => r.id === first.receipt.id || r.id === second.receipt.id,
    );
    expect(mine.map((r) => r.id)).toEqual([second.receipt.id]);
    expect(mine[0]).toMatchObject({
      unitId: ddb,
      efficiency: 5,
      attitude: 5,
      compliance: 4,
      ratedOn: '2022-04-20',
    });
    expect(mine[0]!.score).toBeCloseTo(14 / 3, 10);

    // In the region's next month the same enterprise rates afresh.
    await t.database.db
      .updateTable('region_settings')
      .set({ demo_today: '2022-05-05' })
      .where('region_id', '=', region)
      .execute();
    try {
      const may = await rate(ip, { creditCode: code, efficiency: 2, attitude: 4, compliance: 4 });
      expect(may.receipt).toMatchObject({ version: 1, replaced: false, month: '2022-05' });
      expect((await ratingsOfMonth(t.database.db, region, '2022-05')).get(ddb)?.map((r) => r.id)).toContain(
        may.receipt.id,
      );
    } finally {
      await t.database.db
        .updateTable('region_settings')
        .set({ demo_today: '2022-04-20' })
        .where('region_id', '=', region)
        .execute();
    }
  });

  describe('rate limits per IP', () => {
    it(`answers 429 in the caller's language after ${RATING_SUBMIT_LIMIT.max} submissions`, async () => {
      const ip = freshIp();
      for (let i = 0; i < RATING_SUBMIT_LIMIT.max; i++) {
        expect((await post({ creditCode: 'x' }, ip)).statusCode).toBe(400);
      }
      const zh = expectError(await post({ creditCode: 'x' }, ip), 429, 'rate_limited');
      expect(zh.message).toMatch(HAN);
      const en = expectError(await post({ creditCode: 'x' }, ip, 'en-US'), 429, 'rate_limited');
      expect(en.message).toMatch(/too many requests/i);
      // Another address is not affected, nor are the staff's routes.
      expect((await post({ creditCode: 'x' }, freshIp())).statusCode).toBe(400);
      const staff = await t.as(cookies.supervisor!, {
        method: 'GET',
        url: '/api/ratings',
        remoteAddress: ip,
      });
      expect(staff.statusCode).toBe(200);
    });

    it(`answers 429 after ${RATING_FORM_LIMIT.max} forms`, async () => {
      const ip = freshIp();
      for (let i = 0; i < RATING_FORM_LIMIT.max; i++) await getForm(ip);
      expectError(
        await t.app.inject({ method: 'GET', url: '/api/public/ratings/form', remoteAddress: ip }),
        429,
        'rate_limited',
      );
    });
  });

  it('masks the credit code in the audit log and in the unit’s lists, and shows it in full to county roles', async () => {
    const ip = freshIp();
    const code = inventedCode();
    const { receipt } = await rate(ip, { creditCode: code, comment: '窗口服务热情' });
    await rate(ip, { creditCode: code, efficiency: 5, attitude: 5, compliance: 5 });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'service_rating')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const all = JSON.stringify(audit);
    expect(all).not.toContain(code);
    const entry = audit.find((a) => a.entity_id === receipt.id)!;
    expect(entry).toMatchObject({ action: 'rating.submit', actor_id: null, ip });
    expect(JSON.parse(entry.after_json!)).toMatchObject({
      creditCode: maskCreditCode(code),
      unitId: ddb,
      month: '2022-04',
      comment: '窗口服务热情',
    });
    expect(maskCreditCode(code)).toMatch(/^91\*{12}[0-9A-Z]{4}$/);
    expect(audit.some((a) => a.action === 'rating.replace')).toBe(true);

    for (const who of ['dadongba', 'dadongba_tb']) {
      const own = await list(who, '?pageSize=100');
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((r) => r.unitId === ddb && r.creditCodeMasked)).toBe(true);
      expect(JSON.stringify(own)).not.toContain(code);
      expect(own.items.map((r) => r.creditCode)).toContain(maskCreditCode(code));
    }
    for (const who of ['supervisor', 'leader']) {
      const full = await list(who, `?unitId=${ddb}&pageSize=100`);
      expect(full.items.map((r) => r.creditCode)).toContain(code);
    }
  });

  it('opens a follow-up for a low rating, which the unit answers and the task force closes', async () => {
    const ip = freshIp();
    const code = inventedCode();
    const { receipt } = await rate(ip, {
      creditCode: code,
      efficiency: 5,
      attitude: 4,
      compliance: 2,
      comment: '要求提供的材料超出清单',
    });
    expect(receipt.followUpOpened).toBe(true);
    const id = receipt.id;
    // 大东坝镇's managers are told, once; its reporters and other units are not.
    const told = await t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.params'])
      .where('notifications.kind', '=', 'rating_low')
      .where('notifications.dedupe_key', '=', `rating_low:${id}`)
      .execute();
    expect(told.map((n) => n.username)).toEqual(['dadongba']);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ unitName: '大东坝镇', compliance: 2 });

    const open = await followUps('dadongba', '?status=open&pageSize=100');
    const mine = open.items.find((r) => r.id === id)!;
    expect(mine).toMatchObject({ low: true, creditCodeMasked: true, followUp: { status: 'open' } });
    expect(mine.actions).toEqual(['respond']);
    expect(
      (await followUps('supervisor', '?status=open&pageSize=100')).items.find((r) => r.id === id)?.actions,
    ).toEqual(['close']);
    // low=true lists it too; a rating of 3 everywhere is not low
    expect(
      (await list('supervisor', `?low=true&unitId=${ddb}&pageSize=100`)).items.map((r) => r.id),
    ).toContain(id);

    // Another unit sees nothing of it and cannot answer it; the unit's reporter is refused at the gate.
    expect((await followUps('xinxing', '?pageSize=100')).items.map((r) => r.id)).not.toContain(id);
    expectError(
      await t.as(cookies.xinxing!, { method: 'GET', url: `/api/ratings?unitId=${ddb}` }),
      403,
      'forbidden',
    );
    expectError(
      await t.as(cookies.xinxing!, { method: 'GET', url: `/api/ratings/follow-ups?unitId=${ddb}` }),
      403,
      'forbidden',
    );
    const respond = (who: string, text: string) =>
      t.as(cookies[who]!, { method: 'POST', url: `/api/ratings/${id}/response`, payload: { text } });
    expectError(await respond('xinxing', '越权回应'), 403, 'forbidden');
    expectError(await respond('dadongba_tb', '填报员回应'), 403, 'forbidden');
    expectError(await respond('supervisor', '专班回应'), 403, 'forbidden');
    expectError(await respond('dadongba', '   '), 400, 'too_small_string', 'text');

    const answered = await respond('dadongba', '已与企业沟通，按清单办理，不再要求额外材料。');
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      id,
      followUp: {
        status: 'answered',
        response: '已与企业沟通，按清单办理，不再要求额外材料。',
        respondedByName: '吴镇长（虚构）',
      },
      actions: [],
    });
    const twice = expectError(await respond('dadongba', '再次回应'), 409, 'follow_up_not_open');
    expect(twice.message).toContain('已回应');

    const close = (who: string, payload?: unknown) =>
      t.as(cookies[who]!, {
        method: 'POST',
        url: `/api/ratings/${id}/close`,
        ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
      });
    expectError(await close('dadongba', {}), 403, 'forbidden');
    const closed = await close('supervisor', { note: '回访企业，满意' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      followUp: { status: 'closed', closeNote: '回访企业，满意', closedByName: '周督查（虚构）' },
      actions: [],
    });
    const again = expectError(await close('supervisor'), 409, 'follow_up_not_closable');
    expect(again.message).toContain('已关闭');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json', 'actor_name'])
      .where('entity', '=', 'rating_follow_up')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('rating.respond');
    expect(actions).toContain('rating.close');
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('lets the task force close an open follow-up without an answer; a rating with none is 409', async () => {
    const ip = freshIp();
    const low = await rate(ip, { efficiency: 1, attitude: 1, compliance: 1 });
    const res = await t.as(cookies.supervisor!, {
      method: 'POST',
      url: `/api/ratings/${low.receipt.id}/close`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().followUp.status).toBe('closed');
    const good = await rate(ip);
    expectError(
      await t.as(cookies.supervisor!, { method: 'POST', url: `/api/ratings/${good.receipt.id}/close` }),
      409,
      'follow_up_none',
    );
    expectError(
      await t.as(cookies.supervisor!, { method: 'POST', url: '/api/ratings/no-such-rating/close' }),
      404,
      'not_found',
    );
  });

  it('lets an open follow-up lapse when the enterprise replaces its low rating', async () => {
    const ip = freshIp();
    const code = inventedCode();
    const low = await rate(ip, { creditCode: code, unitId: xx, efficiency: 2, attitude: 2, compliance: 3 });
    const better = await rate(ip, {
      creditCode: code,
      unitId: xx,
      efficiency: 4,
      attitude: 4,
      compliance: 4,
    });
    expect(better.receipt).toMatchObject({ replaced: true, followUpOpened: false });
    const open = await followUps('xinxing', '?status=open&pageSize=100');
    expect(open.items.map((r) => r.id)).not.toContain(low.receipt.id);
    const lapsed = await followUps('xinxing', '?status=superseded&pageSize=100');
    expect(lapsed.items.find((r) => r.id === low.receipt.id)).toMatchObject({
      current: false,
      followUp: { status: 'superseded' },
      actions: [],
    });
  });

  it('keeps the audit administrator and anonymous callers out of the staff routes', async () => {
    expectError(await t.as(cookies.auditor!, { method: 'GET', url: '/api/ratings' }), 403, 'forbidden');
    expectError(await t.as(null, { method: 'GET', url: '/api/ratings/follow-ups' }), 401, 'unauthenticated');
  });

  it('leaves an intact audit hash chain', async () => {
    const res = await t.as(cookies.auditor!, { method: 'GET', url: '/api/audit/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null });
  });
});
