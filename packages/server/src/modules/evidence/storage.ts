// Content-addressed storage of evidence files under `<dataDir>/evidence/<aa>/<sha256>`, and the type sniffing that
// decides what an upload is from its bytes (never from its name or the client's MIME type).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Received {
  tempPath: string;
  sha256: string;
  size: number;
  /** The first bytes, for sniffing. */
  head: Buffer;
}

const HEAD_BYTES = 64;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Per-store-directory lock tables, so that every module's store over the same directory shares one. */
const LOCKS_BY_ROOT = new Map<string, Map<string, Promise<unknown>>>();

export class EvidenceStore {
  readonly root: string;
  private readonly tmp: string;
  /**
   * Per-hash critical sections: a delete that unlinks a file must not race an upload of the same content — from any
   * module (item evidence, warning, case and conduct-finding files share the directory).
   */
  private readonly locks: Map<string, Promise<unknown>>;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'evidence');
    this.tmp = path.join(this.root, 'tmp');
    let locks = LOCKS_BY_ROOT.get(this.root);
    if (!locks) LOCKS_BY_ROOT.set(this.root, (locks = new Map()));
    this.locks = locks;
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams an upload into a temporary file, hashing it on the way. The caller commits or discards it. */
  async receive(source: Readable): Promise<Received> {
    await fs.promises.mkdir(this.tmp, { recursive: true });
    const tempPath = path.join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        if (headLength < HEAD_BYTES) {
          headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
          headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
    } catch (err) {
      await this.discard(tempPath);
      throw err;
    }
    return { tempPath, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks) };
  }

  /** Removes temporary files left by a crash mid-upload (old enough not to be another process's upload). */
  async sweepTemp(olderThanMs = 24 * 60 * 60 * 1000, now = Date.now()): Promise<void> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.tmp);
    } catch {
      return;
    }
    for (const name of names) {
      const p = path.join(this.tmp, name);
      const stat = await fs.promises.stat(p).catch(() => null);
      if (stat?.isFile() && now - stat.mtimeMs > olderThanMs) await fs.promises.rm(p, { force: true });
    }
  }

  async discard(tempPath: string): Promise<void> {
    await fs.promises.rm(tempPath, { force: true });
  }

  /**
   * Moves a received file to its content address. Returns whether it created the file (false: identical content
   * was stored already, and the temporary copy is dropped).
   */
  async commit(received: Received): Promise<boolean> {
    const target = this.pathOf(received.sha256);
    if (await exists(target)) {
      await this.discard(received.tempPath);
      return false;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(received.tempPath, target);
    return true;
  }

  async remove(sha256: string): Promise<void> {
    await fs.promises.rm(this.pathOf(sha256), { force: true });
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  open(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256));
  }

  /** Runs `fn` while no other call for the same hash runs in this process. */
  async withLock<T>(sha256: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sha256) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(sha256, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(sha256) === settled) this.locks.delete(sha256);
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.promises.access(p);
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------------------------ sniffing

export interface FileType {
  mime: string;
  /** Extensions a name of this type may carry; the first is the canonical one. */
  extensions: readonly string[];
}

const TYPES = {
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { mime: 'image/png', extensions: ['png'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  doc: { mime: 'application/msword', extensions: ['doc', 'dot', 'wps'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls', 'xlt', 'et'] },
  ppt: { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt', 'pps', 'pot', 'dps'] },
  ole: { mime: 'application/x-ole-storage', extensions: ['doc', 'xls', 'ppt', 'wps', 'et', 'dps'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx', 'docm', 'dotx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx', 'xlsm', 'xltx'],
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx', 'ppsx', 'potx'],
  },
} as const satisfies Record<string, FileType>;

export const ACCEPTED_MIMES: readonly string[] = Object.values(TYPES).map((t) => t.mime);

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** The type of a stored file, from its first bytes and, for containers, its structure; null when refused. */
export async function sniff(filePath: string, head: Buffer, size: number): Promise<FileType | null> {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return TYPES.gif;
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return TYPES.webp;
  if (startsWith(head, ascii('%PDF-'))) return TYPES.pdf;
  if (startsWith(head, OLE2)) return oleType(filePath, size);
  if (startsWith(head, ZIP_LOCAL)) return ooxmlType(filePath, size);
  return null;
}

/** OOXML: a ZIP whose central directory lists `[Content_Types].xml` and the main part of a known kind. */
async function ooxmlType(filePath: string, size: number): Promise<FileType | null> {
  const names = await zipEntryNames(filePath, size);
  if (!names?.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return TYPES.docx;
  if (names.has('xl/workbook.xml')) return TYPES.xlsx;
  if (names.has('ppt/presentation.xml')) return TYPES.pptx;
  return null;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024;
const MAX_ENTRIES = 100_000;

async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Entry names from a ZIP's central directory (ZIP64 included); null when it is not a well-formed ZIP. */
export async function zipEntryNames(filePath: string, size: number): Promise<Set<string> | null> {
  if (size < 22) return null;
  const fd = await fs.promises.open(filePath, 'r');
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tailStart = size - tailLength;
    const tail = await readAt(fd, tailStart, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    let cdEnd = tailStart + eocd;
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locatorAt = tailStart + eocd - 20;
      if (locatorAt < 0) return null;
      const locator = await readAt(fd, locatorAt, 20);
      if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) return null;
      const z64At = Number(locator.readBigUInt64LE(8));
      if (!Number.isSafeInteger(z64At) || z64At + 56 > locatorAt) return null;
      const z64 = await readAt(fd, z64At, 56);
      if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) return null;
      entries = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
      cdEnd = z64At;
    }
    if (entries > MAX_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > cdEnd) return null;
    const cd = await readAt(fd, cdOffset, cdSize);
    if (cd.length < cdSize) return null;
    const names = new Set<string>();
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIG) return null;
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      if (at + 46 + nameLength > cd.length) return null;
      names.add(cd.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await fd.close();
  }
}

/** Names of the streams that identify the legacy Office formats inside a compound file. */
const OLE_STREAMS: [string, FileType][] = [
  ['WordDocument', TYPES.doc],
  ['Workbook', TYPES.xls],
  ['Book', TYPES.xls],
  ['PowerPoint Document', TYPES.ppt],
];

/**
 * Legacy Office (OLE2 compound file). Which application made it is told by a directory entry's name: directory
 * entries are 128-byte records at 128-byte-aligned offsets, so a scan of those offsets finds them without walking
 * the FAT. A compound file without a known stream (e.g. WPS's own formats) is still accepted, as a generic one.
 */
async function oleType(filePath: string, size: number): Promise<FileType> {
  const wanted = OLE_STREAMS.map(([name, type]) => ({
    bytes: Buffer.from(`${name}\u0000`, 'utf16le'),
    type,
  }));
  const fd = await fs.promises.open(filePath, 'r');
  try {
    const chunk = 64 * 1024; // a multiple of 128
    for (let pos = 512; pos < size; pos += chunk) {
      const buf = await readAt(fd, pos, chunk);
      for (let at = 0; at + 128 <= buf.length; at += 128) {
        const nameLength = buf.readUInt16LE(at + 0x40);
        const objectType = buf[at + 0x42];
        if (objectType !== 2 || nameLength < 4 || nameLength > 64) continue;
        for (const w of wanted) {
          if (nameLength === w.bytes.length && buf.subarray(at, at + nameLength).equals(w.bytes))
            return w.type;
        }
      }
    }
    return TYPES.ole;
  } finally {
    await fd.close();
  }
}

// ---------------------------------------------------------------------------------------------- file names

/** A file name as the uploader gave it, without any path, control characters or excess length. */
export function cleanFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const base = [...last]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  const chars = [...(base || 'file')];
  if (chars.length <= 200) return chars.join('');
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, 200 - [...ext].length).join('') + ext;
}

/** The name to download a file as: its own, with the right extension appended when the name claims another. */
export function downloadName(name: string, mime: string): string {
  const type = Object.values(TYPES).find((t) => t.mime === mime);
  if (!type) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return (type.extensions as readonly string[]).includes(ext) ? name : `${name}.${type.extensions[0]}`;
}

/** `attachment` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
