// Post-mortem reviews (复盘) over HTTP: list, create for an item, the detail with its timeline and planned-vs-actual
// chart, the sections (problems, causes, lessons), follow-up actions, scheduling onto a monthly meeting.
import { REVIEW_ACTION_STATUSES, REVIEW_STATES, TIMELINE_KINDS } from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref } from '../../http.ts';
import { calendarDate } from '../items/schema.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const section = z.string().trim().max(20_000).nullish();

export const reviewCreate = z.strictObject({
  itemId: ref,
  /** Defaults to the item's title followed by 复盘. */
  title: z.string().trim().min(1).max(200).optional(),
  /** The monthly meeting (月度例会) it goes to; given now, the review is scheduled at once. */
  meetingMonth: month.optional(),
});
export type ReviewCreate = z.infer<typeof reviewCreate>;

export const reviewListQuery = z.strictObject({
  meetingMonth: month.optional(),
  itemId: ref.optional(),
  state: z.enum(REVIEW_STATES).optional(),
  ...pageQuery,
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

/** Problems, causes and lessons (举一反三); only the fields sent change, null or '' empties one. */
export const sectionsBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  problems: section,
  causes: section,
  lessons: section,
});
export type SectionsBody = z.infer<typeof sectionsBody>;

export const scheduleBody = z.strictObject({ meetingMonth: month });
export const heldBody = z.strictObject({ heldOn: calendarDate.optional() });

export const actionCreate = z.strictObject({
  title: z.string().trim().min(1).max(500),
  ownerUnitId: ref,
  ownerPerson: z.string().trim().max(100).nullish(),
  deadline: calendarDate,
});
export type ActionCreate = z.infer<typeof actionCreate>;

/**
 * The task force may change any field; the owning unit only `status`, `doneOn` and `notes`. Done without `doneOn`
 * means done today (the region's).
 */
export const actionUpdate = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  ownerUnitId: ref.optional(),
  ownerPerson: z.string().trim().max(100).nullish(),
  deadline: calendarDate.optional(),
  status: z.enum(REVIEW_ACTION_STATUSES).optional(),
  doneOn: calendarDate.optional(),
  notes: z.string().trim().max(4000).nullish(),
});
export type ActionUpdate = z.infer<typeof actionUpdate>;

export const actionParams = z.strictObject({ id: ref, actionId: ref });

export const actionView = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  ownerPerson: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(REVIEW_ACTION_STATUSES),
  doneOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** Open past its deadline (the region's today). */
  overdue: z.boolean(),
  /** Whether the caller may update it. */
  canUpdate: z.boolean(),
});

export const reviewSummary = z.object({
  id: z.string(),
  itemId: z.string(),
  itemNumber: z.string(),
  itemTitle: z.string(),
  itemKind: z.enum(['work', 'project', 'indicator']),
  itemStatus: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  title: z.string(),
  state: z.enum(REVIEW_STATES),
  meetingMonth: z.string().nullable(),
  heldOn: z.string().nullable(),
  actionsTotal: z.number().int(),
  actionsOpen: z.number().int(),
  actionsOverdue: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

export const timelineEvent = z.object({
  date: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  label: z.object({ zh: z.string(), en: z.string() }),
  tone: z.enum(['neutral', 'good', 'bad']),
  link: z.object({
    type: z.enum(['item', 'request', 'milestone', 'report', 'warning', 'case', 'talk']),
    id: z.string(),
  }),
  at: z.string().nullable(),
});

export const plannedActualView = z.object({
  progress: z
    .array(z.object({ month: z.string(), planned: z.number(), actual: z.number().nullable() }))
    .nullable(),
  investment: z
    .array(z.object({ month: z.string(), plannedFen: z.number(), completedFen: z.number().nullable() }))
    .nullable(),
  indicator: z
    .array(z.object({ periodKey: z.string(), target: z.number(), actual: z.number().nullable() }))
    .nullable(),
});

export const reviewDetail = reviewSummary.extend({
  problems: z.string().nullable(),
  causes: z.string().nullable(),
  lessons: z.string().nullable(),
  closedAt: z.string().nullable(),
  actions: z.array(actionView),
  /** The item's history up to `asOf` (admonition talks only for discipline roles). */
  timeline: z.array(timelineEvent),
  plannedActual: plannedActualView,
  /** The region's today, when the timeline and the chart were built. */
  asOf: z.string(),
  /** What the caller may do now. */
  can: z.object({
    editSections: z.boolean(),
    schedule: z.boolean(),
    markHeld: z.boolean(),
    close: z.boolean(),
    addAction: z.boolean(),
  }),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;
