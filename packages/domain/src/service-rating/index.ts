// Service ratings (服务评议): the credit-code validator, the proof of work and the rating rules.
export * from './credit-code.ts';
export * from './proof-of-work.ts';
export * from './rating.ts';
