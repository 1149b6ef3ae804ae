// Verification cases (核查) over HTTP: the public complaint form, submission and status page, and the staff's
// case workflow. Contact fields are masked (`138****5678`) for everyone but discipline roles: `contactMasked` says
// which the caller got.
import {
  CASE_ACTIONS,
  CASE_DEADLINE_DAYS_MAX,
  CASE_KINDS,
  CASE_SOURCES,
  CASE_STATES,
  CONTACT_NAME_MAX,
  FINDING_CATEGORIES,
  isCalendarDate,
  UNIT_KINDS,
} from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref, text } from '../../http.ts';

const date = z.string().refine(isCalendarDate, { params: { code: 'invalid_date' } });
const flag = z.enum(['true', 'false']);
const fileIds = z.array(ref).max(20).optional();

export const DESCRIPTION_MAX = 4000;
export const PLACE_MAX = 200;
/** Photos one complaint may carry. */
export const COMPLAINT_PHOTOS_MAX = 6;

/** What a complaint is about: an item (by id), a unit (by id), or a place in the complainant's own words. */
export const subject = z
  .strictObject({
    itemId: ref.optional(),
    unitId: ref.optional(),
    place: z.string().trim().min(1).max(PLACE_MAX).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.itemId && !v.unitId && !v.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'required', params: { code: 'required' } });
  });

/** Phone numbers are checked by the domain (mobile 1[3-9]…, or a landline like 0578-8123456) to name the field. */
const contact = {
  name: z.string().trim().min(1).max(CONTACT_NAME_MAX).optional(),
  phone: z.string().max(32).optional(),
};

// ------------------------------------------------------------------------------------------------ public

export const formQuery = z.strictObject({ region: z.string().min(1).max(64).optional() });

export const complaintForm = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) })),
  /** Items the public may name: assigned and not closed; number and title only. */
  items: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })),
  descriptionMax: z.number().int(),
  photosMax: z.number().int(),
  /** One-time proof of work, as on the rating form: SHA-256("<challenge>:<nonce>") with `difficulty` zero bits. */
  challenge: z.object({
    id: z.string(),
    challenge: z.string(),
    difficulty: z.number().int(),
    expiresAt: z.string(),
  }),
});

/** Photos are uploaded first, each with the form's (solved, not yet spent) challenge. */
export const photoQuery = z.strictObject({ challengeId: ref, nonce: z.string().min(1).max(32) });
export const photoView = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
});

export const complaintBody = z.strictObject({
  kind: z.enum(CASE_KINDS).default('complaint'),
  subject,
  description: text(DESCRIPTION_MAX),
  photoIds: z.array(ref).max(COMPLAINT_PHOTOS_MAX).optional(),
  ...contact,
  challengeId: ref,
  nonce: z.string().min(1).max(32),
});
export type ComplaintBody = z.infer<typeof complaintBody>;

export const complaintReceipt = z.object({
  receipt: z.string(),
  receivedOn: z.string(),
  /** The day the case is to be answered by (working days of the region's calendar). */
  deadline: z.string(),
});

export const receiptParam = z.strictObject({ receipt: z.string().min(1).max(32) });

/** The public status: no personal data, no findings or internal notes; the reply once there is one. */
export const publicStatus = z.object({
  receipt: z.string(),
  status: z.enum(CASE_STATES),
  kind: z.enum(CASE_KINDS),
  receivedOn: z.string(),
  deadline: z.string(),
  unitName: z.string().nullable(),
  steps: z.array(z.object({ status: z.enum(CASE_STATES), onDate: z.string() })),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});

// ------------------------------------------------------------------------------------------------- staff

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATES).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  unitId: z.string().max(64).optional(),
  itemId: z.string().max(64).optional(),
  /** Only cases past their deadline and not yet answered, or with a measure past its own. */
  overdue: flag.optional(),
  /** Searches the receipt number and the title. */
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
export const caseExportQuery = caseListQuery.omit({ page: true, pageSize: true });

export const caseCreateBody = z.strictObject({
  source: z.enum(['hotline_12345', 'leader_instruction', 'spot_check']),
  kind: z.enum(CASE_KINDS).default('complaint'),
  title: text(200),
  subject,
  description: text(DESCRIPTION_MAX),
  /** The day it came in (a 12345 ticket's date); the region's today by default. */
  receivedOn: date.optional(),
  ...contact,
});
export type CaseCreateBody = z.infer<typeof caseCreateBody>;

export const teamBody = z.strictObject({
  /** The unit the case is about, when the complaint named only a place (or to correct it). */
  unitId: ref.optional(),
  members: z
    .array(z.strictObject({ userId: ref, lead: z.boolean().default(false) }))
    .min(1)
    .max(20),
});

export const findingBody = z.strictObject({ category: z.enum(FINDING_CATEGORIES), text: text(2000) });
export const feedbackBody = z.strictObject({ text: text(4000) });

export const planBody = z.strictObject({
  summary: text(4000),
  measures: z
    .array(
      z.strictObject({
        text: text(1000),
        owner: text(100),
        deadline: date,
      }),
    )
    .min(1)
    .max(50),
});
export type PlanBody = z.infer<typeof planBody>;

export const planParams = z.strictObject({ id: ref, planId: ref });
export const planDecisionBody = z
  .strictObject({ approve: z.boolean(), reason: z.string().trim().min(1).max(2000).optional() })
  .superRefine((v, ctx) => {
    if (!v.approve && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required', params: { code: 'required' } });
  });

export const measureParams = z.strictObject({ id: ref, measureId: ref });
export const progressBody = z.strictObject({ text: text(2000), done: z.boolean().default(false), fileIds });

/** 延期: a later deadline for the case (its measures may then run to it), with the reason. */
export const deadlineBody = z.strictObject({ deadline: date, reason: text(2000) });

export const recheckBody = z.strictObject({ passed: z.boolean(), note: text(2000) });
export const replyBody = z.strictObject({ text: text(4000) });
export const closeBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const caseWarningBody = z.strictObject({
  kind: z.enum(['light', 'card']),
  colour: z.enum(['yellow', 'red']),
  /** A light needs an item (the case's by default); a card a unit (the case's by default). */
  itemId: ref.optional(),
  unitId: ref.optional(),
  reason: text(2000),
  rectifyWorkingDays: z.number().int().min(0).max(366).optional(),
});
export type CaseWarningBody = z.infer<typeof caseWarningBody>;

/** Who may sit on a verification team (核查组): the region's active discipline inspectors and task-force members. */
export const teamCandidates = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      unitName: z.string(),
      roles: z.array(z.enum(['discipline', 'supervisor'])),
    }),
  ),
});

export const caseSettingsView = z.object({
  complaintDays: z.number().int(),
  enquiryDays: z.number().int(),
});
export const caseSettingsBody = z.strictObject({
  complaintDays: z.number().int().min(1).max(CASE_DEADLINE_DAYS_MAX),
  enquiryDays: z.number().int().min(1).max(CASE_DEADLINE_DAYS_MAX),
});

const fileView = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type CaseFileView = z.infer<typeof fileView>;
export const caseFileView = fileView;

const measureView = z.object({
  id: z.string(),
  seq: z.number().int(),
  text: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'done']),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  progress: z.array(
    z.object({
      id: z.string(),
      onDate: z.string(),
      text: z.string(),
      done: z.boolean(),
      actorName: z.string(),
      at: z.string(),
      files: z.array(fileView),
    }),
  ),
});

const planView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['submitted', 'approved', 'returned']),
  summary: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  measures: z.array(measureView),
});

export const caseSummary = z.object({
  id: z.string(),
  receipt: z.string(),
  source: z.enum(CASE_SOURCES),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATES),
  title: z.string(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  place: z.string().nullable(),
  /** In full for discipline roles; masked (张*, 138****5678) for everyone else. */
  complainantName: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  contactMasked: z.boolean(),
  receivedOn: z.string(),
  deadline: z.string(),
  /** Past its deadline and not yet answered. */
  overdue: z.boolean(),
  /** Open measures past their own deadline. */
  overdueMeasures: z.number().int(),
  closedOn: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseList = z.object({ items: z.array(caseSummary), total: z.number().int() });

export const caseDetail = caseSummary.extend({
  description: z.string(),
  feedback: z.string().nullable(),
  feedbackOn: z.string().nullable(),
  recheckNote: z.string().nullable(),
  recheckedOn: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  team: z.array(
    z.object({ userId: z.string(), displayName: z.string(), unitName: z.string(), lead: z.boolean() }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      category: z.enum(FINDING_CATEGORIES),
      text: z.string(),
    }),
  ),
  plans: z.array(planView),
  photos: z.array(fileView),
  warnings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      colour: z.string(),
      state: z.string(),
      issuedOn: z.string(),
      unitName: z.string(),
      itemNumber: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      onDate: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      text: z.string().nullable(),
    }),
  ),
  /** Workflow steps the caller may take now, plus `finding`, `progress` and `warn` where allowed. */
  actions: z.array(z.enum([...CASE_ACTIONS, 'finding', 'progress', 'warn'])),
});
export type CaseDetail = z.infer<typeof caseDetail>;
