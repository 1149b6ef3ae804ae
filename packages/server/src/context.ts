// What a service needs to know about the caller. Built once per request by the auth plugin.
import type { Actor } from '@benpao/domain';

export interface SessionUser extends Actor {
  username: string;
  displayName: string;
  sessionId: string;
}

export interface RequestContext {
  actor: SessionUser | null;
  ip: string | null;
  /** Current instant; injectable so that timeouts and lockouts can be tested. */
  now: Date;
}

export function systemContext(now = new Date()): RequestContext {
  return { actor: null, ip: null, now };
}
