// In-process jobs, started by main.ts (never by buildApp, so that tests stay deterministic): the reminder job daily
// at 08:30 Asia/Shanghai, and once at start-up to catch up on a day the process was down. On PostgreSQL several
// processes may run: the one that gets the advisory lock runs, the others skip (the dedupe keys would make a double
// run harmless anyway; the lock saves the work).
import { Cron } from 'croner';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../db/index.ts';
import { runReminders } from './reminders.ts';

/** pg_try_advisory_lock key of the reminder job ("benpao-r" as a number). */
export const REMINDERS_LOCK_KEY = 6_287_425_281;
export const REMINDERS_SCHEDULE = '30 8 * * *';
export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';

export interface Scheduler {
  /** Runs the reminder job for every region now (waits for a run already in progress instead). */
  runNow(): Promise<void>;
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

export async function runScheduledReminders(
  database: Database,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<'ran' | 'skipped'> {
  if (database.dialect !== 'postgres') {
    await remindAllRegions(database.db, log, now);
    return 'ran';
  }
  // A session lock on one pooled connection, released on the same connection (or when it closes).
  return database.db.connection().execute(async (conn) => {
    const got = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${REMINDERS_LOCK_KEY}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) {
      log.info('reminders: another process holds the lock; skipped');
      return 'skipped' as const;
    }
    try {
      await remindAllRegions(conn, log, now);
      return 'ran' as const;
    } finally {
      await sql`select pg_advisory_unlock(${REMINDERS_LOCK_KEY})`.execute(conn);
    }
  });
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
  if (opts.catchUp ?? true) void runNow();
  return {
    runNow,
    stop: async () => {
      job.stop();
      await running;
    },
  };
}
