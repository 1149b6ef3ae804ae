export * from './number.ts';
export * from './draft.ts';
