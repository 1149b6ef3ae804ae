// The to-do list (待办): what is waiting for the caller. Unit roles see their unit's owed reports (and, managers,
// the items to accept and the reports to approve); supervisors see their queues; county leaders and the discipline
// commission see the region's counts, read-only.
import { assertAuthorized, ROLE_SCOPE, type Role } from '@benpao/domain';
import type { Db } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { regionToday } from '../calendar/service.ts';
import { regionSettings } from '../settings/service.ts';
import { actorOf } from '../units/service.ts';
import { reportObligations } from './obligations.ts';
import * as repo from './repository.ts';
import type { TodoView } from './schema.ts';

const ACTING_ROLES: readonly Role[] = ['supervisor', 'unit_manager', 'unit_reporter'];

export async function getTodo(db: Db, ctx: RequestContext): Promise<TodoView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'todo.read', { regionId: actor.regionId });
  const regionId = actor.regionId;
  const has = (role: Role) => actor.roles.includes(role);
  const today = await regionToday(db, regionId, ctx.now);
  const out: TodoView = { asOf: today, readOnly: !actor.roles.some((r) => ACTING_ROLES.includes(r)) };

  if (has('unit_manager') || has('unit_reporter')) {
    const { reminderDaysBefore } = await regionSettings(db, regionId);
    const owed = await reportObligations(db, regionId, {
      today,
      horizon: reminderDaysBefore,
      unitId: actor.unitId,
    });
    out.reportsDue = owed.map(({ leadUnitId: _u, ...o }) => o);
    if (has('unit_manager')) {
      const [awaiting, approvals] = await Promise.all([
        repo.itemsAwaitingAcceptance(db, regionId, actor.unitId),
        repo.countReports(db, regionId, 'pending_approval', actor.unitId),
      ]);
      out.itemsToAccept = awaiting.map((i) => ({
        itemId: i.id,
        itemNumber: i.number,
        itemTitle: i.title,
        dueDate: i.due_date,
        assignedAt: i.assigned_at ?? null,
      }));
      out.pendingApprovals = approvals;
    }
  }

  if (actor.roles.some((r) => ROLE_SCOPE[r] === 'county')) {
    const [reviewQueue, requests, completions, awaiting, overdue] = await Promise.all([
      repo.countReports(db, regionId, 'submitted'),
      repo.pendingRequests(db, regionId),
      repo.completionRequested(db, regionId),
      repo.itemsAwaitingAcceptance(db, regionId),
      reportObligations(db, regionId, { today, horizon: 0 }),
    ]);
    out.county = {
      reviewQueue,
      requestsPending: requests.length,
      completionRequests: completions.length,
      itemsAwaitingAcceptance: awaiting.length,
      reportsOverdue: overdue.filter((o) => o.overdue).length,
    };
    if (has('supervisor')) {
      out.reviewQueue = reviewQueue;
      out.requestsPending = requests.map((r) => ({
        itemId: r.item_id,
        itemNumber: r.number,
        itemTitle: r.title,
        leadUnitName: r.unit_name,
        requestId: r.request_id,
        kind: r.kind,
        requestedAt: r.requested_at,
      }));
      out.completionRequests = completions.map((c) => ({
        itemId: c.id,
        itemNumber: c.number,
        itemTitle: c.title,
        leadUnitName: c.unit_name,
        requestedAt: c.requested_at ?? null,
      }));
    }
  }
  return out;
}
