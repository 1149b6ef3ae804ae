// Shared request/response schemas and small route helpers.
import { z } from 'zod';

export const idParam = z.strictObject({ id: z.string().min(1).max(64) });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** Standard error responses, so that OpenAPI documents them. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBody]));

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

/** A trimmed, bounded, non-empty single-line string. */
export const text = (max: number) => z.string().trim().min(1).max(max);
