// The HTTP side of stored files, shared by every module that takes uploads into the evidence store or serves them
// (item evidence, warning, case and conduct-finding files).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVIDENCE_MAX_BYTES_MAX } from '../settings/schema.ts';
import type { UploadPart } from './service.ts';

/** The one file part of an upload, cut at `maxBytes`; null when the request carries none. */
export async function nextFile(req: FastifyRequest, maxBytes: number): Promise<UploadPart | null> {
  if (!req.isMultipart()) return null;
  const part = await req.file({
    limits: { fileSize: Math.min(maxBytes, EVIDENCE_MAX_BYTES_MAX), files: 1, fields: 10, fieldSize: 1024 },
  });
  if (!part) return null;
  return {
    fieldname: part.fieldname,
    filename: part.filename,
    stream: part.file,
    truncated: () => part.file.truncated,
  };
}

/** A stored file as an attachment, with the type judged from its content and no way to run it in the page. */
export const sendFile = (
  reply: FastifyReply,
  file: { mime: string; size: number; disposition: string; stream: NodeJS.ReadableStream },
) =>
  reply
    .header('Content-Type', file.mime)
    .header('Content-Length', String(file.size))
    .header('Content-Disposition', file.disposition)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(file.stream);
