// Rule sets over HTTP: read the active and past versions, validate a draft (every problem names its rule and field),
// preview what a draft would light up or put out on today's data, save drafts, activate one (audited; the region
// is re-evaluated at once under the new version).
import {
  assertAuthorized,
  CONDITIONS,
  conflict,
  DomainError,
  notFound,
  previewDiff,
  validateRuleSet,
  type Finding,
  type RuleProblem,
  type RuleSet,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { RuleSetTable } from '../../db/schema.ts';
import type { RequestContext } from '../../context.ts';
import { activateVersion } from '../../db/versions.ts';
import { newId } from '../../ids.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { actorOf } from '../units/service.ts';
import { evaluateRegion, findingsUnder } from './engine.ts';
import { activeRuleSet, ruleSetOf } from './rulesets.ts';
import type { ruleSetDraft } from './schema.ts';

const view = (r: RuleSetTable, names: Map<string, string>) => ({
  id: r.id,
  version: Number(r.version),
  status: r.status,
  rules: ruleSetOf(r).rules,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null,
  activatedAt: r.activated_at,
  activatedBy: r.activated_by ? (names.get(r.activated_by) ?? null) : null,
});

async function userNames(db: Queryable, rows: RuleSetTable[]) {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.created_by, r.activated_by]).filter((x): x is string => !!x)),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [u.id, u.display_name]));
}

export async function listRuleSets(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.read', { regionId: actor.regionId });
  // The default version 1 exists from the first read on.
  await db.transaction().execute((trx) => activeRuleSet(trx, actor.regionId, ctx.now.toISOString()));
  const rows = await db
    .selectFrom('rule_sets')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .orderBy('version', 'desc')
    .execute();
  const names = await userNames(db, rows);
  return { items: rows.map((r) => view(r, names)) };
}

export function listConditions(ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.read', { regionId: actor.regionId });
  return {
    items: Object.entries(CONDITIONS).map(([condition, spec]) => ({
      condition: condition as keyof typeof CONDITIONS,
      kind: spec.kind,
      name: spec.name,
      metric: spec.metric,
      comparator: spec.comparator,
      params: spec.paramList,
    })),
  };
}

const problemMessage = (p: RuleProblem, locale: Locale) =>
  translate(`rule_problem.${p.code}`, locale, { field: p.field, allowed: '—', ...(p.params ?? {}) });

const localise = (problems: readonly RuleProblem[], locale: Locale) =>
  problems.map((p) => ({
    ruleIndex: p.ruleIndex,
    ruleId: p.ruleId,
    field: p.field,
    code: p.code,
    message: problemMessage(p, locale),
  }));

export function validateDraft(ctx: RequestContext, body: z.infer<typeof ruleSetDraft>, locale: Locale) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.manage', { regionId: actor.regionId });
  const result = validateRuleSet({ rules: body.rules });
  return { ok: result.ok, problems: result.ok ? [] : localise(result.problems, locale) };
}

/** Throws a 400 naming the first problem's field, with the count, when a draft does not validate. */
function assertValid(body: { rules: unknown[] }, locale: Locale): RuleSet['rules'] {
  const result = validateRuleSet({ rules: body.rules });
  if (result.ok) return result.ruleSet.rules;
  const first = result.problems[0]!;
  throw new DomainError(
    'validation',
    'rule_set_invalid',
    {
      count: result.problems.length,
      first: problemMessage(first, locale),
    },
    first.field,
  );
}

export async function previewDraft(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof ruleSetDraft>,
  locale: Locale,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.manage', { regionId: actor.regionId });
  const asOf = await regionToday(db, actor.regionId, ctx.now);
  const result = validateRuleSet({ rules: body.rules });
  if (!result.ok)
    return {
      asOf,
      ok: false,
      problems: localise(result.problems, locale),
      appear: [],
      disappear: [],
      recoloured: [],
    };
  const active = await db
    .transaction()
    .execute((trx) => activeRuleSet(trx, actor.regionId, ctx.now.toISOString()));
  const [before, after] = await Promise.all([
    findingsUnder(db, actor.regionId, asOf, active),
    findingsUnder(db, actor.regionId, asOf, { version: active.version + 1, rules: result.ruleSet.rules }),
  ]);
  const diff = previewDiff(before, after);
  const ids = new Set([...before, ...after].flatMap((f) => [f.unitId]));
  const itemIds = new Set([...before, ...after].flatMap((f) => (f.itemId ? [f.itemId] : [])));
  const [units, items] = await Promise.all([
    ids.size
      ? db
          .selectFrom('units')
          .select(['id', 'name'])
          .where('id', 'in', [...ids])
          .execute()
      : Promise.resolve([]),
    itemIds.size
      ? db
          .selectFrom('items')
          .select(['id', 'number'])
          .where('id', 'in', [...itemIds])
          .execute()
      : Promise.resolve([]),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const itemNumber = new Map(items.map((i) => [i.id, i.number]));
  const show = (f: Finding) => ({
    key: f.key,
    kind: f.kind,
    colour: f.colour,
    ruleId: f.ruleId,
    itemId: f.itemId,
    itemNumber: f.itemId ? (itemNumber.get(f.itemId) ?? null) : null,
    unitId: f.unitId,
    unitName: unitName.get(f.unitId) ?? f.unitId,
    explanation: f.explanation,
  });
  return {
    asOf,
    ok: true,
    problems: [],
    appear: diff.appear.map(show),
    disappear: diff.disappear.map(show),
    recoloured: diff.recoloured.map((r) => ({ before: show(r.before), after: show(r.after) })),
  };
}

async function nextVersion(trx: Queryable, regionId: string) {
  const row = await trx
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function saveDraft(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof ruleSetDraft>,
  locale: Locale,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.manage', { regionId: actor.regionId });
  const rules = assertValid(body, locale);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await activeRuleSet(trx, actor.regionId, ctx.now.toISOString());
    // Versions are numbered under the audit head's row lock, which every write here takes anyway.
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'ruleset.save_draft',
      entity: 'rule_set',
      entityId: id,
      after: { rules, note: body.note ?? null },
    });
    await trx
      .insertInto('rule_sets')
      .values({
        id,
        region_id: actor.regionId,
        version: await nextVersion(trx, actor.regionId),
        status: 'draft',
        rules_json: JSON.stringify(rules),
        note: body.note ?? null,
        created_by: actor.id,
        created_at: ctx.now.toISOString(),
        activated_by: null,
        activated_at: null,
      })
      .execute();
  });
  return getRuleSet(db, ctx, id);
}

export async function getRuleSet(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.read', { regionId: actor.regionId });
  const row = await db
    .selectFrom('rule_sets')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('rule_set', 'id');
  return view(row, await userNames(db, [row]));
}

/** Activates a draft: the active version retires, the audit log records both, and the region is re-evaluated. */
export async function activate(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'ruleset.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    await activeRuleSet(trx, actor.regionId, ctx.now.toISOString());
    const row = await trx
      .selectFrom('rule_sets')
      .selectAll()
      .where('region_id', '=', actor.regionId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('rule_set', 'id');
    if (row.status !== 'draft') throw conflict('rule_set_not_draft', { status: row.status });
    const previous = await activateVersion(trx, 'rule_sets', actor.regionId, id, {
      actorId: actor.id,
      at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'ruleset.activate',
      entity: 'rule_set',
      entityId: id,
      before: previous === null ? null : { activeVersion: previous },
      after: { activeVersion: Number(row.version), rules: JSON.parse(row.rules_json) as unknown },
    });
  });
  const evaluation = await evaluateRegion(db, actor.regionId, { ctx });
  return { ruleSet: await getRuleSet(db, ctx, id), evaluation };
}
