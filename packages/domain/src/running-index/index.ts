// The running index (奔跑指数): the model as data (validated on save, versioned per region by the server), one month's
// scores and rankings from dated facts, quarter and year roll-ups, and the differences between revisions of a month.
// See compute.ts for how a score is made and methods.ts for the efficacy coefficient.
export * from './types.ts';
export * from './model.ts';
export * from './methods.ts';
export * from './ranking.ts';
export * from './compute.ts';
export * from './rollup.ts';
export * from './diff.ts';
export * from './from-engine-facts.ts';
export * from './synthetic.ts';
