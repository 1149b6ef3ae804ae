// The lifecycle shared by key work, key projects and key indicators (PRODUCT.md "Item"), and of progress
// reports. A transition table: state × action → next state, with the role that may take it. Who is acting
// for which unit is checked by the caller (the lead unit's manager, the task force), not here.
import { DomainError } from './errors.ts';
import type { Role } from './access.ts';

export const ITEM_STATES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
  'completed',
  'cancelled',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_ACTIONS = [
  'assign', // 交办
  'accept', // 签收
  'start',
  'request_completion', // 申请办结
  'complete', // 办结/销号
  'send_back', // 退回（办结申请）
  'cancel',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** Who acts: the task force (supervisor) or the lead unit (its manager, or for `start` also its reporter). */
export type ItemActor = 'task_force' | 'unit_manager' | 'unit_reporter';

interface Transition {
  from: readonly ItemState[];
  to: ItemState;
  by: readonly ItemActor[];
  reasonRequired: boolean;
}

const OPEN: readonly ItemState[] = ['draft', 'assigned', 'accepted', 'in_progress', 'completion_requested'];

export const ITEM_TRANSITIONS: Record<ItemAction, Transition> = {
  assign: { from: ['draft'], to: 'assigned', by: ['task_force'], reasonRequired: false },
  accept: { from: ['assigned'], to: 'accepted', by: ['unit_manager'], reasonRequired: false },
  start: {
    from: ['accepted'],
    to: 'in_progress',
    by: ['unit_manager', 'unit_reporter'],
    reasonRequired: false,
  },
  request_completion: {
    from: ['in_progress'],
    to: 'completion_requested',
    by: ['unit_manager'],
    reasonRequired: true,
  },
  complete: { from: ['completion_requested'], to: 'completed', by: ['task_force'], reasonRequired: false },
  send_back: { from: ['completion_requested'], to: 'in_progress', by: ['task_force'], reasonRequired: true },
  cancel: { from: OPEN, to: 'cancelled', by: ['task_force'], reasonRequired: true },
};

/** The actions that exist from a state, whoever takes them. */
export function actionsFrom(state: ItemState): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => ITEM_TRANSITIONS[a].from.includes(state));
}

/** Maps an account's roles to the capacities in which it may act on an item of its own or another unit. */
export function itemActorsOf(roles: readonly Role[], ownUnit: boolean): ItemActor[] {
  const out: ItemActor[] = [];
  if (roles.includes('supervisor')) out.push('task_force');
  if (ownUnit && roles.includes('unit_manager')) out.push('unit_manager');
  if (ownUnit && roles.includes('unit_reporter')) out.push('unit_reporter');
  return out;
}

/** The actions this actor may take now: what the UI offers and what the server allows. */
export function allowedItemActions(state: ItemState, actors: readonly ItemActor[]): ItemAction[] {
  return actionsFrom(state).filter((a) => ITEM_TRANSITIONS[a].by.some((b) => actors.includes(b)));
}

/**
 * The next state, or a 409 (illegal from this state) / 403 (not yours to take) / 400 (reason missing).
 * The 409's params list what is allowed from here, so the message can say so.
 */
export function nextItemState(
  state: ItemState,
  action: ItemAction,
  actors: readonly ItemActor[],
  reason?: string | null,
): ItemState {
  const t = ITEM_TRANSITIONS[action];
  if (!t.from.includes(state)) {
    throw new DomainError('conflict', 'illegal_transition', {
      action,
      state,
      allowed: actionsFrom(state).join(', ') || '—',
    });
  }
  if (!t.by.some((b) => actors.includes(b))) throw new DomainError('forbidden', 'forbidden', { action });
  if (t.reasonRequired && !reason?.trim())
    throw new DomainError('validation', 'reason_required', {}, 'reason');
  return t.to;
}

/** States in which the unit reports progress. */
export const REPORTING_STATES: readonly ItemState[] = ['accepted', 'in_progress', 'completion_requested'];
export const isOpenItem = (s: ItemState) => OPEN.includes(s);

// Progress reports: draft → (approval by the unit manager, when the region requires it) → submitted
// → accepted (locked) | returned (with reason) → resubmitted.
export const REPORT_STATES = ['draft', 'pending_approval', 'submitted', 'returned', 'accepted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
