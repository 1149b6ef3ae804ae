// Queries of meetings, their commitments and the month's data for the pack.
import type { Queryable } from '../../db/index.ts';

export const findMeeting = (db: Queryable, regionId: string, month: string) =>
  db
    .selectFrom('meetings')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('month', '=', month)
    .executeTakeFirst();

/** The latest meeting before a month (its commitments are carried forward). */
export const previousMeeting = (db: Queryable, regionId: string, month: string) =>
  db
    .selectFrom('meetings')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('month', '<', month)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();

export const listMeetings = (db: Queryable, regionId: string, year?: number) => {
  let q = db
    .selectFrom('meetings')
    .leftJoin('meeting_commitments', 'meeting_commitments.meeting_id', 'meetings.id')
    .select((eb) => [
      'meetings.id',
      'meetings.month',
      'meetings.title',
      'meetings.held_on',
      eb.fn.count<number>('meeting_commitments.id').as('commitments'),
      eb.fn
        .sum<number>(eb.case().when('meeting_commitments.status', '=', 'open').then(1).else(0).end())
        .as('open_commitments'),
    ])
    .where('meetings.region_id', '=', regionId)
    .groupBy(['meetings.id', 'meetings.month', 'meetings.title', 'meetings.held_on'])
    .orderBy('meetings.month', 'desc');
  if (year !== undefined) q = q.where('meetings.month', 'like', `${year}-%`);
  return q.execute();
};

export const commitmentsOf = (db: Queryable, regionId: string, meetingId: string) =>
  db
    .selectFrom('meeting_commitments')
    .leftJoin('units', 'units.id', 'meeting_commitments.owner_unit_id')
    .selectAll('meeting_commitments')
    .select('units.name as unit_name')
    .where('meeting_commitments.region_id', '=', regionId)
    .where('meeting_commitments.meeting_id', '=', meetingId)
    .orderBy('meeting_commitments.seq')
    .execute();

export const findCommitment = (db: Queryable, regionId: string, meetingId: string, id: string) =>
  db
    .selectFrom('meeting_commitments')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function nextCommitmentSeq(db: Queryable, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_commitments')
    .select((eb) => eb.fn.max<number | null>('seq').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

export const unitExists = (db: Queryable, regionId: string, unitId: string) =>
  db
    .selectFrom('units')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', unitId)
    .executeTakeFirst();

const warningColumns = [
  'warnings.id',
  'warnings.kind',
  'warnings.issued_colour',
  'warnings.colour',
  'warnings.state',
  'warnings.issued_on',
  'warnings.closed_on',
  'warnings.explanation_zh',
  'warnings.explanation_en',
  'warnings.reason',
  'units.name as unit_name',
  'items.number as item_number',
  'items.title as item_title',
] as const;

const warningsBase = (db: Queryable, regionId: string) =>
  db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select(warningColumns)
    .where('warnings.region_id', '=', regionId);

export const warningsIssuedIn = (db: Queryable, regionId: string, from: string, to: string) =>
  warningsBase(db, regionId)
    .where('warnings.issued_on', '>=', from)
    .where('warnings.issued_on', '<=', to)
    .where('warnings.state', '!=', 'revoked')
    .orderBy('warnings.issued_on')
    .orderBy('units.name')
    .orderBy('warnings.id')
    .execute();

/** Cleared (灭灯/摘牌) in the month: closed as cleared, by a re-check or by the engine. */
export const warningsClearedIn = (db: Queryable, regionId: string, from: string, to: string) =>
  warningsBase(db, regionId)
    .where('warnings.state', '=', 'cleared')
    .where('warnings.closed_on', '>=', from)
    .where('warnings.closed_on', '<=', to)
    .orderBy('warnings.closed_on')
    .orderBy('units.name')
    .orderBy('warnings.id')
    .execute();

/** Items whose span overlaps the month (drafts left out: not yet assigned), counted by their status now. */
export const itemsByStatus = (db: Queryable, regionId: string, from: string, to: string) =>
  db
    .selectFrom('items')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('region_id', '=', regionId)
    .where('status', '!=', 'draft')
    .where('start_date', '<=', to)
    .where('due_date', '>=', from)
    .groupBy('status')
    .orderBy('status')
    .execute();

/** Verification cases open at the month's end: received by then and not closed by then. */
export const openCasesAt = (db: Queryable, regionId: string, to: string) =>
  db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .select([
      'cases.id',
      'cases.receipt',
      'cases.title',
      'cases.status',
      'cases.received_on',
      'cases.deadline',
      'units.name as unit_name',
    ])
    .where('cases.region_id', '=', regionId)
    .where('cases.received_on', '<=', to)
    .where((eb) => eb.or([eb('cases.closed_on', 'is', null), eb('cases.closed_on', '>', to)]))
    .orderBy('cases.received_on')
    .orderBy('cases.receipt')
    .execute();

/** Post-mortem reviews put on the month's meeting. */
export const reviewsScheduledFor = (db: Queryable, regionId: string, month: string) =>
  db
    .selectFrom('reviews')
    .innerJoin('items', 'items.id', 'reviews.item_id')
    .select([
      'reviews.id',
      'reviews.title',
      'reviews.state',
      'reviews.held_on',
      'items.number as item_number',
      'items.title as item_title',
    ])
    .where('reviews.region_id', '=', regionId)
    .where('reviews.meeting_month', '=', month)
    .where('reviews.state', '!=', 'draft')
    .orderBy('items.number')
    .orderBy('reviews.id')
    .execute();
