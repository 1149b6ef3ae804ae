// Queries of admonition talks, conduct findings and the findings' files.
import type { Queryable } from '../../db/index.ts';
import type { AdmonitionTalkTable, ConductFindingFileTable, ConductFindingTable } from '../../db/schema.ts';

export interface TalkFilter {
  regionId: string;
  unitId?: string | undefined;
  itemId?: string | undefined;
  caseId?: string | undefined;
  /** `held_on` within [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
}

export type TalkRow = AdmonitionTalkTable & {
  unit_name: string;
  item_number: string | null;
  item_title: string | null;
  created_by_name: string | null;
};

function talks(db: Queryable) {
  return db
    .selectFrom('admonition_talks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('items as i', 'i.id', 't.item_id')
    .leftJoin('users as c', 'c.id', 't.created_by')
    .selectAll('t')
    .select([
      'u.name as unit_name',
      'i.number as item_number',
      'i.title as item_title',
      'c.display_name as created_by_name',
    ]);
}

function filteredTalks(db: Queryable, f: TalkFilter) {
  let q = talks(db).where('t.region_id', '=', f.regionId);
  if (f.unitId !== undefined) q = q.where('t.unit_id', '=', f.unitId);
  if (f.itemId !== undefined) q = q.where('t.item_id', '=', f.itemId);
  if (f.caseId !== undefined) q = q.where('t.case_id', '=', f.caseId);
  if (f.from !== undefined) q = q.where('t.held_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('t.held_on', '<=', f.to);
  return q;
}

export async function listTalks(
  db: Queryable,
  f: TalkFilter,
  limit: number,
  offset: number,
): Promise<{ rows: TalkRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filteredTalks(db, f)
      .orderBy('t.held_on', 'desc')
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredTalks(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findTalk = (db: Queryable, regionId: string, id: string): Promise<TalkRow | undefined> =>
  talks(db).where('t.region_id', '=', regionId).where('t.id', '=', id).executeTakeFirst();

export const insertTalk = (db: Queryable, row: AdmonitionTalkTable) =>
  db.insertInto('admonition_talks').values(row).execute();

export const updateTalk = (db: Queryable, id: string, changes: Partial<AdmonitionTalkTable>) =>
  db.updateTable('admonition_talks').set(changes).where('id', '=', id).execute();

export const deleteTalk = (db: Queryable, id: string) =>
  db.deleteFrom('admonition_talks').where('id', '=', id).execute();

export async function findingsOfTalk(db: Queryable, talkId: string): Promise<number> {
  const r = await db
    .selectFrom('conduct_findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('talk_id', '=', talkId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ------------------------------------------------------------------------------------------------ findings

export interface FindingFilter {
  regionId: string;
  unitId?: string | undefined;
  itemId?: string | undefined;
  caseId?: string | undefined;
  kind?: string | undefined;
  measure?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type FindingRow = ConductFindingTable & {
  unit_name: string;
  item_number: string | null;
  item_title: string | null;
  created_by_name: string | null;
};

function findings(db: Queryable) {
  return db
    .selectFrom('conduct_findings as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('items as i', 'i.id', 'f.item_id')
    .leftJoin('users as c', 'c.id', 'f.created_by')
    .selectAll('f')
    .select([
      'u.name as unit_name',
      'i.number as item_number',
      'i.title as item_title',
      'c.display_name as created_by_name',
    ]);
}

function filteredFindings(db: Queryable, f: FindingFilter) {
  let q = findings(db).where('f.region_id', '=', f.regionId);
  if (f.unitId !== undefined) q = q.where('f.unit_id', '=', f.unitId);
  if (f.itemId !== undefined) q = q.where('f.item_id', '=', f.itemId);
  if (f.caseId !== undefined) q = q.where('f.case_id', '=', f.caseId);
  if (f.kind !== undefined) q = q.where('f.kind', '=', f.kind as ConductFindingTable['kind']);
  if (f.measure !== undefined) q = q.where('f.measure', '=', f.measure as ConductFindingTable['measure']);
  if (f.from !== undefined) q = q.where('f.decided_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('f.decided_on', '<=', f.to);
  return q;
}

export async function listFindings(
  db: Queryable,
  f: FindingFilter,
  limit: number,
  offset: number,
): Promise<{ rows: FindingRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filteredFindings(db, f)
      .orderBy('f.decided_on', 'desc')
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredFindings(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findFinding = (db: Queryable, regionId: string, id: string): Promise<FindingRow | undefined> =>
  findings(db).where('f.region_id', '=', regionId).where('f.id', '=', id).executeTakeFirst();

export const insertFinding = (db: Queryable, row: ConductFindingTable) =>
  db.insertInto('conduct_findings').values(row).execute();

export const updateFinding = (db: Queryable, id: string, changes: Partial<ConductFindingTable>) =>
  db.updateTable('conduct_findings').set(changes).where('id', '=', id).execute();

export async function filesOf(db: Queryable, findingIds: readonly string[]) {
  const out = new Map<string, ConductFindingFileTable[]>();
  if (findingIds.length === 0) return out;
  const rows = await db
    .selectFrom('conduct_finding_files')
    .selectAll()
    .where('finding_id', 'in', findingIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), r]);
  return out;
}

export const findFile = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('conduct_finding_files')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertFile = (db: Queryable, row: ConductFindingFileTable) =>
  db.insertInto('conduct_finding_files').values(row).execute();

export const deleteFile = (db: Queryable, id: string) =>
  db.deleteFrom('conduct_finding_files').where('id', '=', id).execute();

// ------------------------------------------------------------------------------------------------ references

export const unitInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const itemInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('items')
    .select(['id', 'number'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const warningInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('warnings')
    .select(['id'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const talkInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('admonition_talks')
    .select(['id', 'unit_id'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const caseInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('cases')
    .select(['id'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
