// Post-mortem reviews (复盘): the item's timeline from its recorded history, planned against actual by month, and the
// states of a review and its follow-up actions.
export * from './timeline.ts';
export * from './series.ts';
export * from './states.ts';
