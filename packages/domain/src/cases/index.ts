// Verification cases (核查): the workflow, deadlines, contact details and receipt numbers.
export * from './workflow.ts';
export * from './rules.ts';
export * from './contact.ts';
export * from './receipt.ts';
