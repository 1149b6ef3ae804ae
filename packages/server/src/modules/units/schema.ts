import { UNIT_KINDS } from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref, text } from '../../http.ts';

export const unitKind = z.enum(UNIT_KINDS);

export const unitView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: unitKind,
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  parentId: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type UnitView = z.infer<typeof unitView>;

export const unitListQuery = z.strictObject({
  kind: unitKind.optional(),
  q: z.string().trim().max(100).optional(),
  categoryId: z.string().max(64).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const unitCreate = z.strictObject({
  name: text(100),
  shortName: text(50).nullable().optional(),
  kind: unitKind,
  categoryId: ref.nullable().optional(),
  parentId: ref.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});

export const unitUpdate = unitCreate.partial().extend({ active: z.boolean().optional() }).strict();

export const categoryView = z.object({
  id: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  unitCount: z.number().int(),
});
export const categoryCreate = z.strictObject({
  name: text(100),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
