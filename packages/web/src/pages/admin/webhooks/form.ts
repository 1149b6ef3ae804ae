// The webhook form's values and the request bodies they become. An empty secret field keeps the secret in force
// (it is never shown, so the field starts empty); "clear" removes it; WeCom robots have none.
import type { Webhook, WebhookCreate, WebhookEventType, WebhookFormat, WebhookPatch } from './service';

export interface WebhookFormValues {
  name: string;
  format: WebhookFormat;
  url: string;
  secret?: string;
  clearSecret?: boolean;
  events: WebhookEventType[];
  active: boolean;
}

/** http:// or https:// with a host and no credentials, as the server checks. */
export function isWebhookUrl(value: string): boolean {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username;
}

export function initialValues(hook: Webhook | null): WebhookFormValues {
  return {
    name: hook?.name ?? '',
    format: hook?.format ?? 'dingtalk',
    url: hook?.url ?? '',
    secret: '',
    clearSecret: false,
    events: (hook?.events ?? [
      'warning.issued',
      'warning.escalated',
      'warning.cleared',
    ]) as WebhookEventType[],
    active: hook?.active ?? true,
  };
}

export function createBody(v: WebhookFormValues): WebhookCreate {
  const secret = v.secret?.trim();
  return {
    name: v.name.trim(),
    format: v.format,
    url: v.url.trim(),
    ...(v.format === 'dingtalk' && secret ? { secret } : {}),
    events: v.events,
    active: v.active,
  };
}

export function patchBody(v: WebhookFormValues): WebhookPatch {
  const secret = v.secret?.trim();
  const body: WebhookPatch = { name: v.name.trim(), url: v.url.trim(), events: v.events, active: v.active };
  if (v.format === 'dingtalk') {
    if (secret) body.secret = secret;
    else if (v.clearSecret) body.secret = null;
  }
  return body;
}
