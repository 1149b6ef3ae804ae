// The warning engine (亮灯亮牌): rules as data, evaluation of dated facts, reconciliation with what is on record.
export * from './types.ts';
export * from './rules.ts';
export * from './evaluate.ts';
export * from './reconcile.ts';
export { APPLICABLE_ITEM_STATES, firstDayPast, statusOn, workingDaysPast } from './records.ts';
export * from './timetable.ts';
