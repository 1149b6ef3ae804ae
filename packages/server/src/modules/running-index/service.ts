// The running index (奔跑指数) over HTTP: the model (read, validate, save a draft, activate), a month (the latest
// published revision, else a live preview), publication (a frozen snapshot; republishing is the next revision with
// its differences, never a silent change), a unit's trend over a year, and commendations (加分). One transaction
// per write, each audited.
import {
  assertAuthorized,
  conflict,
  DomainError,
  diffResults,
  isMonthKey,
  monthBounds,
  notFound,
  rollUp,
  validateBonusPoints,
  validateIndexModel,
  validationError,
  type IndexModel,
  type IndexModelProblem,
  type MonthResult,
  type ResultDiff,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { IndexModelTable, IndexSnapshotTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/sql.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { actorOf } from '../units/service.ts';
import { computeMonthNow, previousMonth } from './facts.ts';
import { activeIndexModel, modelOf } from './model-store.ts';
import { activateVersion } from '../../db/versions.ts';

// ------------------------------------------------------------------------------------------------------ model

/** Domain records as the (loosely documented) JSON the routes send. */
type Json = Record<string, unknown>;
const json = (v: object): Json => v as unknown as Json;

const modelView = (r: IndexModelTable) => ({
  id: r.id,
  version: Number(r.version),
  status: r.status,
  model: modelOf(r) as unknown as Json,
  note: r.note,
  createdAt: r.created_at,
  activatedAt: r.activated_at,
});

/** Problem codes shared with rule sets read their messages; the index's own have `index_problem.*`. */
const problemMessage = (p: IndexModelProblem, locale: Locale) => {
  const own = `index_problem.${p.code}`;
  const key = translate(own, locale) === own ? `rule_problem.${p.code}` : own;
  return translate(key, locale, { field: p.field, allowed: '—', ...(p.params ?? {}) });
};
const localise = (problems: readonly IndexModelProblem[], locale: Locale) =>
  problems.map((p) => ({ field: p.field, code: p.code, message: problemMessage(p, locale) }));

export async function getActiveModel(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  await db.transaction().execute((trx) => activeIndexModel(trx, actor.regionId, ctx.now.toISOString()));
  const row = await db
    .selectFrom('index_models')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const drafts = await db
    .selectFrom('index_models')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('status', '=', 'draft')
    .orderBy('version', 'desc')
    .execute();
  return { active: row ? modelView(row) : null, drafts: drafts.map(modelView) };
}

export function validateModel(ctx: RequestContext, body: unknown, locale: Locale) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.manage', { regionId: actor.regionId });
  const result = validateIndexModel(body);
  return { ok: result.ok, problems: result.ok ? [] : localise(result.problems, locale) };
}

export async function saveDraft(
  db: Db,
  ctx: RequestContext,
  body: { model: unknown; note?: string | undefined },
  locale: Locale,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.manage', { regionId: actor.regionId });
  const result = validateIndexModel(body.model);
  if (!result.ok) {
    const first = result.problems[0]!;
    throw new DomainError(
      'validation',
      'index_model_invalid',
      { count: result.problems.length, first: problemMessage(first, locale) },
      first.field,
    );
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await activeIndexModel(trx, actor.regionId, ctx.now.toISOString());
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'index.model_save_draft',
      entity: 'index_model',
      entityId: id,
      after: { model: result.model, note: body.note ?? null },
    });
    const v = await trx
      .selectFrom('index_models')
      .select((eb) => eb.fn.max<number>('version').as('v'))
      .where('region_id', '=', actor.regionId)
      .executeTakeFirst();
    const version = Number(v?.v ?? 0) + 1;
    await trx
      .insertInto('index_models')
      .values({
        id,
        region_id: actor.regionId,
        version,
        status: 'draft',
        model_json: JSON.stringify({ ...result.model, version }),
        note: body.note ?? null,
        created_by: actor.id,
        created_at: ctx.now.toISOString(),
        activated_by: null,
        activated_at: null,
      })
      .execute();
  });
  return modelView(await modelRow(db, actor.regionId, id));
}

async function modelRow(db: Queryable, regionId: string, id: string) {
  const row = await db
    .selectFrom('index_models')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('index_model', 'id');
  return row;
}

export async function activateModel(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    await activeIndexModel(trx, actor.regionId, ctx.now.toISOString());
    const row = await modelRow(trx, actor.regionId, id);
    if (row.status !== 'draft') throw conflict('index_model_not_draft', { status: row.status });
    const previous = await activateVersion(trx, 'index_models', actor.regionId, id, {
      actorId: actor.id,
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'index.model_activate',
      entity: 'index_model',
      entityId: id,
      before: previous === null ? null : { activeVersion: previous },
      after: { activeVersion: Number(row.version), model: JSON.parse(row.model_json) as unknown },
    });
  });
  return modelView(await modelRow(db, actor.regionId, id));
}

// ------------------------------------------------------------------------------------------------------ months

function assertMonth(month: string) {
  if (!isMonthKey(month)) throw validationError('invalid_month', 'month', { value: month });
}

async function latestSnapshot(db: Queryable, regionId: string, month: string) {
  return db
    .selectFrom('index_snapshots')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('month', '=', month)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const resultOf = (s: Pick<IndexSnapshotTable, 'result_json'>) => JSON.parse(s.result_json) as MonthResult;

/** The published month (latest revision), else computed now under the active model (without a rank change). */
async function monthOrPreview(db: Db, regionId: string, month: string, model: IndexModel, today: string) {
  const snap = await latestSnapshot(db, regionId, month);
  if (snap) return resultOf(snap);
  return (await computeMonthNow(db, regionId, month, model, today, null)).result;
}

/** A live computation of the month under the active model, with last month's ranks for the change of rank. */
async function preview(db: Db, ctx: RequestContext, regionId: string, month: string) {
  const model = await db
    .transaction()
    .execute((trx) => activeIndexModel(trx, regionId, ctx.now.toISOString()));
  const today = await regionToday(db, regionId, ctx.now);
  const previous = await monthOrPreview(db, regionId, previousMonth(month), model, today);
  const { result, knownOn } = await computeMonthNow(db, regionId, month, model, today, previous);
  return { model, today, result, knownOn };
}

const snapshotMeta = (s: IndexSnapshotTable) => ({
  id: s.id,
  revision: Number(s.revision),
  modelVersion: Number(s.model_version),
  knownOn: s.known_on,
  publishedAt: s.published_at,
  publishedBy: s.published_by,
  supersedesId: s.supersedes_id,
});

export async function getMonth(db: Db, ctx: RequestContext, month: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  assertMonth(month);
  const snap = await latestSnapshot(db, actor.regionId, month);
  if (snap) return { month, published: true, ...snapshotMeta(snap), result: json(resultOf(snap)) };
  const { result, knownOn, today } = await preview(db, ctx, actor.regionId, month);
  return {
    month,
    published: false,
    id: null,
    revision: null,
    modelVersion: result.modelVersion,
    knownOn: knownOn > today ? today : knownOn,
    publishedAt: null,
    publishedBy: null,
    supersedesId: null,
    result: json(result),
  };
}

/**
 * Freezes the month as computed now. A month already published gets the next revision with its differences from
 * the one before. Two publications racing for the same revision: the unique (region, month, revision) lets one in,
 * the other is a 409 naming the month.
 */
export async function publishMonth(db: Db, ctx: RequestContext, month: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.publish', { regionId: actor.regionId });
  return publishRegionMonth(db, ctx, actor.regionId, month, actor.id);
}

/** Publishes a month of a region (the authorisation is the caller's); also the demo seed's, by nobody. */
export async function publishRegionMonth(
  db: Db,
  ctx: RequestContext,
  regionId: string,
  month: string,
  publishedBy: string | null,
) {
  assertMonth(month);
  const today = await regionToday(db, regionId, ctx.now);
  if (monthBounds(month).end >= today)
    throw validationError('index_month_not_over', 'month', { month, today });
  const before = await latestSnapshot(db, regionId, month);
  const { result, knownOn } = await preview(db, ctx, regionId, month);
  const diff: ResultDiff | null = before ? diffResults(resultOf(before), result) : null;
  const id = newId();
  const revision = before ? Number(before.revision) + 1 : 1;
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('index_snapshots')
        .values({
          id,
          region_id: regionId,
          month,
          revision,
          status: 'published',
          model_version: result.modelVersion ?? 1,
          known_on: knownOn,
          result_json: JSON.stringify(result),
          published_by: publishedBy,
          published_at: ctx.now.toISOString(),
          supersedes_id: before?.id ?? null,
          diff_json: diff ? JSON.stringify(diff) : null,
        })
        .execute();
      await recordAudit(trx, ctx, {
        regionId,
        action: 'index.publish',
        entity: 'index_snapshot',
        entityId: id,
        before: before ? { month, revision: Number(before.revision) } : null,
        after: { month, revision, modelVersion: result.modelVersion, knownOn },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('index_publish_concurrent', { month }, 'month');
    throw err;
  }
  return {
    month,
    published: true,
    id,
    revision,
    modelVersion: result.modelVersion,
    knownOn,
    publishedAt: ctx.now.toISOString(),
    publishedBy,
    supersedesId: before?.id ?? null,
    result: json(result),
    diff: diff ? json(diff) : null,
  };
}

export async function listRevisions(db: Db, ctx: RequestContext, month: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  assertMonth(month);
  const rows = await db
    .selectFrom('index_snapshots')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('month', '=', month)
    .orderBy('revision', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      ...snapshotMeta(r),
      diff: r.diff_json ? (JSON.parse(r.diff_json) as Json) : null,
    })),
  };
}

// ------------------------------------------------------------------------------------------------------ roll-ups

const PERIOD_RE = /^(\d{4})(?:-Q([1-4]))?$/;

/** The months of `2022-Q1` or `2022`, and the period before it. */
export function periodMonths(period: string): {
  kind: 'quarter' | 'year';
  months: string[];
  previous: string;
} {
  const m = PERIOD_RE.exec(period);
  if (!m) throw validationError('invalid_period', 'period', { value: period });
  const year = Number(m[1]);
  const mm = (n: number) => String(n).padStart(2, '0');
  if (m[2] === undefined)
    return {
      kind: 'year',
      months: Array.from({ length: 12 }, (_, i) => `${year}-${mm(i + 1)}`),
      previous: String(year - 1),
    };
  const q = Number(m[2]);
  return {
    kind: 'quarter',
    months: [1, 2, 3].map((i) => `${year}-${mm((q - 1) * 3 + i)}`),
    previous: q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`,
  };
}

/** The latest published revision of each of these months that has one. */
async function publishedMonths(db: Queryable, regionId: string, months: readonly string[]) {
  const rows = await db
    .selectFrom('index_snapshots')
    .select(['month', 'revision', 'result_json'])
    .where('region_id', '=', regionId)
    .where('month', 'in', months)
    .orderBy('month')
    .orderBy('revision', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.month)) latest.set(r.month, r);
  return [...latest.values()];
}

/**
 * A quarter or a year rolled up from its published months only (the frozen figures anyone can check), with the
 * change of rank since the period before; months begun but not yet published are named as pending.
 */
export async function getPeriod(db: Db, ctx: RequestContext, period: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  const { kind, months, previous } = periodMonths(period);
  const today = await regionToday(db, actor.regionId, ctx.now);
  const published = await publishedMonths(db, actor.regionId, months);
  const revisions = published.map((r) => ({ month: r.month, revision: Number(r.revision) }));
  const publishedSet = new Set(published.map((r) => r.month));
  const pending = months.filter((m) => `${m}-01` <= today && !publishedSet.has(m));
  if (published.length === 0) return { period, kind, months: revisions, pending, result: null };
  const before = await publishedMonths(db, actor.regionId, periodMonths(previous).months);
  const previousResult = before.length > 0 ? rollUp(before.map(resultOf), kind) : null;
  const result = rollUp(published.map(resultOf), kind, { previous: previousResult });
  return { period, kind, months: revisions, pending, result: json(result) };
}

/** A unit's months of a year: the published total and rank, else the live preview; months not begun are left out. */
export async function unitTrend(db: Db, ctx: RequestContext, unitId: string, year: number | undefined) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', actor.regionId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound('unit', 'unitId');
  const today = await regionToday(db, actor.regionId, ctx.now);
  const y = year ?? Number(today.slice(0, 4));
  const model = await db
    .transaction()
    .execute((trx) => activeIndexModel(trx, actor.regionId, ctx.now.toISOString()));
  const months = [];
  let previous: MonthResult | null = null;
  for (let m = 1; m <= 12; m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` > today) break;
    const snap = await latestSnapshot(db, actor.regionId, month);
    const result: MonthResult = snap
      ? resultOf(snap)
      : (await computeMonthNow(db, actor.regionId, month, model, today, previous)).result;
    previous = result;
    const score = result.scores.find((s) => s.unitId === unitId);
    months.push({
      month,
      published: !!snap,
      revision: snap ? Number(snap.revision) : null,
      categoryId: score?.categoryId ?? null,
      total: score?.total ?? null,
      rank: score?.rank ?? null,
      rankChange: score?.rankChange ?? null,
      ranked: score
        ? result.scores.filter((s) => s.categoryId === score.categoryId && s.rank !== null).length
        : 0,
    });
  }
  return { unitId, unitName: unit.name, year: y, months };
}

// ------------------------------------------------------------------------------------------------------ bonuses

const bonusView = (r: {
  id: string;
  unit_id: string;
  month: string;
  points: number;
  reason: string;
  evidence: string | null;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
  unit_name?: string | null;
}) => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name ?? null,
  month: r.month,
  points: Number(r.points),
  reason: r.reason,
  evidence: r.evidence,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});

async function bonusRow(db: Queryable, regionId: string, id: string) {
  const row = await db
    .selectFrom('index_bonuses')
    .innerJoin('units', 'units.id', 'index_bonuses.unit_id')
    .selectAll('index_bonuses')
    .select('units.name as unit_name')
    .where('index_bonuses.region_id', '=', regionId)
    .where('index_bonuses.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('index_bonus', 'id');
  return row;
}

export async function addBonus(
  db: Db,
  ctx: RequestContext,
  body: { unitId: string; month: string; points: number; reason: string; evidence?: string | undefined },
  locale: Locale,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.bonus', { regionId: actor.regionId });
  assertMonth(body.month);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const model = await activeIndexModel(trx, actor.regionId, ctx.now.toISOString());
    const problems = validateBonusPoints(model, body.points);
    if (problems.length > 0) {
      const p = problems[0]!;
      throw new DomainError(
        'validation',
        'index_bonus_invalid',
        { first: problemMessage(p, locale) },
        'points',
      );
    }
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where('region_id', '=', actor.regionId)
      .where('id', '=', body.unitId)
      .executeTakeFirst();
    if (!unit) throw notFound('unit', 'unitId');
    await trx
      .insertInto('index_bonuses')
      .values({
        id,
        region_id: actor.regionId,
        unit_id: body.unitId,
        month: body.month,
        points: body.points,
        reason: body.reason,
        evidence: body.evidence ?? null,
        created_by: actor.id,
        created_at: ctx.now.toISOString(),
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'index.bonus_add',
      entity: 'index_bonus',
      entityId: id,
      after: { unitId: body.unitId, month: body.month, points: body.points, reason: body.reason },
    });
  });
  return bonusView(await bonusRow(db, actor.regionId, id));
}

export async function listBonuses(db: Db, ctx: RequestContext, month: string | undefined) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.read', { regionId: actor.regionId });
  if (month !== undefined) assertMonth(month);
  let q = db
    .selectFrom('index_bonuses')
    .innerJoin('units', 'units.id', 'index_bonuses.unit_id')
    .selectAll('index_bonuses')
    .select('units.name as unit_name')
    .where('index_bonuses.region_id', '=', actor.regionId);
  if (month !== undefined) q = q.where('index_bonuses.month', '=', month);
  const rows = await q.orderBy('index_bonuses.created_at', 'desc').orderBy('index_bonuses.id').execute();
  return { items: rows.map(bonusView) };
}

export async function revokeBonus(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'index.bonus', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const row = await bonusRow(trx, actor.regionId, id);
    if (row.revoked_at) throw conflict('index_bonus_revoked', { revokedAt: row.revoked_at });
    await trx
      .updateTable('index_bonuses')
      .set({ revoked_at: ctx.now.toISOString(), revoked_by: actor.id })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'index.bonus_revoke',
      entity: 'index_bonus',
      entityId: id,
      before: { unitId: row.unit_id, month: row.month, points: Number(row.points), reason: row.reason },
      after: { revoked: true },
    });
  });
  return bonusView(await bonusRow(db, actor.regionId, id));
}
