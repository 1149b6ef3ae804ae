// Pure helpers of the case pages: the public progress steps, the plan that counts, a receipt number as people
// type it, and a complaint's subject from the form's choice.
import type { CasePlan, CaseState, CaseSubject } from '../../api/cases';

/** The steps the public tracking page draws; a returned plan is still the plan step. */
export const PUBLIC_STEPS = [
  'received',
  'verifying',
  'findings_issued',
  'plan_submitted',
  'rectifying',
  'rechecked',
  'replied',
  'closed',
] as const satisfies readonly CaseState[];

/** Index of the step a case in `status` is at, among PUBLIC_STEPS. */
export function publicStepIndex(status: CaseState): number {
  if (status === 'plan_returned') return PUBLIC_STEPS.indexOf('plan_submitted');
  return PUBLIC_STEPS.indexOf(status);
}

/** The latest version of the rectification plan (the one being decided, approved or returned), if any. */
export function currentPlan(plans: readonly CasePlan[]): CasePlan | undefined {
  return plans.reduce<CasePlan | undefined>(
    (last, p) => (!last || p.version > last.version ? p : last),
    undefined,
  );
}

/** The approved plan whose measures are being carried out, if any. */
export function approvedPlan(plans: readonly CasePlan[]): CasePlan | undefined {
  return plans.filter((p) => p.status === 'approved').sort((a, b) => b.version - a.version)[0];
}

/**
 * A receipt number as typed on a phone: full-width characters folded, spaces dropped, upper case
 * (`ts20220420-ab12…` → `TS20220420-AB12…`). The server normalises too; this keeps the URL tidy.
 */
export function normaliseReceiptInput(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[—–－]/g, '-')
    .toUpperCase();
}

export type SubjectChoice = 'item' | 'unit' | 'place';

/** The subject the server expects from the form's choice: only the chosen field, trimmed. */
export function subjectOf(
  choice: SubjectChoice,
  values: { itemId?: string; unitId?: string; place?: string },
): CaseSubject {
  if (choice === 'item') return values.itemId ? { itemId: values.itemId } : {};
  if (choice === 'unit') return values.unitId ? { unitId: values.unitId } : {};
  const place = values.place?.trim();
  return place ? { place } : {};
}
