// In-process jobs, started by main.ts (never by buildApp, so that tests stay deterministic): the warning engine's
// daily run at 00:05 Asia/Shanghai (evaluating every day since the last one evaluated, so a process that was down
// catches up) and the reminder job daily at 08:30; both once at start-up to catch up on a day the process was down. On PostgreSQL several
// processes may run: the one that gets the advisory lock runs, the others skip (the dedupe keys would make a double
// run harmless anyway; the lock saves the work).
import { Cron } from 'croner';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../db/index.ts';
import { catchUpRegion } from '../modules/warnings/engine.ts';
import { runReminders } from './reminders.ts';

/** pg_try_advisory_lock key of the reminder job ("benpao-r" as a number). */
export const REMINDERS_LOCK_KEY = 6_287_425_281;
export const REMINDERS_SCHEDULE = '30 8 * * *';
/** pg_try_advisory_lock key of the warning engine's daily run ("benpao-w"). */
export const WARNINGS_LOCK_KEY = 6_287_425_287;
export const WARNINGS_SCHEDULE = '5 0 * * *';
export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';

export interface Scheduler {
  /** Runs the reminder job for every region now (waits for a run already in progress instead). */
  runNow(): Promise<void>;
  /** Runs the warning engine's daily evaluation (with catch-up) for every region now. */
  evaluateNow(): Promise<void>;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

async function remindAllRegions(db: Db, log: FastifyBaseLogger, now: Date) {
  const regions = await db.selectFrom('regions').select('id').orderBy('id').execute();
  for (const { id } of regions) {
    try {
      const r = await runReminders(db, id, now);
      log.info({ regionId: id, ...r }, 'reminders run');
    } catch (err) {
      log.error({ err, regionId: id }, 'reminders failed');
    }
  }
}

/** Runs `work` in this process unless another PostgreSQL process holds the job's advisory lock. */
async function withJobLock(
  database: Database,
  log: FastifyBaseLogger,
  name: string,
  key: number,
  work: (db: Db) => Promise<void>,
): Promise<'ran' | 'skipped'> {
  if (database.dialect !== 'postgres') {
    await work(database.db);
    return 'ran';
  }
  // A session lock on one pooled connection, released on the same connection (or when it closes).
  return database.db.connection().execute(async (conn) => {
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) {
      log.info(`${name}: another process holds the lock; skipped`);
      return 'skipped' as const;
    }
    try {
      await work(conn);
      return 'ran' as const;
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

export function runScheduledReminders(
  database: Database,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<'ran' | 'skipped'> {
  return withJobLock(database, log, 'reminders', REMINDERS_LOCK_KEY, (db) => remindAllRegions(db, log, now));
}

async function evaluateAllRegions(db: Db, log: FastifyBaseLogger, now: Date) {
  const regions = await db.selectFrom('regions').select('id').orderBy('id').execute();
  for (const { id } of regions) {
    try {
      const days = await catchUpRegion(db, id, { now });
      const total = days.reduce((n, d) => n + d.issued + d.escalated + d.fellBack + d.cleared, 0);
      log.info({ regionId: id, days: days.length, changes: total }, 'warning engine run');
    } catch (err) {
      log.error({ err, regionId: id }, 'warning engine run failed');
    }
  }
}

export function runScheduledWarnings(
  database: Database,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<'ran' | 'skipped'> {
  // The engine opens its own transactions, so it runs on the pool; the lock only keeps other processes out.
  return withJobLock(database, log, 'warnings', WARNINGS_LOCK_KEY, () =>
    evaluateAllRegions(database.db, log, now),
  );
}

export function startScheduler(
  database: Database,
  log: FastifyBaseLogger,
  opts: { catchUp?: boolean } = {},
): Scheduler {
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    running ??= runScheduledReminders(database, log)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'reminders failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const job = new Cron(
    REMINDERS_SCHEDULE,
    { name: 'reminders', timezone: SCHEDULE_TIMEZONE, protect: true },
    () => runNow(),
  );
  let evaluating: Promise<void> | null = null;
  const evaluateNow = (): Promise<void> => {
    evaluating ??= runScheduledWarnings(database, log)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'warning engine run failed'))
      .finally(() => {
        evaluating = null;
      });
    return evaluating;
  };
  const warningJob = new Cron(
    WARNINGS_SCHEDULE,
    { name: 'warnings', timezone: SCHEDULE_TIMEZONE, protect: true },
    () => evaluateNow(),
  );
  // Lights first, so that the reminders of a day that was missed go out after its warnings are known.
  if (opts.catchUp ?? true) void evaluateNow().then(() => runNow());
  return {
    runNow,
    evaluateNow,
    stop: async () => {
      job.stop();
      warningJob.stop();
      await evaluating;
      await running;
    },
  };
}
