// A card's rectification timetable (倒排时间表, the county's 作战图): the warned unit plans dated steps counted back
// from the card's rectification deadline and marks them done; a step not done by its date lights up on the unit
// (the engine's timetable_step_overdue rule), like an overdue milestone.
import { assertAuthorized, backwardSchedule, conflict, notFound, OPEN_WARNING_STATES } from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionCalendar, regionToday } from '../calendar/service.ts';
import { actorOf } from '../units/service.ts';
import { appendEvent, reevaluateRegion } from './engine.ts';
import type { stepDoneBody, timetableBody } from './schema.ts';

export async function timetableOf(db: Queryable, warningId: string, today: string) {
  const rows = await db
    .selectFrom('warning_steps')
    .selectAll()
    .where('warning_id', '=', warningId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    title: r.title,
    workingDaysBefore: Number(r.working_days_before),
    dueDate: r.due_date,
    doneDate: r.done_date,
    doneNote: r.done_note,
    late: r.done_date === null && r.due_date < today,
  }));
}

/** An open card of the caller's unit. */
async function ownOpenCard(trx: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const w = await trx
    .selectFrom('warnings')
    .selectAll()
    .where('region_id', '=', actor.regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!w) throw notFound('warning', 'id');
  assertAuthorized(actor, 'warning.rectify', { regionId: w.region_id, unitId: w.unit_id });
  if (w.kind !== 'card') throw conflict('timetable_cards_only', {});
  if (!OPEN_WARNING_STATES.includes(w.state))
    throw conflict('illegal_warning_action', { warningAction: 'rectify', warningState: w.state });
  return w;
}

/** Plans (or re-plans) the timetable: steps already done are kept, the others replaced. */
export async function planTimetable(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof timetableBody>,
) {
  const regionId = actorOf(ctx).regionId;
  await db.transaction().execute(async (trx) => {
    const w = await ownOpenCard(trx, ctx, id);
    const today = await regionToday(trx, regionId, ctx.now);
    const calendar = await regionCalendar(trx, regionId);
    const before = await timetableOf(trx, id, today);
    const done = before.filter((s) => s.doneDate !== null);
    await trx
      .deleteFrom('warning_steps')
      .where('warning_id', '=', id)
      .where('done_date', 'is', null)
      .execute();
    const planned = backwardSchedule(calendar, w.rectify_by, body.steps);
    let seq = done.reduce((m, s) => Math.max(m, s.seq), 0);
    for (const s of planned) {
      await trx
        .insertInto('warning_steps')
        .values({
          id: newId(),
          region_id: regionId,
          warning_id: id,
          seq: ++seq,
          title: s.title,
          working_days_before: s.workingDaysBefore,
          due_date: s.dueDate,
          done_date: null,
          done_note: null,
          planned_on: today,
          created_by: ctx.actor?.id ?? null,
          created_at: ctx.now.toISOString(),
        })
        .execute();
    }
    await appendEvent(trx, ctx, w, {
      type: 'timetable_planned',
      colour: w.colour,
      state: w.state,
      onDate: today,
      data: { deadline: w.rectify_by, steps: planned },
    });
    await recordAudit(trx, ctx, {
      regionId,
      action: 'warning.timetable_plan',
      entity: 'warning',
      entityId: id,
      before: { steps: before.filter((s) => s.doneDate === null).map((s) => [s.title, s.dueDate]) },
      after: { deadline: w.rectify_by, steps: planned.map((s) => [s.title, s.dueDate]) },
    });
  });
  // Steps late already light up at once.
  await reevaluateRegion(db, ctx, regionId);
}

export async function markStepDone(
  db: Db,
  ctx: RequestContext,
  id: string,
  stepId: string,
  body: z.infer<typeof stepDoneBody>,
) {
  const regionId = actorOf(ctx).regionId;
  await db.transaction().execute(async (trx) => {
    const w = await ownOpenCard(trx, ctx, id);
    const today = await regionToday(trx, regionId, ctx.now);
    const step = await trx
      .selectFrom('warning_steps')
      .selectAll()
      .where('warning_id', '=', id)
      .where('id', '=', stepId)
      .executeTakeFirst();
    if (!step) throw notFound('step', 'stepId');
    if (step.done_date !== null) throw conflict('step_already_done', { doneDate: step.done_date });
    await trx
      .updateTable('warning_steps')
      .set({ done_date: today, done_note: body.note })
      .where('id', '=', stepId)
      .execute();
    await appendEvent(trx, ctx, w, {
      type: 'timetable_step_done',
      colour: w.colour,
      state: w.state,
      onDate: today,
      text: body.note,
      data: { stepId, title: step.title, dueDate: step.due_date, late: step.due_date < today },
    });
    await recordAudit(trx, ctx, {
      regionId,
      action: 'warning.timetable_step_done',
      entity: 'warning',
      entityId: id,
      after: { stepId, title: step.title, dueDate: step.due_date, doneDate: today, note: body.note },
    });
  });
  await reevaluateRegion(db, ctx, regionId);
}
