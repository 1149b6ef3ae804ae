// The reminder job (催办): turns a region's reporting obligations into notifications for the lead unit's managers
// and reporters — `report_due` within the region's reminder days of a deadline, `report_overdue` after it — and
// chases verification cases and their rectification measures past their deadlines (`case_overdue`,
// `case_measure_overdue`). The
// dedupe keys (`report_due:<itemId>:<periodKey>`) make a re-run, or two processes running at once, add nothing.
import { assertAuthorized } from '@benpao/domain';
import type { Db } from '../db/index.ts';
import type { NotificationTable } from '../db/schema.ts';
import { systemContext, type RequestContext } from '../context.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { regionToday } from '../modules/calendar/service.ts';
import { chaseOverdue } from '../modules/cases/service.ts';
import { deliver, notificationRow, recipientsOf, UNIT_ROLES } from '../modules/notifications/service.ts';
import { regionSettings } from '../modules/settings/service.ts';
import { reportObligations } from '../modules/todo/obligations.ts';
import { actorOf } from '../modules/units/service.ts';

export interface RemindersResult {
  today: string;
  created: number;
}

/**
 * One run for one region as of `now` ("today" is the region's: Asia/Shanghai, or the demo's configured day).
 * With a `ctx` (a supervisor asking for a run) the run is audited even when it creates nothing; a scheduled run
 * is audited only when it created notifications.
 */
export async function runReminders(
  db: Db,
  regionId: string,
  now: Date,
  ctx?: RequestContext,
): Promise<RemindersResult> {
  const context = ctx ?? systemContext(now);
  const today = await regionToday(db, regionId, now);
  const { reminderDaysBefore } = await regionSettings(db, regionId);
  const obligations = await reportObligations(db, regionId, { today, horizon: reminderDaysBefore });
  return db.transaction().execute(async (trx) => {
    const unitUsers = new Map<string, string[]>();
    const rows: NotificationTable[] = [];
    for (const o of obligations) {
      let users = unitUsers.get(o.leadUnitId);
      if (!users) {
        users = await recipientsOf(trx, context, { regionId, unitId: o.leadUnitId, roles: UNIT_ROLES });
        unitUsers.set(o.leadUnitId, users);
      }
      const kind = o.overdue ? 'report_overdue' : 'report_due';
      for (const userId of users) {
        rows.push(
          notificationRow(context, userId, {
            regionId,
            kind,
            params: {
              itemNumber: o.itemNumber,
              itemTitle: o.itemTitle,
              periodKey: o.periodKey,
              deadline: o.deadline,
              deadlineEstimated: o.deadlineEstimated,
              ...(o.overdue ? { workingDaysLate: o.workingDays } : { workingDaysLeft: o.workingDays }),
            },
            itemId: o.itemId,
            reportId: o.reportId,
            dedupeKey: `${kind}:${o.itemId}:${o.periodKey}`,
          }),
        );
      }
    }
    // Verification cases (核查) and their measures past their deadlines are chased in the same run.
    const chased = await chaseOverdue(trx, context, regionId, today);
    const created = (await deliver(trx, rows)) + chased;
    if (ctx?.actor || created > 0) {
      await recordAudit(trx, context, {
        regionId,
        action: 'reminders.run',
        entity: 'notification',
        entityId: null,
        after: { today, obligations: obligations.length, created, cases: chased },
      });
    }
    return { today, created };
  });
}

/** A supervisor's run for their region (POST /api/reminders/run). */
export async function remindNow(db: Db, ctx: RequestContext): Promise<{ created: number }> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'report.review', { regionId: actor.regionId });
  const { created } = await runReminders(db, actor.regionId, ctx.now, ctx);
  return { created };
}
