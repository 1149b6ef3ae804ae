import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import { loginBody, meView, passwordChange } from '../users/schema.ts';
import { me, profile } from '../users/service.ts';
import { changeOwnPassword, login, logout, type AuthSettings } from './service.ts';

export const authRoutes =
  (db: Db, settings: AuthSettings): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    await app.register(rateLimit, { global: false });

    app.post('/api/auth/login', {
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Log in; sets the session cookie',
        body: loginBody,
        response: { 200: z.object({ user: meView }), ...errors(400, 401, 423, 429) },
      },
      handler: async (req, reply) => {
        const { token, userId } = await login(db, req.ctx, settings, {
          ...req.body,
          userAgent: req.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          maxAge: settings.maxHours * 3600,
        });
        return { user: await profile(db, userId) };
      },
    });
    app.post('/api/auth/logout', {
      config: { policy: 'authenticated' },
      schema: { tags, summary: 'Log out; ends the session', response: { 204: z.null(), ...errors(401) } },
      handler: async (req, reply) => {
        await logout(db, req.ctx);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });
    app.get('/api/auth/me', {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'The logged-in user',
        response: { 200: z.object({ user: meView }), ...errors(401) },
      },
      handler: async (req) => ({ user: await me(db, req.ctx) }),
    });
    app.post('/api/auth/password', {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Change your own password',
        body: passwordChange,
        response: { 204: z.null(), ...errors(400, 401) },
      },
      handler: async (req, reply) => {
        await changeOwnPassword(db, req.ctx, req.body);
        return reply.status(204).send(null);
      },
    });
  };
