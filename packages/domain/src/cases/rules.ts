// What a verification case is made of: where it came from, its kind (which sets its handling deadline in working
// days), the categories of problems a verification team finds, and the checks on a rectification plan and on
// closure. Pure functions of their inputs; the working calendar (with the region's overrides) is passed in.
import type { WorkCalendar } from '../calendar.ts';
import type { FieldProblem } from '../problems.ts';

export const CASE_SOURCES = [
  'public_complaint', // 群众反映（公开投诉页）
  'hotline_12345', // 12345 热线转办
  'leader_instruction', // 领导批示
  'spot_check', // 督查抽查
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Sources with a complainant to answer (答复) before the case closes. */
export const SOURCES_WITH_COMPLAINANT: readonly CaseSource[] = ['public_complaint', 'hotline_12345'];

/** 投诉 (a complaint about how work is done) or 咨询/求助 (an enquiry): they differ in their deadline. */
export const CASE_KINDS = ['complaint', 'enquiry'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export type CaseDeadlineDays = Record<CaseKind, number>;
/** Working days to handle a case, by kind, unless the region configures others. */
export const DEFAULT_CASE_DEADLINE_DAYS: Readonly<CaseDeadlineDays> = Object.freeze({
  complaint: 13,
  enquiry: 3,
});
export const CASE_DEADLINE_DAYS_MAX = 60;

/** The problems a verification team records (the Wangcun Bridge team found the first three). */
export const FINDING_CATEGORIES = [
  'unreasonable_schedule', // 工期安排不合理
  'inadequate_site_management', // 现场管理不到位
  'poor_coordination', // 子项目多、统筹协调不力
  'poor_communication', // 群众沟通解释不到位
  'work_style', // 作风问题
  'other', // 其他
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_CATEGORY_NAMES: Record<FindingCategory, { 'zh-CN': string; 'en-US': string }> = {
  unreasonable_schedule: { 'zh-CN': '工期安排不合理', 'en-US': 'Unreasonable schedule' },
  inadequate_site_management: { 'zh-CN': '现场管理不到位', 'en-US': 'Inadequate site management' },
  poor_coordination: { 'zh-CN': '子项目统筹协调不力', 'en-US': 'Poor coordination of sub-projects' },
  poor_communication: { 'zh-CN': '群众沟通解释不到位', 'en-US': 'Poor communication with the public' },
  work_style: { 'zh-CN': '作风问题', 'en-US': 'Work-style problem' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

/**
 * The day a case must be handled by: `days` working days after the day it was received (that day not counted),
 * in the region's calendar — statutory holidays skipped, make-up working days (调休) counted.
 */
export function caseDeadline(
  calendar: WorkCalendar,
  receivedOn: string,
  kind: CaseKind,
  days: CaseDeadlineDays = DEFAULT_CASE_DEADLINE_DAYS,
): string {
  return calendar.addWorkingDays(receivedOn, days[kind]);
}

/** Past its deadline on `today` (the deadline day itself is still in time). */
export const isPastDeadline = (deadline: string, today: string): boolean => today > deadline;

export interface PlannedMeasure {
  text: string;
  owner: string;
  deadline: string;
}

/**
 * Problems of a rectification plan against its case: every measure due on or before the case's deadline and not
 * before the day it is submitted. The first problem is what the caller reports.
 */
export function planProblems(
  measures: readonly PlannedMeasure[],
  caseDeadlineDate: string,
  today: string,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (measures.length === 0) out.push({ field: 'measures', code: 'plan_without_measures' });
  measures.forEach((m, i) => {
    if (m.deadline > caseDeadlineDate)
      out.push({
        field: `measures.${i}.deadline`,
        code: 'measure_after_case_deadline',
        params: { deadline: m.deadline, caseDeadline: caseDeadlineDate },
      });
    else if (m.deadline < today)
      out.push({
        field: `measures.${i}.deadline`,
        code: 'measure_deadline_past',
        params: { deadline: m.deadline },
      });
  });
  return out;
}

export interface ClosingCase {
  source: CaseSource;
  /** Whether the complainant was answered (答复). */
  replied: boolean;
}

/** Why a case may not close yet: measures still open, or a complainant not yet answered. */
export function closeBlockers(
  c: ClosingCase,
  measures: readonly { id: string; done: boolean }[],
): { code: 'measures_open'; openMeasureIds: string[] } | { code: 'reply_required' } | null {
  const open = measures.filter((m) => !m.done).map((m) => m.id);
  if (open.length > 0) return { code: 'measures_open', openMeasureIds: open };
  if (SOURCES_WITH_COMPLAINANT.includes(c.source) && !c.replied) return { code: 'reply_required' };
  return null;
}
