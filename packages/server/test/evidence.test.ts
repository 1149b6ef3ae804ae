// Evidence files (佐证材料) through the real app: types judged by content, size limits that leave nothing behind,
// content-addressed storage, downloads only for those who may see the item, linking to reports. Both databases.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, unitId } from './fixtures.ts';
import {
  acceptedItem,
  docx,
  multipart,
  ole2Word,
  pdf,
  png,
  setRegion,
  zip,
  type EvidenceJson,
  type ReportJson,
} from './reports-fixtures.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under the evidence directory (temporary ones included), relative to it. */
function filesOnDisk(t: TestApp): string[] {
  const root = path.join(t.env.dataDir, 'evidence');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

const rowCount = async (t: TestApp) =>
  (await t.database.db.selectFrom('evidence_files').select('id').execute()).length;

describe.skipIf(!pgAvailable)(`evidence files (${dialect})`, () => {
  let t: TestApp;
  let itemId: string;
  let otherItemId: string;
  const c = {} as Record<'supervisor' | 'leader' | 'manager' | 'reporter' | 'coManager' | 'stranger', string>;

  const upload = (
    cookie: string,
    file: Buffer,
    name: string | null = 'file.bin',
    opts: { field?: string; item?: string; type?: string } = {},
  ) => {
    const body = multipart(opts.field ?? 'file', name, file, opts.type);
    return t.as(cookie, {
      method: 'POST',
      url: `/api/items/${opts.item ?? itemId}/evidence`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const uploaded = async (cookie: string, file: Buffer, name: string) => {
    const res = await upload(cookie, file, name);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as EvidenceJson;
  };

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, {
      username: 'ddb_rep',
      unit: '大东坝镇',
      roles: ['unit_reporter'],
      displayName: '王填报（测试）',
    });
    c.supervisor = await t.login('supervisor');
    c.leader = await t.login('leader');
    c.manager = await t.login('dadongba');
    c.reporter = await t.login('ddb_rep');
    c.coManager = await t.login('xinxing');
    c.stranger = await t.login('wangsong');
    await setRegion(t, { today: '2022-02-15', approval: false, maxBytes: 20 * 1024 * 1024 });
    const lead = await unitId(t, '大东坝镇');
    const co = await unitId(t, '新兴镇');
    ({ id: itemId } = await acceptedItem(
      t,
      { supervisor: c.supervisor, manager: c.manager },
      { leadUnitId: lead, coUnitIds: [co] },
    ));
    ({ id: otherItemId } = await acceptedItem(
      t,
      { supervisor: c.supervisor, manager: c.manager },
      { leadUnitId: lead },
    ));
  });
  afterAll(() => t.close());

  it('stores a real PNG under its hash and describes it by its content', async () => {
    const image = png();
    const e = await uploaded(c.reporter, image, '现场照片.png');
    expect(e).toMatchObject({
      name: '现场照片.png',
      size: image.length,
      mime: 'image/png',
      sha256: sha256(image),
      uploadedBy: '王填报（测试）',
      reportId: null,
      downloadUrl: `/api/evidence/${e.id}/download`,
    });
    const stored = path.join(t.env.dataDir, 'evidence', e.sha256.slice(0, 2), e.sha256);
    expect(fs.readFileSync(stored).equals(image)).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', e.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.upload']);
  });

  it.each([
    ['a PDF', pdf(), 'report.pdf', 'application/pdf'],
    [
      'a Word document (.docx)',
      docx(),
      '整改说明.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a legacy Word document (OLE2)', ole2Word(), 'old.doc', 'application/msword'],
    ['a PNG whatever its name and declared type', png(3, 1), 'notes.txt', 'image/png'],
  ])('accepts %s', async (_label, file, name, mime) => {
    const res = await upload(c.reporter, file, name, { type: 'text/plain' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime, size: file.length, name });
  });

  it.each([
    ['a text file named .png', Buffer.from('这不是图片 just text\n'), 'photo.png', 'image/png'],
    ['a plain ZIP archive', zip({ 'hello.txt': 'hello' }), 'archive.docx', 'application/zip'],
    [
      'a ZIP that only names Word parts in a file',
      zip({ 'word/document.xml': '<x/>', 'readme.txt': '[Content_Types].xml' }),
      'a.docx',
      'application/octet-stream',
    ],
    [
      'an SVG image',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
      'image/svg+xml',
    ],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), 'page.pdf', 'application/pdf'],
  ])('refuses %s with 415 naming the file, leaving nothing behind', async (_label, file, name, type) => {
    const before = { rows: await rowCount(t), files: filesOnDisk(t) };
    expectError(await upload(c.reporter, file, name, { type }), 415, 'file_type_refused', 'file');
    expect({ rows: await rowCount(t), files: filesOnDisk(t) }).toEqual(before);
  });

  it('refuses a file over the region limit with 413 naming the file, with no row and no file left', async () => {
    await setRegion(t, { maxBytes: 4096 });
    try {
      const before = { rows: await rowCount(t), files: filesOnDisk(t) };
      const big = Buffer.concat([png(), Buffer.alloc(5000, 7)]);
      const res = await upload(c.reporter, big, 'big.png');
      const err = expectError(res, 413, 'file_too_large', 'file');
      expect(err.message).toContain('4 KB');
      expect({ rows: await rowCount(t), files: filesOnDisk(t) }).toEqual(before);
      // Just under the limit is fine.
      const fits = Buffer.concat([png(), Buffer.alloc(4096 - png().length, 7)]);
      expect((await upload(c.reporter, fits, 'fits.png')).statusCode).toBe(201);
    } finally {
      await setRegion(t, { maxBytes: 20 * 1024 * 1024 });
    }
  });

  it('takes a file far above the JSON body limit when the region allows it', async () => {
    const large = Buffer.concat([pdf('large'), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const e = await uploaded(c.reporter, large, 'scan.pdf');
    expect(e).toMatchObject({ size: large.length, mime: 'application/pdf', sha256: sha256(large) });
  });

  it('stores identical content once, however often and by whomever it is uploaded', async () => {
    const image = png(5, 5, [1, 2, 3]);
    const a = await uploaded(c.reporter, image, 'a.png');
    const b = await uploaded(c.manager, image, 'b.png');
    const s = await uploaded(c.supervisor, image, 'c.png');
    expect(new Set([a.id, b.id, s.id]).size).toBe(3);
    expect(filesOnDisk(t).filter((f) => f.endsWith(sha256(image)))).toHaveLength(1);
  });

  it('answers 400 naming the file when the request carries none', async () => {
    const before = await rowCount(t);
    expectError(await upload(c.reporter, png(), 'x.png', { field: 'attachment' }), 400, 'required', 'file');
    expectError(
      await upload(c.reporter, Buffer.from('plain value'), null, { type: 'text/plain' }),
      400,
      'required',
      'file',
    );
    expectError(
      await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${itemId}/evidence`,
        payload: { file: 'x' },
      }),
      400,
      'required',
      'file',
    );
    expectError(await upload(c.reporter, Buffer.alloc(0), 'empty.png'), 400, 'file_empty', 'file');
    expect(await rowCount(t)).toBe(before);
    expect(filesOnDisk(t).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('lets the lead unit and the task force upload, not a co-unit or another unit', async () => {
    expectError(await upload(c.coManager, png(), 'co.png'), 403, 'forbidden');
    expectError(await upload(c.stranger, png(), 'x.png'), 403, 'forbidden');
    expectError(await upload(c.leader, png(), 'x.png'), 403, 'forbidden');
    expectError(await upload(c.reporter, png(), 'x.png', { item: 'no-such-item' }), 404, 'not_found');
    expect((await upload(c.supervisor, png(), 'spot-check.png')).statusCode).toBe(201);
  });

  it('serves a download only to those who may see the item, as an attachment of the sniffed type', async () => {
    const doc = pdf('download me');
    const e = await uploaded(c.reporter, doc, '整改报告 (终稿).pdf');
    for (const cookie of [c.reporter, c.manager, c.coManager, c.supervisor, c.leader]) {
      const res = await t.as(cookie, { method: 'GET', url: e.downloadUrl });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(doc)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="____ (__).pdf"; filename*=UTF-8\'\'%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%20%28%E7%BB%88%E7%A8%BF%29.pdf',
      );
    }
    expectError(await t.as(c.stranger, { method: 'GET', url: e.downloadUrl }), 403, 'forbidden');
    expectError(
      await t.as(c.reporter, { method: 'GET', url: '/api/evidence/nope/download' }),
      404,
      'not_found',
    );
    // A PNG uploaded as notes.txt downloads with the extension its content has.
    const renamed = await uploaded(c.reporter, png(1, 3), 'notes.txt');
    const res = await t.as(c.reporter, { method: 'GET', url: renamed.downloadUrl });
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''notes.txt.png");
  });

  it('lists the files of an item to whoever may see it', async () => {
    const res = await t.as(c.coManager, { method: 'GET', url: `/api/items/${itemId}/evidence` });
    expect(res.statusCode).toBe(200);
    expect((res.json().items as EvidenceJson[]).length).toBe(await rowCount(t));
    expectError(await t.as(c.stranger, { method: 'GET', url: `/api/items/${itemId}/evidence` }), 403);
  });

  it('links files to a report, keeps them while it is submitted, and carries them into a correction', async () => {
    const photo = await uploaded(c.reporter, png(4, 4, [9, 9, 9]), '清理前.png');
    const sheet = await uploaded(c.reporter, pdf('sheet'), '台账.pdf');
    const foreign = await uploaded(c.reporter, png(4, 4, [8, 8, 8]), 'elsewhere.png').then(async (e) => {
      // A file of another item cannot be linked.
      await t.database.db
        .updateTable('evidence_files')
        .set({ item_id: otherItemId })
        .where('id', '=', e.id)
        .execute();
      return e;
    });
    expectError(
      await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${itemId}/reports`,
        payload: { periodKey: '2022-01', evidenceIds: [photo.id, foreign.id] },
      }),
      400,
      'evidence_not_of_item',
      'evidenceIds.1',
    );
    const created = await t.as(c.reporter, {
      method: 'POST',
      url: `/api/items/${itemId}/reports`,
      payload: {
        periodKey: '2022-01',
        progress: 30,
        workProgress: '清理 300 株',
        evidenceIds: [photo.id, sheet.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    let r = created.json() as ReportJson;
    expect(r.evidence.map((e) => e.id).sort()).toEqual([photo.id, sheet.id].sort());
    expect(r.evidence.every((e) => e.reportId === r.id)).toBe(true);

    // A file on one report cannot go on another.
    const { id: secondItem } = await acceptedItem(
      t,
      { supervisor: c.supervisor, manager: c.manager },
      {
        leadUnitId: await unitId(t, '大东坝镇'),
      },
    );
    await t.database.db
      .updateTable('evidence_files')
      .set({ item_id: secondItem })
      .where('id', '=', photo.id)
      .execute();
    expectError(
      await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${secondItem}/reports`,
        payload: { periodKey: '2022-01', evidenceIds: [photo.id] },
      }),
      400,
      'evidence_in_use',
      'evidenceIds.0',
    );
    await t.database.db
      .updateTable('evidence_files')
      .set({ item_id: itemId })
      .where('id', '=', photo.id)
      .execute();

    // A PATCH replaces the list: the sheet is unlinked, not deleted.
    r = (
      await t.as(c.reporter, {
        method: 'PATCH',
        url: `/api/reports/${r.id}`,
        payload: { rowVersion: r.rowVersion, evidenceIds: [photo.id] },
      })
    ).json() as ReportJson;
    expect(r.evidence.map((e) => e.id)).toEqual([photo.id]);
    const sheetRow = await t.database.db
      .selectFrom('evidence_files')
      .select('report_id')
      .where('id', '=', sheet.id)
      .executeTakeFirstOrThrow();
    expect(sheetRow.report_id).toBeNull();

    // Only the uploader deletes, and not once the report is submitted.
    expectError(
      await t.as(c.manager, { method: 'DELETE', url: `/api/evidence/${photo.id}` }),
      403,
      'forbidden',
    );
    r = (
      await t.as(c.reporter, {
        method: 'POST',
        url: `/api/reports/${r.id}/submit`,
        payload: { rowVersion: r.rowVersion },
      })
    ).json() as ReportJson;
    expect(r.status).toBe('submitted');
    expectError(
      await t.as(c.reporter, { method: 'DELETE', url: `/api/evidence/${photo.id}` }),
      409,
      'evidence_locked',
    );

    // Accepted, then corrected: the correction starts with copies of the same stored files.
    r = (
      await t.as(c.supervisor, {
        method: 'POST',
        url: `/api/reports/${r.id}/accept`,
        payload: { rowVersion: r.rowVersion },
      })
    ).json() as ReportJson;
    const v2 = (
      await t.as(c.reporter, { method: 'POST', url: `/api/reports/${r.id}/correct` })
    ).json() as ReportJson;
    expect(v2.evidence).toHaveLength(1);
    expect(v2.evidence[0]).toMatchObject({ sha256: photo.sha256, name: '清理前.png', reportId: v2.id });
    expect(v2.evidence[0]!.id).not.toBe(photo.id);
    // The copy on the draft correction can go; the file stays for the accepted version.
    const del = await t.as(c.reporter, { method: 'DELETE', url: `/api/evidence/${v2.evidence[0]!.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expect(filesOnDisk(t)).toContain(path.join(photo.sha256.slice(0, 2), photo.sha256));
    expect((await t.as(c.reporter, { method: 'GET', url: photo.downloadUrl })).statusCode).toBe(200);
  });

  it('deletes an unlinked file and its stored bytes once nothing else refers to them', async () => {
    const image = png(7, 7, [7, 7, 7]);
    const one = await uploaded(c.reporter, image, 'one.png');
    const two = await uploaded(c.reporter, image, 'two.png');
    const stored = path.join(one.sha256.slice(0, 2), one.sha256);
    expect((await t.as(c.reporter, { method: 'DELETE', url: `/api/evidence/${one.id}` })).statusCode).toBe(
      204,
    );
    expect(filesOnDisk(t)).toContain(stored);
    expect((await t.as(c.reporter, { method: 'DELETE', url: `/api/evidence/${two.id}` })).statusCode).toBe(
      204,
    );
    expect(filesOnDisk(t)).not.toContain(stored);
    expectError(await t.as(c.reporter, { method: 'GET', url: two.downloadUrl }), 404, 'not_found');
    expectError(
      await t.as(c.reporter, { method: 'DELETE', url: `/api/evidence/${two.id}` }),
      404,
      'not_found',
    );
  });
});
