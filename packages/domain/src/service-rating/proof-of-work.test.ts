import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  leadingZeroBits,
  MAX_PROOF_OF_WORK_BITS,
  proofOfWorkInput,
  solveProofOfWork,
  verifyProofOfWork,
} from './proof-of-work.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('leadingZeroBits', () => {
  it.each<[string, number]>([
    ['ffff', 0],
    ['7fff', 1],
    ['3fff', 2],
    ['1fff', 3],
    ['0fff', 4],
    ['08ff', 4],
    ['07ff', 5],
    ['0001', 15],
    ['0000', 16],
    ['00008a', 16],
    ['000040', 17],
  ])('%s → %d', (hex, bits) => {
    expect(leadingZeroBits(hex)).toBe(bits);
  });
});

describe('proof of work', () => {
  const challenge = 'a3f1c2d4e5b6a7980112233445566778';

  it('hashes "<challenge>:<nonce>"', () => {
    expect(proofOfWorkInput('abc', '42')).toBe('abc:42');
  });

  it('finds a nonce at 16 bits that verifies, and that fails at a higher difficulty or another challenge', () => {
    const nonce = solveProofOfWork(challenge, 16, sha256);
    expect(verifyProofOfWork(challenge, nonce, 16, sha256)).toBe(true);
    const bits = leadingZeroBits(sha256(proofOfWorkInput(challenge, nonce)));
    expect(bits).toBeGreaterThanOrEqual(16);
    expect(verifyProofOfWork(challenge, nonce, bits + 1, sha256)).toBe(false);
    expect(verifyProofOfWork(`${challenge}0`, nonce, 16, sha256)).toBe(false);
  });

  it('solves at 0 bits with the first nonce', () => {
    expect(solveProofOfWork(challenge, 0, sha256)).toBe('0');
  });

  it('refuses malformed nonces and difficulties out of range', () => {
    expect(verifyProofOfWork(challenge, '', 0, sha256)).toBe(false);
    expect(verifyProofOfWork(challenge, '1:2', 0, sha256)).toBe(false);
    expect(verifyProofOfWork(challenge, 'x'.repeat(33), 0, sha256)).toBe(false);
    expect(verifyProofOfWork(challenge, '1', -1, sha256)).toBe(false);
    expect(verifyProofOfWork(challenge, '1', 1.5, sha256)).toBe(false);
    expect(verifyProofOfWork(challenge, '1', MAX_PROOF_OF_WORK_BITS + 1, sha256)).toBe(false);
  });

  it('gives up after maxTries', () => {
    expect(() => solveProofOfWork(challenge, 24, sha256, 10)).toThrow(/no proof of work/);
  });
});
