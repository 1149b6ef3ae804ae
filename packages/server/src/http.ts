// Shared request/response schemas and small route helpers.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A reference to another record in a request body: never empty, so '' is a 400 and not a broken foreign key. */
export const ref = z.string().min(1).max(64);
export const idParam = z.strictObject({ id: ref });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** Standard error responses, so that OpenAPI documents them. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBody]));

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

/**
 * The path of the first string (value or key) that holds U+0000, or null. No PostgreSQL text can store it, and
 * in SQLite it would make look-alike names. Iterative and linear, so that a deeply nested body cannot overflow
 * the stack or take quadratic time.
 */
export function findNulCharacter(root: unknown): string | null {
  interface Node {
    value: unknown;
    key: string | null;
    parent: Node | null;
  }
  const pathOf = (node: Node | null, key?: string) => {
    const path = key === undefined ? [] : [key];
    for (let n = node; n && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse().join('.');
  };
  const stack: Node[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (node.value.includes('\u0000')) return pathOf(node);
    } else if (node.value !== null && typeof node.value === 'object') {
      for (const [k, v] of Object.entries(node.value)) {
        if (k.includes('\u0000')) return pathOf(node, k);
        stack.push({ value: v, key: k, parent: node });
      }
    }
  }
  return null;
}

/** A trimmed, bounded, non-empty single-line string. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266), so Chinese file names survive. */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a generated document (a workbook, a Word file) as a download named `name`; never kept by caches, as
 * exports carry internal and sometimes personal data. */
export const sendDownload = (reply: FastifyReply, type: string, name: string, body: Buffer) =>
  reply
    .type(type)
    .header('content-disposition', attachment(name))
    .header('cache-control', 'private, no-store')
    .send(body);
