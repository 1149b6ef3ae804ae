// The verification case (核查) as a state machine: state × action → next state, with the capacities that may take
// each step. Which case and unit the caller acts on is checked by the server (`authorize` with the case's unit);
// here only "may this kind of actor do this now".
import type { Role } from '../access.ts';
import { DomainError } from '../errors.ts';

export const CASE_STATES = [
  'received', // 受理: a complaint came in, or the task force entered a case
  'verifying', // 核查中: a verification team (核查组) is at work
  'findings_issued', // 已反馈: the findings were fed back to the unit, which owes a rectification plan
  'plan_submitted', // 方案待审: the unit submitted its rectification plan (整改方案)
  'plan_returned', // 方案退回: the plan was sent back with a reason; the unit submits a new version
  'rectifying', // 整改中: the plan was approved; the unit reports progress on each measure
  'rechecked', // 已复查: the team re-checked the rectification and passed it
  'replied', // 已答复: the complainant was answered
  'closed', // 办结
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'assign_team', // 组建核查组
  'issue_findings', // 反馈核查意见
  'submit_plan', // 报送整改方案
  'approve_plan', // 审核通过
  'return_plan', // 退回方案
  'recheck', // 复查（通过）
  'reply', // 答复群众
  'close', // 办结
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** In what capacity someone acts on a case: the team's side (discipline, task force) or the case's unit. */
export type CaseActor = 'discipline' | 'task_force' | 'unit_manager' | 'unit_reporter';

interface CaseTransition {
  from: readonly CaseState[];
  to: CaseState;
  by: readonly CaseActor[];
}

const TEAM: readonly CaseActor[] = ['discipline', 'task_force'];

export const CASE_TRANSITIONS: Record<CaseAction, CaseTransition> = {
  assign_team: { from: ['received'], to: 'verifying', by: TEAM },
  issue_findings: { from: ['verifying'], to: 'findings_issued', by: TEAM },
  submit_plan: { from: ['findings_issued', 'plan_returned'], to: 'plan_submitted', by: ['unit_manager'] },
  approve_plan: { from: ['plan_submitted'], to: 'rectifying', by: TEAM },
  return_plan: { from: ['plan_submitted'], to: 'plan_returned', by: TEAM },
  recheck: { from: ['rectifying'], to: 'rechecked', by: TEAM },
  reply: { from: ['rechecked'], to: 'replied', by: TEAM },
  // A case with a complainant closes after the reply; one without (a leader's instruction, a spot check) may close
  // once re-checked: see `closeBlockers`.
  close: { from: ['rechecked', 'replied'], to: 'closed', by: TEAM },
};

/** States in which the unit's side is visible to it (after the findings were fed back). */
export const CASE_STATES_SEEN_BY_UNIT: readonly CaseState[] = CASE_STATES.filter(
  (s) => s !== 'received' && s !== 'verifying',
);
/** States after which the handling deadline no longer runs (the complainant has been answered, or it is closed). */
export const CASE_STATES_ANSWERED: readonly CaseState[] = ['replied', 'closed'];
/**
 * States in which measures of the approved plan receive progress: from approval until closure — a re-check on the
 * ground may pass while a long-running measure is still open, but the case closes only when every one is done.
 */
export const CASE_STATES_RECTIFYING: readonly CaseState[] = ['rectifying', 'rechecked', 'replied'];

/** The capacities an account's roles give it on a case of its own unit (`ownUnit`) or another. */
export function caseActorsOf(roles: readonly Role[], ownUnit: boolean): CaseActor[] {
  const out: CaseActor[] = [];
  if (roles.includes('discipline')) out.push('discipline');
  if (roles.includes('supervisor')) out.push('task_force');
  if (ownUnit && roles.includes('unit_manager')) out.push('unit_manager');
  if (ownUnit && roles.includes('unit_reporter')) out.push('unit_reporter');
  return out;
}

export function caseActionsFrom(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => CASE_TRANSITIONS[a].from.includes(state));
}

/** The workflow actions these actors may take now (what the UI offers; the server checks again). */
export function allowedCaseActions(state: CaseState, actors: readonly CaseActor[]): CaseAction[] {
  return caseActionsFrom(state).filter((a) => CASE_TRANSITIONS[a].by.some((b) => actors.includes(b)));
}

/**
 * The state after `action`, or a domain error: 403 when none of the actors may take it at all, 409 when the case
 * is not in a state the action starts from.
 */
export function nextCaseState(state: CaseState, action: CaseAction, actors: readonly CaseActor[]): CaseState {
  const t = CASE_TRANSITIONS[action];
  if (!t.by.some((b) => actors.includes(b))) throw new DomainError('forbidden', 'forbidden', { action });
  if (!t.from.includes(state))
    throw new DomainError('conflict', 'illegal_case_action', { caseAction: action, caseState: state });
  return t.to;
}
