// Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为) over HTTP: discipline roles only.
import { z } from 'zod';
import { pageQuery, ref } from '../../http.ts';
import { calendarDate } from '../items/schema.ts';

/** 慢作为 (acted slowly), 不作为 (failed to act), 乱作为 (acted wrongly). */
export const CONDUCT_KINDS = ['slow', 'failed', 'wrong'] as const;
/** 谈话提醒、批评教育、责令检查、诫勉, or referral (移送) to the body competent to deal with it. */
export const CONDUCT_MEASURES = [
  'talk',
  'criticism',
  'ordered_self_examination',
  'admonishment',
  'referral',
] as const;

const date = calendarDate;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const name = z.string().trim().min(1).max(100);
const longText = (max: number) => z.string().trim().min(1).max(max);
/** An optional link; null clears it on update. */
const link = ref.nullish();

// --------------------------------------------------------------------------------------------------- talks

export const talkCreate = z.strictObject({
  unitId: ref,
  /** The person talked to and their post. */
  personName: name,
  position: name,
  reason: longText(2000),
  heldOn: date,
  /** Who held the talk (name and post as written down, e.g. 街道纪工委书记 王某). */
  heldBy: longText(200),
  notes: z.string().trim().max(4000).nullish(),
  /** The item, verification case (核查) or warning the talk is about, if any. */
  itemId: link,
  caseId: link,
  warningId: link,
});
export type TalkCreate = z.infer<typeof talkCreate>;

/** The fields to change; an empty body changes nothing. */
export const talkUpdate = talkCreate.partial();
export type TalkUpdate = z.infer<typeof talkUpdate>;

export const talkView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  personName: z.string(),
  position: z.string(),
  reason: z.string(),
  heldOn: z.string(),
  heldBy: z.string(),
  notes: z.string().nullable(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  caseId: z.string().nullable(),
  warningId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TalkView = z.infer<typeof talkView>;

export const talkListQuery = z.strictObject({
  unitId: ref.optional(),
  itemId: ref.optional(),
  caseId: ref.optional(),
  /** Talks held in this month (`YYYY-MM`). */
  month: month.optional(),
  ...pageQuery,
});
export type TalkListQuery = z.infer<typeof talkListQuery>;

export const talkExportQuery = talkListQuery.omit({ page: true, pageSize: true });
export type TalkExportQuery = z.infer<typeof talkExportQuery>;

// ------------------------------------------------------------------------------------------------ findings

export const findingCreate = z.strictObject({
  unitId: ref,
  personName: name,
  position: name,
  kind: z.enum(CONDUCT_KINDS),
  /** What the cadre did or failed to do, with dates. */
  facts: longText(4000),
  measure: z.enum(CONDUCT_MEASURES),
  decidedOn: date,
  itemId: link,
  caseId: link,
  /** The talk that carried out the measure, when it was a talk. */
  talkId: link,
});
export type FindingCreate = z.infer<typeof findingCreate>;

/** The fields to change; an empty body changes nothing. */
export const findingUpdate = findingCreate.partial();
export type FindingUpdate = z.infer<typeof findingUpdate>;

export const findingFileView = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const findingView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  personName: z.string(),
  position: z.string(),
  kind: z.enum(CONDUCT_KINDS),
  facts: z.string(),
  measure: z.enum(CONDUCT_MEASURES),
  decidedOn: z.string(),
  itemId: z.string().nullable(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  caseId: z.string().nullable(),
  talkId: z.string().nullable(),
  files: z.array(findingFileView),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FindingView = z.infer<typeof findingView>;

export const findingListQuery = z.strictObject({
  unitId: ref.optional(),
  itemId: ref.optional(),
  caseId: ref.optional(),
  kind: z.enum(CONDUCT_KINDS).optional(),
  measure: z.enum(CONDUCT_MEASURES).optional(),
  /** Findings decided in this month (`YYYY-MM`). */
  month: month.optional(),
  ...pageQuery,
});
export type FindingListQuery = z.infer<typeof findingListQuery>;
