// The webhook endpoints (/api/webhooks, the delivery log, the test message) and their types, co-located with the
// page that alone uses them (Ant Design Pro style). Mirrors packages/server/src/modules/webhooks/schema.ts.
import { http } from '../../../api/client';
import type { Paged } from '../../../api/types';

export const WEBHOOK_FORMATS = ['dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['warning.issued', 'warning.escalated', 'warning.cleared'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** The event type of a test message (it appears in the delivery log). */
export const TEST_EVENT_TYPE = 'webhook.test';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Webhook {
  id: string;
  name: string;
  format: WebhookFormat;
  url: string;
  /** whether a DingTalk signing secret (加签) is set; the secret itself never comes back */
  hasSecret: boolean;
  events: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookCreate {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string | null;
  events: WebhookEventType[];
  active?: boolean;
}

/** A string replaces the secret, null removes it, absent keeps it. The format cannot change. */
export type WebhookPatch = Partial<Omit<WebhookCreate, 'format'>>;

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventType: string;
  /** the JSON body posted to the robot */
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const webhooksApi = {
  list: (signal?: AbortSignal) => http.get<Paged<Webhook>>('/webhooks', { signal }),
  create: (body: WebhookCreate) => http.post<Webhook>('/webhooks', body),
  update: (id: string, body: WebhookPatch) => http.patch<Webhook>(`/webhooks/${enc(id)}`, body),
  remove: (id: string) => http.delete<void>(`/webhooks/${enc(id)}`),
  deliveries: (id: string, query: DeliveryQuery, signal?: AbortSignal) =>
    http.get<Paged<WebhookDelivery>>(`/webhooks/${enc(id)}/deliveries`, { query, signal }),
  test: (id: string) => http.post<WebhookDelivery>(`/webhooks/${enc(id)}/test`),
};

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: string, q: DeliveryQuery) => ['webhooks', 'deliveries', id, q] as const,
};

/** The text of a group-robot markdown body, whichever the format (for the delivery log). */
export function messageText(payload: unknown): string {
  if (payload === null || typeof payload !== 'object') return '';
  const markdown = (payload as { markdown?: unknown }).markdown;
  if (markdown === null || typeof markdown !== 'object') return '';
  const { text, content } = markdown as { text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  return typeof content === 'string' ? content : '';
}

/** The message as a line of plain text: markdown headings and quote marks dropped, lines joined. */
export function messagePreview(payload: unknown): string {
  return messageText(payload)
    .split('\n')
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/^>\s?/, '')
        .trim(),
    )
    .filter(Boolean)
    .join(' · ');
}

/** The locale key naming an event type, or null for a type this page does not know. */
export function eventLabelKey(
  type: string,
): `webhooks.event.${WebhookEventType}` | 'webhooks.event.webhook.test' | null {
  if (type === TEST_EVENT_TYPE) return 'webhooks.event.webhook.test';
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
    ? `webhooks.event.${type as WebhookEventType}`
    : null;
}
