// Files attached to a warning's rectification or appeal (整改/申诉佐证): uploaded by the warned unit before it
// submits, sniffed and stored like item evidence (same content-addressed store), readable by whoever reads the
// warning, attached to the event that cites them.
import { assertAuthorized, conflict, notFound, OPEN_WARNING_STATES } from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { receiveUpload, type UploadPart } from '../evidence/service.ts';
import { contentDisposition, downloadName, type EvidenceStore } from '../evidence/storage.ts';
import { regionSettings } from '../settings/service.ts';
import { actorOf } from '../units/service.ts';

/** The warned unit's people may add files while the warning is open. Checked before the body is read. */
async function uploadableWarning(db: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const w = await db
    .selectFrom('warnings')
    .select(['id', 'region_id', 'unit_id', 'state'])
    .where('region_id', '=', actor.regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!w) throw notFound('warning', 'id');
  assertAuthorized(actor, 'warning.rectify', { regionId: w.region_id, unitId: w.unit_id });
  if (!OPEN_WARNING_STATES.includes(w.state))
    throw conflict('illegal_warning_action', { warningAction: 'rectify', warningState: w.state });
  return { actor, w };
}

export async function uploadWarningFile(
  db: Db,
  store: EvidenceStore,
  ctx: RequestContext,
  warningId: string,
  nextFile: (maxBytes: number) => Promise<UploadPart | null>,
) {
  const { actor } = await uploadableWarning(db, ctx, warningId);
  const maxBytes = (await regionSettings(db, actor.regionId)).evidenceMaxBytes;
  const id = newId();
  const uploadedAt = ctx.now.toISOString();
  let view = { id, originalName: '', mime: '', size: 0, uploadedAt };
  await receiveUpload(db, store, await nextFile(maxBytes), maxBytes, async (trx, file) => {
    const { w } = await uploadableWarning(trx, ctx, warningId);
    await trx
      .insertInto('warning_files')
      .values({
        id,
        region_id: w.region_id,
        warning_id: w.id,
        event_id: null,
        sha256: file.sha256,
        size: file.size,
        mime: file.mime,
        original_name: file.name,
        uploaded_by: actor.id,
        uploaded_at: uploadedAt,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: w.region_id,
      action: 'warning.file_upload',
      entity: 'warning_file',
      entityId: id,
      after: { warningId: w.id, name: file.name, size: file.size, mime: file.mime, sha256: file.sha256 },
    });
    view = { id, originalName: file.name, mime: file.mime, size: file.size, uploadedAt };
  });
  return view;
}

export async function downloadWarningFile(
  db: Queryable,
  store: EvidenceStore,
  ctx: RequestContext,
  id: string,
) {
  const actor = actorOf(ctx);
  const row = await db
    .selectFrom('warning_files')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('file', 'id');
  assertAuthorized(actor, 'warning.read', { regionId: row.region_id });
  if (!(await store.has(row.sha256))) throw notFound('file', 'id');
  return {
    stream: store.open(row.sha256),
    mime: row.mime,
    size: Number(row.size),
    disposition: contentDisposition(downloadName(row.original_name, row.mime)),
  };
}
