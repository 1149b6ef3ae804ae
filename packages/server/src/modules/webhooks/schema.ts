// Outbound webhooks (群机器人): the region's DingTalk and WeCom group robots, the events each one wants, and the
// log of what was sent to them. The signing secret goes in, never out: views say only whether one is set.
import { z } from 'zod';
import { pageQuery, text } from '../../http.ts';

export const WEBHOOK_FORMATS = ['dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The events a webhook can subscribe to; other modules enqueue them with `enqueueWebhookEvent`. */
export const WEBHOOK_EVENT_TYPES = [
  'warning.issued', // a light or card was issued (亮灯/亮牌)
  'warning.escalated', // a yellow turned red
  'warning.cleared', // a light went out or a card was withdrawn (灭灯/摘牌)
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The event type of the message `POST /api/webhooks/:id/test` sends; no webhook subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const URL_MAX = 1000;
export const SECRET_MAX = 200;

/** http: or https: with a host; no credentials in the URL (a robot's token is a query parameter). */
export function isWebhookUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username;
}

const url = z
  .string()
  .trim()
  .min(1)
  .max(URL_MAX)
  .refine(isWebhookUrl, { params: { code: 'invalid_url' } });
const secret = z.string().trim().min(1).max(SECRET_MAX);
const events = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(20);

export const webhookView = z.object({
  id: z.string(),
  name: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  url: z.string(),
  /** Whether a DingTalk signing secret (加签) is set; the secret itself is never sent back. */
  hasSecret: z.boolean(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookView>;

export const webhookCreate = z.strictObject({
  name: text(100),
  format: z.enum(WEBHOOK_FORMATS),
  url,
  /** DingTalk only: the SEC… string of the robot's 加签 setting. */
  secret: secret.nullable().optional(),
  events,
  active: z.boolean().optional(),
});
export type WebhookCreate = z.infer<typeof webhookCreate>;

export const webhookUpdate = z.strictObject({
  name: text(100).optional(),
  /** Fixed at creation; accepted only unchanged (a robot of the other kind is a new webhook). */
  format: z.enum(WEBHOOK_FORMATS).optional(),
  url: url.optional(),
  /** A string replaces the secret, null removes it, absent keeps it. */
  secret: secret.nullable().optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});
export type WebhookUpdate = z.infer<typeof webhookUpdate>;

export const deliveryView = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  /** The JSON body posted to the robot (the signature travels in the URL and is not kept). */
  payload: z.unknown(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryListQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  ...pageQuery,
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;
