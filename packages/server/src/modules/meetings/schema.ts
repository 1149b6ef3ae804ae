// Monthly meetings (月度例会) over HTTP: the meeting of a month, the commitments made at it (会议议定事项) with owner
// and deadline, and the meeting pack generated from the month's data (JSON, .docx, .xlsx).
import { z } from 'zod';
import { ref, text } from '../../http.ts';
import { calendarDate, monthKey } from '../items/schema.ts';

export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;

export const monthParams = z.strictObject({ month: monthKey });
export const commitmentParams = z.strictObject({ month: monthKey, id: ref });
export const meetingListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const notes = z.string().trim().max(20_000).nullish();

export const meetingCreate = z.strictObject({
  month: monthKey,
  /** Defaults to 「YYYY年M月月度例会」. */
  title: text(200).optional(),
  heldOn: calendarDate.nullish(),
  notes,
});
export type MeetingCreate = z.infer<typeof meetingCreate>;

export const meetingPatch = z.strictObject({
  title: text(200).optional(),
  heldOn: calendarDate.nullish(),
  notes,
  /** The version read: a change made by someone else since then is refused (409), not overwritten. */
  rowVersion: z.number().int().min(1),
});
export type MeetingPatch = z.infer<typeof meetingPatch>;

export const commitmentCreate = z.strictObject({
  text: text(1000),
  ownerUnitId: ref.nullish(),
  ownerPerson: z.string().trim().max(100).nullish(),
  deadline: calendarDate,
});
export type CommitmentCreate = z.infer<typeof commitmentCreate>;

/** Done without doneOn means done today (the region's); doneOn goes only with done. */
export const commitmentPatch = z.strictObject({
  text: text(1000).optional(),
  ownerUnitId: ref.nullish(),
  ownerPerson: z.string().trim().max(100).nullish(),
  deadline: calendarDate.optional(),
  status: z.enum(COMMITMENT_STATUSES).optional(),
  doneOn: calendarDate.nullish(),
  note: z.string().trim().max(1000).nullish(),
});
export type CommitmentPatch = z.infer<typeof commitmentPatch>;

export const commitmentView = z.object({
  id: z.string(),
  seq: z.number().int(),
  text: z.string(),
  ownerUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  ownerPerson: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Open past its deadline (the region's today). */
  overdue: z.boolean(),
});
export type CommitmentView = z.infer<typeof commitmentView>;

export const meetingView = z.object({
  id: z.string(),
  month: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  notes: z.string().nullable(),
  rowVersion: z.number().int(),
  commitments: z.array(commitmentView),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingSummary = z.object({
  id: z.string(),
  month: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  commitments: z.number().int(),
  openCommitments: z.number().int(),
});

const packWarning = z.object({
  id: z.string(),
  kind: z.enum(['light', 'card']),
  colour: z.enum(['yellow', 'red']),
  unitName: z.string(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  issuedOn: z.string(),
  closedOn: z.string().nullable(),
  state: z.string(),
  explanation: z.string(),
});
export type PackWarning = z.infer<typeof packWarning>;

const rankedEntry = z.object({ rank: z.number().nullable(), name: z.string(), total: z.number().nullable() });

export const packView = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  /** The region's today when the pack was generated. */
  generatedOn: z.string(),
  /** Nothing happened in the month: the pack says so instead of failing. */
  empty: z.boolean(),
  meeting: z
    .object({
      id: z.string(),
      title: z.string(),
      heldOn: z.string().nullable(),
      notes: z.string().nullable(),
      rowVersion: z.number().int(),
    })
    .nullable(),
  summary: z.object({
    lightsIssued: z.number().int(),
    cardsIssued: z.number().int(),
    lightsCleared: z.number().int(),
    cardsCleared: z.number().int(),
    items: z.number().int(),
    openCases: z.number().int(),
    reviewsScheduled: z.number().int(),
    commitmentsCarried: z.number().int(),
    commitmentsCarriedOpen: z.number().int(),
  }),
  warningsIssued: z.array(packWarning),
  warningsCleared: z.array(packWarning),
  itemsByStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  ranking: z
    .object({
      published: z.boolean(),
      revision: z.number().int().nullable(),
      categories: z.array(
        z.object({
          name: z.string(),
          ranking: z.array(rankedEntry),
          top: z.array(rankedEntry),
          bottom: z.array(rankedEntry),
        }),
      ),
    })
    .nullable(),
  openCases: z.array(
    z.object({
      id: z.string(),
      receipt: z.string(),
      title: z.string(),
      unitName: z.string().nullable(),
      status: z.string(),
      receivedOn: z.string(),
      deadline: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      itemNumber: z.string(),
      itemTitle: z.string(),
      state: z.string(),
      heldOn: z.string().nullable(),
    }),
  ),
  /** The commitments of the previous meeting, carried forward with their status now. */
  carried: z
    .object({ month: z.string(), title: z.string(), commitments: z.array(commitmentView) })
    .nullable(),
  /** The commitments made at this month's meeting. */
  commitments: z.array(commitmentView),
});
export type PackView = z.infer<typeof packView>;
