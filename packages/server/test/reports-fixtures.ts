// Items to report on, region settings, and real files to upload: shared by reports.test.ts and evidence.test.ts.
import { deflateSync, crc32 } from 'node:zlib';
import { expect } from 'vitest';
import type { TestApp } from './helpers.ts';
import { regionId } from './fixtures.ts';

export interface EvidenceJson {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  reportId: string | null;
  downloadUrl: string;
}

export interface ReportJson {
  id: string;
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  itemKind: string;
  unitId: string;
  unitName: string;
  periodKey: string;
  version: number;
  current: boolean;
  status: string;
  progress: number | null;
  indicatorValue: number | null;
  completedInvestmentFen: number | null;
  milestonesReached: { milestoneId: string; title: string; doneDate: string }[];
  workProgress: string | null;
  problems: string | null;
  nextSteps: string | null;
  deadline: string;
  deadlineEstimated: boolean;
  submittedAt: string | null;
  submittedOn: string | null;
  submittedBy: string | null;
  late: boolean | null;
  workingDaysLate: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  evidence: EvidenceJson[];
  rowVersion: number;
  allowedActions: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PeriodJson {
  key: string;
  start: string;
  end: string;
  deadline: string;
  deadlineEstimated: boolean;
  report: { id: string; status: string; version: number; late: boolean | null } | null;
  overdue: boolean;
}

/** The region's settings row, written straight to the database: "today", approval, upload limit. */
export async function setRegion(
  t: TestApp,
  s: { today?: string | null; approval?: boolean; maxBytes?: number },
): Promise<void> {
  const db = t.database.db;
  const region = await regionId(t);
  const before = await db
    .selectFrom('region_settings')
    .selectAll()
    .where('region_id', '=', region)
    .executeTakeFirst();
  const row = {
    region_id: region,
    report_approval_required:
      s.approval === undefined ? Number(before?.report_approval_required ?? 0) : s.approval ? 1 : 0,
    reminder_days_before: Number(before?.reminder_days_before ?? 2),
    evidence_max_bytes: s.maxBytes ?? Number(before?.evidence_max_bytes ?? 20 * 1024 * 1024),
    demo_today: s.today === undefined ? (before?.demo_today ?? null) : s.today,
    updated_at: t.clock.now().toISOString(),
  };
  await db.deleteFrom('region_settings').where('region_id', '=', region).execute();
  await db.insertInto('region_settings').values(row).execute();
}

let seq = 0;

/**
 * A key work item registered by the supervisor, assigned and accepted by the lead unit's manager: ready for
 * reports. Monthly, 2022, deadline the 3rd working day after each month; two milestones.
 */
export async function acceptedItem(
  t: TestApp,
  cookies: { supervisor: string; manager: string },
  body: Record<string, unknown>,
): Promise<{ id: string; milestones: { id: string; title: string }[] }> {
  const created = await t.as(cookies.supervisor, {
    method: 'POST',
    url: '/api/items',
    payload: {
      kind: 'work',
      title: `报送测试事项 ${++seq}`,
      basisType: 'meeting',
      startDate: '2022-01-01',
      dueDate: '2022-12-31',
      frequency: 'monthly',
      deadlineWorkingDays: 3,
      milestones: [
        { title: '完成普查', plannedDate: '2022-03-31', weight: 40 },
        { title: '全部完成', plannedDate: '2022-12-31', weight: 60 },
      ],
      ...body,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const item = created.json() as { id: string; milestones: { id: string; title: string }[] };
  for (const [cookie, action] of [
    [cookies.supervisor, 'assign'],
    [cookies.manager, 'accept'],
  ] as const) {
    const res = await t.as(cookie, {
      method: 'POST',
      url: `/api/items/${item.id}/transitions`,
      payload: { action },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return item;
}

// ------------------------------------------------------------------------------------------------- files

/** A multipart/form-data body with one part. */
export function multipart(
  field: string,
  filename: string | null,
  content: Buffer,
  contentType = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----benpao${Math.random().toString(16).slice(2)}`;
  const disposition =
    filename === null ? `form-data; name="${field}"` : `form-data; name="${field}"; filename="${filename}"`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${contentType}\r\n\r\n`,
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG image of `w`×`h` pixels of one colour. */
export function png(w = 2, h = 2, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real one-page PDF with a cross-reference table. */
export function pdf(text = 'Benpao evidence'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 10 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 10 50 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A ZIP archive (stored entries) of the given files, with a proper central directory. */
export function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A minimal Word document (.docx): the parts Word itself needs. */
export function docx(): Buffer {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:body><w:p><w:r><w:t>整改情况说明</w:t></w:r></w:p></w:body></w:document>',
  });
}

/** The header and one directory sector of a compound file (legacy Office) holding a `WordDocument` stream. */
export function ole2Word(): Buffer {
  const buf = Buffer.alloc(512 * 3);
  buf.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  buf.writeUInt16LE(0x003e, 0x18);
  buf.writeUInt16LE(0x0003, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(0, 0x30); // the directory starts at sector 0 (offset 512)
  const entry = (at: number, name: string, type: number) => {
    const n = Buffer.from(`${name}\u0000`, 'utf16le');
    n.copy(buf, at);
    buf.writeUInt16LE(n.length, at + 0x40);
    buf[at + 0x42] = type;
  };
  entry(512, 'Root Entry', 5);
  entry(512 + 128, 'WordDocument', 2);
  return buf;
}
