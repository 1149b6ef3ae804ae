// The states of a post-mortem review (复盘) and of its follow-up actions.
/** A review's states: drafted, scheduled onto a monthly meeting, held there, closed once its actions are settled. */
export const REVIEW_STATES = ['draft', 'scheduled', 'held', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];
