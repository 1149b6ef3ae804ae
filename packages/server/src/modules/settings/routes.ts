import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { settingsPatch, settingsView } from './schema.ts';
import * as service from './service.ts';

export const settingsRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['settings'];
    app.get('/api/settings', {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "The region's settings (defaults until an administrator saves them)",
        response: { 200: settingsView, ...errors(401) },
      },
      handler: (req) => service.getSettings(db, req.ctx),
    });
    app.patch('/api/settings', {
      config: { policy: 'settings.manage' },
      schema: {
        tags,
        summary: "Change the region's settings",
        body: settingsPatch,
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.updateSettings(db, req.ctx, req.body),
    });
  };
