// Warnings (亮灯 on items, 亮牌 on units) and rule sets over HTTP.
import { COLOURS, CONDITION_TYPES, WARNING_KINDS, WARNING_STATES } from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref, text } from '../../http.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const warningListQuery = z.strictObject({
  kind: z.enum(WARNING_KINDS).optional(),
  colour: z.enum(COLOURS).optional(),
  /** `open` = active or rectifying; `escalated` = open and red after having been yellow. */
  state: z.enum([...WARNING_STATES, 'open', 'escalated']).optional(),
  unitId: z.string().max(64).optional(),
  itemId: z.string().max(64).optional(),
  categoryId: z.string().max(64).optional(),
  /** Lights on the items this county leader is in charge of (牵头领导); cards, being on units, are left out. */
  leaderUserId: z.string().max(64).optional(),
  origin: z.enum(['rule', 'manual']).optional(),
  /** Issued in this month (`YYYY-MM`). */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'YYYY-MM')
    .optional(),
  /** What was lit on this day, from the recorded history. */
  asOf: date.optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const explanation = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const warningView = z.object({
  id: z.string(),
  kind: z.enum(WARNING_KINDS),
  origin: z.enum(['rule', 'manual']),
  colour: z.enum(COLOURS),
  issuedColour: z.enum(COLOURS),
  state: z.enum(WARNING_STATES),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  condition: z.string().nullable(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  issuedOn: z.string(),
  since: z.string(),
  rectifyBy: z.string(),
  closedOn: z.string().nullable(),
  wasRed: z.boolean(),
  metric: z.number().nullable(),
  inputs: z.record(z.string(), z.unknown()),
  thresholds: z.record(z.string(), z.unknown()),
  explanation,
  reason: z.string().nullable(),
  appealState: z.enum(['pending', 'upheld', 'rejected']).nullable(),
  /** The verification case (核查) a manual warning was issued from. */
  caseId: z.string().nullable(),
  /** What the caller may do with it now. */
  actions: z.array(z.string()),
});
export type WarningView = z.infer<typeof warningView>;

export const warningList = z.object({
  items: z.array(warningView),
  total: z.number().int(),
  asOf: z.string(),
});

export const warningFileView = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const warningEventView = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  onDate: z.string(),
  at: z.string(),
  colour: z.enum(COLOURS),
  state: z.enum(WARNING_STATES),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().int().nullable(),
  actorName: z.string().nullable(),
  text: z.string().nullable(),
  data: z.unknown().nullable(),
  explanation: explanation.nullable(),
  files: z.array(warningFileView),
});

export const timetableStepView = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  workingDaysBefore: z.number().int(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
  doneNote: z.string().nullable(),
  /** Not done and past its date. */
  late: z.boolean(),
});

export const warningDetail = warningView.extend({
  events: z.array(warningEventView),
  /** A card's rectification timetable (倒排时间表), dated back from its deadline; empty for lights. */
  timetable: z.array(timetableStepView),
});

export const timetableBody = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        title: text(200),
        /** 0 = on the rectification deadline itself. */
        workingDaysBefore: z.number().int().min(0).max(366),
      }),
    )
    .min(1)
    .max(30),
});
export const stepParams = z.strictObject({ id: ref, stepId: ref });
export const stepDoneBody = z.strictObject({ note: text(2000) });

export const manualWarning = z
  .strictObject({
    kind: z.enum(WARNING_KINDS),
    colour: z.enum(COLOURS),
    itemId: ref.optional(),
    unitId: ref.optional(),
    reason: text(2000),
    rectifyWorkingDays: z.number().int().min(0).max(366).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'light' && !v.itemId)
      ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'required', params: { code: 'required' } });
    if (v.kind === 'card' && !v.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'required', params: { code: 'required' } });
  });

const fileIds = z.array(ref).max(20).optional();
export const rectificationBody = z.strictObject({ text: text(4000), fileIds });
export const recheckBody = z.strictObject({ passed: z.boolean(), note: text(2000) });
export const appealBody = z.strictObject({ reason: text(4000), fileIds });
export const appealDecisionBody = z.strictObject({ upheld: z.boolean(), reason: text(2000) });
export const CONSEQUENCES = ['bulletin', 'admonition', 'index_deduction'] as const;
export const consequenceBody = z.strictObject({ type: z.enum(CONSEQUENCES), note: text(2000) });

export const evaluateResult = z.object({
  asOf: z.string(),
  issued: z.number().int(),
  escalated: z.number().int(),
  fellBack: z.number().int(),
  cleared: z.number().int(),
  refreshed: z.number().int(),
  /** Days evaluated: the ones skipped since the last run, then today. */
  days: z.number().int().optional(),
});

export const warningSummaryQuery = z.strictObject({
  asOf: date.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const colourCounts = z.object({ yellow: z.number().int(), red: z.number().int() });
export const warningSummary = z.object({
  asOf: z.string(),
  open: z.object({ light: colourCounts, card: colourCounts }),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      categoryId: z.string().nullable(),
      categoryName: z.string().nullable(),
      lights: colourCounts,
      cards: colourCounts,
    }),
  ),
  byMonth: z.array(
    z.object({ month: z.string(), lights: colourCounts, cards: colourCounts, cleared: z.number().int() }),
  ),
});

// ------------------------------------------------------------------------------------------------- rule sets

export const ruleView = z.object({
  id: z.string(),
  condition: z.enum(CONDITION_TYPES),
  enabled: z.boolean(),
  thresholds: z.object({ yellow: z.number().nullable().optional(), red: z.number().nullable().optional() }),
  rectifyWorkingDays: z.number().int(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  name: explanation.optional(),
});

export const ruleSetView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'active', 'retired']),
  rules: z.array(ruleView),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  activatedAt: z.string().nullable(),
  activatedBy: z.string().nullable(),
});
export const ruleSetList = z.object({ items: z.array(ruleSetView) });

/** The body is checked by the domain's validator, which names the rule and field of every problem. */
export const ruleSetDraft = z.strictObject({
  rules: z.array(z.unknown()).max(200),
  note: z.string().trim().max(500).nullable().optional(),
});

export const ruleProblem = z.object({
  ruleIndex: z.number().int().nullable(),
  ruleId: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const validationResult = z.object({ ok: z.boolean(), problems: z.array(ruleProblem) });

const previewFinding = z.object({
  key: z.string(),
  kind: z.enum(WARNING_KINDS),
  colour: z.enum(COLOURS),
  ruleId: z.string(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  explanation,
});
export const previewResult = z.object({
  asOf: z.string(),
  ok: z.boolean(),
  problems: z.array(ruleProblem),
  appear: z.array(previewFinding),
  disappear: z.array(previewFinding),
  recoloured: z.array(z.object({ before: previewFinding, after: previewFinding })),
});

export const conditionView = z.object({
  condition: z.enum(CONDITION_TYPES),
  kind: z.enum(WARNING_KINDS),
  name: explanation,
  metric: explanation,
  comparator: z.enum(['>=', '>']),
  params: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['string', 'number', 'boolean', 'enum']),
      values: z.array(z.string()).optional(),
    }),
  ),
});
export const conditionList = z.object({ items: z.array(conditionView) });
