// The audit log is a hash chain: each entry's hash covers the previous hash and the entry's canonical JSON.
// Hashing is passed in so that this module stays free of platform APIs.
import { canonicalJson } from './canonical-json.ts';

export interface AuditRecord {
  regionId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHashInput(prevHash: string, record: AuditRecord): string {
  return `${prevHash}\n${canonicalJson(record)}`;
}

export interface ChainedRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'seq_gap' };

/** Checks entries in seq order; returns the first broken one, or null. */
export function verifyChain(
  entries: Iterable<ChainedRecord>,
  sha256: (s: string) => string,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let prev = start.hash;
  let expectedSeq = start.seq + 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: e.seq, reason: 'seq_gap' };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    const { prevHash: _p, hash, ...record } = e;
    if (sha256(auditHashInput(prev, record)) !== hash) return { seq: e.seq, reason: 'hash_mismatch' };
    prev = hash;
    expectedSeq++;
  }
  return null;
}
