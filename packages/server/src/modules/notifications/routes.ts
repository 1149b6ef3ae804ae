import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam } from '../../http.ts';
import { remindNow } from '../../jobs/reminders.ts';
import {
  notificationList,
  notificationListQuery,
  notificationView,
  readAllResult,
  remindersResult,
  unreadCount,
} from './schema.ts';
import * as service from './service.ts';

export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];
    app.get('/api/notifications', {
      config: { policy: 'notification.read' },
      schema: {
        tags,
        summary: "The caller's notifications, newest first",
        querystring: notificationListQuery,
        response: { 200: notificationList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listNotifications(db, req.ctx, req.query),
    });
    app.get('/api/notifications/unread-count', {
      config: { policy: 'notification.read' },
      schema: {
        tags,
        summary: "How many of the caller's notifications are unread",
        response: { 200: unreadCount, ...errors(401, 403) },
      },
      handler: (req) => service.unreadCount(db, req.ctx),
    });
    app.post('/api/notifications/:id/read', {
      config: { policy: 'notification.read' },
      schema: {
        tags,
        summary: 'Mark one of the caller’s notifications read',
        params: idParam,
        response: { 200: notificationView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.markRead(db, req.ctx, req.params.id),
    });
    app.post('/api/notifications/read-all', {
      config: { policy: 'notification.read' },
      schema: {
        tags,
        summary: "Mark all of the caller's notifications read",
        response: { 200: readAllResult, ...errors(401, 403) },
      },
      handler: (req) => service.markAllRead(db, req.ctx),
    });
    app.post('/api/reminders/run', {
      config: { policy: 'report.review' },
      schema: {
        tags,
        summary: 'Run the reminder job (催办) for the region now; it also runs daily at 08:30',
        response: { 200: remindersResult, ...errors(401, 403) },
      },
      handler: (req) => remindNow(db, req.ctx),
    });
  };
