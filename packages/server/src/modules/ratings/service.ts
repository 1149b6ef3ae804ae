// Service ratings (服务评议). The public flow needs no login: the form hands out a one-time proof-of-work
// challenge (modules/public-challenge, shared with the complaint form); a submission checks the credit code
// (GB 32100-2015), spends the challenge and records the rating — replacing the enterprise's earlier rating of the
// unit in the same month, which is kept — with its audit entry, all in one transaction. A low rating (any
// dimension at 2 or below) opens a follow-up (待回应) that the unit's manager answers and the task force closes.
// Credit codes are stored in full but shown in full only to county roles; unit roles and the audit log see them
// masked (first 2 + last 4 characters).
import {
  assertAuthorized,
  authorize,
  checkCreditCode,
  conflict,
  forbidden,
  isLowRating,
  maskCreditCode,
  notFound,
  PERMISSIONS,
  RATING_COMMENT_MAX,
  RATING_SERVICES,
  ratingMean,
  ratingMonthOf,
  ROLE_SCOPE,
  validationError,
  type RatingScores,
  type RatingService,
  type Role,
  type UnitKind,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import { isUniqueViolation } from '../../db/sql.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import {
  checkChallenge,
  issueChallenge,
  publicRegionOf,
  spendChallenge,
} from '../public-challenge/service.ts';
import { notify } from '../notifications/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type { FollowUpListQuery, RatingBody, RatingListQuery, RatingView } from './schema.ts';

// Where the rating tests and callers have always found them.
export { CHALLENGE_TTL_MS, PROOF_OF_WORK_BITS } from '../public-challenge/service.ts';

// ------------------------------------------------------------------------------------------------ public

/** The public form: the units to rate, the services, the month it counts for and a fresh one-time challenge. */
export async function publicForm(db: Db, ctx: RequestContext, q: { region?: string | undefined }) {
  const region = await publicRegionOf(db, q.region);
  const [units, today] = await Promise.all([
    repo.rateableUnits(db, region.id),
    regionToday(db, region.id, ctx.now),
  ]);
  const challenge = await issueChallenge(db, region.id, 'rating', ctx.now);
  return {
    region: { code: region.code, name: region.name },
    month: ratingMonthOf(today),
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      shortName: u.short_name,
      kind: u.kind as UnitKind,
      categoryId: u.category_id!,
      categoryName: u.category_name,
    })),
    services: [...RATING_SERVICES],
    commentMax: RATING_COMMENT_MAX,
    challenge,
  };
}

/** A public submission. Nothing is written unless the code, the challenge and the unit are all good. */
export async function submitRating(db: Db, ctx: RequestContext, body: RatingBody) {
  const checked = checkCreditCode(body.creditCode);
  if (!checked.ok) throw validationError(`credit_code_${checked.problem}`, 'creditCode', checked.params);
  const creditCode = checked.code;
  const now = ctx.now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const challenge = await checkChallenge(trx, {
        challengeId: body.challengeId,
        nonce: body.nonce,
        purpose: 'rating',
        now: ctx.now,
      });
      const regionId = challenge.regionId;
      const unit = await repo.findRateableUnit(trx, regionId, body.unitId);
      if (!unit) throw validationError('not_found', 'unitId', { entity: 'unit' });
      await spendChallenge(trx, challenge.id, ctx.now);

      const ratedOn = await regionToday(trx, regionId, ctx.now);
      const month = ratingMonthOf(ratedOn);
      const previous = await repo.findCurrentRating(trx, { regionId, unitId: unit.id, creditCode, month });
      const scores: RatingScores = {
        efficiency: body.efficiency,
        attitude: body.attitude,
        compliance: body.compliance,
      };
      const low = isLowRating(scores);
      const id = newId();
      const version = previous ? Number(previous.version) + 1 : 1;
      await repo.insertRating(trx, {
        id,
        region_id: regionId,
        unit_id: unit.id,
        credit_code: creditCode,
        month,
        rated_on: ratedOn,
        version,
        service: body.service,
        ...scores,
        comment: body.comment ? body.comment : null,
        low: low ? 1 : 0,
        created_at: now,
        superseded_by: null,
        superseded_at: null,
      });
      if (previous) {
        await repo.supersede(trx, previous.id, id, now);
        // The enterprise's opinion now is the new rating: an unanswered follow-up of the old one lapses.
        const old = await repo.findFollowUp(trx, previous.id);
        if (old?.status === 'open')
          await repo.updateFollowUp(trx, old.id, ['open'], { status: 'superseded' });
      }
      if (low) {
        await repo.insertFollowUp(trx, {
          id: newId(),
          region_id: regionId,
          rating_id: id,
          unit_id: unit.id,
          status: 'open',
          opened_at: now,
          response: null,
          responded_by: null,
          responded_by_name: null,
          responded_at: null,
          close_note: null,
          closed_by: null,
          closed_by_name: null,
          closed_at: null,
        });
        // The unit's managers owe an answer: they learn of it in their inbox, not only in the follow-up list.
        await notify(trx, ctx, {
          regionId,
          unitId: unit.id,
          roles: ['unit_manager'],
          kind: 'rating_low',
          params: { unitName: unit.name, month, service: body.service, ...scores },
          dedupeKey: `rating_low:${id}`,
        });
      }
      const masked = maskCreditCode(creditCode);
      await recordAudit(trx, ctx, {
        regionId,
        action: previous ? 'rating.replace' : 'rating.submit',
        entity: 'service_rating',
        entityId: id,
        before: previous
          ? {
              id: previous.id,
              version: Number(previous.version),
              service: previous.service,
              efficiency: Number(previous.efficiency),
              attitude: Number(previous.attitude),
              compliance: Number(previous.compliance),
            }
          : null,
        after: {
          creditCode: masked,
          unitId: unit.id,
          unitName: unit.name,
          month,
          version,
          service: body.service,
          ...scores,
          comment: body.comment ? body.comment : null,
          followUpOpened: low,
        },
      });
      return {
        id,
        unitId: unit.id,
        unitName: unit.name,
        month,
        version,
        replaced: previous !== undefined,
        followUpOpened: low,
      };
    });
  } catch (err) {
    // Two submissions of one enterprise for one unit and month raced for the same version: one wins.
    if (isUniqueViolation(err)) throw conflict('rating_concurrent');
    throw err;
  }
}

// ------------------------------------------------------------------------------------------------- staff

/** County roles holding rating.list see every unit and full credit codes; unit roles their own unit, masked. */
const seesRegion = (actor: SessionUser) =>
  actor.roles.some(
    (r) => ROLE_SCOPE[r] === 'county' && (PERMISSIONS['rating.list'] as readonly Role[]).includes(r),
  );

function viewOf(actor: SessionUser, r: repo.RatingRow, f: repo.FollowUpRow | undefined): RatingView {
  const full = seesRegion(actor);
  const scores = {
    efficiency: Number(r.efficiency),
    attitude: Number(r.attitude),
    compliance: Number(r.compliance),
  };
  const actions: RatingView['actions'] = [];
  if (
    f?.status === 'open' &&
    authorize(actor, 'rating.respond', { regionId: r.region_id, unitId: r.unit_id })
  )
    actions.push('respond');
  if (
    (f?.status === 'open' || f?.status === 'answered') &&
    authorize(actor, 'rating.close', { regionId: r.region_id })
  )
    actions.push('close');
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    creditCode: full ? r.credit_code : maskCreditCode(r.credit_code),
    creditCodeMasked: !full,
    month: r.month,
    ratedOn: r.rated_on,
    version: Number(r.version),
    current: r.superseded_by === null,
    service: r.service as RatingService,
    ...scores,
    mean: ratingMean(scores),
    low: Number(r.low) === 1,
    comment: r.comment,
    createdAt: r.created_at,
    followUp: f
      ? {
          id: f.id,
          status: f.status,
          openedAt: f.opened_at,
          response: f.response,
          respondedByName: f.responded_by_name,
          respondedAt: f.responded_at,
          closeNote: f.close_note,
          closedByName: f.closed_by_name,
          closedAt: f.closed_at,
        }
      : null,
    actions,
  };
}

/** The unit a list is limited to: the asked one for county roles, the caller's own for unit roles. */
function scopeOf(actor: SessionUser, unitId: string | undefined): string | undefined {
  assertAuthorized(actor, 'rating.list', { regionId: actor.regionId });
  if (seesRegion(actor)) return unitId;
  if (unitId !== undefined && unitId !== actor.unitId) throw forbidden();
  return actor.unitId;
}

async function page(
  db: Queryable,
  actor: SessionUser,
  filter: repo.RatingFilter,
  q: { page: number; pageSize: number },
) {
  const { rows, total } = await repo.listRatings(db, filter, q.pageSize, offsetOf(q));
  const followUps = await repo.followUpsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, items: rows.map((r) => viewOf(actor, r, followUps.get(r.id))) };
}

export async function listRatings(db: Db, ctx: RequestContext, q: RatingListQuery) {
  const actor = actorOf(ctx);
  const unitId = scopeOf(actor, q.unitId);
  return page(
    db,
    actor,
    {
      regionId: actor.regionId,
      unitId,
      month: q.month,
      low: q.low === undefined ? undefined : q.low === 'true',
      history: q.history === 'true',
    },
    q,
  );
}

export async function listFollowUps(db: Db, ctx: RequestContext, q: FollowUpListQuery) {
  const actor = actorOf(ctx);
  const unitId = scopeOf(actor, q.unitId);
  return page(
    db,
    actor,
    {
      regionId: actor.regionId,
      unitId,
      month: q.month,
      // A superseded rating's follow-up is listed with its rating (history) when asked for by state.
      history: q.status === 'superseded',
      followUp: { status: q.status },
    },
    q,
  );
}

async function ratingView(db: Queryable, actor: SessionUser, id: string): Promise<RatingView> {
  const row = await repo.findRating(db, actor.regionId, id);
  if (!row) throw notFound('rating', 'id');
  return viewOf(actor, row, await repo.findFollowUp(db, id));
}

/** The unit manager answers a low rating (one transaction, audited). */
export async function respond(db: Db, ctx: RequestContext, id: string, body: { text: string }) {
  const actor = actorOf(ctx);
  return db.transaction().execute(async (trx) => {
    const rating = await repo.findRating(trx, actor.regionId, id);
    if (!rating) throw notFound('rating', 'id');
    assertAuthorized(actor, 'rating.respond', { regionId: rating.region_id, unitId: rating.unit_id });
    const followUp = await repo.findFollowUp(trx, id);
    if (!followUp) throw conflict('follow_up_none');
    const now = ctx.now.toISOString();
    const changes = {
      status: 'answered' as const,
      response: body.text,
      responded_by: actor.id,
      responded_by_name: actor.displayName,
      responded_at: now,
    };
    if (!(await repo.updateFollowUp(trx, followUp.id, ['open'], changes)))
      throw conflict('follow_up_not_open', { followUpState: followUp.status });
    await recordAudit(trx, ctx, {
      regionId: rating.region_id,
      action: 'rating.respond',
      entity: 'rating_follow_up',
      entityId: followUp.id,
      before: { ratingId: id, creditCode: maskCreditCode(rating.credit_code), status: followUp.status },
      after: { status: 'answered', response: body.text },
    });
    return ratingView(trx, actor, id);
  });
}

/** The task force closes a follow-up, answered or not (one transaction, audited). */
export async function closeFollowUp(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: { note?: string | undefined },
) {
  const actor = actorOf(ctx);
  return db.transaction().execute(async (trx) => {
    const rating = await repo.findRating(trx, actor.regionId, id);
    if (!rating) throw notFound('rating', 'id');
    assertAuthorized(actor, 'rating.close', { regionId: rating.region_id });
    const followUp = await repo.findFollowUp(trx, id);
    if (!followUp) throw conflict('follow_up_none');
    const note = body.note ? body.note : null;
    const closed = await repo.updateFollowUp(trx, followUp.id, ['open', 'answered'], {
      status: 'closed',
      close_note: note,
      closed_by: actor.id,
      closed_by_name: actor.displayName,
      closed_at: ctx.now.toISOString(),
    });
    if (!closed) throw conflict('follow_up_not_closable', { followUpState: followUp.status });
    await recordAudit(trx, ctx, {
      regionId: rating.region_id,
      action: 'rating.close',
      entity: 'rating_follow_up',
      entityId: followUp.id,
      before: { ratingId: id, creditCode: maskCreditCode(rating.credit_code), status: followUp.status },
      after: { status: 'closed', note },
    });
    return ratingView(trx, actor, id);
  });
}

// ---------------------------------------------------------------------------------------------- the index

/** One current rating, shaped for the running index (`score` is the exact mean of the three dimensions). */
export interface MonthRating extends RatingScores {
  id: string;
  unitId: string;
  score: number;
  ratedOn: string;
  service: string;
  low: boolean;
}

/**
 * The current ratings of a month (replaced ones left out), per unit id; units without ratings are absent.
 * Read by the running index (奔跑指数), which applies its own minimum number of ratings.
 */
export async function ratingsOfMonth(
  db: Queryable,
  regionId: string,
  month: string,
): Promise<Map<string, MonthRating[]>> {
  const out = new Map<string, MonthRating[]>();
  for (const r of await repo.currentRatingsOfMonth(db, regionId, month)) {
    const scores = {
      efficiency: Number(r.efficiency),
      attitude: Number(r.attitude),
      compliance: Number(r.compliance),
    };
    const list = out.get(r.unit_id) ?? [];
    list.push({
      id: r.id,
      unitId: r.unit_id,
      ...scores,
      score: (scores.efficiency + scores.attitude + scores.compliance) / 3,
      ratedOn: r.rated_on,
      service: r.service,
      low: Number(r.low) === 1,
    });
    out.set(r.unit_id, list);
  }
  return out;
}
