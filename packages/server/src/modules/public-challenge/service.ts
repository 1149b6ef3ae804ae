// The one-time proof-of-work challenges of the public forms (service ratings, complaints): issued with the form
// (random, stored with its expiry, bound to nothing personal), checked and spent by the
// submission in the submission's own transaction. @fastify/rate-limit in each public module limits the callers;
// the proof of work makes a flood costly.
import { randomBytes } from 'node:crypto';
import { conflict, validationError, verifyProofOfWork } from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import { newId } from '../../ids.ts';
import { sha256 } from '../audit/service.ts';
import * as repo from './repository.ts';

/** 2^16 SHA-256 hashes on average: a fraction of a second with SubtleCrypto on a phone, one hash to check. */
export const PROOF_OF_WORK_BITS = 16;
/** Long enough to fill in a form on a phone; the page asks for a fresh challenge when it submits anyway. */
export const CHALLENGE_TTL_MS = 30 * 60_000;

export type ChallengePurpose = 'rating' | 'complaint';

/**
 * The form a challenge is for is written into it, so that one form's challenge cannot be spent on the other: a
 * rating challenge is 32 hex digits (as it always was), any other form's is prefixed with its name.
 */
const prefixOf = (purpose: ChallengePurpose) => (purpose === 'rating' ? '' : `${purpose}-`);
const isFor = (challenge: string, purpose: ChallengePurpose) =>
  purpose === 'rating' ? /^[0-9a-f]+$/.test(challenge) : challenge.startsWith(prefixOf(purpose));

export interface IssuedChallenge {
  id: string;
  challenge: string;
  difficulty: number;
  expiresAt: string;
}

/** The region a public form is for: by code, else the only region (or the demo county); 400 otherwise. */
export async function publicRegionOf(db: Queryable, code: string | undefined) {
  const region = await repo.publicRegion(db, code);
  if (region) return region;
  if (code === undefined) throw validationError('required', 'region');
  throw validationError('not_found', 'region', { entity: 'region' });
}

/** A fresh challenge for a form of the region (and old ones swept), in one transaction. */
export async function issueChallenge(
  db: Db,
  regionId: string,
  purpose: ChallengePurpose,
  now: Date,
): Promise<IssuedChallenge> {
  const challenge = {
    id: newId(),
    challenge: `${prefixOf(purpose)}${randomBytes(16).toString('hex')}`,
    difficulty: PROOF_OF_WORK_BITS,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.sweepChallenges(trx, regionId, new Date(now.getTime() - 24 * 3600_000).toISOString());
    await repo.insertChallenge(trx, {
      id: challenge.id,
      region_id: regionId,
      challenge: challenge.challenge,
      difficulty: challenge.difficulty,
      created_at: now.toISOString(),
      expires_at: challenge.expiresAt,
    });
  });
  return challenge;
}

/**
 * Checks a solved challenge without spending it: known and for this form, unused, unexpired, and `nonce` solves
 * it. Returns the region it was issued for. Errors name `challengeId` or `nonce`.
 */
export async function checkChallenge(
  db: Queryable,
  input: { challengeId: string; nonce: string; purpose: ChallengePurpose; now: Date },
): Promise<{ id: string; regionId: string }> {
  const now = input.now.toISOString();
  const c = await repo.findChallenge(db, input.challengeId);
  if (!c || !isFor(c.challenge, input.purpose)) throw validationError('challenge_unknown', 'challengeId');
  if (c.used_at !== null) throw conflict('challenge_used', {}, 'challengeId');
  if (c.expires_at <= now) throw validationError('challenge_expired', 'challengeId');
  if (!verifyProofOfWork(c.challenge, input.nonce, Number(c.difficulty), sha256))
    throw validationError('proof_of_work_invalid', 'nonce');
  return { id: c.id, regionId: c.region_id };
}

/** Spends a checked challenge inside the submission's transaction; 409 when another request spent it first. */
export async function spendChallenge(trx: Queryable, challengeId: string, now: Date): Promise<void> {
  if (!(await repo.consumeChallenge(trx, challengeId, now.toISOString())))
    throw conflict('challenge_used', {}, 'challengeId');
}
