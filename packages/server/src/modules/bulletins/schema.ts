// Supervision bulletins (督查通报) over HTTP: drafts generated from a period's data, edited as sanitised rich text,
// approved, published with their number, read receipts per unit, the .docx in the official layout.
import { z } from 'zod';
import { pageQuery, text } from '../../http.ts';
import { calendarDate } from '../items/schema.ts';

export const BULLETIN_STATUSES = ['draft', 'approved', 'published'] as const;
/** Rich text is bounded before sanitising, so that a huge body is a 400 and not work. */
export const BODY_MAX = 200_000;

export const draftBody = z.strictObject({ from: calendarDate, to: calendarDate });
export type DraftBody = z.infer<typeof draftBody>;

export const bulletinPatch = z.strictObject({
  title: text(200).optional(),
  /** Rich text; sanitised to paragraphs, headings, lists, tables and emphasis. */
  bodyHtml: z.string().max(BODY_MAX).optional(),
  /** The version the editor started from; another edit since then is a 409. */
  rowVersion: z.number().int().min(1).optional(),
});
export type BulletinPatch = z.infer<typeof bulletinPatch>;

export const bulletinListQuery = z.strictObject({
  status: z.enum(BULLETIN_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;

export const settingsBody = z.strictObject({
  /** With {year} and {seq} once each, e.g. 松执专〔{year}〕{seq}号. */
  numberFormat: z.string().trim().min(1).max(60),
  /** The issuing body printed in red at the head of the document. */
  issuer: text(100),
});

export const settingsView = z.object({ numberFormat: z.string(), issuer: z.string(), example: z.string() });

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const bulletinSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  seq: z.number().int().nullable(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  correctsBulletinId: z.string().nullable(),
  createdAt: z.string(),
  publishedOn: z.string().nullable(),
  /** For a unit user: whether the unit has read it (回执); null for county roles. */
  readByMyUnit: z.boolean().nullable(),
});
export type BulletinSummary = z.infer<typeof bulletinSummary>;

export const bulletinView = bulletinSummary.extend({
  bodyHtml: z.string(),
  corrects: z.object({ id: z.string(), number: z.string().nullable(), title: z.string() }).nullable(),
  correctedBy: z.array(
    z.object({ id: z.string(), number: z.string().nullable(), status: z.enum(BULLETIN_STATUSES) }),
  ),
  createdBy: person,
  approvedBy: person,
  approvedAt: z.string().nullable(),
  publishedBy: person,
  publishedAt: z.string().nullable(),
  rowVersion: z.number().int(),
  /** What the caller may do now: edit, approve, publish, correct, read. */
  actions: z.array(z.string()),
});
export type BulletinView = z.infer<typeof bulletinView>;

export const receiptsView = z.object({
  bulletinId: z.string(),
  units: z.number().int(),
  read: z.number().int(),
  receipts: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      readAt: z.string().nullable(),
      readBy: person,
    }),
  ),
});

export const readView = z.object({
  bulletinId: z.string(),
  unitId: z.string(),
  readAt: z.string(),
  readBy: z.object({ id: z.string(), name: z.string() }),
  /** True when this call recorded the unit's receipt; false when the unit had read it already. */
  firstRead: z.boolean(),
});
