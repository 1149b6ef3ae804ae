// Service ratings (服务评议) over HTTP: the public form and submission, and the staff's lists and follow-ups.
import {
  FOLLOW_UP_STATES,
  RATING_COMMENT_MAX,
  RATING_MAX,
  RATING_MIN,
  RATING_SERVICES,
  UNIT_KINDS,
} from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref } from '../../http.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const flag = z.enum(['true', 'false']);

// ------------------------------------------------------------------------------------------------ public

export const formQuery = z.strictObject({
  /** The region's code; optional while the installation has one region (or the demo county). */
  region: z.string().min(1).max(64).optional(),
});

export const rateableUnit = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  categoryId: z.string(),
  categoryName: z.string(),
});

export const ratingForm = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  /** The month a rating given now counts for (the region's month). */
  month: z.string(),
  units: z.array(rateableUnit),
  services: z.array(z.enum(RATING_SERVICES)),
  commentMax: z.number().int(),
  /** One-time proof of work: find `nonce` with SHA-256("<challenge>:<nonce>") starting with `difficulty` zero bits. */
  challenge: z.object({
    id: z.string(),
    challenge: z.string(),
    difficulty: z.number().int(),
    expiresAt: z.string(),
  }),
});

const score = z.number().int().min(RATING_MIN).max(RATING_MAX);

export const ratingBody = z.strictObject({
  /** Checked by the domain (GB 32100-2015) so that the message says what is wrong; normalised before storing. */
  creditCode: z.string().max(64),
  unitId: ref,
  service: z.enum(RATING_SERVICES),
  efficiency: score,
  attitude: score,
  compliance: score,
  comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
  challengeId: ref,
  nonce: z.string().min(1).max(32),
});
export type RatingBody = z.infer<typeof ratingBody>;

export const ratingReceipt = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The month it counts for (`YYYY-MM`). */
  month: z.string(),
  /** 1 for the enterprise's first rating of the unit this month; more when it replaced an earlier one. */
  version: z.number().int(),
  replaced: z.boolean(),
  followUpOpened: z.boolean(),
});

// ------------------------------------------------------------------------------------------------- staff

export const followUpView = z.object({
  id: z.string(),
  status: z.enum(FOLLOW_UP_STATES),
  openedAt: z.string(),
  response: z.string().nullable(),
  respondedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const ratingView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** In full for county roles; masked (first 2 + last 4) for unit roles. */
  creditCode: z.string(),
  creditCodeMasked: z.boolean(),
  month: z.string(),
  ratedOn: z.string(),
  version: z.number().int(),
  /** False for a rating replaced later in its month (listed with `history=true`). */
  current: z.boolean(),
  service: z.enum(RATING_SERVICES),
  efficiency: z.number().int(),
  attitude: z.number().int(),
  compliance: z.number().int(),
  mean: z.number(),
  low: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  followUp: followUpView.nullable(),
  /** What the caller may do now: `respond`, `close`. */
  actions: z.array(z.enum(['respond', 'close'])),
});
export type RatingView = z.infer<typeof ratingView>;

export const ratingList = z.object({ items: z.array(ratingView), total: z.number().int() });

export const ratingListQuery = z.strictObject({
  month: month.optional(),
  unitId: z.string().max(64).optional(),
  /** Only low ratings (any dimension at 2 or below). */
  low: flag.optional(),
  /** Include ratings replaced later in their month. */
  history: flag.optional(),
  ...pageQuery,
});
export type RatingListQuery = z.infer<typeof ratingListQuery>;

export const followUpListQuery = z.strictObject({
  status: z.enum(FOLLOW_UP_STATES).optional(),
  month: month.optional(),
  unitId: z.string().max(64).optional(),
  ...pageQuery,
});
export type FollowUpListQuery = z.infer<typeof followUpListQuery>;

export const responseBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const closeBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
