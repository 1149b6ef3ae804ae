// The to-do list (待办): one shape for every role; each part is present only for the roles it concerns.
import { REPORT_STATES } from '@benpao/domain';
import { z } from 'zod';

export const reportDueView = z.object({
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  periodKey: z.string(),
  deadline: z.string(),
  /** The deadline leaned on a year without statutory holiday data: Monday–Friday was assumed. */
  deadlineEstimated: z.boolean(),
  overdue: z.boolean(),
  /** Working days left until the deadline, or (overdue) working days since it. */
  workingDays: z.number().int(),
  /** The period's report in force (draft, pending approval, returned), or null when none was started. */
  reportId: z.string().nullable(),
  reportStatus: z.enum(REPORT_STATES).nullable(),
});

export const itemToAcceptView = z.object({
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  dueDate: z.string(),
  assignedAt: z.string().nullable(),
});

export const requestPendingView = z.object({
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  leadUnitName: z.string(),
  requestId: z.string(),
  kind: z.enum(['extension', 'adjustment']),
  requestedAt: z.string(),
});

export const completionRequestView = z.object({
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  leadUnitName: z.string(),
  requestedAt: z.string().nullable(),
});

export const countyCounts = z.object({
  /** Reports submitted and waiting for the task force's review. */
  reviewQueue: z.number().int(),
  requestsPending: z.number().int(),
  completionRequests: z.number().int(),
  /** Items assigned and not yet accepted by their lead unit. */
  itemsAwaitingAcceptance: z.number().int(),
  /** Reporting periods past their deadline without a submitted or accepted report. */
  reportsOverdue: z.number().int(),
});

export const todoView = z.object({
  /** The region's today (Asia/Shanghai, or the demo's day). */
  asOf: z.string(),
  /** Nothing here is the caller's to act on (county leaders, the discipline commission). */
  readOnly: z.boolean(),
  // unit managers and reporters
  reportsDue: z.array(reportDueView).optional(),
  // unit managers
  itemsToAccept: z.array(itemToAcceptView).optional(),
  pendingApprovals: z.number().int().optional(),
  // supervisors
  reviewQueue: z.number().int().optional(),
  requestsPending: z.array(requestPendingView).optional(),
  completionRequests: z.array(completionRequestView).optional(),
  // every county-level role
  county: countyCounts.optional(),
});
export type TodoView = z.infer<typeof todoView>;
