import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam } from '../../http.ts';
import { pickLocale } from '../../i18n/messages.ts';
import * as rules from './ruleset-service.ts';
import {
  appealBody,
  appealDecisionBody,
  conditionList,
  consequenceBody,
  evaluateResult,
  manualWarning,
  previewResult,
  recheckBody,
  rectificationBody,
  ruleSetDraft,
  stepDoneBody,
  stepParams,
  timetableBody,
  ruleSetList,
  ruleSetView,
  validationResult,
  warningDetail,
  warningList,
  warningListQuery,
  warningSummary,
  warningSummaryQuery,
} from './schema.ts';
import * as service from './service.ts';
import { markStepDone, planTimetable } from './timetable.ts';
import { z } from 'zod';

export const warningRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['warnings'];
    app.get('/api/warnings', {
      config: { policy: 'warning.list' },
      schema: {
        tags,
        summary: 'Lights (on items) and cards (on units); with asOf, what was lit on that day',
        querystring: warningListQuery,
        response: { 200: warningList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listWarnings(db, req.ctx, req.query),
    });
    app.get('/api/warnings/summary', {
      config: { policy: 'warning.list' },
      schema: {
        tags,
        summary: 'The warning board (亮灯榜/亮牌榜): open counts by colour and unit, issued per month',
        querystring: warningSummaryQuery,
        response: { 200: warningSummary, ...errors(400, 401, 403) },
      },
      handler: (req) => service.warningSummary(db, req.ctx, req.query),
    });
    app.get('/api/warnings/:id', {
      config: { policy: 'warning.read' },
      schema: {
        tags,
        summary: 'A warning with its explanation and full history',
        params: idParam,
        response: { 200: warningDetail, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getWarning(db, req.ctx, req.params.id),
    });
    app.post('/api/warnings', {
      config: { policy: 'warning.issue' },
      schema: {
        tags,
        summary: 'Issue a manual light or card (spot check 抽查) with a reason',
        body: manualWarning,
        response: { 201: warningDetail, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.issueManual(db, req.ctx, req.body)),
    });
    app.post('/api/warnings/evaluate', {
      config: { policy: 'warning.evaluate' },
      schema: {
        tags,
        summary: 'Evaluate the region now (it also runs daily at 00:05 and after every change of facts)',
        response: { 200: evaluateResult, ...errors(401, 403) },
      },
      handler: (req) => service.evaluateNow(db, req.ctx),
    });
    app.post('/api/warnings/:id/rectification', {
      config: { policy: 'warning.rectify' },
      schema: {
        tags,
        summary: 'The warned unit reports what it did (整改), with evidence',
        params: idParam,
        body: rectificationBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.submitRectification(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/warnings/:id/recheck', {
      config: { policy: 'warning.recheck' },
      schema: {
        tags,
        summary: "The task force's re-check (复查): cleared (灭灯/摘牌) or not yet",
        params: idParam,
        body: recheckBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.recheck(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/warnings/:id/appeal', {
      config: { policy: 'warning.appeal' },
      schema: {
        tags,
        summary: 'The warned unit appeals (申诉) with reason and evidence',
        params: idParam,
        body: appealBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.appeal(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/warnings/:id/appeal/decision', {
      config: { policy: 'warning.decide_appeal' },
      schema: {
        tags,
        summary: 'Uphold (the warning is revoked) or reject an appeal, with reason',
        params: idParam,
        body: appealDecisionBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.decideAppeal(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/warnings/:id/consequences', {
      config: { policy: 'warning.consequence' },
      schema: {
        tags,
        summary: 'Record a consequence: bulletin (通报), admonition (约谈) or index deduction (扣分)',
        params: idParam,
        body: consequenceBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.addConsequence(db, req.ctx, req.params.id, req.body),
    });

    app.put('/api/warnings/:id/timetable', {
      config: { policy: 'warning.rectify' },
      schema: {
        tags,
        summary: "Plan a card's rectification timetable (倒排时间表): steps dated back from its deadline",
        params: idParam,
        body: timetableBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (req) => {
        await planTimetable(db, req.ctx, req.params.id, req.body);
        return service.getWarning(db, req.ctx, req.params.id);
      },
    });
    app.post('/api/warnings/:id/timetable/:stepId/done', {
      config: { policy: 'warning.rectify' },
      schema: {
        tags,
        summary: 'Mark a step of the timetable done, with a note',
        params: stepParams,
        body: stepDoneBody,
        response: { 200: warningDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (req) => {
        await markStepDone(db, req.ctx, req.params.id, req.params.stepId, req.body);
        return service.getWarning(db, req.ctx, req.params.id);
      },
    });

    const ruleTags = ['rule sets'];
    app.get('/api/rule-sets', {
      config: { policy: 'ruleset.read' },
      schema: {
        tags: ruleTags,
        summary: 'Every version of the region’s rule set, newest first (one is active)',
        response: { 200: ruleSetList, ...errors(401, 403) },
      },
      handler: (req) => rules.listRuleSets(db, req.ctx),
    });
    app.get('/api/rule-sets/conditions', {
      config: { policy: 'ruleset.read' },
      schema: {
        tags: ruleTags,
        summary: 'The registry of condition types a rule can use, with their parameters',
        response: { 200: conditionList, ...errors(401, 403) },
      },
      handler: (req) => rules.listConditions(req.ctx),
    });
    app.get('/api/rule-sets/:id', {
      config: { policy: 'ruleset.read' },
      schema: {
        tags: ruleTags,
        summary: 'One version of the rule set',
        params: idParam,
        response: { 200: ruleSetView, ...errors(401, 403, 404) },
      },
      handler: (req) => rules.getRuleSet(db, req.ctx, req.params.id),
    });
    app.post('/api/rule-sets/validate', {
      config: { policy: 'ruleset.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Validate a draft: every problem with its rule and field',
        body: ruleSetDraft,
        response: { 200: validationResult, ...errors(400, 401, 403) },
      },
      handler: (req) => rules.validateDraft(req.ctx, req.body, pickLocale(req.headers['accept-language'])),
    });
    app.post('/api/rule-sets/preview', {
      config: { policy: 'ruleset.manage' },
      schema: {
        tags: ruleTags,
        summary: "Which warnings would appear, disappear or change colour on today's data under a draft",
        body: ruleSetDraft,
        response: { 200: previewResult, ...errors(400, 401, 403) },
      },
      handler: (req) => rules.previewDraft(db, req.ctx, req.body, pickLocale(req.headers['accept-language'])),
    });
    app.post('/api/rule-sets', {
      config: { policy: 'ruleset.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Save a draft version (validated)',
        body: ruleSetDraft,
        response: { 201: ruleSetView, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) =>
        reply
          .status(201)
          .send(await rules.saveDraft(db, req.ctx, req.body, pickLocale(req.headers['accept-language']))),
    });
    app.post('/api/rule-sets/:id/activate', {
      config: { policy: 'ruleset.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Activate a draft version (audited); the region is re-evaluated under it',
        params: idParam,
        response: {
          200: z.object({ ruleSet: ruleSetView, evaluation: evaluateResult }),
          ...errors(401, 403, 404, 409),
        },
      },
      handler: (req) => rules.activate(db, req.ctx, req.params.id),
    });
  };
