// The evidence-file API contract (佐证材料).
import { z } from 'zod';

export const evidenceView = z.object({
  id: z.string(),
  /** The name the uploader gave the file. */
  name: z.string(),
  size: z.number().int(),
  /** Judged from the content, never from the name or the client. */
  mime: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  reportId: z.string().nullable(),
  downloadUrl: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

/** The multipart body, for the OpenAPI document only (multipart is parsed by the handler). */
export const uploadDoc = {
  consumes: ['multipart/form-data'],
  description:
    'multipart/form-data with one field `file`. Accepted by content: JPEG, PNG, GIF, WebP, PDF, legacy Office ' +
    '(OLE2) and OOXML (.docx/.xlsx/.pptx). Too large → 413, other types → 415.',
};
