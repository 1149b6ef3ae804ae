// Verification cases (核查) end to end over HTTP, on the demo county (today 2022-04-20), on SQLite and PostgreSQL:
// the public complaint page (no login, the proof-of-work challenge shared with the rating form, photos that must be
// images, a receipt number and a public status without personal data), who sees a complainant's contact (discipline
// only: masked in lists, details, exports and the audit log for everyone else), every workflow step by role with a
// plan sent back and resubmitted, deadlines in working days across holidays, closure refused with measures open,
// manual warnings issued from a case (linked both ways), and the chasing of overdue cases and measures.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RECEIPT_PATTERN, solveProofOfWork } from '@benpao/domain';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_SUBMIT_LIMIT } from '../src/modules/cases/routes.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, unitId, userId } from './fixtures.ts';
import { multipart, pdf, png, setRegion } from './reports-fixtures.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface Form {
  units: { id: string; name: string }[];
  items: { id: string; number: string; title: string }[];
  challenge: { id: string; challenge: string; difficulty: number; expiresAt: string };
}
interface Measure {
  id: string;
  seq: number;
  deadline: string;
  status: string;
  overdue: boolean;
  progress: { text: string; done: boolean; files: { id: string }[] }[];
}
interface Plan {
  id: string;
  version: number;
  status: string;
  returnReason: string | null;
  measures: Measure[];
}
interface Case {
  id: string;
  receipt: string;
  source: string;
  status: string;
  unitId: string | null;
  unitName: string | null;
  complainantName: string | null;
  complainantPhone: string | null;
  contactMasked: boolean;
  receivedOn: string;
  deadline: string;
  overdue: boolean;
  overdueMeasures: number;
  findings: { category: string }[];
  plans: Plan[];
  photos: { id: string }[];
  warnings: { id: string; kind: string; colour: string }[];
  events: { type: string; fromStatus: string | null; toStatus: string }[];
  actions: string[];
}

let ipCounter = 0;
/** Each request series from its own address, so that the per-IP limits of one test do not touch the others. */
const freshIp = () => `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

describe.skipIf(!pgAvailable)(`verification cases (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<
    | 'supervisor'
    | 'discipline'
    | 'leader'
    | 'wangsong'
    | 'wangsongTb'
    | 'xinxing'
    | 'admin'
    | 'auditor'
    | 'security',
    string
  >;
  let wangsong: string; // 望松街道
  let storyCase: Case;

  const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };
  const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.as(cookie, { method, url, payload: payload as InjectOptions['payload'] });
  const detail = async (cookie: string, id: string) => ok<Case>(await get(cookie, `/api/cases/${id}`));

  const form = async (ip: string) =>
    ok<Form>(await t.app.inject({ method: 'GET', url: '/api/public/complaints/form', remoteAddress: ip }));
  const solved = async (ip: string) => {
    const f = await form(ip);
    return {
      form: f,
      challengeId: f.challenge.id,
      nonce: solveProofOfWork(f.challenge.challenge, f.challenge.difficulty, sha256),
    };
  };
  const uploadPhoto = (ip: string, q: { challengeId: string; nonce: string }, file: Buffer, name: string) => {
    const body = multipart('file', name, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/public/complaints/photos?challengeId=${q.challengeId}&nonce=${q.nonce}`,
      payload: body.payload,
      headers: body.headers,
      remoteAddress: ip,
    });
  };
  const complain = (ip: string, payload: Record<string, unknown>, lang?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/complaints',
      payload,
      remoteAddress: ip,
      ...(lang && { headers: { 'accept-language': lang } }),
    });
  const count = async (table: 'cases' | 'case_files' | 'case_plans' | 'case_measures' | 'notifications') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const filesOnDisk = () => {
    const root = path.join(t.env.dataDir, 'evidence');
    if (!fs.existsSync(root)) return [];
    return (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(root, f)).isFile())
      .sort();
  };
  const auditText = async () =>
    JSON.stringify(
      await t.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).execute(),
    );
  const inbox = async (username: string, kind: string) =>
    t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.params', 'notifications.dedupe_key'])
      .where('users.username', '=', username)
      .where('notifications.kind', '=', kind)
      // Not the demo's own Wangcun Bridge case, which the seed played through before the tests' clock.
      .where('notifications.created_at', '>=', testsBegan)
      .execute();

  let testsBegan = '';
  beforeAll(async () => {
    t = await testApp();
    testsBegan = t.clock.now().toISOString();
    await setRegion(t, { today: '2022-04-20' });
    c.supervisor = await t.login('supervisor');
    c.discipline = await t.login('discipline');
    c.leader = await t.login('leader');
    c.wangsong = await t.login('wangsong');
    c.wangsongTb = await t.login('wangsong_tb');
    c.xinxing = await t.login('xinxing');
    c.admin = await t.login('admin');
    c.auditor = await t.login('auditor');
    c.security = await t.login('security');
    wangsong = await unitId(t, '望松街道');
  });
  afterAll(() => t.close());

  // --------------------------------------------------------------------------------------- public intake

  it('serves the complaint form without a login: units, public items only, and a challenge of its own', async () => {
    const ip = freshIp();
    const f = await form(ip);
    expect(f.units.map((u) => u.name)).toContain('望松街道');
    const items = await t.database.db.selectFrom('items').select(['id', 'status']).execute();
    const statusOf = new Map(items.map((i) => [i.id, i.status]));
    expect(f.items.length).toBeGreaterThan(0);
    for (const i of f.items) {
      expect(Object.keys(i).sort()).toEqual(['id', 'number', 'title']);
      expect(['assigned', 'accepted', 'in_progress', 'completion_requested']).toContain(statusOf.get(i.id));
    }
    expect(f.challenge.challenge).toMatch(/^complaint-[0-9a-f]{32}$/);
    // A rating form's challenge cannot be spent on a complaint (nor the reverse).
    const rating = ok<Form>(
      await t.app.inject({ method: 'GET', url: '/api/public/ratings/form', remoteAddress: ip }),
    );
    const nonce = solveProofOfWork(rating.challenge.challenge, rating.challenge.difficulty, sha256);
    expectError(
      await complain(ip, {
        subject: { unitId: wangsong },
        description: '施工封道时间太长',
        challengeId: rating.challenge.id,
        nonce,
      }),
      400,
      'challenge_unknown',
      'challengeId',
    );
    const own = await solved(ip);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/ratings',
      remoteAddress: ip,
      payload: {
        creditCode: '91331124MA2B00001X',
        unitId: wangsong,
        service: 'approval',
        efficiency: 4,
        attitude: 4,
        compliance: 4,
        challengeId: own.challengeId,
        nonce: own.nonce,
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { error: { field: string } }).error.field).toBe('creditCode');
  });

  it('takes a complaint with photos (images only), gives a receipt and a public status without personal data', async () => {
    const ip = freshIp();
    const s = await solved(ip);
    const photo = ok<{ id: string; mime: string }>(await uploadPhoto(ip, s, png(4, 4), '现场.png'), 201);
    expect(photo.mime).toBe('image/png');
    const disk = filesOnDisk();
    const rows = await count('case_files');
    // A PDF is a real file but not an image; a text file is not even a file type the store keeps.
    expectError(await uploadPhoto(ip, s, pdf(), 'scan.pdf'), 415, 'file_not_image', 'file');
    expectError(
      await uploadPhoto(ip, s, Buffer.from('just text'), 'note.png'),
      415,
      'file_type_refused',
      'file',
    );
    expect(await count('case_files')).toBe(rows);
    expect(filesOnDisk()).toEqual(disk);
    // A wrong nonce uploads nothing.
    expectError(
      await uploadPhoto(ip, { ...s, nonce: 'x' }, png(), 'a.png'),
      400,
      'proof_of_work_invalid',
      'nonce',
    );

    const cases = await count('cases');
    const body = {
      subject: { unitId: wangsong, place: '古青线王村大桥' },
      description: '王村大桥施工封道时间太长，绕行六公里，周边群众出行很不方便。',
      photoIds: [photo.id],
      name: '张三',
      phone: '138 1234 5678',
      challengeId: s.challengeId,
      nonce: s.nonce,
    };
    // Not a phone number: refused naming the field, nothing saved, the challenge still unspent.
    for (const phone of ['12812345678', '0578-0123456', '5788123456', '电话']) {
      expectError(await complain(freshIp(), { ...body, phone }), 400, 'phone_invalid', 'phone');
    }
    const en = expectError(
      await complain(freshIp(), { ...body, phone: '110' }, 'en-US'),
      400,
      'phone_invalid',
      'phone',
    );
    expect(en.message).toContain('0578-8123456');
    expectError(
      await complain(freshIp(), { ...body, photoIds: ['no-such-photo'] }),
      400,
      'unknown_reference',
      'photoIds.0',
    );
    expectError(await complain(freshIp(), { ...body, subject: {} }), 400, 'required', 'subject.place');
    expectError(await complain(freshIp(), { ...body, extra: 1 }), 400, 'unknown_field', 'extra');
    expect(await count('cases')).toBe(cases);

    const receipt = ok<{ receipt: string; receivedOn: string; deadline: string }>(
      await complain(ip, body),
      201,
    );
    expect(receipt.receipt).toMatch(RECEIPT_PATTERN);
    // 13 working days from Wed 20 April 2022: Sun 24 April and Sat 7 May are worked (调休), 30 April – 4 May are not.
    expect(receipt).toMatchObject({ receivedOn: '2022-04-20', deadline: '2022-05-10' });
    expectError(await complain(ip, body), 409, 'challenge_used', 'challengeId');

    const status = ok<Record<string, unknown>>(
      await t.app.inject({
        method: 'GET',
        url: `/api/public/complaints/${receipt.receipt.toLowerCase().replace('-', '')}`,
        remoteAddress: ip,
      }),
    );
    expect(status).toEqual({
      receipt: receipt.receipt,
      status: 'received',
      kind: 'complaint',
      receivedOn: '2022-04-20',
      deadline: '2022-05-10',
      unitName: null,
      steps: [{ status: 'received', onDate: '2022-04-20' }],
      reply: null,
      repliedOn: null,
      closedOn: null,
    });
    const publicText = JSON.stringify(status);
    for (const secret of ['张三', '1381234', '5678', '王村大桥', '绕行'])
      expect(publicText).not.toContain(secret);
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/public/complaints/TS20220420-00000000',
        remoteAddress: ip,
      }),
      404,
    );

    const row = await t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('receipt', '=', receipt.receipt)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      complainant_phone: '13812345678',
      complainant_name: '张三',
      status: 'received',
    });
    const photos = await t.database.db
      .selectFrom('case_files')
      .select('case_id')
      .where('id', '=', photo.id)
      .execute();
    expect(photos).toEqual([{ case_id: row.id }]);
    storyCase = await detail(c.discipline, row.id);
    expect(storyCase.photos.map((p) => p.id)).toEqual([photo.id]);
    // The discipline commission and the task force hear of it.
    expect(await inbox('discipline', 'case_received')).toHaveLength(1);
    expect(await inbox('supervisor', 'case_received')).toHaveLength(1);

    // A landline is a phone number too; the same challenge, refused before, still works once.
    const { challengeId, nonce } = await solved(ip);
    ok(
      await complain(ip, {
        ...body,
        photoIds: [],
        phone: '0578-8123456',
        challengeId,
        nonce,
        kind: 'enquiry',
      }),
      201,
    );
    // A photo of another challenge cannot be attached.
    const other = await solved(ip);
    expectError(
      await complain(ip, {
        ...body,
        challengeId: other.challengeId,
        nonce: other.nonce,
        photoIds: [photo.id],
      }),
      400,
      'unknown_reference',
      'photoIds.0',
    );
  });

  it('limits submissions per address, refused ones included', async () => {
    const ip = freshIp();
    for (let i = 0; i < COMPLAINT_SUBMIT_LIMIT.max; i++)
      expectError(await complain(ip, { description: '刷' }), 400);
    expectError(await complain(ip, { description: '刷' }), 429, 'rate_limited');
    // Another address is not affected.
    expectError(await complain(freshIp(), { description: '刷' }), 400);
  });

  it('shows the contact to discipline roles only: masked in lists, details, exports and the audit log', async () => {
    const full = await detail(c.discipline, storyCase.id);
    expect(full).toMatchObject({
      complainantName: '张三',
      complainantPhone: '13812345678',
      contactMasked: false,
    });
    for (const who of [c.supervisor, c.leader]) {
      expect(await detail(who, storyCase.id)).toMatchObject({
        complainantName: '张*',
        complainantPhone: '138****5678',
        contactMasked: true,
      });
      const list = ok<{ items: Case[] }>(await get(who, '/api/cases'));
      const mine = list.items.find((x) => x.id === storyCase.id)!;
      expect(mine.complainantPhone).toBe('138****5678');
      const landline = list.items.find((x) => x.complainantPhone?.startsWith('0578'))!;
      expect(landline.complainantPhone).toBe('0578-***3456');
    }
    const found = ok<{ items: Case[] }>(
      await get(c.supervisor, `/api/cases?q=${storyCase.receipt.slice(-8)}`),
    );
    expect(found.items.map((x) => x.id)).toEqual([storyCase.id]);
    expect(ok<{ total: number }>(await get(c.supervisor, '/api/cases?q=%25')).total).toBe(0);
    // The unit learns of the case only with the findings; another unit and the administrators never.
    expectError(await get(c.wangsong, `/api/cases/${storyCase.id}`), 403, 'forbidden');
    // (The demo's own Wangcun Bridge case was fed back to it long ago: that one it sees.)
    expect(ok<{ items: Case[] }>(await get(c.wangsong, '/api/cases')).items.map((x) => x.id)).not.toContain(
      storyCase.id,
    );
    expectError(await get(c.xinxing, `/api/cases?unitId=${wangsong}`), 403, 'forbidden');
    for (const who of [c.admin, c.auditor, c.security]) {
      expectError(await get(who, '/api/cases'), 403, 'forbidden');
      expectError(await get(who, `/api/cases/${storyCase.id}`), 403, 'forbidden');
      expectError(await get(who, '/api/cases/export.xlsx'), 403, 'forbidden');
    }

    const sheet = async (cookie: string) => {
      const res = await t.as(cookie, { method: 'GET', url: '/api/cases/export.xlsx' });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const byDiscipline = await sheet(c.discipline);
    const bySupervisor = await sheet(c.supervisor);
    const line = (rows: string[][]) => rows.find((r) => r[0] === storyCase.receipt)!;
    expect(line(byDiscipline)).toEqual(expect.arrayContaining(['张三', '13812345678']));
    expect(line(bySupervisor)).toEqual(expect.arrayContaining(['张*', '138****5678']));
    expect(JSON.stringify(bySupervisor)).not.toContain('13812345678');
    expect(JSON.stringify(bySupervisor)).not.toContain('张三');

    const audit = await auditText();
    expect(audit).toContain('138****5678');
    expect(audit).toContain('0578-***3456');
    for (const secret of ['13812345678', '张三', '0578-8123456']) expect(audit).not.toContain(secret);
    expect(audit).toContain('case.export');
  });

  it('walks every workflow step by role, with a plan sent back and resubmitted, and never closes with a measure open', async () => {
    const seeded = [await count('case_plans'), await count('case_measures')];
    const id = storyCase.id;
    const url = (p = '') => `/api/cases/${id}${p}`;
    const disciplineId = await userId(t, 'discipline');
    const supervisorId = await userId(t, 'supervisor');

    // 组建核查组: discipline and task-force members only.
    for (const who of [c.leader, c.wangsong]) {
      expectError(
        await send(who, 'PUT', url('/team'), { members: [{ userId: disciplineId }] }),
        403,
        'forbidden',
      );
    }
    expectError(
      await send(c.discipline, 'PUT', url('/team'), { members: [{ userId: await userId(t, 'wangsong') }] }),
      400,
      'case_team_role',
      'members.0.userId',
    );
    let now = ok<Case>(
      await send(c.discipline, 'PUT', url('/team'), {
        members: [
          { userId: disciplineId, lead: true },
          { userId: supervisorId, lead: false },
        ],
      }),
    );
    expect(now.status).toBe('verifying');
    expect(now.actions).toEqual(expect.arrayContaining(['issue_findings', 'finding', 'warn']));
    expect(await inbox('supervisor', 'case_team')).toHaveLength(1);

    // Feedback needs findings; the Wangcun Bridge team found three.
    expectError(
      await send(c.discipline, 'POST', url('/feedback'), { text: '反馈' }),
      409,
      'case_findings_required',
    );
    for (const [category, text] of [
      ['unreasonable_schedule', '工期安排不合理，封道时间过长'],
      ['inadequate_site_management', '现场管理不到位'],
      ['poor_coordination', '子项目过多，统筹协调不力'],
    ]) {
      now = ok<Case>(await send(c.supervisor, 'POST', url('/findings'), { category, text }));
    }
    expect(now.findings.map((f) => f.category)).toEqual([
      'unreasonable_schedule',
      'inadequate_site_management',
      'poor_coordination',
    ]);
    expectError(
      await send(c.discipline, 'POST', url('/findings'), { category: 'bad', text: 'x' }),
      400,
      'invalid_value',
      'category',
    );
    expectError(await send(c.wangsong, 'POST', url('/feedback'), { text: '越权' }), 403, 'forbidden');
    now = ok<Case>(
      await send(c.discipline, 'POST', url('/feedback'), {
        text: '请街道党工委落实主体责任，对照问题自查，制定整改方案。',
      }),
    );
    expect(now.status).toBe('findings_issued');
    expect(await inbox('wangsong', 'case_feedback')).toHaveLength(1);
    expect(await inbox('wangsong_tb', 'case_feedback')).toHaveLength(1);
    // Findings are recorded while verifying only.
    expectError(
      await send(c.discipline, 'POST', url('/findings'), { category: 'other', text: '补充' }),
      409,
      'illegal_case_action',
    );

    // The unit sees its case now, contact masked; another unit does not.
    expect(await detail(c.wangsong, id)).toMatchObject({
      contactMasked: true,
      complainantPhone: '138****5678',
      actions: ['submit_plan'],
    });
    expectError(await get(c.xinxing, url()), 403, 'forbidden');
    expect(await detail(c.wangsongTb, id)).toMatchObject({
      actions: [],
      complainantName: '张*',
      contactMasked: true,
    });

    // The plan: the manager's; every measure due by the case's deadline (2022-05-10).
    const measures = [
      { text: '会同施工方重新研判工期，增加夜间作业班组', owner: '叶主任', deadline: '2022-05-06' },
      { text: '早晚高峰分时段放行，设置绕行指示', owner: '刘思远', deadline: '2022-05-10' },
    ];
    expectError(
      await send(c.wangsongTb, 'POST', url('/plans'), { summary: '整改方案', measures }),
      403,
      'forbidden',
    );
    expectError(
      await send(c.xinxing, 'POST', url('/plans'), { summary: '整改方案', measures }),
      403,
      'forbidden',
    );
    const late = [measures[0], { ...measures[1], deadline: '2022-05-11' }];
    expectError(
      await send(c.wangsong, 'POST', url('/plans'), { summary: '整改方案', measures: late }),
      400,
      'measure_after_case_deadline',
      'measures.1.deadline',
    );
    expectError(
      await send(c.wangsong, 'POST', url('/plans'), {
        summary: '整改方案',
        measures: [{ ...measures[0], deadline: '2022-04-19' }],
      }),
      400,
      'measure_deadline_past',
      'measures.0.deadline',
    );
    expectError(
      await send(c.wangsong, 'POST', url('/plans'), { summary: '整改方案', measures: [] }),
      400,
      'too_small_array',
      'measures',
    );
    // Nothing added by the refused plans (the demo's own case has its plan already).
    expect([await count('case_plans'), await count('case_measures')]).toEqual(seeded);
    expect((await detail(c.discipline, id)).status).toBe('findings_issued');

    now = ok<Case>(
      await send(c.wangsong, 'POST', url('/plans'), { summary: '第一版整改方案', measures: [measures[0]] }),
    );
    expect(now.status).toBe('plan_submitted');
    expect(await inbox('discipline', 'case_plan_submitted')).toHaveLength(1);
    const v1 = now.plans[0]!;
    expectError(
      await send(c.wangsong, 'POST', url(`/plans/${v1.id}/decision`), { approve: true }),
      403,
      'forbidden',
    );
    expectError(
      await send(c.discipline, 'POST', url(`/plans/${v1.id}/decision`), { approve: false }),
      400,
      'required',
      'reason',
    );
    now = ok<Case>(
      await send(c.discipline, 'POST', url(`/plans/${v1.id}/decision`), {
        approve: false,
        reason: '未包含便民通行措施',
      }),
    );
    expect(now.status).toBe('plan_returned');
    expect(now.plans[0]).toMatchObject({ status: 'returned', returnReason: '未包含便民通行措施' });
    expectError(
      await send(c.discipline, 'POST', url(`/plans/${v1.id}/decision`), { approve: true }),
      409,
      'illegal_case_action',
    );
    expect(await inbox('wangsong', 'case_plan_decided')).toHaveLength(1);

    now = ok<Case>(await send(c.wangsong, 'POST', url('/plans'), { summary: '第二版整改方案', measures }));
    expect(now.plans.map((p) => [p.version, p.status])).toEqual([
      [1, 'returned'],
      [2, 'submitted'],
    ]);
    const v2 = now.plans[1]!;
    expectError(
      await send(c.discipline, 'POST', url(`/plans/${v1.id}/decision`), { approve: true }),
      409,
      'case_plan_decided',
      'planId',
    );
    now = ok<Case>(await send(c.supervisor, 'POST', url(`/plans/${v2.id}/decision`), { approve: true }));
    expect(now.status).toBe('rectifying');
    const [m1, m2] = now.plans[1]!.measures;

    // Progress with evidence, by the unit's people.
    const file = multipart('file', '夜间施工.png', png(3, 3, [10, 200, 10]));
    const evidence = ok<{ id: string }>(
      await t.as(c.wangsongTb, {
        method: 'POST',
        url: url('/files'),
        payload: file.payload,
        headers: file.headers,
      }),
      201,
    );
    const other = multipart('file', 'x.png', png());
    expectError(
      await t.as(c.xinxing, {
        method: 'POST',
        url: url('/files'),
        payload: other.payload,
        headers: other.headers,
      }),
      403,
      'forbidden',
    );
    expectError(
      await send(c.wangsongTb, 'POST', url(`/measures/${m1!.id}/progress`), {
        text: '增加夜间班组',
        fileIds: ['nope'],
      }),
      400,
      'unknown_reference',
      'fileIds.0',
    );
    now = ok<Case>(
      await send(c.wangsongTb, 'POST', url(`/measures/${m1!.id}/progress`), {
        text: '已增加夜间作业班组，工期压缩20天',
        done: true,
        fileIds: [evidence.id],
      }),
    );
    expect(now.plans[1]!.measures[0]).toMatchObject({ status: 'done' });
    expect(now.plans[1]!.measures[0]!.progress[0]!.files.map((f) => f.id)).toEqual([evidence.id]);
    expectError(
      await send(c.wangsong, 'POST', url(`/measures/${m1!.id}/progress`), { text: '再报', done: true }),
      409,
      'case_measure_done',
      'measureId',
    );
    const download = await get(c.wangsong, `/api/case-files/${evidence.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expectError(await get(c.xinxing, `/api/case-files/${evidence.id}/download`), 403, 'forbidden');

    // Re-check: not yet, then passed on the ground while the second measure still runs.
    expectError(
      await send(c.wangsong, 'POST', url('/recheck'), { passed: true, note: '自查' }),
      403,
      'forbidden',
    );
    now = ok<Case>(
      await send(c.discipline, 'POST', url('/recheck'), { passed: false, note: '分时段放行尚未落实' }),
    );
    expect(now.status).toBe('rectifying');
    expectError(await send(c.discipline, 'POST', url('/close'), {}), 409, 'illegal_case_action');
    now = ok<Case>(
      await send(c.discipline, 'POST', url('/recheck'), { passed: true, note: '现场复查，施工组织已优化' }),
    );
    expect(now.status).toBe('rechecked');
    expectError(await send(c.discipline, 'POST', url('/close'), {}), 409, 'case_measures_open', 'measures');
    expectError(await send(c.wangsong, 'POST', url('/reply'), { text: '答复' }), 403, 'forbidden');
    now = ok<Case>(
      await send(c.discipline, 'POST', url('/reply'), {
        text: '经核查，已督促施工方优化工期并分时段放行，感谢您的监督。',
      }),
    );
    expect(now.status).toBe('replied');
    // Closure with a measure open: refused naming the field, nothing changed.
    const refused = expectError(
      await send(c.supervisor, 'POST', url('/close'), { note: '办结' }),
      409,
      'case_measures_open',
      'measures',
    );
    expect(refused.message).toContain('1');
    expect((await detail(c.discipline, id)).status).toBe('replied');
    ok(
      await send(c.wangsong, 'POST', url(`/measures/${m2!.id}/progress`), {
        text: '已分时段放行',
        done: true,
      }),
    );
    now = ok<Case>(await send(c.supervisor, 'POST', url('/close'), { note: '整改到位，予以办结' }));
    expect(now.status).toBe('closed');
    expect(now.actions).toEqual([]);
    expectError(
      await send(c.wangsong, 'POST', url(`/measures/${m2!.id}/progress`), { text: '补充' }),
      409,
      'illegal_case_action',
    );

    expect(now.events.filter((e) => e.fromStatus !== e.toStatus).map((e) => e.toStatus)).toEqual([
      'received',
      'verifying',
      'findings_issued',
      'plan_submitted',
      'plan_returned',
      'plan_submitted',
      'rectifying',
      'rechecked',
      'replied',
      'closed',
    ]);
    const status = ok<{ status: string; unitName: string; reply: string; steps: unknown[] }>(
      await t.app.inject({
        method: 'GET',
        url: `/api/public/complaints/${storyCase.receipt}`,
        remoteAddress: freshIp(),
      }),
    );
    expect(status).toMatchObject({ status: 'closed', unitName: '望松街道', closedOn: '2022-04-20' });
    expect(status.reply).toContain('感谢您的监督');
    expect(JSON.stringify(status)).not.toContain('未包含便民通行措施');
    expect(JSON.stringify(status)).not.toContain('工期安排不合理');
    const audit = await auditText();
    for (const action of [
      'case.assign_team',
      'case.issue_findings',
      'case.return_plan',
      'case.approve_plan',
      'case.close',
    ])
      expect(audit).toContain(action);
  });

  it('enters cases by role and issues a light or card from a case, linked both ways', async () => {
    const item = await t.database.db
      .selectFrom('items')
      .select(['id', 'lead_unit_id'])
      .where('status', '=', 'in_progress')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const base = {
      title: '12345转办：施工噪声扰民',
      subject: { itemId: item.id },
      description: '夜间施工噪声大',
    };
    for (const who of [c.wangsong, c.admin])
      expectError(
        await send(who, 'POST', '/api/cases', { source: 'hotline_12345', ...base }),
        403,
        'forbidden',
      );
    expectError(
      await send(c.supervisor, 'POST', '/api/cases', { source: 'public_complaint', ...base }),
      400,
      'invalid_value',
      'source',
    );
    expectError(
      await send(c.supervisor, 'POST', '/api/cases', {
        source: 'hotline_12345',
        ...base,
        phone: '1381234567',
      }),
      400,
      'phone_invalid',
      'phone',
    );
    const hotline = ok<Case>(
      await send(c.supervisor, 'POST', '/api/cases', {
        source: 'hotline_12345',
        ...base,
        phone: '13900001111',
      }),
      201,
    );
    expect(hotline).toMatchObject({
      source: 'hotline_12345',
      unitId: item.lead_unit_id,
      complainantPhone: '139****1111',
    });
    const instruction = ok<Case>(
      await send(c.leader, 'POST', '/api/cases', {
        source: 'leader_instruction',
        kind: 'enquiry',
        title: '林县长批示：核查王村大桥通行情况',
        subject: { place: '古青线' },
        description: '请纪委监委会同专班核查',
        receivedOn: '2022-04-01',
      }),
      201,
    );
    // An enquiry: 3 working days from Fri 1 April 2022, Sat 2 April worked (调休), 3–5 April Qingming.
    expect(instruction.deadline).toBe('2022-04-07');
    expect(instruction.overdue).toBe(true);
    expectError(
      await send(c.leader, 'PUT', `/api/cases/${instruction.id}/team`, { members: [] }),
      403,
      'forbidden',
    );

    // A light on the case's item, by the discipline commission.
    expectError(
      await send(c.wangsong, 'POST', `/api/cases/${hotline.id}/warnings`, {
        kind: 'light',
        colour: 'yellow',
        reason: '越权',
      }),
      403,
      'forbidden',
    );
    const warned = ok<Case>(
      await send(c.discipline, 'POST', `/api/cases/${hotline.id}/warnings`, {
        kind: 'light',
        colour: 'yellow',
        reason: '群众反映属实，施工组织不力',
      }),
    );
    expect(warned.warnings).toHaveLength(1);
    const warning = ok<{
      caseId: string;
      origin: string;
      itemId: string;
      explanation: Record<string, string>;
    }>(await get(c.supervisor, `/api/warnings/${warned.warnings[0]!.id}`));
    expect(warning).toMatchObject({ caseId: hotline.id, origin: 'manual', itemId: item.id });
    expect(warning.explanation['zh-CN']).toContain(hotline.receipt);
    expect(warned.events.at(-1)).toMatchObject({ type: 'warning_issued' });
    // A card needs a unit: the case of a place has none yet.
    expectError(
      await send(c.supervisor, 'POST', `/api/cases/${instruction.id}/warnings`, {
        kind: 'card',
        colour: 'yellow',
        reason: '抽查',
      }),
      400,
      'required',
      'unitId',
    );
    const card = ok<Case>(
      await send(c.supervisor, 'POST', `/api/cases/${instruction.id}/warnings`, {
        kind: 'card',
        colour: 'red',
        unitId: wangsong,
        reason: '整改不力',
      }),
    );
    expect(card.warnings.map((w) => [w.kind, w.colour])).toEqual([['card', 'red']]);
    const rows = await t.database.db
      .selectFrom('warnings')
      .select(['id', 'case_id'])
      .where('case_id', 'is not', null)
      .execute();
    expect(rows.map((r) => r.case_id).sort()).toEqual([hotline.id, instruction.id].sort());
  });

  it('keeps deadlines per region, flags overdue cases and measures and chases them once', async () => {
    // The system administrator sets the deadlines; cases already received keep theirs.
    expectError(
      await send(c.supervisor, 'PUT', '/api/cases/settings', { complaintDays: 5, enquiryDays: 2 }),
      403,
      'forbidden',
    );
    expectError(
      await send(c.admin, 'PUT', '/api/cases/settings', { complaintDays: 0, enquiryDays: 2 }),
      400,
      'too_small_number',
      'complaintDays',
    );
    expect(
      ok(await send(c.admin, 'PUT', '/api/cases/settings', { complaintDays: 5, enquiryDays: 2 })),
    ).toEqual({
      complaintDays: 5,
      enquiryDays: 2,
    });
    expect(ok(await get(c.wangsong, '/api/cases/settings'))).toEqual({ complaintDays: 5, enquiryDays: 2 });
    const quick = ok<Case>(
      await send(c.discipline, 'POST', '/api/cases', {
        source: 'spot_check',
        title: '督查抽查：王村大桥现场管理',
        subject: { unitId: wangsong },
        description: '抽查发现现场围挡缺失',
      }),
      201,
    );
    // 5 working days from Wed 20 April 2022: 21, 22, Sun 24 (调休), 25, 26.
    expect(quick.deadline).toBe('2022-04-26');
    expectError(
      await send(c.discipline, 'POST', '/api/cases', {
        source: 'spot_check',
        title: '未来',
        subject: { unitId: wangsong },
        description: '未来',
        receivedOn: '2022-04-21',
      }),
      400,
      'case_received_after_today',
      'receivedOn',
    );
    expectError(
      await send(c.discipline, 'POST', '/api/cases', {
        source: 'spot_check',
        title: '日期',
        subject: { unitId: wangsong },
        description: '日期',
        receivedOn: '2022-02-30',
      }),
      400,
      'invalid_date',
      'receivedOn',
    );

    // Through to rectification with a measure due on 25 April.
    const url = (p: string) => `/api/cases/${quick.id}${p}`;
    ok(
      await send(c.discipline, 'PUT', url('/team'), {
        members: [{ userId: await userId(t, 'discipline'), lead: true }],
      }),
    );
    ok(
      await send(c.discipline, 'POST', url('/findings'), {
        category: 'inadequate_site_management',
        text: '围挡缺失',
      }),
    );
    ok(await send(c.discipline, 'POST', url('/feedback'), { text: '限期整改' }));
    const planned = ok<Case>(
      await send(c.wangsong, 'POST', url('/plans'), {
        summary: '补齐围挡',
        measures: [{ text: '补齐施工围挡', owner: '叶主任', deadline: '2022-04-25' }],
      }),
    );
    ok(await send(c.discipline, 'POST', url(`/plans/${planned.plans[0]!.id}/decision`), { approve: true }));

    const notificationsBefore = await count('notifications');
    await setRegion(t, { today: '2022-04-27' });
    const overdue = ok<{ items: Case[]; total: number }>(await get(c.supervisor, '/api/cases?overdue=true'));
    const flagged = overdue.items.find((x) => x.id === quick.id)!;
    expect(flagged).toMatchObject({ overdue: true, overdueMeasures: 1 });
    // The closed story case is answered: never overdue.
    expect(overdue.items.map((x) => x.id)).not.toContain(storyCase.id);
    expect((await detail(c.wangsong, quick.id)).plans[0]!.measures[0]!.overdue).toBe(true);
    const unitList = ok<{ items: Case[] }>(await get(c.wangsong, '/api/cases?overdue=true'));
    expect(unitList.items.map((x) => x.id)).toEqual([quick.id]);

    const first = ok<{ created: number }>(await send(c.supervisor, 'POST', '/api/reminders/run'));
    expect(first.created).toBeGreaterThan(0);
    expect((await inbox('wangsong', 'case_overdue')).map((n) => n.dedupe_key)).toEqual([
      `case_overdue:${quick.id}`,
    ]);
    expect((await inbox('wangsong', 'case_measure_overdue')).length).toBe(1);
    expect((await inbox('discipline', 'case_overdue')).map((n) => n.dedupe_key)).toContain(
      `case_overdue:${quick.id}`,
    );
    const afterFirst = await count('notifications');
    expect(afterFirst).toBeGreaterThan(notificationsBefore);
    // A second run chases nothing new.
    ok(await send(c.supervisor, 'POST', '/api/reminders/run'));
    expect(await count('notifications')).toBe(afterFirst);

    // 延期: the team moves the deadline; the unit may not, nor to an earlier day.
    expectError(
      await send(c.wangsong, 'PUT', url('/deadline'), { deadline: '2022-05-31', reason: '工期' }),
      403,
      'forbidden',
    );
    expectError(
      await send(c.discipline, 'PUT', url('/deadline'), { deadline: '2022-04-26', reason: '工期' }),
      400,
      'case_deadline_not_later',
      'deadline',
    );
    const extended = ok<Case>(
      await send(c.discipline, 'PUT', url('/deadline'), { deadline: '2022-05-31', reason: '围挡需重新采购' }),
    );
    expect(extended).toMatchObject({ deadline: '2022-05-31', overdue: false, overdueMeasures: 1 });
    await setRegion(t, { today: '2022-04-20' });
  });

  it('offers the team to be formed from the region’s discipline inspectors and task-force members only', async () => {
    const list = ok<{ items: { id: string; displayName: string; roles: string[] }[] }>(
      await get(c.discipline, '/api/cases/team-candidates'),
    );
    const ids = list.items.map((x) => x.id);
    expect(ids).toContain(await userId(t, 'discipline'));
    expect(ids).toContain(await userId(t, 'supervisor'));
    expect(ids).not.toContain(await userId(t, 'leader'));
    expect(ids).not.toContain(await userId(t, 'wangsong'));
    expect(list.items.every((x) => x.roles.every((r) => r === 'discipline' || r === 'supervisor'))).toBe(
      true,
    );
    expectError(await get(c.wangsong, '/api/cases/team-candidates'), 403, 'forbidden');
  });
});
