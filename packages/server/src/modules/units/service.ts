// Units and ranking categories: the organisations that items are assigned to and that race each other.
import { assertAuthorized, conflict, notFound, unauthenticated, validationError } from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { conflictOnUnique } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import { offsetOf } from '../../http.ts';
import { recordAudit } from '../audit/service.ts';
import * as repo from './repository.ts';
import type { categoryCreate, unitCreate, unitListQuery, unitUpdate, UnitView } from './schema.ts';

export function actorOf(ctx: RequestContext): SessionUser {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export async function listUnits(db: Db, ctx: RequestContext, q: z.infer<typeof unitListQuery>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'unit.list', { regionId: actor.regionId });
  const filter = {
    kind: q.kind,
    q: q.q,
    categoryId: q.categoryId,
    active: q.active === undefined ? undefined : q.active === 'true',
  };
  return repo.listUnits(db, actor.regionId, filter, q.pageSize, offsetOf(q));
}

export async function getUnit(db: Queryable, ctx: RequestContext, id: string): Promise<UnitView> {
  const actor = actorOf(ctx);
  const unit = await repo.findUnit(db, actor.regionId, id);
  if (!unit) throw notFound('unit', 'id');
  assertAuthorized(actor, 'unit.list', { regionId: actor.regionId });
  return unit;
}

async function checkReferences(
  db: Queryable,
  regionId: string,
  input: { categoryId?: string | null | undefined; parentId?: string | null | undefined },
  selfId?: string,
) {
  if (input.categoryId && !(await repo.findCategory(db, regionId, input.categoryId))) {
    throw validationError('not_found', 'categoryId', { entity: 'category' });
  }
  if (input.parentId) {
    if (!(await repo.findUnit(db, regionId, input.parentId)))
      throw validationError('not_found', 'parentId', { entity: 'unit' });
    if (selfId && (await repo.parentChain(db, regionId, input.parentId)).includes(selfId)) {
      throw validationError('unit_parent_cycle', 'parentId');
    }
  }
}

export async function createUnit(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof unitCreate>,
): Promise<UnitView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'unit.create', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor.regionId, input);
    if (await repo.findUnitByName(trx, actor.regionId, input.name)) {
      throw conflict('conflict_unique', { value: input.name }, 'name');
    }
    const now = ctx.now.toISOString();
    const id = newId();
    await repo
      .insertUnit(trx, {
        id,
        region_id: actor.regionId,
        name: input.name,
        short_name: input.shortName ?? null,
        kind: input.kind,
        category_id: input.categoryId ?? null,
        parent_id: input.parentId ?? null,
        active: 1,
        sort_order: input.sortOrder ?? 0,
        created_at: now,
        updated_at: now,
      })
      .catch(conflictOnUnique('name', input.name));
    const created = (await repo.findUnit(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'unit.create',
      entity: 'unit',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export async function updateUnit(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof unitUpdate>,
): Promise<UnitView> {
  const actor = actorOf(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findUnit(trx, actor.regionId, id);
    if (!before) throw notFound('unit', 'id');
    assertAuthorized(actor, 'unit.update', { regionId: actor.regionId });
    await checkReferences(trx, actor.regionId, input, id);
    if (
      input.name &&
      input.name !== before.name &&
      (await repo.findUnitByName(trx, actor.regionId, input.name))
    ) {
      throw conflict('conflict_unique', { value: input.name }, 'name');
    }
    await repo
      .updateUnit(trx, actor.regionId, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.shortName !== undefined && { short_name: input.shortName }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.categoryId !== undefined && { category_id: input.categoryId }),
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        updated_at: ctx.now.toISOString(),
      })
      .catch(conflictOnUnique('name', input.name ?? before.name));
    const after = (await repo.findUnit(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function listCategories(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'category.list', { regionId: actor.regionId });
  return { items: await repo.listCategories(db, actor.regionId) };
}

export async function createCategory(db: Db, ctx: RequestContext, input: z.infer<typeof categoryCreate>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'category.create', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    if (await repo.findCategoryByName(trx, actor.regionId, input.name)) {
      throw conflict('conflict_unique', { value: input.name }, 'name');
    }
    const row = {
      id: newId(),
      region_id: actor.regionId,
      name: input.name,
      sort_order: input.sortOrder ?? 0,
      created_at: ctx.now.toISOString(),
    };
    await trx
      .insertInto('ranking_categories')
      .values(row)
      .execute()
      .catch(conflictOnUnique('name', input.name));
    const view = { id: row.id, name: row.name, sortOrder: row.sort_order, unitCount: 0 };
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'category.create',
      entity: 'category',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
