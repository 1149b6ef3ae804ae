// Sending to the group robots. Bodies are rendered when an event is enqueued (the delivery log keeps exactly what
// is posted); DingTalk's signature is added to the URL at each attempt, because DingTalk refuses a timestamp more
// than an hour old. The worker `deliverDue` claims each due attempt with one UPDATE before sending (so that two
// processes never send the same attempt), then records the outcome: delivered, retried after 1, 2, 4, 8…
// minutes, or failed after MAX_ATTEMPTS. A robot that answers HTTP 200 with a non-zero `errcode` has refused the
// message: that is a failure too.
import { createHmac } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db, Queryable } from '../../db/index.ts';
import type { WebhookDeliveryTable } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import * as repo from './repository.ts';
import type { WebhookFormat } from './schema.ts';

/** Attempts before a delivery is given up. With the delays below, the last one is about two hours after the first. */
export const MAX_ATTEMPTS = 8;
export const RETRY_BASE_MS = 60_000;
export const RETRY_MAX_MS = 60 * 60_000;
export const SEND_TIMEOUT_MS = 5_000;
/** Due deliveries one run looks at, and how many of them go to one webhook (DingTalk allows 20 a minute). */
export const RUN_LIMIT = 200;
export const PER_WEBHOOK_PER_RUN = 5;
/** WeCom refuses markdown over 4096 bytes; DingTalk's limit is larger, but a group message should be short. */
export const MARKDOWN_MAX_BYTES = 4096;
const ERROR_MAX = 500;
const RESPONSE_MAX_BYTES = 64 * 1024;

export interface WebhookEvent {
  /** One of WEBHOOK_EVENT_TYPES (or the test message's type). */
  type: string;
  title: string;
  /** Markdown. */
  text: string;
  /** When it happened: an ISO instant. The delivery is due from then. */
  at: string;
}

/** The delay before the attempt after the `attempts`-th: 1 min, 2, 4, 8, … at most an hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);

/** Cuts a string to at most `max` UTF-8 bytes, on a character boundary, marking the cut with an ellipsis. */
export function truncateUtf8(s: string, max: number): string {
  if (Buffer.byteLength(s, 'utf8') <= max) return s;
  let out = '';
  let bytes = 0;
  const budget = max - Buffer.byteLength('…', 'utf8');
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > budget) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

/** `2022-04-15 09:00` in Asia/Shanghai (UTC+8, no daylight saving), as the groups read time. */
export function shanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The JSON body of a group-robot markdown message in the webhook's format. */
export function renderPayload(format: WebhookFormat, event: WebhookEvent): Record<string, unknown> {
  const title = truncateUtf8(event.title.trim(), 200);
  const markdown = truncateUtf8(
    `#### ${title}\n\n${event.text.trim()}\n\n> ${shanghaiTime(event.at)}`,
    MARKDOWN_MAX_BYTES,
  );
  if (format === 'dingtalk') return { msgtype: 'markdown', markdown: { title, text: markdown } };
  return { msgtype: 'markdown', markdown: { content: markdown } };
}

/** DingTalk's 加签: base64(HMAC-SHA256(key = secret, `${timestamp}\n${secret}`)), timestamp in milliseconds. */
export function dingtalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The URL to post to: DingTalk's with `&timestamp=…&sign=…` (URL-encoded) when a secret is set. */
export function targetUrl(
  webhook: { format: WebhookFormat; url: string; secret: string | null },
  now: Date,
): string {
  if (webhook.format !== 'dingtalk' || !webhook.secret) return webhook.url;
  const timestamp = now.getTime();
  const sign = encodeURIComponent(dingtalkSignature(webhook.secret, timestamp));
  const hashAt = webhook.url.indexOf('#');
  const base = hashAt < 0 ? webhook.url : webhook.url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : webhook.url.slice(hashAt);
  const sep = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${sep}timestamp=${timestamp}&sign=${sign}${fragment}`;
}

/** A pending delivery row, due at `at`. */
export function deliveryRow(
  webhook: { id: string; region_id: string },
  eventType: string,
  payload: unknown,
  at: string,
): Insertable<WebhookDeliveryTable> & { id: string } {
  return {
    id: newId(),
    region_id: webhook.region_id,
    webhook_id: webhook.id,
    event_type: eventType,
    payload_json: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_status_code: null,
    last_error: null,
    created_at: at,
    delivered_at: null,
  };
}

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

const clip = (s: string) => (s.length > ERROR_MAX ? `${s.slice(0, ERROR_MAX - 1)}…` : s);

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= RESPONSE_MAX_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_MAX_BYTES).toString('utf8');
}

/** A robot's refusal in a 200 answer: `{"errcode": non-zero, "errmsg": …}`. */
function refusalOf(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || !('errcode' in parsed)) return null;
  const { errcode, errmsg } = parsed as { errcode: unknown; errmsg?: unknown };
  if (errcode === 0 || errcode === '0') return null;
  return `errcode ${String(errcode)}${typeof errmsg === 'string' && errmsg ? `: ${errmsg}` : ''}`;
}

function describeError(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `timeout after ${SEND_TIMEOUT_MS / 1000} s`;
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** Posts one JSON body; never throws. Redirects are not followed (a robot does not redirect). */
export async function post(url: string, body: string): Promise<SendOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const text = await readCapped(res);
    if (res.status < 200 || res.status >= 300) {
      const snippet = text.trim().slice(0, 200);
      return {
        ok: false,
        statusCode: res.status,
        error: clip(`HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`),
      };
    }
    const refusal = refusalOf(text);
    if (refusal) return { ok: false, statusCode: res.status, error: clip(refusal) };
    return { ok: true, statusCode: res.status, error: null };
  } catch (err) {
    return { ok: false, statusCode: null, error: clip(describeError(err)) };
  }
}

export type AttemptResult = 'delivered' | 'retrying' | 'failed' | 'skipped';

type DueDelivery = Pick<repo.DeliveryRow, 'id' | 'region_id' | 'webhook_id' | 'attempts' | 'payload_json'>;

/**
 * One attempt at one delivery as of `now`: claim it, send it, record what happened. `skipped` when another
 * worker claimed it first. An inactive or deleted webhook fails the delivery without sending, except for the
 * administrator's test message (`evenIfInactive`), which is how a webhook is tried before it is switched on.
 */
export async function attemptDelivery(
  db: Queryable,
  delivery: DueDelivery,
  now: Date,
  opts: { evenIfInactive?: boolean } = {},
): Promise<AttemptResult> {
  const attempts = delivery.attempts + 1;
  const nowIso = now.toISOString();
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
  if (!(await repo.claimDelivery(db, delivery.id, delivery.attempts, nowIso, retryAt))) return 'skipped';

  const webhook = await repo.findWebhook(db, delivery.region_id, delivery.webhook_id);
  if (!webhook || (webhook.active !== 1 && !opts.evenIfInactive)) {
    await repo.recordOutcome(db, delivery.id, attempts, {
      status: 'failed',
      last_error: webhook ? 'webhook inactive' : 'webhook deleted',
    });
    return 'failed';
  }
  const outcome = await post(targetUrl(webhook, now), delivery.payload_json);
  if (outcome.ok) {
    await repo.recordOutcome(db, delivery.id, attempts, {
      status: 'delivered',
      delivered_at: nowIso,
      last_status_code: outcome.statusCode,
      last_error: null,
    });
    return 'delivered';
  }
  const givingUp = attempts >= MAX_ATTEMPTS;
  await repo.recordOutcome(db, delivery.id, attempts, {
    ...(givingUp && { status: 'failed' as const }),
    last_status_code: outcome.statusCode,
    last_error: outcome.error,
  });
  return givingUp ? 'failed' : 'retrying';
}

export interface DeliverResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the deliveries due at `now`, every region's: the webhooks in parallel, each webhook's deliveries in
 * order, at most PER_WEBHOOK_PER_RUN of them per run. Safe to run in several processes at once.
 */
export async function deliverDue(db: Db, now: Date = new Date()): Promise<DeliverResult> {
  const due = await repo.dueDeliveries(db, now.toISOString(), RUN_LIMIT);
  const byWebhook = new Map<string, DueDelivery[]>();
  for (const d of due) {
    const list = byWebhook.get(d.webhook_id) ?? [];
    if (list.length < PER_WEBHOOK_PER_RUN) list.push(d);
    byWebhook.set(d.webhook_id, list);
  }
  const result: DeliverResult = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    [...byWebhook.values()].map(async (list) => {
      for (const d of list) {
        const r = await attemptDelivery(db, d, now);
        if (r !== 'skipped') result[r] += 1;
      }
    }),
  );
  return result;
}
