export * from './errors.ts';
export * from './password.ts';
export * from './canonical-json.ts';
export * from './access.ts';
export * from './audit-chain.ts';
