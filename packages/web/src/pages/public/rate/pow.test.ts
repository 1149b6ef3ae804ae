import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The server's check, imported from the domain by path (the web does not depend on @benpao/domain).
import { verifyProofOfWork } from '../../../../../domain/src/service-rating/proof-of-work.ts';
import { leadingZeroBits, progressOf, sha256Bytes, solveProofOfWork, toHex } from './pow';

const encode = (s: string) => new TextEncoder().encode(s);
const nodeSha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('the JavaScript SHA-256 fallback', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j as the standard says', (input, hex) => {
    expect(toHex(sha256Bytes(encode(input)))).toBe(hex);
  });

  it('agrees with Node on inputs across block boundaries and in Chinese', () => {
    for (const input of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), '服务评议:12345']) {
      expect(toHex(sha256Bytes(encode(input)))).toBe(nodeSha256(input));
    }
  });
});

describe('the browser proof of work', () => {
  it('counts leading zero bits of a digest', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x40, 1]))).toBe(17);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('finds a nonce the server accepts, with SubtleCrypto and with the fallback, reporting progress', async () => {
    const challenge = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const tried: number[] = [];
    const nonce = await solveProofOfWork(challenge, 12, { onProgress: (n) => tried.push(n), batch: 256 });
    expect(verifyProofOfWork(challenge, nonce, 12, nodeSha256)).toBe(true);
    const fallback = await solveProofOfWork(challenge, 12, {
      digest: async (d) => sha256Bytes(d),
      batch: 256,
    });
    expect(fallback).toBe(nonce);
    expect(tried.every((n, i) => i === 0 || n > tried[i - 1]!)).toBe(true);
    // progress comes every couple of thousand hashes, not every batch
    expect(tried.every((n, i) => n - (i === 0 ? 0 : tried[i - 1]!) >= 2048)).toBe(true);
  });

  it('shows progress as the chance of having found it by now', () => {
    expect(progressOf(0, 16)).toBe(0);
    expect(progressOf(2 ** 16, 16)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(progressOf(2 ** 20, 16)).toBeGreaterThan(0.99);
  });
});
