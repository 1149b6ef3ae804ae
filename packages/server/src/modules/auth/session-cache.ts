// A short per-process cache of resolved sessions. Every authenticated request needs its session, user and roles;
// reading them cost one query per request. What keeps it correct:
// - An entry is trusted for `ttlMs` of real time at most (5 s by default), then read again from the database.
// - Timeouts stay exact: the idle (30 min) and absolute (12 h) limits are checked on every request against the
//   cached instants, and an entry that looks expired is read again before the session is ended (another process
//   may have seen it more recently).
// - Writes in this process that end or change sessions forget them at once, after their transaction commits:
//   logout, password change and reset, deactivation, a change of unit or name, role grants, unlock.
// - A load that raced with such a write is not stored: every forget moves a generation counter, and a load only
//   stores its row if the generation is the one it started under.
// - Another process (PostgreSQL with several servers) only learns of a revocation from the database: there a
//   revoked session or a revoked role lives at most `ttlMs` longer.
// Bounded: least recently used entries go first beyond `max`.
import type { SessionUser } from '../../context.ts';

export interface CachedSession {
  user: SessionUser;
  /** Epoch milliseconds of the session's creation and of its last_seen_at as this process knows it. */
  createdAt: number;
  lastSeenAt: number;
}

interface Entry extends CachedSession {
  /** When the entry was read from the database, on `clock`. */
  loadedAt: number;
}

export class SessionCache {
  readonly ttlMs: number;
  readonly max: number;
  private readonly clock: () => number;
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(opts: { ttlMs?: number; max?: number; clock?: () => number } = {}) {
    this.ttlMs = opts.ttlMs ?? 5_000;
    this.max = opts.max ?? 10_000;
    this.clock = opts.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** A fresh entry for the session id, or undefined. A hit becomes the most recently used. */
  get(id: string): CachedSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const age = this.clock() - entry.loadedAt;
    if (age < 0 || age >= this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /** Take before reading the database; `set` stores only if nothing was forgotten since. */
  begin(): number {
    return this.generation;
  }

  set(id: string, session: CachedSession, generation: number): void {
    if (generation !== this.generation) return;
    this.entries.delete(id);
    this.entries.set(id, { ...session, loadedAt: this.clock() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** The session was touched: its idle timeout counts from `at` in this process too. */
  touched(id: string, at: number): void {
    const entry = this.entries.get(id);
    if (entry) entry.lastSeenAt = at;
  }

  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  /** Forgets every session of a user, but `keep` (the session that changed its own password stays open). */
  forgetUser(userId: string, keep?: string): void {
    this.generation++;
    for (const [id, entry] of this.entries) {
      if (entry.user.id === userId && id !== keep) this.entries.delete(id);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** The process's cache, used by the access hook and told of every change by the auth and users services. */
export const sessionCache = new SessionCache();
