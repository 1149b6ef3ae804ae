// The webhook delivery worker, started by main.ts (never by buildApp, so that tests stay deterministic and call
// `deliverDue` themselves): every 15 seconds it sends what is due. On PostgreSQL every process runs it; each
// attempt is claimed by one UPDATE before it is sent, so no two processes send the same one.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/index.ts';
import { deliverDue } from '../modules/webhooks/delivery.ts';

export const WEBHOOK_INTERVAL_MS = 15_000;

export interface WebhookWorker {
  /** Runs once now (waits for a run already in progress instead). */
  runNow(): Promise<void>;
  /** Stops the interval and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startWebhookWorker(
  database: Database,
  log: FastifyBaseLogger,
  opts: { intervalMs?: number } = {},
): WebhookWorker {
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    running ??= deliverDue(database.db)
      .then((r) => {
        if (r.delivered + r.retrying + r.failed > 0) log.info(r, 'webhooks sent');
        if (r.failed > 0) log.warn({ failed: r.failed }, 'webhook deliveries given up');
      })
      .catch((err: unknown) => log.error({ err }, 'webhook delivery run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), opts.intervalMs ?? WEBHOOK_INTERVAL_MS);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
