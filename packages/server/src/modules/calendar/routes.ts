import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { calendarQuery, calendarYearView, dayBody, dayParams, yearParams } from './schema.ts';
import * as service from './service.ts';

export const calendarRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['calendar'];
    app.get('/api/calendar', {
      config: { policy: 'calendar.read' },
      schema: {
        tags,
        summary:
          "A year of the region's working calendar: holidays, 调休 workdays, and whether the year has data",
        querystring: calendarQuery,
        response: { 200: calendarYearView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.getCalendar(db, req.ctx, req.query.year),
    });
    app.put('/api/calendar/days/:date', {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: "Set the region's override for a date (holiday or make-up workday); returns the date's year",
        params: dayParams,
        body: dayBody,
        response: { 200: calendarYearView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.setCalendarDay(db, req.ctx, req.params.date, req.body),
    });
    app.delete('/api/calendar/days/:date', {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: "Remove the region's override for a date; returns the date's year",
        params: dayParams,
        response: { 200: calendarYearView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.deleteCalendarDay(db, req.ctx, req.params.date),
    });
    app.put('/api/calendar/years/:year', {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: "Declare the region's overrides a full schedule for a year without builtin data",
        params: yearParams,
        response: { 200: calendarYearView, ...errors(400, 401, 403, 409) },
      },
      handler: (req) => service.declareCalendarYear(db, req.ctx, req.params.year),
    });
    app.delete('/api/calendar/years/:year', {
      config: { policy: 'calendar.manage' },
      schema: {
        tags,
        summary: 'Withdraw the declaration of a year (its deadlines become estimates again)',
        params: yearParams,
        response: { 200: calendarYearView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.undeclareCalendarYear(db, req.ctx, req.params.year),
    });
  };
