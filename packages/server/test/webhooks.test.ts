// Outbound webhooks (群机器人), against a local HTTP receiver on 127.0.0.1 and never an outside address: the
// DingTalk and WeCom formats, DingTalk's signature recomputed by the receiver, retries with backoff after a 500
// and after a refusal (HTTP 200 with errcode ≠ 0), giving up after the last attempt, two workers at once, the
// delivery log, the secret kept out of every response and of the audit log, and bad input.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverDue,
  MAX_ATTEMPTS,
  retryDelayMs,
  targetUrl,
  truncateUtf8,
} from '../src/modules/webhooks/delivery.ts';
import { enqueueWebhookEvent } from '../src/modules/webhooks/service.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, regionId } from './fixtures.ts';

interface Received {
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  contentType: string | undefined;
  body: string;
  json: unknown;
}

interface Reply {
  status: number;
  body: string;
}

const OK: Reply = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };

/** A robot on 127.0.0.1: records every request; answers per path from a script, then `OK` (or the path's default). */
class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Reply[]>();
  private readonly defaults = new Map<string, Reply>();
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      this.received.push({
        path: url.pathname,
        query: url.searchParams,
        rawQuery: url.search,
        contentType: req.headers['content-type'],
        body,
        json,
      });
      const reply = this.scripts.get(url.pathname)?.shift() ?? this.defaults.get(url.pathname) ?? OK;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
  });
  port = 0;

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  url(path: string, query = '') {
    return `http://127.0.0.1:${this.port}${path}${query}`;
  }
  /** The next answers to `path`, in order. */
  script(path: string, ...replies: Reply[]) {
    this.scripts.set(path, replies);
  }
  /** What `path` answers once its script is used up. */
  always(path: string, reply: Reply) {
    this.defaults.set(path, reply);
  }
  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }
}

interface WebhookJson {
  id: string;
  name: string;
  format: 'dingtalk' | 'wecom';
  url: string;
  hasSecret: boolean;
  events: string[];
  active: boolean;
}
interface DeliveryJson {
  id: string;
  webhookId: string;
  eventType: string;
  payload: { msgtype: string; markdown: Record<string, string> };
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const SECRET = 'SECb1e5a0f4c2d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4';
const sign = (secret: string, timestamp: string) =>
  createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

describe.skipIf(!pgAvailable)(`outbound webhooks (${dialect})`, () => {
  let t: TestApp;
  let region: string;
  let admin: string;
  let supervisor: string;
  const robot = new Receiver();

  const api = (opts: InjectOptions, cookie: string | null = admin) => t.as(cookie, opts);
  const create = async (body: Record<string, unknown>) => {
    const res = await api({ method: 'POST', url: '/api/webhooks', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as WebhookJson;
  };
  const deliveries = async (id: string, query = '') => {
    const res = await api({ method: 'GET', url: `/api/webhooks/${id}/deliveries${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: DeliveryJson[]; total: number };
  };
  const enqueue = (type: string, at: Date, over: { title?: string; text?: string } = {}) =>
    t.database.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, region, {
        type,
        title: over.title ?? '黄灯：松阳县开门红项目',
        text: over.text ?? '**大东坝镇** 松材线虫病疫木除治进度滞后 50 个百分点',
        at: at.toISOString(),
      }),
    );
  const auditRows = () =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity', '=', 'webhook')
      .orderBy('seq')
      .execute();
  const auditCount = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;
  const webhookCount = async () => (await t.database.db.selectFrom('webhooks').select('id').execute()).length;

  beforeAll(async () => {
    await robot.start();
    t = await testApp();
    region = await regionId(t);
    admin = await t.login('admin');
    supervisor = await t.login('supervisor');
  });
  afterEach(async () => {
    // Nothing a test leaves pending is sent by the next one.
    await t.database.db.deleteFrom('webhook_deliveries').execute();
    await t.database.db.deleteFrom('webhooks').execute();
  });
  afterAll(async () => {
    await t.close();
    await robot.stop();
  });

  it('creates, lists, reads and changes a webhook; the secret is only ever "set" or "not set"', async () => {
    const created = await create({
      name: '专班钉钉群',
      format: 'dingtalk',
      url: robot.url('/ding', '?access_token=tok123'),
      secret: SECRET,
      events: ['warning.issued', 'warning.escalated', 'warning.issued'],
    });
    expect(created).toMatchObject({
      name: '专班钉钉群',
      format: 'dingtalk',
      url: robot.url('/ding', '?access_token=tok123'),
      hasSecret: true,
      events: ['warning.issued', 'warning.escalated'],
      active: true,
    });
    expect(created).not.toHaveProperty('secret');

    const list = await api({ method: 'GET', url: '/api/webhooks' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: created.id, hasSecret: true }] });
    const one = await api({ method: 'GET', url: `/api/webhooks/${created.id}` });
    expect(one.json()).toMatchObject({ id: created.id, hasSecret: true });

    const renamed = await api({
      method: 'PATCH',
      url: `/api/webhooks/${created.id}`,
      payload: { name: '专班钉钉群（新）', events: ['warning.cleared'], format: 'dingtalk' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: '专班钉钉群（新）',
      events: ['warning.cleared'],
      hasSecret: true,
    });
    const newSecret = 'SECanother-secret-0042';
    const rotated = await api({
      method: 'PATCH',
      url: `/api/webhooks/${created.id}`,
      payload: { secret: newSecret },
    });
    expect(rotated.json()).toMatchObject({ hasSecret: true });
    const cleared = await api({
      method: 'PATCH',
      url: `/api/webhooks/${created.id}`,
      payload: { secret: null },
    });
    expect(cleared.json()).toMatchObject({ hasSecret: false });

    for (const body of [created, list.body, one.body, renamed.body, rotated.body, cleared.body].map((b) =>
      typeof b === 'string' ? b : JSON.stringify(b),
    )) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(newSecret);
    }
    // Saving what is already there writes nothing, and audits nothing.
    const same = await api({
      method: 'PATCH',
      url: `/api/webhooks/${created.id}`,
      payload: { name: '专班钉钉群（新）', events: ['warning.cleared'], active: true, secret: null },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual(cleared.json());
    const audit = await auditRows();
    expect(audit.map((a) => a.action)).toEqual([
      'webhook.create',
      'webhook.update',
      'webhook.update',
      'webhook.update',
    ]);
    const logged = JSON.stringify(audit);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(newSecret);
    // The robot's token in the URL is not kept either; what changed about the secret is.
    expect(logged).not.toContain('tok123');
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      hasSecret: true,
      url: expect.stringContaining('access_token='),
    });
    expect(JSON.parse(audit[2]!.after_json!)).toEqual({ secretChanged: true });
    expect(JSON.parse(audit[3]!.before_json!)).toEqual({ hasSecret: true });
    expect(JSON.parse(audit[3]!.after_json!)).toEqual({ hasSecret: false, secretChanged: true });
  });

  it('posts DingTalk markdown with the documented signature (timestamp in ms, HMAC-SHA256, base64, URL-encoded)', async () => {
    const hook = await create({
      name: '钉钉',
      format: 'dingtalk',
      url: robot.url('/ding-signed', '?access_token=abc'),
      secret: SECRET,
      events: ['warning.issued'],
    });
    const now = new Date('2022-04-20T01:30:00.000Z');
    expect(await enqueue('warning.issued', now)).toBe(1);
    expect(await deliverDue(t.database.db, now)).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    const [req] = robot.at('/ding-signed');
    expect(req).toBeDefined();
    expect(req!.contentType).toMatch(/^application\/json/);
    expect(req!.query.get('access_token')).toBe('abc');
    const timestamp = req!.query.get('timestamp')!;
    expect(timestamp).toBe(String(now.getTime()));
    const expected = sign(SECRET, timestamp);
    expect(req!.query.get('sign')).toBe(expected);
    // URL-encoded in the query (base64's + / = would otherwise be misread).
    expect(req!.rawQuery).toContain(`&sign=${encodeURIComponent(expected)}`);
    expect(req!.json).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '黄灯：松阳县开门红项目',
        text: '#### 黄灯：松阳县开门红项目\n\n**大东坝镇** 松材线虫病疫木除治进度滞后 50 个百分点\n\n> 2022-04-20 09:30',
      },
    });

    const log = await deliveries(hook.id);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      eventType: 'warning.issued',
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: now.toISOString(),
      payload: req!.json,
    });
    expect(JSON.stringify(log)).not.toContain(SECRET);
  });

  it('signs a DingTalk URL with the secret in force when it is sent, and not at all without one', () => {
    const now = new Date(1_650_000_000_123);
    const signed = targetUrl(
      { format: 'dingtalk', url: 'http://127.0.0.1:9/r?access_token=x', secret: 'SECabc' },
      now,
    );
    const u = new URL(signed);
    expect(u.searchParams.get('timestamp')).toBe('1650000000123');
    expect(u.searchParams.get('sign')).toBe(sign('SECabc', '1650000000123'));
    expect(targetUrl({ format: 'dingtalk', url: 'http://127.0.0.1:9/r?a=1', secret: null }, now)).toBe(
      'http://127.0.0.1:9/r?a=1',
    );
    expect(targetUrl({ format: 'wecom', url: 'http://127.0.0.1:9/w?key=k', secret: 'SECabc' }, now)).toBe(
      'http://127.0.0.1:9/w?key=k',
    );
    expect(targetUrl({ format: 'dingtalk', url: 'http://127.0.0.1:9/r', secret: 'SECabc' }, now)).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/r\?timestamp=1650000000123&sign=/,
    );
  });

  it('posts WeCom markdown as {"msgtype":"markdown","markdown":{"content":…}}, unsigned', async () => {
    await create({
      name: '企业微信',
      format: 'wecom',
      url: robot.url('/wecom', '?key=k-1'),
      events: ['warning.cleared'],
    });
    const now = new Date('2022-04-20T02:00:00.000Z');
    expect(await enqueue('warning.cleared', now, { title: '灭灯', text: '已整改到位' })).toBe(1);
    expect((await deliverDue(t.database.db, now)).delivered).toBe(1);
    const [req] = robot.at('/wecom');
    expect(req!.query.get('key')).toBe('k-1');
    expect(req!.query.has('sign')).toBe(false);
    expect(req!.query.has('timestamp')).toBe(false);
    expect(req!.json).toEqual({
      msgtype: 'markdown',
      markdown: { content: '#### 灭灯\n\n已整改到位\n\n> 2022-04-20 10:00' },
    });
  });

  it('queues only for active webhooks of the region subscribed to the event, and only if the caller commits', async () => {
    const issued = await create({
      name: 'a',
      format: 'wecom',
      url: robot.url('/a'),
      events: ['warning.issued'],
    });
    const both = await create({
      name: 'b',
      format: 'dingtalk',
      url: robot.url('/b'),
      events: ['warning.issued', 'warning.cleared'],
    });
    await create({
      name: 'c',
      format: 'wecom',
      url: robot.url('/c'),
      events: ['warning.issued'],
      active: false,
    });
    const now = new Date('2022-04-20T03:00:00.000Z');
    expect(await enqueue('warning.issued', now)).toBe(2);
    expect(await enqueue('warning.cleared', now)).toBe(1);
    expect(await enqueue('warning.escalated', now)).toBe(0);
    expect(await enqueue('something.else', now)).toBe(0);
    expect(
      await enqueueWebhookEvent(t.database.db, 'another-region', {
        type: 'warning.issued',
        title: 'x',
        text: 'y',
        at: now.toISOString(),
      }),
    ).toBe(0);
    // A rolled-back write sends nothing.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await enqueueWebhookEvent(trx, region, {
          type: 'warning.issued',
          title: 'x',
          text: 'y',
          at: now.toISOString(),
        });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect((await deliveries(issued.id)).total).toBe(1);
    expect((await deliveries(both.id)).total).toBe(2);
    await deliverDue(t.database.db, now);
    expect(robot.at('/a')).toHaveLength(1);
    expect(robot.at('/b')).toHaveLength(2);
    expect(robot.at('/c')).toHaveLength(0);
  });

  it('retries after a 500 with exponential backoff (1, 2, 4 minutes) and then delivers', async () => {
    const hook = await create({
      name: 'flaky',
      format: 'wecom',
      url: robot.url('/flaky'),
      events: ['warning.issued'],
    });
    robot.script(
      '/flaky',
      { status: 500, body: 'oops' },
      { status: 502, body: '' },
      { status: 500, body: '{}' },
    );
    const t0 = new Date('2022-04-20T04:00:00.000Z');
    await enqueue('warning.issued', t0);

    expect(await deliverDue(t.database.db, t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500: oops',
      nextAttemptAt: addMinutes(t0, 1).toISOString(),
    });
    // Not due yet: nothing is sent.
    expect(await deliverDue(t.database.db, addMinutes(t0, 0.5))).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    expect(robot.at('/flaky')).toHaveLength(1);

    const t1 = addMinutes(t0, 1);
    expect((await deliverDue(t.database.db, t1)).retrying).toBe(1);
    [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({
      attempts: 2,
      lastStatusCode: 502,
      nextAttemptAt: addMinutes(t1, 2).toISOString(),
    });

    const t2 = addMinutes(t1, 2);
    expect((await deliverDue(t.database.db, t2)).retrying).toBe(1);
    [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({ attempts: 3, nextAttemptAt: addMinutes(t2, 4).toISOString() });

    const t3 = addMinutes(t2, 4);
    expect(await deliverDue(t.database.db, t3)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: t3.toISOString(),
      nextAttemptAt: null,
    });
    expect(robot.at('/flaky')).toHaveLength(4);
    // Every attempt posts the same body.
    expect(new Set(robot.at('/flaky').map((r) => r.body)).size).toBe(1);
  });

  it('treats HTTP 200 with errcode ≠ 0 as a failure and retries it', async () => {
    const hook = await create({
      name: 'refusing',
      format: 'dingtalk',
      url: robot.url('/refusing', '?access_token=t'),
      secret: SECRET,
      events: ['warning.escalated'],
    });
    robot.script('/refusing', { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    const t0 = new Date('2022-04-20T05:00:00.000Z');
    await enqueue('warning.escalated', t0);
    expect((await deliverDue(t.database.db, t0)).retrying).toBe(1);
    let [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 200,
      lastError: 'errcode 310000: sign not match',
      nextAttemptAt: addMinutes(t0, 1).toISOString(),
    });
    const t1 = addMinutes(t0, 1);
    expect((await deliverDue(t.database.db, t1)).delivered).toBe(1);
    [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    // The retry was signed afresh, with its own timestamp.
    const stamps = robot.at('/refusing').map((r) => r.query.get('timestamp'));
    expect(stamps).toEqual([String(t0.getTime()), String(t1.getTime())]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the delivery failed`, async () => {
    const hook = await create({
      name: 'down',
      format: 'wecom',
      url: robot.url('/down'),
      events: ['warning.issued'],
    });
    robot.always('/down', { status: 503, body: 'maintenance' });
    let now = new Date('2022-04-20T06:00:00.000Z');
    await enqueue('warning.issued', now);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await deliverDue(t.database.db, now);
      const [d] = (await deliveries(hook.id)).items;
      expect(d!.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(r).toEqual({ delivered: 0, retrying: 1, failed: 0 });
        const next = new Date(d!.nextAttemptAt!);
        delays.push((next.getTime() - now.getTime()) / 60_000);
        now = next;
      } else {
        expect(r).toEqual({ delivered: 0, retrying: 0, failed: 1 });
        expect(d).toMatchObject({ status: 'failed', nextAttemptAt: null, lastStatusCode: 503 });
      }
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(delays).toEqual(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1) / 60_000));
    // Nothing more, however late.
    expect(await deliverDue(t.database.db, addMinutes(now, 24 * 60))).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    expect(robot.at('/down')).toHaveLength(MAX_ATTEMPTS);
    expect((await deliveries(hook.id, '?status=failed')).total).toBe(1);
  });

  it('records an unreachable robot as an error without a status code, and retries it', async () => {
    const closed = new Receiver();
    await closed.start();
    const url = closed.url('/gone');
    await closed.stop();
    const hook = await create({ name: 'gone', format: 'wecom', url, events: ['warning.issued'] });
    const now = new Date('2022-04-20T07:00:00.000Z');
    await enqueue('warning.issued', now);
    expect((await deliverDue(t.database.db, now)).retrying).toBe(1);
    const [d] = (await deliveries(hook.id)).items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d!.lastError).toMatch(/ECONNREFUSED/);
  });

  it('sends each delivery once when two workers run at the same moment', async () => {
    const hooks = await Promise.all(
      ['p', 'q', 'r'].map((n) =>
        create({
          name: `race-${n}`,
          format: 'wecom',
          url: robot.url(`/race-${n}`),
          events: ['warning.issued'],
        }),
      ),
    );
    const now = new Date('2022-04-20T08:00:00.000Z');
    for (let i = 0; i < 3; i++) await enqueue('warning.issued', now, { title: `事项 ${i}` });
    const [a, b] = await Promise.all([deliverDue(t.database.db, now), deliverDue(t.database.db, now)]);
    expect(a.delivered + b.delivered).toBe(9);
    for (const h of hooks) {
      expect(robot.at(`/race-${h.name.slice(5)}`)).toHaveLength(3);
      const log = await deliveries(h.id);
      expect(log.items.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    }
  });

  it('keeps a delivery log per webhook, newest first, filtered by status and paged', async () => {
    const hook = await create({
      name: 'log',
      format: 'wecom',
      url: robot.url('/log'),
      events: ['warning.issued', 'warning.cleared'],
    });
    robot.script('/log', OK, { status: 500, body: '' });
    const t0 = new Date('2022-04-20T09:00:00.000Z');
    await enqueue('warning.issued', t0, { title: 'first' });
    await enqueue('warning.cleared', addMinutes(t0, 1), { title: 'second' });
    await enqueue('warning.issued', addMinutes(t0, 60), { title: 'not yet due' });
    await deliverDue(t.database.db, addMinutes(t0, 1));
    const all = await deliveries(hook.id);
    expect(all.total).toBe(3);
    expect(all.items.map((d) => [d.payload.markdown.content!.split('\n')[0], d.status])).toEqual([
      ['#### not yet due', 'pending'],
      ['#### second', 'pending'],
      ['#### first', 'delivered'],
    ]);
    expect(all.items[1]).toMatchObject({ eventType: 'warning.cleared', attempts: 1, lastStatusCode: 500 });
    expect(all.items[0]).toMatchObject({
      attempts: 0,
      lastError: null,
      nextAttemptAt: addMinutes(t0, 60).toISOString(),
    });
    expect((await deliveries(hook.id, '?status=delivered')).items.map((d) => d.status)).toEqual([
      'delivered',
    ]);
    const page = await deliveries(hook.id, '?page=2&pageSize=2');
    expect(page).toMatchObject({ total: 3, items: [{ status: 'delivered' }] });
    expectError(
      await api({ method: 'GET', url: `/api/webhooks/${hook.id}/deliveries?status=sent` }),
      400,
      'invalid_value',
      'status',
    );
    expectError(
      await api({ method: 'GET', url: '/api/webhooks/no-such-webhook/deliveries' }),
      404,
      'not_found',
    );
  });

  it('sends a test message now, in the caller’s language, even before the webhook is switched on', async () => {
    const hook = await create({
      name: '测试群',
      format: 'dingtalk',
      url: robot.url('/test-me', '?access_token=t'),
      secret: SECRET,
      events: ['warning.issued'],
      active: false,
    });
    const before = await auditCount();
    const res = await api({ method: 'POST', url: `/api/webhooks/${hook.id}/test` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      eventType: 'webhook.test',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(res.body).not.toContain(SECRET);
    const [req] = robot.at('/test-me');
    expect(req!.query.get('sign')).toBe(sign(SECRET, req!.query.get('timestamp')!));
    expect(req!.query.get('timestamp')).toBe(String(t.clock.now().getTime()));
    expect((req!.json as DeliveryJson['payload']).markdown.text).toContain('测试群');
    expect((req!.json as DeliveryJson['payload']).markdown.title).toBe('奔跑 · 测试消息');
    expect(await auditCount()).toBe(before + 1);
    expect((await auditRows()).at(-1)!.action).toBe('webhook.test');

    const en = await api({
      method: 'POST',
      url: `/api/webhooks/${hook.id}/test`,
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().payload.markdown.title).toBe('Benpao · test message');

    // A failing test stays in the log with its error; switched off, the webhook gets no retry of it.
    robot.script('/test-me', { status: 200, body: '{"errcode":300001,"errmsg":"token is not exist"}' });
    const failed = await api({ method: 'POST', url: `/api/webhooks/${hook.id}/test` });
    expect(failed.json()).toMatchObject({
      status: 'pending',
      lastError: 'errcode 300001: token is not exist',
    });
    const retryAt = new Date(failed.json().nextAttemptAt as string);
    expect(await deliverDue(t.database.db, retryAt)).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect((await deliveries(hook.id, '?status=failed')).items[0]).toMatchObject({
      lastError: 'webhook inactive',
    });
    expect(robot.at('/test-me')).toHaveLength(3);
    expectError(await api({ method: 'POST', url: '/api/webhooks/no-such-webhook/test' }), 404, 'not_found');
  });

  it('abandons what is pending when a webhook is switched off, and deletes its log with it', async () => {
    const hook = await create({
      name: 'off',
      format: 'wecom',
      url: robot.url('/off'),
      events: ['warning.issued'],
    });
    const now = new Date('2022-04-20T10:00:00.000Z');
    await enqueue('warning.issued', now);
    await enqueue('warning.issued', now);
    const off = await api({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, payload: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    expect((await deliveries(hook.id, '?status=failed')).total).toBe(2);
    expect(JSON.parse((await auditRows()).at(-1)!.after_json!)).toEqual({
      active: false,
      pendingAbandoned: 2,
    });
    expect(await enqueue('warning.issued', now)).toBe(0);
    expect(await deliverDue(t.database.db, now)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(robot.at('/off')).toHaveLength(0);

    const del = await api({ method: 'DELETE', url: `/api/webhooks/${hook.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expect(await t.database.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
    const last = (await auditRows()).at(-1)!;
    expect(last.action).toBe('webhook.delete');
    expect(JSON.parse(last.before_json!)).toMatchObject({ name: 'off', deliveries: 2 });
    expectError(await api({ method: 'GET', url: `/api/webhooks/${hook.id}` }), 404, 'not_found');
    expectError(await api({ method: 'DELETE', url: `/api/webhooks/${hook.id}` }), 404, 'not_found');
  });

  it('fails a delivery whose webhook was deleted while it was being queued', async () => {
    const hook = await create({
      name: 'vanishing',
      format: 'wecom',
      url: robot.url('/vanishing'),
      events: ['warning.issued'],
    });
    const now = new Date('2022-04-20T11:00:00.000Z');
    await enqueue('warning.issued', now);
    // As if the delete committed between the enqueuer's read and its insert.
    await t.database.db.deleteFrom('webhooks').where('id', '=', hook.id).execute();
    expect(await deliverDue(t.database.db, now)).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    const row = await t.database.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error: 'webhook deleted' });
    expect(robot.at('/vanishing')).toHaveLength(0);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const good = { name: 'x', format: 'wecom', url: robot.url('/x'), events: ['warning.issued'] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, url: 'ftp://127.0.0.1/robot' }, 'invalid_url', 'url'],
      [{ ...good, url: 'javascript:alert(1)' }, 'invalid_url', 'url'],
      [{ ...good, url: 'not a url' }, 'invalid_url', 'url'],
      [{ ...good, url: 'http://user:pw@127.0.0.1/robot' }, 'invalid_url', 'url'],
      [{ ...good, url: `http://127.0.0.1/${'a'.repeat(1000)}` }, 'too_big_string', 'url'],
      [{ ...good, format: 'slack' }, 'invalid_value', 'format'],
      [{ ...good, format: undefined }, 'required', 'format'],
      [{ ...good, events: ['warning.issued', 'item.created'] }, 'invalid_value', 'events.1'],
      [{ ...good, events: [] }, 'too_small_array', 'events'],
      [{ ...good, events: 'warning.issued' }, 'invalid_type', 'events'],
      [{ ...good, name: '  ' }, 'too_small_string', 'name'],
      [{ ...good, secret: 'SECabc' }, 'secret_not_for_format', 'secret'],
      [{ ...good, format: 'dingtalk', secret: 'x'.repeat(201) }, 'too_big_string', 'secret'],
      [{ ...good, active: 'yes' }, 'invalid_type', 'active'],
      [{ ...good, colour: 'red' }, 'unknown_field', 'colour'],
    ];
    const before = [await auditCount(), await webhookCount()];
    for (const [payload, code, field] of cases) {
      const zh = expectError(await api({ method: 'POST', url: '/api/webhooks', payload }), 400, code, field);
      const en = expectError(
        await api({ method: 'POST', url: '/api/webhooks', payload, headers: { 'accept-language': 'en-US' } }),
        400,
        code,
        field,
      );
      expect(en.message).not.toBe(zh.message);
    }
    expect([await auditCount(), await webhookCount()]).toEqual(before);

    const hook = await create({ ...good, name: 'taken' });
    const ding = await create({ ...good, name: 'ding', format: 'dingtalk' });
    const patches: [string, Record<string, unknown>, number, string, string][] = [
      [hook.id, { url: 'file:///etc/passwd' }, 400, 'invalid_url', 'url'],
      [hook.id, { format: 'dingtalk' }, 400, 'webhook_format_fixed', 'format'],
      [hook.id, { secret: 'SECabc' }, 400, 'secret_not_for_format', 'secret'],
      [hook.id, { events: ['warning.lit'] }, 400, 'invalid_value', 'events.0'],
      [ding.id, { name: 'taken' }, 409, 'conflict_unique', 'name'],
      ['no-such-webhook', { name: 'y' }, 404, 'not_found', ''],
    ];
    const after = await auditCount();
    for (const [id, payload, status, code, field] of patches)
      expectError(
        await api({ method: 'PATCH', url: `/api/webhooks/${id}`, payload }),
        status,
        code,
        field || undefined,
      );
    expectError(
      await api({ method: 'POST', url: '/api/webhooks', payload: { ...good, name: 'taken' } }),
      409,
      'conflict_unique',
      'name',
    );
    expect(await auditCount()).toBe(after);
  });

  it('is the system administrator’s alone', async () => {
    const hook = await create({
      name: 'mine',
      format: 'wecom',
      url: robot.url('/mine'),
      events: ['warning.issued'],
    });
    expectError(await api({ method: 'GET', url: '/api/webhooks' }, supervisor), 403, 'forbidden');
    expectError(
      await api({ method: 'POST', url: `/api/webhooks/${hook.id}/test` }, supervisor),
      403,
      'forbidden',
    );
    expectError(await api({ method: 'GET', url: '/api/webhooks' }, null), 401, 'unauthenticated');
    expect(robot.at('/mine')).toHaveLength(0);
  });

  it('never answers 500 to arbitrary bodies', async () => {
    const hook = await create({
      name: 'fuzz',
      format: 'dingtalk',
      url: robot.url('/fuzz'),
      events: ['warning.issued'],
    });
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom('warning.issued', 'warning.cleared', 'x', ''), { maxLength: 3 }),
      fc.constantFrom<unknown>('dingtalk', 'wecom', robot.url('/fuzz'), 'https://[::1]/', 'http://', ''),
    );
    const keys = ['name', 'format', 'url', 'secret', 'events', 'active'];
    const body = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    for (const [method, url] of [
      ['POST', '/api/webhooks'],
      ['PATCH', `/api/webhooks/${hook.id}`],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const res = await api({ method, url, payload });
          expect(res.statusCode, `${method} ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('cuts a long message at the robots’ 4096-byte limit on a character boundary', () => {
    const cut = truncateUtf8('进'.repeat(2000), 4096);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toContain('\uFFFD');
    expect(truncateUtf8('short', 4096)).toBe('short');
  });
});
