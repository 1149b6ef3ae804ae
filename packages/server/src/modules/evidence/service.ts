// Evidence files (佐证材料): uploaded to an item, sniffed by content, stored under their hash, linked to a report.
import type { Readable } from 'node:stream';
import {
  assertAuthorized,
  conflict,
  DomainError,
  forbidden,
  notFound,
  validationError,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { ItemTable } from '../../db/schema.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleItem } from '../items/service.ts';
import { regionSettings } from '../settings/service.ts';
import * as repo from './repository.ts';
import type { EvidenceView } from './schema.ts';
import { cleanFileName, contentDisposition, downloadName, sniff, type EvidenceStore } from './storage.ts';

/** Items on which nothing can be added any more. */
const CLOSED_ITEM: readonly string[] = ['completed', 'cancelled'];
/** Report states in which a report's evidence may still change. */
export const EDITABLE_REPORT: readonly string[] = ['draft', 'returned'];

/** One file part of a multipart request, as the route hands it over. */
export interface UploadPart {
  fieldname: string;
  filename: string;
  stream: Readable;
  /** True once the stream was cut at the size limit. */
  truncated(): boolean;
}

const megabytes = (n: number) =>
  n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(n / 1024)} KB`;

/**
 * Who may add files to an item: the task force, or the lead unit's reporters (co-units only read). Checked before
 * the body is read, so that a refused caller does not get to stream a file first.
 */
async function uploadableItem(db: Queryable, ctx: RequestContext, itemId: string) {
  const { actor, item, relation } = await visibleItem(db, ctx, itemId);
  if (relation === 'co_unit') throw forbidden();
  assertAuthorized(actor, 'evidence.upload', {
    regionId: item.region_id,
    ...(relation === 'county' ? {} : { unitId: item.lead_unit_id }),
  });
  if (CLOSED_ITEM.includes(item.status)) throw conflict('item_closed', { state: item.status });
  return { actor, item };
}

/** What a stored upload is, for the row that records it. */
export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
  name: string;
}

/**
 * Receives one uploaded file: cut at `maxBytes`, refused when empty or of a type not sniffed from its content,
 * stored under its hash, and recorded by `record` in one transaction. A failure leaves nothing behind: the stored
 * content goes again unless another row (item evidence or warning file) already points at it.
 */
export async function receiveUpload(
  db: Db,
  store: EvidenceStore,
  part: UploadPart | null,
  maxBytes: number,
  record: (trx: Queryable, file: StoredFile) => Promise<void>,
): Promise<void> {
  if (!part) throw validationError('required', 'file');
  if (part.fieldname !== 'file') {
    part.stream.resume();
    throw validationError('required', 'file');
  }
  const received = await store.receive(part.stream);
  let kept = false;
  try {
    if (part.truncated())
      throw new DomainError('too_large', 'file_too_large', { limit: megabytes(maxBytes) }, 'file');
    if (received.size === 0) throw validationError('file_empty', 'file');
    const type = await sniff(received.tempPath, received.head, received.size);
    if (!type) throw new DomainError('unsupported_media_type', 'file_type_refused', {}, 'file');
    const file = {
      sha256: received.sha256,
      size: received.size,
      mime: type.mime,
      name: cleanFileName(part.filename),
    };
    await store.withLock(received.sha256, async () => {
      const created = await store.commit(received);
      kept = true;
      try {
        await db.transaction().execute((trx) => record(trx, file));
      } catch (err) {
        if (created && (await repo.countBySha(db, received.sha256)) === 0)
          await store.remove(received.sha256);
        throw err;
      }
    });
  } finally {
    if (!kept) await store.discard(received.tempPath);
  }
}

export async function uploadEvidence(
  db: Db,
  store: EvidenceStore,
  ctx: RequestContext,
  itemId: string,
  nextFile: (maxBytes: number) => Promise<UploadPart | null>,
): Promise<EvidenceView> {
  const { actor } = await uploadableItem(db, ctx, itemId);
  const maxBytes = (await regionSettings(db, actor.regionId)).evidenceMaxBytes;
  const id = newId();
  await receiveUpload(db, store, await nextFile(maxBytes), maxBytes, async (trx, file) => {
    const { item } = await uploadableItem(trx, ctx, itemId);
    await repo.insertEvidence(trx, {
      id,
      region_id: item.region_id,
      item_id: item.id,
      report_id: null,
      sha256: file.sha256,
      size: file.size,
      mime: file.mime,
      original_name: file.name,
      uploaded_by: actor.id,
      uploaded_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'evidence.upload',
      entity: 'evidence',
      entityId: id,
      after: { itemId: item.id, name: file.name, size: file.size, mime: file.mime, sha256: file.sha256 },
    });
  });
  return repo.viewById(db, id);
}

export async function listItemEvidence(db: Queryable, ctx: RequestContext, itemId: string) {
  const { actor, item } = await visibleItem(db, ctx, itemId);
  assertAuthorized(actor, 'evidence.read', { regionId: item.region_id });
  return { items: await repo.viewsOfItem(db, item.id) };
}

export async function downloadEvidence(db: Queryable, store: EvidenceStore, ctx: RequestContext, id: string) {
  const actorRegion = ctx.actor?.regionId ?? '';
  const row = await repo.findEvidence(db, actorRegion, id);
  if (!row) throw notFound('evidence', 'id');
  const { actor, item } = await visibleItem(db, ctx, row.item_id);
  assertAuthorized(actor, 'evidence.read', { regionId: item.region_id });
  if (!(await store.has(row.sha256))) throw notFound('evidence', 'id');
  return {
    stream: store.open(row.sha256),
    mime: row.mime,
    size: Number(row.size),
    disposition: contentDisposition(downloadName(row.original_name, row.mime)),
  };
}

export async function deleteEvidence(db: Db, store: EvidenceStore, ctx: RequestContext, id: string) {
  const first = await repo.findEvidence(db, ctx.actor?.regionId ?? '', id);
  if (!first) throw notFound('evidence', 'id');
  await store.withLock(first.sha256, async () => {
    await db.transaction().execute(async (trx) => {
      const row = await repo.findEvidence(trx, first.region_id, id);
      if (!row) throw notFound('evidence', 'id');
      const { actor, item } = await visibleItem(trx, ctx, row.item_id);
      assertAuthorized(actor, 'evidence.upload', { regionId: item.region_id });
      if (row.uploaded_by !== actor.id) throw forbidden();
      if (row.report_id && !(await lockEditableReport(trx, row.report_id))) throw conflict('evidence_locked');
      await trx.deleteFrom('evidence_files').where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        regionId: item.region_id,
        action: 'evidence.delete',
        entity: 'evidence',
        entityId: id,
        before: { itemId: row.item_id, reportId: row.report_id, name: row.original_name, sha256: row.sha256 },
      });
    });
    if ((await repo.countBySha(db, first.sha256)) === 0) await store.remove(first.sha256);
  });
}

/**
 * Whether the report is still a draft or returned, taking its row lock (PostgreSQL) so that it cannot be submitted
 * before this transaction ends: a no-op UPDATE works in both dialects, where SELECT … FOR UPDATE does not.
 */
async function lockEditableReport(trx: Queryable, reportId: string): Promise<boolean> {
  const r = await trx
    .updateTable('reports')
    .set((eb) => ({ row_version: eb.ref('row_version') }))
    .where('id', '=', reportId)
    .where('status', 'in', EDITABLE_REPORT)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ------------------------------------------------------------------------------- used by progress reports

/** Makes `ids` exactly the evidence of a (draft or returned) report: files of the same item, not used elsewhere. */
export async function setReportEvidence(
  trx: Queryable,
  item: Pick<ItemTable, 'id' | 'region_id'>,
  reportId: string,
  ids: readonly string[],
): Promise<void> {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    const field = `evidenceIds.${i}`;
    if (seen.has(id)) throw validationError('duplicate_id', field);
    seen.add(id);
    const row = await repo.findEvidence(trx, item.region_id, id);
    if (!row || row.item_id !== item.id) throw validationError('evidence_not_of_item', field);
    if (row.report_id !== null && row.report_id !== reportId) throw validationError('evidence_in_use', field);
  }
  let unlink = trx.updateTable('evidence_files').set({ report_id: null }).where('report_id', '=', reportId);
  if (ids.length) unlink = unlink.where('id', 'not in', ids);
  await unlink.execute();
  if (ids.length === 0) return;
  const linked = await trx
    .updateTable('evidence_files')
    .set({ report_id: reportId })
    .where('id', 'in', ids)
    .where('item_id', '=', item.id)
    .where((eb) => eb.or([eb('report_id', 'is', null), eb('report_id', '=', reportId)]))
    .executeTakeFirst();
  // Another report took one of them in the meantime.
  if (Number(linked.numUpdatedRows) !== ids.length) throw conflict('stale_version', {}, 'evidenceIds');
}

/** A correction starts with the evidence of the version it corrects: new rows, the same stored files. */
export async function copyReportEvidence(
  trx: Queryable,
  fromReportId: string,
  toReportId: string,
): Promise<void> {
  for (const row of await repo.evidenceOfReport(trx, fromReportId)) {
    await repo.insertEvidence(trx, { ...row, id: newId(), report_id: toReportId });
  }
}

export { viewsOfReports } from './repository.ts';
