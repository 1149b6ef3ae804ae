// A server-issued proof of work for the public rating form: the server hands out a random one-time challenge,
// the browser finds a nonce such that SHA-256("<challenge>:<nonce>") starts with `difficultyBits` zero bits, and
// the server checks it with one hash. Cheap for one rating on a phone, costly for a flood. Hashing is passed in
// (hex digest, as for the audit chain) so that this module stays free of platform APIs.

/** SHA-256 of a UTF-8 string as lower-case hex. */
export type Sha256Hex = (input: string) => string;

/** Upper bound of a difficulty the server may ask for (2^24 hashes on average is already far too slow). */
export const MAX_PROOF_OF_WORK_BITS = 24;
/** A nonce is a short string of ASCII letters and digits (the browser sends a decimal counter). */
export const NONCE_PATTERN = /^[0-9A-Za-z]{1,32}$/;

/** The string that is hashed: the same in the browser, the server and the tests. */
export const proofOfWorkInput = (challenge: string, nonce: string): string => `${challenge}:${nonce}`;

/** The number of leading zero bits of a hex digest. */
export function leadingZeroBits(hex: string): number {
  let bits = 0;
  for (const c of hex) {
    const v = Number.parseInt(c, 16);
    if (Number.isNaN(v)) break;
    if (v === 0) {
      bits += 4;
      continue;
    }
    return bits + (Math.clz32(v) - 28);
  }
  return bits;
}

/** Whether `nonce` solves `challenge` at `difficultyBits`. */
export function verifyProofOfWork(
  challenge: string,
  nonce: string,
  difficultyBits: number,
  sha256: Sha256Hex,
): boolean {
  if (!NONCE_PATTERN.test(nonce)) return false;
  if (!Number.isInteger(difficultyBits) || difficultyBits < 0 || difficultyBits > MAX_PROOF_OF_WORK_BITS)
    return false;
  return leadingZeroBits(sha256(proofOfWorkInput(challenge, nonce))) >= difficultyBits;
}

/**
 * Finds a nonce (a decimal counter from 0) by brute force; for tests, the demo seed and the CLI. The browser
 * does the same with SubtleCrypto. Throws after `maxTries` (default: 2^(bits+6), a vanishing chance to miss).
 */
export function solveProofOfWork(
  challenge: string,
  difficultyBits: number,
  sha256: Sha256Hex,
  maxTries = 2 ** Math.min(difficultyBits + 6, 40),
): string {
  for (let i = 0; i < maxTries; i++) {
    const nonce = String(i);
    if (leadingZeroBits(sha256(proofOfWorkInput(challenge, nonce))) >= difficultyBits) return nonce;
  }
  throw new Error(`no proof of work found in ${maxTries} tries`);
}
