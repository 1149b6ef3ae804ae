// Builds the Fastify application (testable with `inject`); main.ts makes it listen.
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { registerFirstScreen } from './first-screen.ts';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { validationError } from '@benpao/domain';
import { z } from 'zod';
import type { Database } from './db/index.ts';
import type { Env } from './env.ts';
import { registerErrorHandling } from './errors.ts';
import { findNulCharacter } from './http.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import type { AuthSettings } from './modules/auth/service.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { cockpitRoutes } from './modules/cockpit/routes.ts';
import { itemRoutes } from './modules/items/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { evidenceRoutes } from './modules/evidence/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { todoRoutes } from './modules/todo/routes.ts';
import { excelRoutes } from './modules/excel/routes.ts';
import { listExportRoutes } from './modules/excel/list-exports.ts';
import { unitRoutes } from './modules/units/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { webhookRoutes } from './modules/webhooks/routes.ts';
import { onEngineError } from './modules/warnings/engine.ts';
import { warningRoutes } from './modules/warnings/routes.ts';
import { ratingRoutes } from './modules/ratings/routes.ts';
import { runningIndexRoutes } from './modules/running-index/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { admonitionRoutes } from './modules/admonitions/routes.ts';
import { reviewRoutes } from './modules/reviews/routes.ts';
import { bulletinRoutes } from './modules/bulletins/routes.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { registerAccess } from './plugins/access.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { VERSION } from './version.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  database: Database;
  env: Pick<Env, 'BENPAO_LOG_LEVEL' | 'BENPAO_TRUST_PROXY' | 'BENPAO_ALLOWED_ORIGINS' | 'webDist'> &
    Partial<Env>;
  auth: AuthSettings;
  /** Clock, injectable for tests of timeouts and lockouts. */
  now?: () => Date;
  logger?: boolean;
}

export function authSettingsFrom(env: Env): AuthSettings {
  return {
    idleMinutes: env.BENPAO_SESSION_IDLE_MINUTES,
    maxHours: env.BENPAO_SESSION_MAX_HOURS,
    lockoutAttempts: env.BENPAO_LOCKOUT_ATTEMPTS,
    lockoutMinutes: env.BENPAO_LOCKOUT_MINUTES,
  };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { database, env } = opts;
  const db = database.db;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: env.BENPAO_LOG_LEVEL },
    bodyLimit: BODY_LIMIT,
    trustProxy: env.BENPAO_TRUST_PROXY,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const spa = fs.existsSync(path.join(env.webDist, 'index.html'));
  registerErrorHandling(app, { spa });
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const field = findNulCharacter(value);
      if (field !== null) throw validationError('nul_character', field || part);
    }
  });
  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS styles inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  registerAccess(app, {
    db,
    auth: opts.auth,
    allowedOrigins: env.BENPAO_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(opts.now && { now: opts.now }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Benpao (奔跑) API',
        version: VERSION,
        description: 'Execution-supervision platform API',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'benpao_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get('/api/health', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database check',
      security: [],
      response: {
        200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
      },
    },
    handler: async () => {
      await db.selectFrom('regions').select('id').limit(1).execute();
      return { status: 'ok' as const, db: database.dialect, version: VERSION };
    },
  });

  await app.register(authRoutes(db, opts.auth));
  await app.register(dashboardRoutes(db));
  await app.register(cockpitRoutes(db));
  await app.register(unitRoutes(db));
  await app.register(userRoutes(db));
  await app.register(auditRoutes(db));
  await app.register(itemRoutes(db));
  await app.register(reportRoutes(db));
  await app.register(evidenceRoutes(db, { dataDir: env.dataDir ?? path.resolve('data') }));
  await app.register(calendarRoutes(db));
  await app.register(settingsRoutes(db));
  await app.register(notificationRoutes(db));
  await app.register(todoRoutes(db));
  await app.register(excelRoutes(db));
  await app.register(listExportRoutes(db));
  await app.register(webhookRoutes(db));
  await app.register(warningRoutes(db));
  await app.register(ratingRoutes(db));
  await app.register(runningIndexRoutes(db));
  await app.register(caseRoutes(db, { dataDir: env.dataDir ?? path.resolve('data') }));
  await app.register(admonitionRoutes(db, { dataDir: env.dataDir ?? path.resolve('data') }));
  await app.register(reviewRoutes(db));
  await app.register(bulletinRoutes(db));
  await app.register(meetingRoutes(db));
  // A re-evaluation after a write fails apart from the write; the daily run repairs it. Say so in the log.
  onEngineError((err, context) => app.log.error({ err, ...context }, 'warning engine: re-evaluation failed'));

  // The built web app; client-side routes fall back to index.html (see errors.ts).
  // `/` for a signed-in user comes with its first screen drawn by the server (first-screen.ts).
  if (spa) {
    registerFirstScreen(app, { webDist: env.webDist });
    await app.register(fastifyStatic, { root: env.webDist, index: 'index.html' });
  }
  return app;
}
