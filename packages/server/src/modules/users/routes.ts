import { ROLES, ROLE_SCOPE } from '@benpao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import { passwordReset, role, roleGrant, userCreate, userListQuery, userUpdate, userView } from './schema.ts';
import * as service from './service.ts';

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get('/api/users', {
      config: { policy: 'user.list' },
      schema: {
        tags,
        summary: 'List user accounts',
        querystring: userListQuery,
        response: { 200: listOf(userView), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listUsers(db, req.ctx, req.query),
    });
    app.get('/api/users/:id', {
      config: { policy: 'user.read' },
      schema: {
        tags,
        summary: 'Get a user account',
        params: idParam,
        response: { 200: userView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getUser(db, req.ctx, req.params.id),
    });
    app.post('/api/users', {
      config: { policy: 'user.create' },
      schema: {
        tags,
        summary: 'Create a user account (system admin; roles are granted by the security admin)',
        body: userCreate,
        response: { 201: userView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createUser(db, req.ctx, req.body)),
    });
    app.patch('/api/users/:id', {
      config: { policy: 'user.update' },
      schema: {
        tags,
        summary: 'Change a user account',
        params: idParam,
        body: userUpdate,
        response: { 200: userView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.updateUser(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/users/:id/unlock', {
      config: { policy: 'user.unlock' },
      schema: {
        tags,
        summary: 'Unlock an account locked by failed logins',
        params: idParam,
        response: { 200: userView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.unlockUser(db, req.ctx, req.params.id),
    });
    app.post('/api/users/:id/password', {
      config: { policy: 'user.reset_password' },
      schema: {
        tags,
        summary: 'Reset a user password',
        params: idParam,
        body: passwordReset,
        response: { 204: z.null(), ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) => {
        await service.resetPassword(db, req.ctx, req.params.id, req.body);
        return reply.status(204).send(null);
      },
    });
    app.put('/api/users/:id/roles', {
      config: { policy: 'role.grant' },
      schema: {
        tags: ['roles'],
        summary: 'Set the roles of a user (security admin)',
        params: idParam,
        body: roleGrant,
        response: { 200: userView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.grantRoles(db, req.ctx, req.params.id, req.body),
    });
    app.get('/api/leaders', {
      config: { policy: 'item.list' },
      schema: {
        tags,
        summary: 'County leaders (role leader) who can be the leader in charge (牵头领导) of an item',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }),
          ...errors(401, 403),
        },
      },
      handler: (req) => service.listLeaders(db, req.ctx),
    });
    app.get('/api/roles', {
      config: { policy: 'role.list' },
      schema: {
        tags: ['roles'],
        summary: 'List the roles',
        response: {
          200: z.object({
            items: z.array(z.object({ code: role, scope: z.enum(['admin', 'county', 'unit']) })),
          }),
          ...errors(401, 403),
        },
      },
      handler: async () => ({ items: ROLES.map((code) => ({ code, scope: ROLE_SCOPE[code] })) }),
    });
  };
