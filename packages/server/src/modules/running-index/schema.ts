// The running index over HTTP: request bodies and (deliberately loose) response shapes; the month's result is the
// domain's MonthResult (packages/domain/src/running-index/types.ts), documented there.
import { z } from 'zod';
import { ref, text } from '../../http.ts';

export const monthKey = z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM');
export const monthParams = z.strictObject({ month: monthKey });
export const unitParams = z.strictObject({ unitId: ref });
export const trendQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const bonusQuery = z.strictObject({ month: monthKey.optional() });

/** The model as the editor sends it: checked by `validateIndexModel` (every problem names its field). */
export const modelBody = z.record(z.string(), z.unknown());
export const modelDraft = z.strictObject({ model: modelBody, note: z.string().max(500).optional() });

export const modelView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'active', 'retired']),
  model: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export const modelState = z.object({ active: modelView.nullable(), drafts: z.array(modelView) });
export const validationResult = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});

const snapshotMeta = {
  month: z.string(),
  published: z.boolean(),
  id: z.string().nullable(),
  revision: z.number().int().nullable(),
  modelVersion: z.number().int().nullable(),
  knownOn: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  supersedesId: z.string().nullable(),
};
export const monthView = z.object({ ...snapshotMeta, result: z.record(z.string(), z.unknown()) });
export const publishView = monthView.extend({ diff: z.record(z.string(), z.unknown()).nullable() });
export const revisionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      revision: z.number().int(),
      modelVersion: z.number().int(),
      knownOn: z.string(),
      publishedAt: z.string(),
      publishedBy: z.string().nullable(),
      supersedesId: z.string().nullable(),
      diff: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export const trendView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  months: z.array(
    z.object({
      month: z.string(),
      published: z.boolean(),
      revision: z.number().int().nullable(),
      categoryId: z.string().nullable(),
      total: z.number().nullable(),
      rank: z.number().int().nullable(),
      rankChange: z.number().int().nullable(),
      ranked: z.number().int(),
    }),
  ),
});

/** Points are checked against the active model's bonus rules by the service (400 naming `points`). */
export const bonusBody = z.strictObject({
  unitId: ref,
  month: monthKey,
  points: z.number(),
  reason: text(500),
  evidence: z.string().trim().max(500).optional(),
});
export const bonusView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  month: z.string(),
  points: z.number(),
  reason: z.string(),
  evidence: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const bonusList = z.object({ items: z.array(bonusView) });

export const periodParams = z.strictObject({
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/, 'YYYY or YYYY-Qn'),
});
export const periodView = z.object({
  period: z.string(),
  kind: z.enum(['quarter', 'year']),
  /** The published months rolled up, each at its latest revision. */
  months: z.array(z.object({ month: z.string(), revision: z.number() })),
  /** Months begun but not yet published: not in the roll-up. */
  pending: z.array(z.string()),
  result: z.record(z.string(), z.unknown()).nullable(),
});
