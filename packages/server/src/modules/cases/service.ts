// Verification cases (核查). A case comes from the public complaint page (no login: a one-time proof-of-work
// challenge shared with the rating form, photos uploaded first and bound to that challenge) or is entered by the
// task force, the discipline commission or a leader (a 12345 hotline ticket, a leader's instruction, a spot check).
// Its deadline is counted in working days of the region's calendar by kind. The team verifies, records findings and
// feeds them back to the unit; the unit's manager submits a rectification plan (measures with owners and deadlines
// no later than the case's), which is approved or sent back; the unit reports progress on each measure with
// evidence; the team re-checks, answers the complainant and closes the case, never with a measure still open. A
// case may issue manual lights or cards through the warning engine (linked both ways). Every write is one
// transaction with its event and audit entry. The complainant's name and phone are shown in full to discipline
// roles only; everything else — lists, exports, the audit log — gets them masked.
import { randomBytes } from 'node:crypto';
import {
  allowedCaseActions,
  assertAuthorized,
  authorize,
  CASE_STATES_ANSWERED,
  CASE_STATES_RECTIFYING,
  CASE_STATES_SEEN_BY_UNIT,
  caseActorsOf,
  caseDeadline,
  checkPhone,
  closeBlockers,
  conflict,
  DEFAULT_CASE_DEADLINE_DAYS,
  DomainError,
  forbidden,
  formatReceipt,
  isPastDeadline,
  maskName,
  maskPhone,
  nextCaseState,
  normaliseReceipt,
  notFound,
  PERMISSIONS,
  planProblems,
  problemError,
  ROLE_SCOPE,
  SOURCES_WITH_COMPLAINANT,
  validationError,
  type CaseAction,
  type CaseDeadlineDays,
  type CaseKind,
  type CaseSource,
  type CaseState,
  type FindingCategory,
  type Role,
  type UnitKind,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { CaseTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/sql.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionCalendar, regionToday } from '../calendar/service.ts';
import { notify, UNIT_ROLES } from '../notifications/service.ts';
import {
  checkChallenge,
  issueChallenge,
  publicRegionOf,
  spendChallenge,
} from '../public-challenge/service.ts';
import { actorOf } from '../units/service.ts';
import { reevaluateItems } from '../warnings/engine.ts';
import { issueManualIn } from '../warnings/service.ts';
import * as repo from './repository.ts';
import {
  COMPLAINT_PHOTOS_MAX,
  DESCRIPTION_MAX,
  type CaseCreateBody,
  type CaseDetail,
  type CaseFileView,
  type CaseListQuery,
  type CaseSummary,
  type CaseWarningBody,
  type ComplaintBody,
  type PlanBody,
  type caseSettingsBody,
  type deadlineBody,
  type feedbackBody,
  type findingBody,
  type planDecisionBody,
  type progressBody,
  type recheckBody,
  type replyBody,
  type teamBody,
} from './schema.ts';

// ------------------------------------------------------------------------------------------- who sees what

/** County roles holding case.read see every case; unit roles only their unit's, once the findings were issued. */
const seesRegion = (actor: SessionUser) =>
  actor.roles.some(
    (r) => ROLE_SCOPE[r] === 'county' && (PERMISSIONS['case.read'] as readonly Role[]).includes(r),
  );

const seesContact = (actor: SessionUser) =>
  authorize(actor, 'case.contact.read', { regionId: actor.regionId });

/** The masked form of the contact fields: what everyone but discipline roles sees, and what the audit records. */
export const maskedContact = (c: { complainant_name: string | null; complainant_phone: string | null }) => ({
  complainantName: c.complainant_name === null ? null : maskName(c.complainant_name),
  complainantPhone: c.complainant_phone === null ? null : maskPhone(c.complainant_phone),
});

function mayRead(actor: SessionUser, c: Pick<CaseTable, 'region_id' | 'unit_id' | 'status'>): boolean {
  if (!authorize(actor, 'case.read', { regionId: c.region_id })) return false;
  if (seesRegion(actor)) return true;
  return c.unit_id === actor.unitId && CASE_STATES_SEEN_BY_UNIT.includes(c.status);
}

function summaryOf(actor: SessionUser, r: repo.CaseRow, today: string): CaseSummary {
  const full = seesContact(actor);
  const contact = full
    ? { complainantName: r.complainant_name, complainantPhone: r.complainant_phone }
    : maskedContact(r);
  return {
    id: r.id,
    receipt: r.receipt,
    source: r.source,
    kind: r.kind,
    status: r.status,
    title: r.title,
    itemId: r.item_id,
    itemNumber: r.item_number,
    unitId: r.unit_id,
    unitName: r.unit_name,
    place: r.place,
    ...contact,
    contactMasked: !full,
    receivedOn: r.received_on,
    deadline: r.deadline,
    overdue: !CASE_STATES_ANSWERED.includes(r.status) && isPastDeadline(r.deadline, today),
    overdueMeasures: Number(r.overdue_measures ?? 0),
    closedOn: r.closed_on,
  };
}

function filterOf(
  actor: SessionUser,
  q: Omit<CaseListQuery, 'page' | 'pageSize'>,
  today: string,
): repo.CaseFilter {
  assertAuthorized(actor, 'case.read', { regionId: actor.regionId });
  const f: repo.CaseFilter = {
    regionId: actor.regionId,
    status: q.status,
    source: q.source,
    unitId: q.unitId,
    itemId: q.itemId,
    q: q.q,
    overdueOn: q.overdue === 'true' ? today : undefined,
  };
  if (seesRegion(actor)) return f;
  if (q.unitId !== undefined && q.unitId !== actor.unitId) throw forbidden();
  return { ...f, unitId: actor.unitId, statuses: CASE_STATES_SEEN_BY_UNIT };
}

export async function listCases(db: Db, ctx: RequestContext, q: CaseListQuery) {
  const actor = actorOf(ctx);
  const today = await regionToday(db, actor.regionId, ctx.now);
  const { rows, total } = await repo.listCases(db, filterOf(actor, q, today), today, {
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map((r) => summaryOf(actor, r, today)), total };
}

/** Every case the caller may see with the list's filters, for the export (audited: it may carry contacts). */
export async function exportCases(db: Db, ctx: RequestContext, q: Omit<CaseListQuery, 'page' | 'pageSize'>) {
  const actor = actorOf(ctx);
  const today = await regionToday(db, actor.regionId, ctx.now);
  const { rows } = await repo.listCases(db, filterOf(actor, q, today), today, null);
  const items = rows.map((r) => summaryOf(actor, r, today));
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'case.export',
      entity: 'case',
      entityId: null,
      after: { filters: { ...q }, rows: items.length, contactMasked: !seesContact(actor) },
    }),
  );
  return { items, today };
}

async function visibleCase(db: Queryable, actor: SessionUser, id: string, today: string) {
  const row = await repo.findCase(db, actor.regionId, id, today);
  if (!row) throw notFound('case', 'id');
  if (!mayRead(actor, row)) throw forbidden();
  return row;
}

const fileViewOf = (f: {
  id: string;
  original_name: string;
  mime: string;
  size: number | string;
  uploaded_at: string;
}): CaseFileView => ({
  id: f.id,
  originalName: f.original_name,
  mime: f.mime,
  size: Number(f.size),
  uploadedAt: f.uploaded_at,
});

/** What the caller may do with the case now (the UI offers these; every write checks again). */
function actionsOf(actor: SessionUser, r: repo.CaseRow): CaseDetail['actions'] {
  const own = r.unit_id !== null && r.unit_id === actor.unitId;
  const out: CaseDetail['actions'] = allowedCaseActions(r.status, caseActorsOf(actor.roles, own));
  const manage = authorize(actor, 'case.manage', { regionId: r.region_id });
  if (manage && r.status === 'verifying') out.push('finding');
  if (
    CASE_STATES_RECTIFYING.includes(r.status) &&
    r.unit_id !== null &&
    authorize(actor, 'case.progress', { regionId: r.region_id, unitId: r.unit_id })
  )
    out.push('progress');
  if (r.status !== 'closed' && authorize(actor, 'case.warn', { regionId: r.region_id })) out.push('warn');
  return out;
}

async function detailOf(db: Queryable, actor: SessionUser, id: string, today: string): Promise<CaseDetail> {
  const r = await visibleCase(db, actor, id, today);
  const [team, findings, plans, measures, progress, files, warnings, events] = await Promise.all([
    repo.teamOf(db, id),
    repo.findingsOf(db, id),
    repo.plansOf(db, id),
    repo.measuresOf(db, id),
    repo.progressOf(db, id),
    repo.filesOf(db, id),
    repo.warningsOf(db, id),
    repo.eventsOf(db, id),
  ]);
  const filesOfProgress = new Map<string, CaseFileView[]>();
  for (const f of files) {
    if (!f.progress_id) continue;
    const list = filesOfProgress.get(f.progress_id) ?? [];
    list.push(fileViewOf(f));
    filesOfProgress.set(f.progress_id, list);
  }
  return {
    ...summaryOf(actor, r, today),
    description: r.description,
    feedback: r.feedback,
    feedbackOn: r.feedback_on,
    recheckNote: r.recheck_note,
    recheckedOn: r.rechecked_on,
    reply: r.reply,
    repliedOn: r.replied_on,
    closeNote: r.close_note,
    team: team.map((m) => ({
      userId: m.user_id,
      displayName: m.display_name,
      unitName: m.unit_name,
      lead: Number(m.lead) === 1,
    })),
    findings: findings.map((f) => ({
      id: f.id,
      seq: Number(f.seq),
      category: f.category as FindingCategory,
      text: f.text,
    })),
    plans: plans.map((p) => ({
      id: p.id,
      version: Number(p.version),
      status: p.status,
      summary: p.summary,
      submittedByName: p.submitted_by_name,
      submittedAt: p.submitted_at,
      decidedByName: p.decided_by_name,
      decidedAt: p.decided_at,
      returnReason: p.return_reason,
      measures: measures
        .filter((m) => m.plan_id === p.id)
        .map((m) => ({
          id: m.id,
          seq: Number(m.seq),
          text: m.text,
          owner: m.owner,
          deadline: m.deadline,
          status: m.status,
          doneOn: m.done_on,
          overdue: p.status === 'approved' && m.status === 'open' && isPastDeadline(m.deadline, today),
          progress: progress
            .filter((e) => e.measure_id === m.id)
            .map((e) => ({
              id: e.id,
              onDate: e.on_date,
              text: e.text,
              done: Number(e.done) === 1,
              actorName: e.actor_name,
              at: e.at,
              files: filesOfProgress.get(e.id) ?? [],
            })),
        })),
    })),
    photos: files.filter((f) => f.purpose === 'complaint_photo').map(fileViewOf),
    warnings: warnings.map((w) => ({
      id: w.id,
      kind: w.kind,
      colour: w.colour,
      state: w.state,
      issuedOn: w.issued_on,
      unitName: w.unit_name,
      itemNumber: w.item_number,
    })),
    events: events.map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      onDate: e.on_date,
      at: e.at,
      actorName: e.actor_name,
      text: e.text,
    })),
    actions: actionsOf(actor, r),
  };
}

export async function getCase(db: Db, ctx: RequestContext, id: string): Promise<CaseDetail> {
  const actor = actorOf(ctx);
  const today = await regionToday(db, actor.regionId, ctx.now);
  return detailOf(db, actor, id, today);
}

// ------------------------------------------------------------------------------------------------ settings

export async function caseDeadlineDays(db: Queryable, regionId: string): Promise<CaseDeadlineDays> {
  const row = await db
    .selectFrom('case_settings')
    .selectAll()
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return row
    ? { complaint: Number(row.complaint_days), enquiry: Number(row.enquiry_days) }
    : { ...DEFAULT_CASE_DEADLINE_DAYS };
}

const settingsViewOf = (d: CaseDeadlineDays) => ({ complaintDays: d.complaint, enquiryDays: d.enquiry });

/** The accounts a case's team may be formed from: the region's active discipline inspectors and supervisors. */
export async function teamCandidates(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'case.manage', { regionId: actor.regionId });
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name', 'units.name as unit_name', 'user_roles.role'])
    .where('users.region_id', '=', actor.regionId)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', ['discipline', 'supervisor'])
    .orderBy('units.name')
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  const byId = new Map<
    string,
    { id: string; displayName: string; unitName: string; roles: ('discipline' | 'supervisor')[] }
  >();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, displayName: r.display_name, unitName: r.unit_name, roles: [] };
    c.roles.push(r.role as 'discipline' | 'supervisor');
    byId.set(r.id, c);
  }
  return { items: [...byId.values()] };
}

export async function getCaseSettings(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  return settingsViewOf(await caseDeadlineDays(db, actor.regionId));
}

/** The system administrator sets the region's deadlines; cases already received keep theirs. */
export async function updateCaseSettings(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof caseSettingsBody>,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'settings.manage', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    const before = await caseDeadlineDays(trx, actor.regionId);
    const after = { complaint: body.complaintDays, enquiry: body.enquiryDays };
    if (before.complaint === after.complaint && before.enquiry === after.enquiry)
      return settingsViewOf(after);
    const row = {
      complaint_days: after.complaint,
      enquiry_days: after.enquiry,
      updated_at: ctx.now.toISOString(),
    };
    await trx
      .insertInto('case_settings')
      .values({ region_id: actor.regionId, ...row })
      .onConflict((oc) => oc.column('region_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'case.settings',
      entity: 'case_settings',
      entityId: actor.regionId,
      before: settingsViewOf(before),
      after: settingsViewOf(after),
    });
    return settingsViewOf(after);
  });
}

// --------------------------------------------------------------------------------------------- receiving

interface NewCase {
  regionId: string;
  source: CaseSource;
  kind: CaseKind;
  title: string | undefined;
  subject: { itemId?: string | undefined; unitId?: string | undefined; place?: string | undefined };
  description: string;
  name: string | undefined;
  phone: string | undefined;
  receivedOn: string;
  createdBy: string | null;
}

/** The phone as stored (normalised), or a 400 naming `phone`. */
function checkedPhone(phone: string | undefined): string | null {
  if (phone === undefined || phone.trim() === '') return null;
  const checked = checkPhone(phone);
  if (!checked.ok) throw validationError('phone_invalid', 'phone');
  return checked.phone;
}

async function resolveSubject(trx: Queryable, regionId: string, s: NewCase['subject']) {
  let unitId: string | null = null;
  let itemId: string | null = null;
  let label = s.place ?? '';
  if (s.itemId) {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'number', 'title', 'lead_unit_id', 'status'])
      .where('region_id', '=', regionId)
      .where('id', '=', s.itemId)
      .where('status', '!=', 'draft')
      .executeTakeFirst();
    if (!item) throw validationError('unknown_reference', 'subject.itemId', { entity: 'item' });
    itemId = item.id;
    unitId = item.lead_unit_id;
    label = item.title;
  }
  if (s.unitId) {
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('region_id', '=', regionId)
      .where('id', '=', s.unitId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!unit) throw validationError('unknown_reference', 'subject.unitId', { entity: 'unit' });
    // A complaint about an item of the unit: the item's lead unit stands unless the unit is named on its own.
    unitId = unit.id;
    if (!itemId) label = unit.name;
  }
  return { unitId, itemId, place: s.place ?? null, label };
}

/** Inserts a case with its first event and audit entry (inside the caller's transaction). */
async function insertCase(trx: Queryable, ctx: RequestContext, input: NewCase) {
  const phone = checkedPhone(input.phone);
  const name = input.name?.trim() ? input.name.trim() : null;
  const subject = await resolveSubject(trx, input.regionId, input.subject);
  const days = await caseDeadlineDays(trx, input.regionId);
  const calendar = await regionCalendar(trx, input.regionId);
  const deadline = caseDeadline(calendar, input.receivedOn, input.kind, days);
  const id = newId();
  const receipt = formatReceipt(input.receivedOn, randomBytes(8));
  const now = ctx.now.toISOString();
  const title =
    input.title ??
    (input.kind === 'complaint' ? `群众反映：${subject.label}` : `群众咨询：${subject.label}`).slice(0, 200);
  const row: CaseTable = {
    id,
    region_id: input.regionId,
    receipt,
    source: input.source,
    kind: input.kind,
    status: 'received',
    title,
    description: input.description,
    item_id: subject.itemId,
    unit_id: subject.unitId,
    place: subject.place,
    complainant_name: name,
    complainant_phone: phone,
    received_on: input.receivedOn,
    deadline_days: days[input.kind],
    deadline,
    feedback: null,
    feedback_on: null,
    recheck_note: null,
    rechecked_on: null,
    reply: null,
    replied_on: null,
    close_note: null,
    closed_on: null,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
    row_version: 1,
  };
  await repo.insertCase(trx, row);
  await repo.appendEvent(trx, {
    id: newId(),
    region_id: input.regionId,
    case_id: id,
    type: 'received',
    from_status: null,
    to_status: 'received',
    on_date: input.receivedOn,
    at: now,
    actor_id: ctx.actor?.id ?? null,
    actor_name: ctx.actor?.displayName ?? null,
    text: null,
    data_json: null,
  });
  await recordAudit(trx, ctx, {
    regionId: input.regionId,
    action: 'case.create',
    entity: 'case',
    entityId: id,
    after: {
      receipt,
      source: row.source,
      kind: row.kind,
      title,
      itemId: row.item_id,
      unitId: row.unit_id,
      place: row.place,
      receivedOn: row.received_on,
      deadline,
      // Never the complainant's name or number in the audit log: masked, like everywhere but discipline's view.
      ...maskedContact(row),
    },
  });
  // The discipline commission and the task force learn of every new case.
  const staff = await trx
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('users.region_id', '=', input.regionId)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', ['discipline', 'supervisor'])
    .execute();
  await notify(trx, ctx, {
    regionId: input.regionId,
    kind: 'case_received',
    params: { caseId: id, receipt, title, deadline },
    itemId: row.item_id,
    dedupeKey: `case_received:${id}`,
    userIds: staff.map((u) => u.id),
  });
  return row;
}

/** The task force, the discipline commission or a leader enters a case (12345 ticket, instruction, spot check). */
export async function createCase(db: Db, ctx: RequestContext, body: CaseCreateBody) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'case.create', { regionId: actor.regionId });
  const today = await regionToday(db, actor.regionId, ctx.now);
  if (body.receivedOn !== undefined && body.receivedOn > today)
    throw validationError('case_received_after_today', 'receivedOn', { today });
  const row = await db.transaction().execute((trx) =>
    insertCase(trx, ctx, {
      regionId: actor.regionId,
      source: body.source,
      kind: body.kind,
      title: body.title,
      subject: body.subject,
      description: body.description,
      name: body.name,
      phone: body.phone,
      receivedOn: body.receivedOn ?? today,
      createdBy: actor.id,
    }),
  );
  return getCase(db, ctx, row.id);
}

// ------------------------------------------------------------------------------------------------- public

export async function publicForm(db: Db, ctx: RequestContext, q: { region?: string | undefined }) {
  const region = await publicRegionOf(db, q.region);
  const [units, items] = await Promise.all([
    repo.publicUnits(db, region.id),
    repo.publicItems(db, region.id),
  ]);
  const challenge = await issueChallenge(db, region.id, 'complaint', ctx.now);
  return {
    region: { code: region.code, name: region.name },
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind })),
    items: items.map((i) => ({ id: i.id, number: i.number, title: i.title })),
    descriptionMax: DESCRIPTION_MAX,
    photosMax: COMPLAINT_PHOTOS_MAX,
    challenge,
  };
}

/** Photos staged for a challenge that never became a complaint are dropped after a day. */
export const STAGED_PHOTO_TTL_MS = 24 * 3600_000;

/** Before a photo is read: the challenge is solved and not spent, and has room for another photo. */
export async function photoSlot(
  db: Queryable,
  ctx: RequestContext,
  q: { challengeId: string; nonce: string },
) {
  const challenge = await checkChallenge(db, { ...q, purpose: 'complaint', now: ctx.now });
  const staged = await db
    .selectFrom('case_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('challenge_id', '=', challenge.id)
    .executeTakeFirstOrThrow();
  if (Number(staged.n) >= COMPLAINT_PHOTOS_MAX)
    throw conflict('complaint_photos_full', { max: COMPLAINT_PHOTOS_MAX }, 'file');
  return challenge;
}

/** Staged photos whose challenge is long gone: their rows (the caller removes stored content nobody cites). */
export async function sweepStagedPhotos(db: Db, now: Date): Promise<string[]> {
  const before = new Date(now.getTime() - STAGED_PHOTO_TTL_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('case_files')
      .select(['id', 'sha256'])
      .where('purpose', '=', 'complaint_photo')
      .where('case_id', 'is', null)
      .where('uploaded_at', '<', before)
      .execute();
    if (rows.length === 0) return [];
    await trx
      .deleteFrom('case_files')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return [...new Set(rows.map((r) => r.sha256))];
  });
}

/** A public complaint: nothing is written unless the challenge, the subject, the phone and the photos are good. */
export async function submitComplaint(db: Db, ctx: RequestContext, body: ComplaintBody) {
  checkedPhone(body.phone);
  try {
    return await db.transaction().execute(async (trx) => {
      const challenge = await checkChallenge(trx, {
        challengeId: body.challengeId,
        nonce: body.nonce,
        purpose: 'complaint',
        now: ctx.now,
      });
      const photoIds = body.photoIds ?? [];
      const seen = new Set<string>();
      for (const [i, fid] of photoIds.entries()) {
        if (seen.has(fid)) throw validationError('duplicate_id', `photoIds.${i}`);
        seen.add(fid);
        const f = await trx
          .selectFrom('case_files')
          .select(['id', 'case_id', 'challenge_id'])
          .where('id', '=', fid)
          .executeTakeFirst();
        if (!f || f.challenge_id !== challenge.id || f.case_id !== null)
          throw validationError('unknown_reference', `photoIds.${i}`, { entity: 'file' });
      }
      const today = await regionToday(trx, challenge.regionId, ctx.now);
      const row = await insertCase(trx, ctx, {
        regionId: challenge.regionId,
        source: 'public_complaint',
        kind: body.kind,
        title: undefined,
        subject: body.subject,
        description: body.description,
        name: body.name,
        phone: body.phone,
        receivedOn: today,
        createdBy: null,
      });
      await spendChallenge(trx, challenge.id, ctx.now);
      if (photoIds.length > 0)
        await trx.updateTable('case_files').set({ case_id: row.id }).where('id', 'in', photoIds).execute();
      return { receipt: row.receipt, receivedOn: row.received_on, deadline: row.deadline };
    });
  } catch (err) {
    // Two requests with one challenge: the unique receipt never collides in practice, the challenge does.
    if (isUniqueViolation(err)) throw conflict('challenge_used', {}, 'challengeId');
    throw err;
  }
}

/** The public status: where the case stands and the reply, nothing personal and nothing internal. */
export async function publicStatus(db: Db, receiptRaw: string) {
  const receipt = normaliseReceipt(receiptRaw);
  const row = receipt ? await repo.findCaseByReceipt(db, receipt) : undefined;
  if (!row) throw notFound('case', 'receipt');
  const events = await repo.eventsOf(db, row.id);
  const steps: { status: CaseState; onDate: string }[] = [];
  for (const e of events) {
    if (e.from_status === e.to_status) continue;
    steps.push({ status: e.to_status as CaseState, onDate: e.on_date });
  }
  return {
    receipt: row.receipt,
    status: row.status,
    kind: row.kind,
    receivedOn: row.received_on,
    deadline: row.deadline,
    unitName: CASE_STATES_SEEN_BY_UNIT.includes(row.status) ? row.unit_name : null,
    steps,
    reply: row.reply,
    repliedOn: row.replied_on,
    closedOn: row.closed_on,
  };
}

// -------------------------------------------------------------------------------------------- the workflow

interface Step {
  actor: SessionUser;
  row: repo.CaseRow;
  today: string;
}

/** Loads a case for a write: visible to the caller, with the region's today. */
async function forWrite(trx: Queryable, ctx: RequestContext, id: string): Promise<Step> {
  const actor = actorOf(ctx);
  const today = await regionToday(trx, actor.regionId, ctx.now);
  const row = await visibleCase(trx, actor, id, today);
  return { actor, row, today };
}

const actorsOn = (actor: SessionUser, row: repo.CaseRow) =>
  caseActorsOf(actor.roles, row.unit_id !== null && row.unit_id === actor.unitId);

/** Saves a transition (or a change within a state) with its event; 409 if another write moved the case first. */
async function saveStep(
  trx: Queryable,
  ctx: RequestContext,
  s: Step,
  type: string,
  to: CaseState,
  changes: Partial<CaseTable>,
  extra: { text?: string | null; data?: unknown } = {},
) {
  const ok = await repo.updateCase(trx, s.row, { ...changes, status: to }, ctx.now.toISOString());
  if (!ok) throw conflict('stale_version', {}, 'id');
  await repo.appendEvent(trx, {
    id: newId(),
    region_id: s.row.region_id,
    case_id: s.row.id,
    type,
    from_status: s.row.status,
    to_status: to,
    on_date: s.today,
    at: ctx.now.toISOString(),
    actor_id: s.actor.id,
    actor_name: s.actor.displayName,
    text: extra.text ?? null,
    data_json: extra.data === undefined ? null : JSON.stringify(extra.data),
  });
}

async function transition(
  trx: Queryable,
  ctx: RequestContext,
  s: Step,
  action: CaseAction,
  changes: Partial<CaseTable>,
  extra: { text?: string | null; data?: unknown; audit?: Record<string, unknown> } = {},
): Promise<CaseState> {
  const to = nextCaseState(s.row.status, action, actorsOn(s.actor, s.row));
  await saveStep(trx, ctx, s, action, to, changes, extra);
  await recordAudit(trx, ctx, {
    regionId: s.row.region_id,
    action: `case.${action}`,
    entity: 'case',
    entityId: s.row.id,
    before: { status: s.row.status },
    after: { status: to, ...(extra.audit ?? {}) },
  });
  return to;
}

async function teamIds(trx: Queryable, caseId: string) {
  return (await repo.teamOf(trx, caseId)).map((m) => m.user_id);
}

/** Runs one write in a transaction, then returns the case as the caller sees it. */
async function write(
  db: Db,
  ctx: RequestContext,
  id: string,
  fn: (trx: Queryable, s: Step) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => fn(trx, await forWrite(trx, ctx, id)));
  return getCase(db, ctx, id);
}

/** 组建核查组: the team (discipline and task-force members) and, when needed, the unit concerned. */
export async function assignTeam(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof teamBody>) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    if (s.row.status === 'closed')
      throw conflict('illegal_case_action', { caseAction: 'assign_team', caseState: s.row.status });
    const seen = new Set<string>();
    for (const [i, m] of body.members.entries()) {
      const field = `members.${i}.userId`;
      if (seen.has(m.userId)) throw validationError('duplicate_id', field);
      seen.add(m.userId);
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('region_id', '=', s.row.region_id)
        .where('id', '=', m.userId)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!user) throw validationError('unknown_reference', field, { entity: 'user' });
      const roles = await trx
        .selectFrom('user_roles')
        .select('role')
        .where('user_id', '=', m.userId)
        .execute();
      if (!roles.some((r) => r.role === 'discipline' || r.role === 'supervisor'))
        throw validationError('case_team_role', field);
    }
    let unitId = s.row.unit_id;
    if (body.unitId !== undefined) {
      const unit = await trx
        .selectFrom('units')
        .select('id')
        .where('region_id', '=', s.row.region_id)
        .where('id', '=', body.unitId)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!unit) throw validationError('unknown_reference', 'unitId', { entity: 'unit' });
      // Once the unit has the findings, the case is theirs: it cannot move to another unit.
      if (CASE_STATES_SEEN_BY_UNIT.includes(s.row.status) && body.unitId !== s.row.unit_id)
        throw conflict('case_unit_fixed', {}, 'unitId');
      unitId = unit.id;
    }
    const before = await teamIds(trx, s.row.id);
    await trx.deleteFrom('case_team').where('case_id', '=', s.row.id).execute();
    await trx
      .insertInto('case_team')
      .values(
        body.members.map((m) => ({
          id: newId(),
          region_id: s.row.region_id,
          case_id: s.row.id,
          user_id: m.userId,
          lead: m.lead ? 1 : 0,
          added_at: ctx.now.toISOString(),
        })),
      )
      .execute();
    const audit = { members: body.members.map((m) => m.userId), unitId };
    if (s.row.status === 'received') {
      await transition(trx, ctx, s, 'assign_team', { unit_id: unitId }, { audit });
    } else {
      await saveStep(trx, ctx, s, 'team_changed', s.row.status, { unit_id: unitId });
      await recordAudit(trx, ctx, {
        regionId: s.row.region_id,
        action: 'case.team',
        entity: 'case',
        entityId: s.row.id,
        before: { members: before, unitId: s.row.unit_id },
        after: audit,
      });
    }
    await notify(trx, ctx, {
      regionId: s.row.region_id,
      kind: 'case_team',
      params: { caseId: s.row.id, receipt: s.row.receipt, title: s.row.title },
      dedupeKey: `case_team:${s.row.id}`,
      userIds: body.members.map((m) => m.userId).filter((u) => !before.includes(u)),
    });
  });
}

/**
 * 延期: the team moves the case's deadline later (before it is answered), e.g. when a plan needs longer than the
 * statutory days; the unit's measures may then run to the new deadline.
 */
export async function extendDeadline(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof deadlineBody>,
) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    if (CASE_STATES_ANSWERED.includes(s.row.status))
      throw conflict('illegal_case_action', { caseAction: 'extend', caseState: s.row.status });
    if (body.deadline <= s.row.deadline || body.deadline < s.today)
      throw validationError('case_deadline_not_later', 'deadline', { deadline: s.row.deadline });
    await saveStep(
      trx,
      ctx,
      s,
      'deadline_extended',
      s.row.status,
      { deadline: body.deadline },
      {
        text: body.reason,
        data: { from: s.row.deadline, to: body.deadline },
      },
    );
    await recordAudit(trx, ctx, {
      regionId: s.row.region_id,
      action: 'case.extend',
      entity: 'case',
      entityId: s.row.id,
      before: { deadline: s.row.deadline },
      after: { deadline: body.deadline, reason: body.reason },
    });
  });
}

/** A finding of the team (while verifying), in one of the categories. */
export async function addFinding(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof findingBody>) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    if (s.row.status !== 'verifying')
      throw conflict('illegal_case_action', { caseAction: 'finding', caseState: s.row.status });
    const last = await trx
      .selectFrom('case_findings')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('case_id', '=', s.row.id)
      .executeTakeFirst();
    const findingId = newId();
    await trx
      .insertInto('case_findings')
      .values({
        id: findingId,
        region_id: s.row.region_id,
        case_id: s.row.id,
        seq: Number(last?.seq ?? 0) + 1,
        category: body.category,
        text: body.text,
        created_by: s.actor.id,
        created_at: ctx.now.toISOString(),
      })
      .execute();
    await saveStep(
      trx,
      ctx,
      s,
      'finding',
      s.row.status,
      {},
      { text: body.text, data: { category: body.category } },
    );
    await recordAudit(trx, ctx, {
      regionId: s.row.region_id,
      action: 'case.finding',
      entity: 'case_finding',
      entityId: findingId,
      after: { caseId: s.row.id, category: body.category, text: body.text },
    });
  });
}

/** 反馈: the findings go to the unit, which now owes a rectification plan. */
export async function issueFeedback(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof feedbackBody>,
) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    nextCaseState(s.row.status, 'issue_findings', actorsOn(s.actor, s.row));
    if (s.row.unit_id === null) throw validationError('case_unit_required', 'unitId');
    const findings = await repo.findingsOf(trx, s.row.id);
    if (findings.length === 0) throw conflict('case_findings_required', {}, 'findings');
    await transition(
      trx,
      ctx,
      s,
      'issue_findings',
      { feedback: body.text, feedback_on: s.today },
      { text: body.text, audit: { findings: findings.length, feedback: body.text } },
    );
    await notify(trx, ctx, {
      regionId: s.row.region_id,
      kind: 'case_feedback',
      params: { caseId: s.row.id, receipt: s.row.receipt, title: s.row.title, deadline: s.row.deadline },
      itemId: s.row.item_id,
      dedupeKey: `case_feedback:${s.row.id}`,
      unitId: s.row.unit_id,
      roles: UNIT_ROLES,
    });
  });
}

/** The unit's manager submits a rectification plan (a new version after a return). */
export async function submitPlan(db: Db, ctx: RequestContext, id: string, body: PlanBody) {
  try {
    return await write(db, ctx, id, async (trx, s) => {
      assertAuthorized(s.actor, 'case.plan', { regionId: s.row.region_id, unitId: s.row.unit_id ?? '' });
      nextCaseState(s.row.status, 'submit_plan', actorsOn(s.actor, s.row));
      const problem = planProblems(body.measures, s.row.deadline, s.today)[0];
      if (problem) throw problemError(problem);
      const last = await trx
        .selectFrom('case_plans')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('case_id', '=', s.row.id)
        .executeTakeFirst();
      const version = Number(last?.version ?? 0) + 1;
      const planId = newId();
      await trx
        .insertInto('case_plans')
        .values({
          id: planId,
          region_id: s.row.region_id,
          case_id: s.row.id,
          version,
          status: 'submitted',
          summary: body.summary,
          submitted_by: s.actor.id,
          submitted_by_name: s.actor.displayName,
          submitted_at: ctx.now.toISOString(),
          decided_by: null,
          decided_by_name: null,
          decided_at: null,
          return_reason: null,
        })
        .execute();
      await trx
        .insertInto('case_measures')
        .values(
          body.measures.map((m, i) => ({
            id: newId(),
            region_id: s.row.region_id,
            case_id: s.row.id,
            plan_id: planId,
            seq: i + 1,
            text: m.text,
            owner: m.owner,
            deadline: m.deadline,
            status: 'open' as const,
            done_on: null,
          })),
        )
        .execute();
      await transition(
        trx,
        ctx,
        s,
        'submit_plan',
        {},
        {
          text: body.summary,
          data: { planId, version },
          audit: { planId, version, summary: body.summary, measures: body.measures },
        },
      );
      await notify(trx, ctx, {
        regionId: s.row.region_id,
        kind: 'case_plan_submitted',
        params: { caseId: s.row.id, receipt: s.row.receipt, title: s.row.title, version },
        dedupeKey: `case_plan_submitted:${planId}`,
        userIds: await teamIds(trx, s.row.id),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('stale_version', {}, 'id');
    throw err;
  }
}

/** The team approves the submitted plan (rectification starts) or sends it back with its reason. */
export async function decidePlan(
  db: Db,
  ctx: RequestContext,
  id: string,
  planId: string,
  body: z.infer<typeof planDecisionBody>,
) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    const plan = await trx
      .selectFrom('case_plans')
      .selectAll()
      .where('case_id', '=', s.row.id)
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!plan) throw notFound('plan', 'planId');
    const action = body.approve ? 'approve_plan' : 'return_plan';
    nextCaseState(s.row.status, action, actorsOn(s.actor, s.row));
    if (plan.status !== 'submitted') throw conflict('case_plan_decided', {}, 'planId');
    const reason = body.approve ? null : body.reason!;
    await trx
      .updateTable('case_plans')
      .set({
        status: body.approve ? 'approved' : 'returned',
        decided_by: s.actor.id,
        decided_by_name: s.actor.displayName,
        decided_at: ctx.now.toISOString(),
        return_reason: reason,
      })
      .where('id', '=', plan.id)
      .execute();
    await transition(
      trx,
      ctx,
      s,
      action,
      {},
      {
        text: reason,
        data: { planId, version: Number(plan.version) },
        audit: { planId, version: Number(plan.version), reason },
      },
    );
    await notify(trx, ctx, {
      regionId: s.row.region_id,
      kind: 'case_plan_decided',
      params: {
        caseId: s.row.id,
        receipt: s.row.receipt,
        title: s.row.title,
        version: Number(plan.version),
        approved: body.approve,
        reason,
      },
      dedupeKey: `case_plan_decided:${plan.id}`,
      unitId: s.row.unit_id ?? undefined,
      roles: ['unit_manager'],
    });
  });
}

/** Checks that a file may be added to the case's progress evidence (before the body is read). */
export async function uploadableCase(db: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const today = await regionToday(db, actor.regionId, ctx.now);
  const row = await visibleCase(db, actor, id, today);
  assertAuthorized(actor, 'case.progress', { regionId: row.region_id, unitId: row.unit_id ?? '' });
  if (!CASE_STATES_RECTIFYING.includes(row.status))
    throw conflict('illegal_case_action', { caseAction: 'progress', caseState: row.status });
  return { actor, row };
}

/** Progress on one measure of the approved plan, with evidence files uploaded before; `done` completes it. */
export async function recordProgress(
  db: Db,
  ctx: RequestContext,
  id: string,
  measureId: string,
  body: z.infer<typeof progressBody>,
) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.progress', { regionId: s.row.region_id, unitId: s.row.unit_id ?? '' });
    if (!CASE_STATES_RECTIFYING.includes(s.row.status))
      throw conflict('illegal_case_action', { caseAction: 'progress', caseState: s.row.status });
    const measure = await trx
      .selectFrom('case_measures')
      .innerJoin('case_plans', 'case_plans.id', 'case_measures.plan_id')
      .selectAll('case_measures')
      .where('case_measures.case_id', '=', s.row.id)
      .where('case_measures.id', '=', measureId)
      .where('case_plans.status', '=', 'approved')
      .executeTakeFirst();
    if (!measure) throw notFound('measure', 'measureId');
    if (measure.status === 'done') throw conflict('case_measure_done', {}, 'measureId');
    const progressId = newId();
    await trx
      .insertInto('case_progress')
      .values({
        id: progressId,
        region_id: s.row.region_id,
        case_id: s.row.id,
        measure_id: measure.id,
        on_date: s.today,
        text: body.text,
        done: body.done ? 1 : 0,
        actor_id: s.actor.id,
        actor_name: s.actor.displayName,
        at: ctx.now.toISOString(),
      })
      .execute();
    const fileIds = body.fileIds ?? [];
    for (const [i, fid] of fileIds.entries()) {
      const f = await trx
        .selectFrom('case_files')
        .select(['id', 'progress_id', 'purpose'])
        .where('case_id', '=', s.row.id)
        .where('id', '=', fid)
        .executeTakeFirst();
      if (!f || f.purpose !== 'evidence')
        throw validationError('unknown_reference', `fileIds.${i}`, { entity: 'file' });
      if (f.progress_id !== null || fileIds.indexOf(fid) !== i)
        throw conflict('file_already_attached', {}, `fileIds.${i}`);
    }
    if (fileIds.length > 0)
      await trx
        .updateTable('case_files')
        .set({ progress_id: progressId })
        .where('id', 'in', fileIds)
        .execute();
    if (body.done)
      await trx
        .updateTable('case_measures')
        .set({ status: 'done', done_on: s.today })
        .where('id', '=', measure.id)
        .execute();
    await saveStep(
      trx,
      ctx,
      s,
      'progress',
      s.row.status,
      {},
      {
        text: body.text,
        data: { measureId: measure.id, done: body.done, fileIds },
      },
    );
    await recordAudit(trx, ctx, {
      regionId: s.row.region_id,
      action: 'case.progress',
      entity: 'case_measure',
      entityId: measure.id,
      before: { status: measure.status },
      after: { caseId: s.row.id, status: body.done ? 'done' : measure.status, text: body.text, fileIds },
    });
  });
}

async function openMeasures(trx: Queryable, caseId: string) {
  return trx
    .selectFrom('case_measures')
    .innerJoin('case_plans', 'case_plans.id', 'case_measures.plan_id')
    .select(['case_measures.id', 'case_measures.status'])
    .where('case_measures.case_id', '=', caseId)
    .where('case_plans.status', '=', 'approved')
    .execute();
}

/**
 * 复查: passed → re-checked (measures still running go on; the case closes only when all are done); not passed →
 * rectification goes on, with the note.
 */
export async function recheck(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof recheckBody>) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    nextCaseState(s.row.status, 'recheck', actorsOn(s.actor, s.row));
    if (!body.passed) {
      await saveStep(
        trx,
        ctx,
        s,
        'recheck_failed',
        s.row.status,
        { recheck_note: body.note },
        { text: body.note },
      );
      await recordAudit(trx, ctx, {
        regionId: s.row.region_id,
        action: 'case.recheck_failed',
        entity: 'case',
        entityId: s.row.id,
        after: { status: s.row.status, note: body.note },
      });
      return;
    }
    await transition(
      trx,
      ctx,
      s,
      'recheck',
      { recheck_note: body.note, rechecked_on: s.today },
      { text: body.note, audit: { note: body.note } },
    );
  });
}

/** 答复: the complainant's answer, shown on the public status page. */
export async function reply(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof replyBody>) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    nextCaseState(s.row.status, 'reply', actorsOn(s.actor, s.row));
    if (!SOURCES_WITH_COMPLAINANT.includes(s.row.source)) throw conflict('case_no_complainant', {}, 'source');
    await transition(
      trx,
      ctx,
      s,
      'reply',
      { reply: body.text, replied_on: s.today },
      { text: body.text, audit: { reply: body.text } },
    );
  });
}

/** 办结: never with a measure open, nor with a complainant unanswered. */
export async function closeCase(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: { note?: string | undefined },
) {
  return write(db, ctx, id, async (trx, s) => {
    assertAuthorized(s.actor, 'case.manage', { regionId: s.row.region_id });
    nextCaseState(s.row.status, 'close', actorsOn(s.actor, s.row));
    const measures = await openMeasures(trx, s.row.id);
    const blocker = closeBlockers(
      { source: s.row.source, replied: s.row.replied_on !== null },
      measures.map((m) => ({ id: m.id, done: m.status === 'done' })),
    );
    if (blocker?.code === 'measures_open')
      throw conflict('case_measures_open', { count: blocker.openMeasureIds.length }, 'measures');
    if (blocker?.code === 'reply_required') throw conflict('case_reply_required', {}, 'reply');
    const note = body.note ? body.note : null;
    await transition(
      trx,
      ctx,
      s,
      'close',
      { close_note: note, closed_on: s.today },
      { text: note, audit: { note } },
    );
  });
}

/** A manual light (on the case's item) or card (on its unit) issued from the case, linked both ways. */
export async function issueWarning(db: Db, ctx: RequestContext, id: string, body: CaseWarningBody) {
  let itemId: string | null = null;
  let regionId = '';
  await db.transaction().execute(async (trx) => {
    const s = await forWrite(trx, ctx, id);
    assertAuthorized(s.actor, 'case.warn', { regionId: s.row.region_id });
    if (s.row.status === 'closed')
      throw conflict('illegal_case_action', { caseAction: 'warn', caseState: s.row.status });
    const target =
      body.kind === 'light'
        ? { itemId: body.itemId ?? s.row.item_id ?? undefined }
        : { unitId: body.unitId ?? s.row.unit_id ?? undefined };
    if (body.kind === 'light' && !target.itemId) throw validationError('required', 'itemId');
    if (body.kind === 'card' && !target.unitId) throw validationError('required', 'unitId');
    const warningId = await issueManualIn(
      trx,
      ctx,
      {
        kind: body.kind,
        colour: body.colour,
        reason: body.reason,
        ...target,
        ...(body.rectifyWorkingDays !== undefined && { rectifyWorkingDays: body.rectifyWorkingDays }),
      },
      { caseId: s.row.id, receipt: s.row.receipt },
    );
    await saveStep(
      trx,
      ctx,
      s,
      'warning_issued',
      s.row.status,
      {},
      {
        text: body.reason,
        data: { warningId, kind: body.kind, colour: body.colour },
      },
    );
    await recordAudit(trx, ctx, {
      regionId: s.row.region_id,
      action: 'case.warn',
      entity: 'case',
      entityId: s.row.id,
      after: { warningId, kind: body.kind, colour: body.colour, ...target },
    });
    itemId = target.itemId ?? null;
    regionId = s.row.region_id;
  });
  // A manual yellow light counts towards its unit's cards like any other.
  if (itemId) await reevaluateItems(db, ctx, regionId, [itemId]);
  return getCase(db, ctx, id);
}

// ----------------------------------------------------------------------------------------------- chasing

/**
 * 催办 of cases, run by the daily reminder job inside its transaction: a case past its deadline and not answered
 * notifies its unit and its team; an open measure past its deadline notifies the unit. Deduplicated per case and
 * measure, so a re-run adds nothing. Returns how many notifications were created.
 */
export async function chaseOverdue(trx: Queryable, ctx: RequestContext, regionId: string, today: string) {
  let created = 0;
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'receipt', 'title', 'deadline', 'unit_id', 'item_id', 'status'])
    .where('region_id', '=', regionId)
    .where('deadline', '<', today)
    .where('status', 'not in', ['replied', 'closed'])
    .orderBy('id')
    .execute();
  for (const c of cases) {
    created += await notify(trx, ctx, {
      regionId,
      kind: 'case_overdue',
      params: { caseId: c.id, receipt: c.receipt, title: c.title, deadline: c.deadline },
      itemId: c.item_id,
      dedupeKey: `case_overdue:${c.id}`,
      userIds: await teamIds(trx, c.id),
      // The unit learns of a case only once the findings were fed back to it.
      ...(c.unit_id &&
        CASE_STATES_SEEN_BY_UNIT.includes(c.status) && { unitId: c.unit_id, roles: UNIT_ROLES }),
    });
  }
  const measures = await trx
    .selectFrom('case_measures')
    .innerJoin('case_plans', 'case_plans.id', 'case_measures.plan_id')
    .innerJoin('cases', 'cases.id', 'case_measures.case_id')
    .select([
      'case_measures.id',
      'case_measures.text',
      'case_measures.deadline',
      'cases.id as case_id',
      'cases.receipt',
      'cases.unit_id',
      'cases.item_id',
    ])
    .where('case_measures.region_id', '=', regionId)
    .where('case_plans.status', '=', 'approved')
    .where('case_measures.status', '=', 'open')
    .where('case_measures.deadline', '<', today)
    .where('cases.status', '!=', 'closed')
    .orderBy('case_measures.id')
    .execute();
  for (const m of measures) {
    if (!m.unit_id) continue;
    created += await notify(trx, ctx, {
      regionId,
      kind: 'case_measure_overdue',
      params: { caseId: m.case_id, receipt: m.receipt, measure: m.text.slice(0, 200), deadline: m.deadline },
      itemId: m.item_id,
      dedupeKey: `case_measure_overdue:${m.id}`,
      unitId: m.unit_id,
      roles: UNIT_ROLES,
    });
  }
  return created;
}

// ------------------------------------------------------------------------------------------------- files

/** A case file for download: a complaint photo or progress evidence of a case the caller may read. */
export async function caseFileFor(db: Queryable, ctx: RequestContext, fileId: string) {
  const actor = actorOf(ctx);
  const f = await db
    .selectFrom('case_files')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!f || f.case_id === null) throw notFound('file', 'id');
  const today = await regionToday(db, actor.regionId, ctx.now);
  await visibleCase(db, actor, f.case_id, today);
  return f;
}

export const refusedNotImage = () => new DomainError('unsupported_media_type', 'file_not_image', {}, 'file');

export const fileGone = () => notFound('file', 'id');
