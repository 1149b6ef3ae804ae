// Supervision bulletins (督查通报): a draft generated from the period's warnings and index, edited as sanitised rich
// text, approved by someone other than its drafter, published with a number unique under concurrency, read
// receipts per unit, corrections, and the .docx opened and read.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, regionId, unitId } from './fixtures.ts';
import { blocksOf, sanitizeBody, type Block } from '../src/modules/bulletins/rich-text.ts';

interface Bulletin {
  id: string;
  number: string | null;
  seq: number | null;
  year: number | null;
  title: string;
  status: string;
  bodyHtml: string;
  correctsBulletinId: string | null;
  correctedBy: { id: string; number: string | null; status: string }[];
  actions: string[];
  rowVersion: number;
  readByMyUnit: boolean | null;
}

const documentXml = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  // The text of every run, in order: what a reader of the document sees.
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
};

describe.skipIf(!pgAvailable)(`bulletins (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let supervisor2: string;
  let leader: string;
  let dadongba: string;
  let dadongbaTb: string;
  let xinxing: string;
  let region: string;

  const draft = async (from = '2022-04-01', to = '2022-04-20') => {
    const res = await t.as(supervisor, {
      method: 'POST',
      url: '/api/bulletins/drafts',
      payload: { from, to },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Bulletin;
  };
  const act = (cookie: string, id: string, action: string) =>
    t.as(cookie, { method: 'POST', url: `/api/bulletins/${id}/${action}` });
  const approved = async () => {
    const d = await draft();
    const res = await act(leader, d.id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    return d;
  };

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'supervisor2', unit: '县执行力建设专班', roles: ['supervisor'] });
    supervisor = await t.login('supervisor');
    supervisor2 = await t.login('supervisor2');
    leader = await t.login('leader');
    dadongba = await t.login('dadongba');
    dadongbaTb = await t.login('dadongba_tb');
    xinxing = await t.login('xinxing');
    region = await regionId(t);
  });
  afterAll(() => t.close());

  it('drafts from the period: every warning issued in it with its reason, the typical problems, the index', async () => {
    const issued = await t.database.db
      .selectFrom('warnings')
      .select(['explanation_zh', 'kind', 'issued_on'])
      .where('region_id', '=', region)
      .where('issued_on', '>=', '2022-04-01')
      .where('issued_on', '<=', '2022-04-20')
      .where('state', '!=', 'revoked')
      .execute();
    expect(issued.length).toBeGreaterThan(0);
    const d = await draft();
    expect(d.status).toBe('draft');
    expect(d.number).toBeNull();
    expect(d.title).toBe('关于2022年4月1日至2022年4月20日执行力督查情况的通报');
    for (const w of issued)
      expect(d.bodyHtml).toContain(w.explanation_zh.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    expect(d.bodyHtml).toContain('存在的典型问题');
    expect(d.bodyHtml).toContain('奔跑指数排名');
    expect(d.bodyHtml).toContain('<table>');
    expect(d.actions).toContain('edit');
    // The drafter may not approve their own draft.
    expect(d.actions).not.toContain('approve');
  });

  it('refuses a bad period naming the field, and unknown fields', async () => {
    const post = (payload: object) =>
      t.as(supervisor, { method: 'POST', url: '/api/bulletins/drafts', payload });
    expectError(await post({ from: '2022-04-20', to: '2022-04-01' }), 400, 'period_order', 'to');
    expectError(await post({ from: '2022-13-01', to: '2022-04-01' }), 400, undefined, 'from');
    expectError(await post({ from: '2020-01-01', to: '2022-04-01' }), 400, 'period_too_long', 'to');
    expectError(await post({ from: '2023-01-01', to: '2023-01-31' }), 400, 'period_future', 'from');
    expectError(await post({ from: '2022-04-01', to: '2022-04-20', extra: 1 }), 400);
  });

  it('hides drafts from units and lets county roles see them', async () => {
    const d = await draft();
    expectError(await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}` }), 404, 'not_found');
    const unitList = (await t.as(dadongba, { method: 'GET', url: '/api/bulletins?pageSize=100' })).json() as {
      items: Bulletin[];
    };
    expect(unitList.items.map((b) => b.id)).not.toContain(d.id);
    const askedForDrafts = await t.as(dadongba, { method: 'GET', url: '/api/bulletins?status=draft' });
    expect(askedForDrafts.json()).toEqual({ items: [], total: 0 });
    const countyDrafts = (
      await t.as(leader, { method: 'GET', url: '/api/bulletins?status=draft&pageSize=100' })
    ).json() as {
      items: Bulletin[];
    };
    expect(countyDrafts.items.map((b) => b.id)).toContain(d.id);
    expect(countyDrafts.items.every((b) => b.status === 'draft')).toBe(true);
    expect((await t.as(leader, { method: 'GET', url: `/api/bulletins/${d.id}` })).statusCode).toBe(200);
    expectError(
      await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}/document.docx` }),
      404,
      'not_found',
    );
  });

  it('sanitises the rich text of an edit and keeps its words', async () => {
    const d = await draft();
    const res = await t.as(supervisor, {
      method: 'PATCH',
      url: `/api/bulletins/${d.id}`,
      payload: {
        title: '关于四月督查情况的通报',
        bodyHtml:
          '<h2 style="color:red">一、情况</h2><p onclick="steal()">正文<strong>加粗</strong><img src=x onerror="alert(1)"></p>' +
          '<script>alert(2)</script><a href="javascript:alert(3)">链接文字</a><iframe src="https://evil"></iframe>',
        rowVersion: d.rowVersion,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Bulletin;
    expect(b.title).toBe('关于四月督查情况的通报');
    expect(b.bodyHtml).toBe('<h2>一、情况</h2><p>正文<strong>加粗</strong></p>链接文字');
    // An edit from a stale version is refused; one with nothing left after sanitising too.
    expectError(
      await t.as(supervisor, {
        method: 'PATCH',
        url: `/api/bulletins/${d.id}`,
        payload: { title: '旧版本', rowVersion: d.rowVersion },
      }),
      409,
      'stale_version',
    );
    expectError(
      await t.as(supervisor, {
        method: 'PATCH',
        url: `/api/bulletins/${d.id}`,
        payload: { bodyHtml: '<script>x</script><img src=x>' },
      }),
      400,
      'bulletin_body_empty',
      'bodyHtml',
    );
  });

  it('needs a leader or another supervisor to approve; then publishes once with its number, never edited again', async () => {
    const d = await draft();
    expectError(await act(supervisor, d.id, 'approve'), 403, 'bulletin_self_approval');
    // Publishing a draft that was not approved is refused.
    expectError(await act(supervisor, d.id, 'publish'), 409, 'bulletin_state');
    const ok = await act(supervisor2, d.id, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Bulletin).status).toBe('approved');
    expectError(await act(leader, d.id, 'approve'), 409, 'bulletin_state');
    expectError(
      await t.as(supervisor, {
        method: 'PATCH',
        url: `/api/bulletins/${d.id}`,
        payload: { title: '审核后修改' },
      }),
      409,
      'bulletin_state',
    );

    const published = await act(supervisor, d.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    const p = published.json() as Bulletin;
    expect(p.status).toBe('published');
    expect(p.year).toBe(2022);
    expect(p.number).toBe(`松执专〔2022〕${p.seq}号`);
    expectError(await act(supervisor, d.id, 'publish'), 409, 'bulletin_published');
    expectError(
      await t.as(supervisor, {
        method: 'PATCH',
        url: `/api/bulletins/${d.id}`,
        payload: { title: '发布后修改' },
      }),
      409,
      'bulletin_published',
    );
    const stored = await t.database.db
      .selectFrom('bulletins')
      .select(['title', 'number'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: d.title, number: p.number });

    // Every unit's managers and reporters are notified; the publisher is not.
    const notes = await t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.params'])
      .where('notifications.kind', '=', 'bulletin_published')
      .where('notifications.dedupe_key', '=', `bulletin_published:${d.id}`)
      .execute();
    const who = notes.map((n) => n.username);
    expect(who).toEqual(expect.arrayContaining(['dadongba', 'dadongba_tb', 'xinxing', 'zrzy']));
    expect(who).not.toContain('supervisor');
    expect(JSON.parse(notes[0]!.params)).toMatchObject({ bulletinId: d.id, number: p.number });
  });

  it('gives concurrent publications distinct consecutive numbers', async () => {
    const drafts = [];
    for (let i = 0; i < 5; i++) drafts.push(await approved());
    const before = await t.database.db
      .selectFrom('bulletins')
      .select((eb) => eb.fn.max<number | null>('seq').as('m'))
      .where('region_id', '=', region)
      .where('year', '=', 2022)
      .executeTakeFirstOrThrow();
    const last = Number(before.m ?? 0);
    // The same bulletin twice among them: one publication wins, the other is a 409.
    const results = await Promise.all([
      ...drafts.map((d) => act(supervisor, d.id, 'publish')),
      act(supervisor, drafts[0]!.id, 'publish'),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 409]);
    const seqs = results
      .filter((r) => r.statusCode === 200)
      .map((r) => (r.json() as Bulletin).seq!)
      .sort((a, b) => a - b);
    expect(seqs).toEqual([last + 1, last + 2, last + 3, last + 4, last + 5]);
    const numbers = await t.database.db
      .selectFrom('bulletins')
      .select('number')
      .where('region_id', '=', region)
      .where('status', '=', 'published')
      .execute();
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
    const counter = await t.database.db
      .selectFrom('bulletin_counters')
      .select('last')
      .where('region_id', '=', region)
      .where('year', '=', 2022)
      .executeTakeFirstOrThrow();
    expect(Number(counter.last)).toBe(last + 5);
  });

  it('records the first reader of each unit as its receipt and shows who has not read', async () => {
    const d = await approved();
    expect((await act(supervisor, d.id, 'publish')).statusCode).toBe(200);
    const own = await unitId(t, '大东坝镇');

    const unitView = (
      await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}` })
    ).json() as Bulletin;
    expect(unitView.readByMyUnit).toBe(false);
    expect(unitView.actions).toEqual(['read']);

    const first = await act(dadongbaTb, d.id, 'read');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      unitId: own,
      firstRead: true,
      readBy: { name: expect.any(String) },
    });
    const again = await act(dadongba, d.id, 'read');
    expect(again.json()).toMatchObject({ firstRead: false, readAt: first.json().readAt });
    expect(again.json().readBy.id).toBe(first.json().readBy.id);
    expect((await act(xinxing, d.id, 'read')).json().firstRead).toBe(true);

    const receipts = await t.as(supervisor, { method: 'GET', url: `/api/bulletins/${d.id}/receipts` });
    expect(receipts.statusCode, receipts.body).toBe(200);
    const r = receipts.json() as {
      units: number;
      read: number;
      receipts: { unitName: string; readAt: string | null; readBy: { name: string } | null }[];
    };
    const activeUnits = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('region_id', '=', region)
      .where('active', '=', 1)
      .execute();
    expect(r.units).toBe(activeUnits.length);
    expect(r.read).toBe(2);
    const byName = new Map(r.receipts.map((x) => [x.unitName, x]));
    expect(byName.get('大东坝镇')!.readAt).not.toBeNull();
    expect(byName.get('新兴镇')!.readAt).not.toBeNull();
    expect(byName.get('望松街道')).toMatchObject({ readAt: null, readBy: null });
    const listed = (await t.as(dadongba, { method: 'GET', url: '/api/bulletins?pageSize=100' })).json() as {
      items: Bulletin[];
    };
    expect(listed.items.find((b) => b.id === d.id)!.readByMyUnit).toBe(true);
    expect(listed.items.every((b) => b.status === 'published')).toBe(true);

    // A unit cannot read another unit's receipts, nor mark a draft read.
    expectError(
      await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}/receipts` }),
      403,
      'forbidden',
    );
    const unpublished = await draft();
    expectError(await act(dadongba, unpublished.id, 'read'), 404, 'not_found');
  });

  it('corrects a published bulletin with a new draft that refers to it', async () => {
    const d = await approved();
    const p = (await act(supervisor, d.id, 'publish')).json() as Bulletin;
    expectError(await act(supervisor, (await draft()).id, 'corrections'), 409, 'bulletin_not_published');
    const res = await act(supervisor, d.id, 'corrections');
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Bulletin & { corrects: { id: string; number: string } };
    expect(c.status).toBe('draft');
    expect(c.number).toBeNull();
    expect(c.correctsBulletinId).toBe(d.id);
    expect(c.corrects).toMatchObject({ id: d.id, number: p.number });
    expect(c.title).toBe(`关于更正${p.number}的通报`);
    expect(c.bodyHtml).toContain(`${p.number}《${d.title}》`);
    const original = (
      await t.as(supervisor, { method: 'GET', url: `/api/bulletins/${d.id}` })
    ).json() as Bulletin;
    expect(original.correctedBy).toEqual([{ id: c.id, number: null, status: 'draft' }]);
    // A unit does not see the correction until it is published.
    const forUnit = (
      await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}` })
    ).json() as Bulletin;
    expect(forUnit.correctedBy).toEqual([]);
  });

  it('writes the .docx in the official layout: issuer, number, title, body and the warnings table', async () => {
    const d = await approved();
    const p = (await act(supervisor, d.id, 'publish')).json() as Bulletin;
    const reason = await t.database.db
      .selectFrom('warnings')
      .select('explanation_zh')
      .where('region_id', '=', region)
      .where('issued_on', '>=', '2022-04-01')
      .where('issued_on', '<=', '2022-04-20')
      .where('state', '!=', 'revoked')
      .executeTakeFirstOrThrow();
    const res = await t.as(dadongba, { method: 'GET', url: `/api/bulletins/${d.id}/document.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(p.number!));
    const text = await documentXml(res.rawPayload);
    expect(text).toContain('松阳县执行力建设专班');
    expect(text).toContain(p.number!);
    expect(text).toContain(p.title);
    expect(text).toContain('一、总体情况');
    expect(text).toContain(reason.explanation_zh);
    expect(text).toContain('2022年4月20日');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('w:color w:val="C00000"');
    // A draft's document says it has no number yet.
    const draftDoc = await t.as(supervisor, {
      method: 'GET',
      url: `/api/bulletins/${(await draft()).id}/document.docx`,
    });
    expect(await documentXml(draftDoc.rawPayload)).toContain('草稿，未编号');
  });

  it('numbers by the region format, which the task force may change (validated)', async () => {
    const s = await t.as(dadongba, { method: 'GET', url: '/api/bulletins/settings' });
    expect(s.json()).toEqual({
      numberFormat: '松执专〔{year}〕{seq}号',
      issuer: '松阳县执行力建设专班',
      example: '松执专〔2022〕1号',
    });
    const put = (payload: object) =>
      t.as(supervisor, { method: 'PUT', url: '/api/bulletins/settings', payload });
    expectError(
      await put({ numberFormat: '松执专〔{year}〕号', issuer: '专班' }),
      400,
      'bulletin_number_format',
      'numberFormat',
    );
    const ok = await put({ numberFormat: '松督〔{year}〕{seq}号', issuer: '松阳县执行力建设专班' });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = await approved();
    const p = (await act(supervisor, d.id, 'publish')).json() as Bulletin;
    // The sequence of the year goes on; only the wording changes.
    expect(p.number).toBe(`松督〔2022〕${p.seq}号`);
    expect(p.seq).toBeGreaterThan(1);
  });
});

describe('bulletin rich text', () => {
  it('keeps paragraphs, headings, emphasis, lists and tables, and nothing else', () => {
    expect(
      sanitizeBody(
        '<p style="x" class="y">甲<em>乙</em></p><ul><li>丙</li></ul><table border="1"><tr><td colspan="2">丁</td></tr></table>' +
          '<style>p{}</style><svg><script>1</script></svg><p>a &amp; b &lt;c&gt;</p>',
      ),
    ).toBe(
      '<p>甲<em>乙</em></p><ul><li>丙</li></ul><table><tr><td>丁</td></tr></table><p>a &amp; b &lt;c&gt;</p>',
    );
  });

  it('reads sanitised HTML back as blocks with their runs, entities decoded', () => {
    const blocks = blocksOf(
      sanitizeBody(
        '<h2>一、总体情况</h2><p>正文<strong>加粗</strong>&amp;<br>下一行</p><ol><li>第一</li></ol>' +
          '<table><thead><tr><th>单位</th><th>原因</th></tr></thead><tbody><tr><td>大东坝镇</td><td>节点&lt;逾期&gt;</td></tr></tbody></table>',
      ),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'item', 'table']);
    const p = blocks[1] as Exclude<Block, { kind: 'table' }>;
    expect(p.runs.map((r) => [r.text, r.bold, r.break])).toEqual([
      ['正文', false, false],
      ['加粗', true, false],
      ['&', false, false],
      ['下一行', false, true],
    ]);
    const table = blocks[3] as Extract<Block, { kind: 'table' }>;
    expect(table.rows.map((r) => [r.header, r.cells.map((c) => c.map((x) => x.text).join(''))])).toEqual([
      [true, ['单位', '原因']],
      [false, ['大东坝镇', '节点<逾期>']],
    ]);
  });
});
