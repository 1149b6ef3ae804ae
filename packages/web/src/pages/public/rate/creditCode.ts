// Inline validation of the unified social credit code (统一社会信用代码) on the public rating page: the domain's own
// GB 32100-2015 check, imported by relative path (the file imports nothing, so the page's chunk gets only it; the
// web does not depend on @benpao/domain), worded from the UI's locales. The server checks again and answers
// 400 naming `creditCode` with the same explanation.
import type { MessageKey } from '../../../locales/zh-CN';
import {
  checkCreditCode,
  normaliseCreditCode,
  type CreditCodeProblem,
} from '../../../../../domain/src/service-rating/credit-code.ts';

export { normaliseCreditCode };

const KEYS: Record<CreditCodeProblem, MessageKey> = {
  required: 'creditCode.required',
  length: 'creditCode.length',
  charset: 'creditCode.charset',
  authority: 'creditCode.authority',
  entity_type: 'creditCode.entity_type',
  division: 'creditCode.division',
  org_code_check: 'creditCode.org_code_check',
  check_char: 'creditCode.check_char',
};

export type Translate = (key: MessageKey, params: Record<string, string | number>) => string;

/** What is wrong with the code, in the UI's language (`t`), or null when it passes. */
export function creditCodeError(input: string, t: Translate): string | null {
  const r = checkCreditCode(input);
  if (r.ok) return null;
  return t(KEYS[r.problem], r.params);
}
