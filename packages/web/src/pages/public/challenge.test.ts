import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { withChallenge } from './challenge';

describe('a public form’s one-time challenge', () => {
  it('uses the page’s challenge first and asks for none', async () => {
    const seen: string[] = [];
    const fresh = async () => {
      seen.push('fresh');
      return 'new';
    };
    expect(await withChallenge('page', fresh, async (c) => (seen.push(c), 'ok'))).toBe('ok');
    expect(seen).toEqual(['page']);
  });

  it('asks for a new one when the page’s was used', async () => {
    const seen: string[] = [];
    await withChallenge(
      undefined,
      async () => 'new',
      async (c) => seen.push(c),
    );
    expect(seen).toEqual(['new']);
  });

  it('tries once more with a new challenge when the server refuses it on challengeId, and not again', async () => {
    const seen: string[] = [];
    let n = 0;
    const refuse = async (c: string) => {
      seen.push(c);
      throw new ApiError(400, 'validation', 'expired', 'challengeId');
    };
    await expect(withChallenge('page', async () => `new${++n}`, refuse)).rejects.toThrow('expired');
    expect(seen).toEqual(['page', 'new1']);
  });

  it('leaves any other refusal to the form', async () => {
    let fresh = 0;
    const refuse = async () => {
      throw new ApiError(400, 'validation', 'bad phone', 'phone');
    };
    await expect(withChallenge('page', async () => `new${++fresh}`, refuse)).rejects.toMatchObject({
      field: 'phone',
    });
    expect(fresh).toBe(0);
  });
});
