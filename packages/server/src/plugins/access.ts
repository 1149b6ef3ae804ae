// Every /api route declares `config.policy`; this hook is the only gate in front of the handlers:
// it checks the Origin of writes, resolves the session cookie, and checks the role-level permission.
// Services then call `authorize` again with the concrete resource (unit scope, separation of duties).
import { ACTIONS, mayAttempt, type Action, DomainError, forbidden, unauthenticated } from '@benpao/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import type { RequestContext } from '../context.ts';
import { resolveSession, type AuthSettings } from '../modules/auth/service.ts';

export type Policy = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    /** Every /api route with its declared policy: the RBAC matrix test walks this. */
    routeCatalog: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy;
}

export const SESSION_COOKIE = 'benpao_sid';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes added by plugins we do not own (OpenAPI, Swagger UI) are public documentation. */
function pluginPolicy(url: string): Policy | undefined {
  if (url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  return undefined;
}

export function registerAccess(
  app: FastifyInstance,
  deps: { db: Db; auth: AuthSettings; allowedOrigins: string[]; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());

  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const config = (route.config ??= {}) as { policy?: Policy };
    config.policy ??= pluginPolicy(route.url);
    const policy = config.policy;
    if (policy === undefined)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no policy`);
    if (policy !== 'public' && policy !== 'authenticated' && !ACTIONS.includes(policy)) {
      throw new Error(`Route ${String(route.method)} ${route.url} names an unknown policy ${policy}`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalog.push({ method, url: route.url, policy });
    }
  });

  app.decorateRequest('ctx', null as unknown as RequestContext);

  const originAllowed = (request: FastifyRequest, origin: string): boolean => {
    if (deps.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };

  app.addHook('onRequest', async (request) => {
    request.ctx = { actor: null, ip: request.ip ?? null, now: now() };
    const policy = request.routeOptions.config?.policy;
    if (policy === undefined) return; // not an API route (static files, 404)

    // Browsers always send Origin on cross-site writes; a write from a foreign page is refused.
    const origin = request.headers.origin;
    if (WRITE_METHODS.has(request.method) && origin && !originAllowed(request, origin)) {
      throw new DomainError('forbidden', 'origin_rejected', { origin });
    }
    if (policy === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const user = await resolveSession(deps.db, deps.auth, token, request.ctx.now);
    if (user === null) throw unauthenticated();
    if (user === 'expired') throw unauthenticated('session_expired');
    request.ctx.actor = user;
    if (policy !== 'authenticated' && !mayAttempt(user, policy)) throw forbidden();
  });
}
