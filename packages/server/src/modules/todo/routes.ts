import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { todoView } from './schema.ts';
import * as service from './service.ts';

export const todoRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/todo', {
      config: { policy: 'todo.read' },
      schema: {
        tags: ['todo'],
        summary:
          "What waits for the caller: reports owed, items to accept, approvals and the task force's queues",
        response: { 200: todoView, ...errors(401, 403) },
      },
      handler: (req) => service.getTodo(db, req.ctx),
    });
  };
