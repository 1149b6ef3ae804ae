// The leader cockpit (领导驾驶舱) over HTTP: one read, in the request's language.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { pickLocale } from '../../i18n/messages.ts';
import { cockpitQuery, cockpitView } from './schema.ts';
import { getCockpit } from './service.ts';

export const cockpitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/cockpit', {
      config: { policy: 'cockpit.read' },
      schema: {
        tags: ['dashboard'],
        summary:
          "The leader cockpit: lights and cards, their trend, items at risk, newest warnings, the index's boards, open cases and this week's deadlines, each with the list behind it",
        querystring: cockpitQuery,
        response: { 200: cockpitView, ...errors(400, 401, 403) },
      },
      handler: (req) => getCockpit(db, req.ctx, req.query, pickLocale(req.headers['accept-language'])),
    });
  };
