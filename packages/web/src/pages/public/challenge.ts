// The one-time challenge of the public forms (/rate, /complaint), shared: the page's own challenge serves the first
// attempt and a new one every later attempt; an attempt refused on `challengeId` (expired while the form was being
// filled in, or spent by an earlier attempt) is made once more with a new challenge. The proof of work's progress
// is sampled on a timer rather than set on every batch: a state update per batch can outpace rendering on a busy
// phone, and React 19 takes a long run of renders that each leave another update pending for an infinite loop
// (error #185), which failed the submission.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { progressOf, solveProofOfWork } from './rate/pow';

export interface Challenge {
  id: string;
  challenge: string;
  difficulty: number;
}

/**
 * Runs `attempt` with a challenge: `first` unless it was used, then a `fresh` one when the server refuses it on
 * `challengeId`. Any other error is the caller's.
 */
export async function withChallenge<C, T>(
  first: C | undefined,
  fresh: () => Promise<C>,
  attempt: (challenge: C) => Promise<T>,
): Promise<T> {
  try {
    return await attempt(first ?? (await fresh()));
  } catch (e) {
    if (e instanceof ApiError && e.field === 'challengeId') return attempt(await fresh());
    throw e;
  }
}

/** How often the progress bar is redrawn while the proof of work runs. */
const PROGRESS_MS = 200;

/**
 * The public form's challenge solver: `solve(pageChallenge, fresh, send)` solves a challenge and calls `send` with
 * it and its nonce, retrying as `withChallenge` says; `progress` is the share of the search done so far (0–0.99)
 * and the hashes tried, or null when nothing is being solved.
 */
export function useChallengeSolver<C extends Challenge>() {
  const pageChallengeUsed = useRef(false);
  const tried = useRef(0);
  const difficulty = useRef(16);
  const [solving, setSolving] = useState(false);
  const [progress, setProgress] = useState<{ share: number; tried: number } | null>(null);

  useEffect(() => {
    if (!solving) return;
    const sample = () =>
      setProgress({
        share: Math.min(0.99, progressOf(tried.current, difficulty.current)),
        tried: tried.current,
      });
    sample();
    const timer = setInterval(sample, PROGRESS_MS);
    return () => clearInterval(timer);
  }, [solving]);

  const solve = useCallback(
    async <T>(
      pageChallenge: C | undefined,
      fresh: () => Promise<C>,
      send: (challenge: C, nonce: string) => Promise<T>,
    ): Promise<T> => {
      const first = pageChallengeUsed.current ? undefined : pageChallenge;
      pageChallengeUsed.current = true;
      setSolving(true);
      try {
        return await withChallenge(first, fresh, async (challenge) => {
          tried.current = 0;
          difficulty.current = challenge.difficulty;
          const nonce = await solveProofOfWork(challenge.challenge, challenge.difficulty, {
            onProgress: (n) => (tried.current = n),
          });
          return send(challenge, nonce);
        });
      } finally {
        setSolving(false);
        setProgress(null);
      }
    },
    [],
  );

  return { solve, progress };
}
