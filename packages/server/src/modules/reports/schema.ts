// The progress-report API contract (进度报送): zod schemas give validation, types and OpenAPI from one source.
import { REPORT_STATES } from '@benpao/domain';
import { z } from 'zod';
import { pageQuery } from '../../http.ts';
import { evidenceView } from '../evidence/schema.ts';
import { calendarDate, fen, ITEM_KINDS, periodKey } from '../items/schema.ts';

export const REPORT_ACTIONS = ['edit', 'submit', 'approve', 'accept', 'return', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** 工作进展 / 存在问题 / 下步打算: free text, blank means none. */
const narrative = z.string().trim().max(5000).nullable().optional();

export const milestoneReachedInput = z.strictObject({
  milestoneId: z.string().min(1).max(32),
  doneDate: calendarDate,
});

/** What a unit fills in; which of the figures apply depends on the item's kind. */
const reportFields = {
  /** Work and projects: the unit's own estimate of overall progress, 0–100 (rounded to one decimal). */
  progress: z.number().min(0).max(100).nullable().optional(),
  /** Indicators: the cumulative (year-to-date) value of the period. */
  indicatorValue: z.number().nullable().optional(),
  /** Projects: investment completed so far this year, integer fen. */
  completedInvestmentFen: fen.nullable().optional(),
  milestonesReached: z.array(milestoneReachedInput).max(100).optional(),
  workProgress: narrative,
  problems: narrative,
  nextSteps: narrative,
  /** Evidence files of the same item, uploaded beforehand; a PATCH replaces the whole list. */
  evidenceIds: z.array(z.string().min(1).max(32)).max(50).optional(),
};

export const reportCreate = z.strictObject({ periodKey, ...reportFields });
export type ReportCreate = z.infer<typeof reportCreate>;

export const reportUpdate = z.strictObject({ rowVersion: z.number().int().min(1), ...reportFields });
export type ReportUpdate = z.infer<typeof reportUpdate>;
export type ReportFields = Omit<ReportUpdate, 'rowVersion'>;

export const rowVersionBody = z.strictObject({ rowVersion: z.number().int().min(1) });
export const returnBody = z.strictObject({
  rowVersion: z.number().int().min(1),
  reason: z.string().trim().max(1000).nullable().optional(),
});

export const reportListQuery = z.strictObject({
  status: z.enum(REPORT_STATES).optional(),
  unitId: z.string().max(32).optional(),
  itemId: z.string().max(32).optional(),
  periodKey: z.string().max(10).optional(),
  ...pageQuery,
});

export const reportView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  itemKind: z.enum(ITEM_KINDS),
  unitId: z.string(),
  unitName: z.string(),
  periodKey: z.string(),
  version: z.number().int(),
  /** The version in force for its period (an open correction is not, until it is accepted). */
  current: z.boolean(),
  status: z.enum(REPORT_STATES),
  progress: z.number().nullable(),
  indicatorValue: z.number().nullable(),
  completedInvestmentFen: z.number().nullable(),
  milestonesReached: z.array(z.object({ milestoneId: z.string(), title: z.string(), doneDate: z.string() })),
  workProgress: z.string().nullable(),
  problems: z.string().nullable(),
  nextSteps: z.string().nullable(),
  deadline: z.string(),
  /** The deadline leans on a calendar year without statutory data (Monday–Friday assumed). */
  deadlineEstimated: z.boolean(),
  submittedAt: z.string().nullable(),
  /** The region's calendar date of the submission (what lateness is measured on). */
  submittedOn: z.string().nullable(),
  submittedBy: z.string().nullable(),
  late: z.boolean().nullable(),
  workingDaysLate: z.number().int().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The reason of the latest return (kept as history after a resubmission). */
  returnReason: z.string().nullable(),
  evidence: z.array(evidenceView),
  rowVersion: z.number().int(),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportView = z.infer<typeof reportView>;

export const periodView = z.object({
  key: z.string(),
  start: z.string(),
  end: z.string(),
  deadline: z.string(),
  deadlineEstimated: z.boolean(),
  /** The version in force for the period, if any. */
  report: z
    .object({
      id: z.string(),
      status: z.enum(REPORT_STATES),
      version: z.number().int(),
      late: z.boolean().nullable(),
    })
    .nullable(),
  /** Past its deadline with nothing submitted or accepted (only while the item takes reports). */
  overdue: z.boolean(),
});
