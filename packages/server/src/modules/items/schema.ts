// The items API contract (督办事项): zod schemas give validation, types and OpenAPI from one source.
import {
  FREQUENCIES,
  isCalendarDate,
  isMonthKey,
  isPeriodKey,
  ITEM_ACTIONS,
  ITEM_STATES,
} from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, text } from '../../http.ts';

export const ITEM_KINDS = ['work', 'project', 'indicator'] as const;
export const BASIS_TYPES = ['meeting', 'instruction', 'document', 'complaint', 'other'] as const;
export const URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export const PROJECT_PHASES = ['preliminary', 'construction', 'completed'] as const; // 前期/在建/竣工
export const DIRECTIONS = ['higher_better', 'lower_better'] as const;

export const calendarDate = z.string().refine(isCalendarDate, { params: { code: 'invalid_date' } });
export const monthKey = z.string().refine(isMonthKey, { params: { code: 'invalid_format' } });
export const periodKey = z
  .string()
  .max(10)
  .refine(isPeriodKey, { params: { code: 'invalid_format' } });
/** Money in fen (分), a non-negative integer. */
export const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const milestoneInput = z.strictObject({
  id: z.string().max(32).optional(),
  title: text(200),
  plannedDate: calendarDate,
  weight: z.number().gt(0).max(100),
});

export const indicatorTargetInput = z.strictObject({ periodKey, target: z.number().finite() });
export const monthlyPlanInput = z.strictObject({ month: monthKey, fen });

const common = {
  title: text(200),
  description: z.string().trim().max(5000).nullable().optional(),
  basisType: z.enum(BASIS_TYPES),
  basisText: z.string().trim().max(500).nullable().optional(),
  urgency: z.enum(URGENCIES).default('normal'),
  leadUnitId: z.string().min(1).max(32),
  coUnitIds: z.array(z.string().min(1).max(32)).max(50).default([]),
  leaderUserId: z.string().min(1).max(32).nullable().optional(),
  startDate: calendarDate,
  dueDate: calendarDate,
  frequency: z.enum(FREQUENCIES).default('monthly'),
  /** Reports are due on this working day after the period ends. */
  deadlineWorkingDays: z.number().int().min(0).max(30).default(3),
  milestones: z.array(milestoneInput).max(100).default([]),
};

export const workCreate = z.strictObject({ kind: z.literal('work'), ...common });
export const projectCreate = z.strictObject({
  kind: z.literal('project'),
  ...common,
  phase: z.enum(PROJECT_PHASES).default('preliminary'),
  plannedStart: calendarDate,
  actualStart: calendarDate.nullable().optional(),
  plannedCompletion: calendarDate,
  totalInvestmentFen: fen,
  annualPlanFen: fen,
  monthlyPlan: z.array(monthlyPlanInput).max(120).default([]),
});
export const indicatorCreate = z.strictObject({
  kind: z.literal('indicator'),
  ...common,
  measure: text(200),
  unitOfMeasure: text(32),
  direction: z.enum(DIRECTIONS),
  annualTarget: z.number().finite(),
  targetFrequency: z.enum(['monthly', 'quarterly']).default('monthly'),
  targets: z.array(indicatorTargetInput).max(60).default([]),
});
export const itemCreate = z.discriminatedUnion('kind', [workCreate, projectCreate, indicatorCreate]);
export type ItemCreate = z.infer<typeof itemCreate>;

/** A supervisor's change to an item: any field of its kind except the kind itself. */
export const itemUpdate = z.strictObject({
  rowVersion: z.number().int().min(1),
  title: common.title.optional(),
  description: common.description,
  basisType: common.basisType.optional(),
  basisText: common.basisText,
  urgency: z.enum(URGENCIES).optional(),
  leadUnitId: common.leadUnitId.optional(),
  coUnitIds: z.array(z.string().min(1).max(32)).max(50).optional(),
  leaderUserId: common.leaderUserId,
  startDate: calendarDate.optional(),
  dueDate: calendarDate.optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  deadlineWorkingDays: z.number().int().min(0).max(30).optional(),
  milestones: z.array(milestoneInput).max(100).optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
  plannedStart: calendarDate.optional(),
  actualStart: calendarDate.nullable().optional(),
  plannedCompletion: calendarDate.optional(),
  totalInvestmentFen: fen.optional(),
  annualPlanFen: fen.optional(),
  monthlyPlan: z.array(monthlyPlanInput).max(120).optional(),
  measure: text(200).optional(),
  unitOfMeasure: text(32).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  annualTarget: z.number().finite().optional(),
  targetFrequency: z.enum(['monthly', 'quarterly']).optional(),
  targets: z.array(indicatorTargetInput).max(60).optional(),
});
export type ItemUpdate = z.infer<typeof itemUpdate>;

export const itemListQuery = z.strictObject({
  kind: z.enum(ITEM_KINDS).optional(),
  unitId: z.string().max(32).optional(),
  leaderUserId: z.string().max(32).optional(),
  status: z.enum(ITEM_STATES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const milestoneView = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  plannedDate: z.string(),
  weight: z.number(),
  doneDate: z.string().nullable(),
  overdueDays: z.number().int(),
});

export const progressView = z.object({
  asOf: z.string(),
  planned: z.number(),
  actual: z.number(),
  lag: z.number(),
  /** Indicators: the latest accepted value against its cumulative target. */
  indicator: z
    .object({
      periodKey: z.string(),
      target: z.number(),
      actual: z.number(),
      attainmentPct: z.number(),
      met: z.boolean(),
    })
    .nullable(),
  /** Projects: investment completed against the plan to date (fen). */
  investment: z
    .object({
      plannedToDateFen: z.number(),
      completedFen: z.number(),
      completionRatePct: z.number().nullable(),
      annualRatePct: z.number().nullable(),
    })
    .nullable(),
  overdue: z.boolean(),
});

export const itemSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  status: z.enum(ITEM_STATES),
  urgency: z.enum(URGENCIES),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  coUnitIds: z.array(z.string()),
  leaderUserId: z.string().nullable(),
  leaderName: z.string().nullable(),
  startDate: z.string(),
  dueDate: z.string(),
  frequency: z.enum(FREQUENCIES),
  progress: progressView,
  /** The caller's relation to the item: what the UI may offer. */
  access: z.object({ relation: z.enum(['county', 'lead', 'co_unit']), canReport: z.boolean() }),
});

export const transitionView = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const requestView = z.object({
  id: z.string(),
  kind: z.enum(['extension', 'adjustment']),
  reason: z.string(),
  proposedDueDate: z.string().nullable(),
  proposedChanges: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

export const itemDetail = itemSummary.extend({
  description: z.string().nullable(),
  basisType: z.enum(BASIS_TYPES),
  basisText: z.string().nullable(),
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  deadlineWorkingDays: z.number().int(),
  milestones: z.array(milestoneView),
  phase: z.enum(PROJECT_PHASES).nullable(),
  plannedStart: z.string().nullable(),
  actualStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  totalInvestmentFen: z.number().nullable(),
  annualPlanFen: z.number().nullable(),
  monthlyPlan: z.array(z.object({ month: z.string(), fen: z.number() })),
  measure: z.string().nullable(),
  unitOfMeasure: z.string().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  annualTarget: z.number().nullable(),
  targetFrequency: z.enum(['monthly', 'quarterly']).nullable(),
  targets: z.array(z.object({ periodKey: z.string(), target: z.number() })),
  transitions: z.array(transitionView),
  requests: z.array(requestView),
  allowedActions: z.array(z.enum(ITEM_ACTIONS)),
  rowVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemDetail = z.infer<typeof itemDetail>;

export const transitionBody = z.strictObject({
  action: z.enum(ITEM_ACTIONS),
  reason: z.string().trim().max(1000).nullable().optional(),
});

export const requestCreate = z.strictObject({
  kind: z.enum(['extension', 'adjustment']),
  reason: text(1000),
  proposedDueDate: calendarDate.nullable().optional(),
  /** For adjustments: the fields the unit asks to change, in the shape of an item update. */
  proposedChanges: itemUpdate.omit({ rowVersion: true }).partial().nullable().optional(),
});
export const requestDecision = z.strictObject({
  approve: z.boolean(),
  reason: z.string().trim().max(1000).nullable().optional(),
});
export const requestParams = z.strictObject({
  id: z.string().min(1).max(64),
  requestId: z.string().min(1).max(64),
});
