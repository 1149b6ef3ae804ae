// Queries for verification cases: the case, its team, findings, plans, measures, progress, files and history.
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import { containsPattern, likeEscaped } from '../../db/sql.ts';
import type { CaseEventTable, CaseTable } from '../../db/schema.ts';

export type CaseRow = Selectable<CaseTable> & {
  unit_name: string | null;
  item_number: string | null;
  overdue_measures: number | string;
};

export interface CaseFilter {
  regionId: string;
  status?: CaseTable['status'] | undefined;
  /** Unit roles: only these states (after the findings were fed back). */
  statuses?: readonly string[] | undefined;
  source?: string | undefined;
  unitId?: string | undefined;
  itemId?: string | undefined;
  /** Cases past their deadline and unanswered, or with an open measure past its own, on `today`. */
  overdueOn?: string | undefined;
  q?: string | undefined;
}

const ANSWERED = ['replied', 'closed'];

function filtered(db: Queryable, f: CaseFilter) {
  let q = db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('items', 'items.id', 'cases.item_id')
    .where('cases.region_id', '=', f.regionId);
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.statuses) q = q.where('cases.status', 'in', [...f.statuses] as CaseTable['status'][]);
  if (f.source) q = q.where('cases.source', '=', f.source as CaseTable['source']);
  if (f.unitId) q = q.where('cases.unit_id', '=', f.unitId);
  if (f.itemId) q = q.where('cases.item_id', '=', f.itemId);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([likeEscaped(eb.ref('cases.receipt'), pattern), likeEscaped(eb.ref('cases.title'), pattern)]),
    );
  }
  if (f.overdueOn) {
    const today = f.overdueOn;
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('cases.deadline', '<', today),
          eb('cases.status', 'not in', ANSWERED as CaseTable['status'][]),
        ]),
        eb.exists(
          eb
            .selectFrom('case_measures')
            .innerJoin('case_plans', 'case_plans.id', 'case_measures.plan_id')
            .select('case_measures.id')
            .whereRef('case_measures.case_id', '=', 'cases.id')
            .where('case_plans.status', '=', 'approved')
            .where('case_measures.status', '=', 'open')
            .where('case_measures.deadline', '<', today),
        ),
      ]),
    );
  }
  return q;
}

const rowSelect = (q: ReturnType<typeof filtered>, today: string) =>
  q
    .selectAll('cases')
    .select(['units.name as unit_name', 'items.number as item_number'])
    .select((eb) =>
      eb
        .selectFrom('case_measures')
        .innerJoin('case_plans', 'case_plans.id', 'case_measures.plan_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('case_measures.case_id', '=', 'cases.id')
        .where('case_plans.status', '=', 'approved')
        .where('case_measures.status', '=', 'open')
        .where('case_measures.deadline', '<', today)
        .as('overdue_measures'),
    );

export async function listCases(
  db: Queryable,
  f: CaseFilter,
  today: string,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: CaseRow[]; total: number }> {
  let q = rowSelect(filtered(db, f), today).orderBy('cases.received_on', 'desc').orderBy('cases.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const [rows, total] = await Promise.all([
    q.execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as CaseRow[], total: Number(total.n) };
}

export async function findCase(db: Queryable, regionId: string, id: string, today: string) {
  return (await rowSelect(filtered(db, { regionId }), today)
    .where('cases.id', '=', id)
    .executeTakeFirst()) as CaseRow | undefined;
}

export const findCaseByReceipt = (db: Queryable, receipt: string) =>
  db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .selectAll('cases')
    .select('units.name as unit_name')
    .where('cases.receipt', '=', receipt)
    .executeTakeFirst();

export async function insertCase(db: Queryable, row: Insertable<CaseTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

/** Moves a case on, if it is still in the state (and version) it was read in; false when another write won. */
export async function updateCase(
  db: Queryable,
  before: Pick<CaseTable, 'id' | 'row_version'>,
  changes: Partial<Omit<CaseTable, 'id' | 'region_id' | 'row_version'>>,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('cases')
    .set({ ...changes, updated_at: at, row_version: Number(before.row_version) + 1 })
    .where('id', '=', before.id)
    .where('row_version', '=', before.row_version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function appendEvent(
  db: Queryable,
  row: Omit<Insertable<CaseEventTable>, 'seq'>,
): Promise<void> {
  const last = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', row.case_id)
    .executeTakeFirst();
  await db
    .insertInto('case_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const eventsOf = (db: Queryable, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export const teamOf = (db: Queryable, caseId: string) =>
  db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['case_team.user_id', 'case_team.lead', 'users.display_name', 'units.name as unit_name'])
    .where('case_team.case_id', '=', caseId)
    .orderBy('case_team.lead', 'desc')
    .orderBy('case_team.added_at')
    .orderBy('case_team.user_id')
    .execute();

export const findingsOf = (db: Queryable, caseId: string) =>
  db.selectFrom('case_findings').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export const plansOf = (db: Queryable, caseId: string) =>
  db.selectFrom('case_plans').selectAll().where('case_id', '=', caseId).orderBy('version').execute();

export const measuresOf = (db: Queryable, caseId: string) =>
  db.selectFrom('case_measures').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export const progressOf = (db: Queryable, caseId: string) =>
  db
    .selectFrom('case_progress')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();

export const filesOf = (db: Queryable, caseId: string) =>
  db
    .selectFrom('case_files')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();

export const warningsOf = (db: Queryable, caseId: string) =>
  db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select([
      'warnings.id',
      'warnings.kind',
      'warnings.colour',
      'warnings.state',
      'warnings.issued_on',
      'units.name as unit_name',
      'items.number as item_number',
    ])
    .where('warnings.case_id', '=', caseId)
    .orderBy('warnings.issued_on')
    .orderBy('warnings.id')
    .execute();

/** Units a complaint may name: active units of the region. */
export const publicUnits = (db: Queryable, regionId: string) =>
  db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('region_id', '=', regionId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();

/** Items the public may name: assigned to a unit and not closed (drafts and closed items are not public). */
export const PUBLIC_ITEM_STATES = ['assigned', 'accepted', 'in_progress', 'completion_requested'];
export const publicItems = (db: Queryable, regionId: string) =>
  db
    .selectFrom('items')
    .select(['id', 'number', 'title', 'lead_unit_id'])
    .where('region_id', '=', regionId)
    .where('status', 'in', PUBLIC_ITEM_STATES)
    .orderBy('number')
    .execute();
