// Queries of evidence files. The bytes live in the content-addressed store (storage.ts), the rows here.
import type { Queryable } from '../../db/index.ts';
import type { EvidenceFileTable } from '../../db/schema.ts';
import type { EvidenceView } from './schema.ts';

export const findEvidence = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('evidence_files')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertEvidence = (db: Queryable, row: EvidenceFileTable) =>
  db.insertInto('evidence_files').values(row).execute();

/** Rows of any table that point at the stored content (item evidence, warning, case and conduct-finding files share the store). */
export async function countBySha(db: Queryable, sha256: string): Promise<number> {
  const counts = await Promise.all(
    (['evidence_files', 'warning_files', 'case_files', 'conduct_finding_files'] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, c) => sum + Number(c.n), 0);
}

/** Evidence rows with their uploader's name, as views. */
function viewsQuery(db: Queryable) {
  return db
    .selectFrom('evidence_files')
    .leftJoin('users', 'users.id', 'evidence_files.uploaded_by')
    .selectAll('evidence_files')
    .select('users.display_name as uploader_name');
}

type ViewRow = EvidenceFileTable & { uploader_name: string | null };

export const toView = (r: ViewRow): EvidenceView => ({
  id: r.id,
  name: r.original_name,
  size: Number(r.size),
  mime: r.mime,
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploader_name ?? r.uploaded_by,
  reportId: r.report_id,
  downloadUrl: `/api/evidence/${r.id}/download`,
});

export async function viewsOfItem(db: Queryable, itemId: string): Promise<EvidenceView[]> {
  const rows = await viewsQuery(db)
    .where('evidence_files.item_id', '=', itemId)
    .orderBy('evidence_files.uploaded_at')
    .orderBy('evidence_files.id')
    .execute();
  return rows.map(toView);
}

export async function viewById(db: Queryable, id: string): Promise<EvidenceView> {
  return toView(await viewsQuery(db).where('evidence_files.id', '=', id).executeTakeFirstOrThrow());
}

/** Evidence of a batch of reports, by report id. */
export async function viewsOfReports(
  db: Queryable,
  reportIds: string[],
): Promise<Map<string, EvidenceView[]>> {
  const out = new Map<string, EvidenceView[]>();
  if (reportIds.length === 0) return out;
  const rows = await viewsQuery(db)
    .where('evidence_files.report_id', 'in', [...new Set(reportIds)])
    .orderBy('evidence_files.uploaded_at')
    .orderBy('evidence_files.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.report_id!) ?? [];
    list.push(toView(r));
    out.set(r.report_id!, list);
  }
  return out;
}

export const evidenceOfReport = (db: Queryable, reportId: string) =>
  db.selectFrom('evidence_files').selectAll().where('report_id', '=', reportId).execute();
