// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters of a 31-character set
// (0–9 and A–Z without I, O, Z, S, V):
//   1      registration authority (登记管理部门代码)
//   2      entity type under that authority (机构类别代码)
//   3–8    administrative division of the registering office (登记管理机关行政区划码, GB/T 2260, six digits)
//   9–17   the entity's identifier: a GB 11714 organisation code, eight characters and its own check character
//   18     the check character over the first 17 (weights 3^(i-1) mod 31, modulus 31)
//
// Input is normalised before it is checked — whitespace removed, full-width characters made half-width, lower
// case made upper case — because enterprises copy the code from PDFs and type it on phone keyboards; the
// normalised form is what is stored. A letter outside the set (I, O, Z, S, V) is refused, never guessed.
//
// This file imports nothing: the web's public rating page imports it by relative path for inline validation.

export const CREDIT_CODE_LENGTH = 18;
/** The code's characters in the order of their values 0–30. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i-1) mod 31 for i = 1…17. */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997: the weights of the organisation code's eight body characters (modulus 11). */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authorities and the entity types each may issue: GB 32100-2015 (1 机构编制, 5 民政, 9 工商, Y 其他)
 * and the authorities and types assigned since (外交, 司法行政, 文化, 旅游, 宗教, 工会, 中央军委改革和编制办公室,
 * 公安, 住房城乡建设, 农业农村, 侨联). A newly assigned code is added here.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'], // 机构编制: 机关, 事业单位, 编办直接管理机构编制的群众团体, 其他
  '2': ['1', '9'], // 外交: 外国常驻新闻机构, 其他
  '3': ['1', '2', '3', '4', '5', '6', '9'], // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 商事调解组织, 其他
  '4': ['1', '9'], // 文化: 外国在华文化中心, 其他
  '5': ['1', '2', '3', '4', '5', '9'], // 民政: 社会团体, 民办非企业单位, 基金会, 村民委员会, 居民委员会, 其他
  '6': ['1', '2', '9'], // 旅游: 外国及港澳台旅游部门常驻代表机构, 其他
  '7': ['1', '2', '9'], // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': ['1', '2', '9'], // 工会: 基层工会, 非法人工会组织, 其他
  '9': ['1', '2', '3', '9'], // 工商（市场监管）: 企业, 个体工商户, 农民专业合作社, 其他
  A: ['1', '9'], // 中央军委改革和编制办公室: 军队事业单位, 其他
  G: ['1', '9'], // 公安: 境外非政府组织代表机构, 其他
  J: ['1', '9'], // 住房城乡建设: 业主大会, 其他
  N: ['1', '2', '3', '9'], // 农业农村: 组级, 村级, 乡镇级集体经济组织, 其他
  Q: ['1', '2', '3', '9'], // 侨联: 区县级, 乡镇级, 村级侨联组织, 其他
  Y: ['1'], // 其他
};

/** GB/T 2260 province-level prefixes; 100000 is the division of entities registered by central authorities. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore
const CENTRAL_DIVISION = '100000';

export type CreditCodeProblem =
  | 'required'
  | 'length'
  | 'charset'
  | 'authority'
  | 'entity_type'
  | 'division'
  | 'org_code_check'
  | 'check_char';

export interface CreditCodeParts {
  /** The normalised code, as stored. */
  code: string;
  authority: string;
  entityType: string;
  division: string;
  /** Characters 9–17: the GB 11714 organisation code with its check character. */
  orgCode: string;
}

export type CreditCodeCheck =
  | ({ ok: true } & CreditCodeParts)
  | { ok: false; problem: CreditCodeProblem; params: Record<string, string | number> };

/** Whitespace removed, full-width forms (Ａ, ９) made ASCII, upper case. */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character (position 18) for the first 17 characters, which must be of the code's set. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17[i]}`);
    sum += value * CHECK_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714's value of a body character: digits as themselves, letters A=10 … Z=35. */
function orgValue(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
}

/** The GB 11714 check character of an organisation code's eight body characters: 0–9 or X. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('orgCodeCheckChar needs 8 characters 0-9 A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const fail = (problem: CreditCodeProblem, params: Record<string, string | number> = {}): CreditCodeCheck => ({
  ok: false,
  problem,
  params,
});

/**
 * Checks a code and says what is wrong with it, first problem first: length, a character outside the set
 * (1-based `position`), the authority, the entity type, the division, the organisation code's check character,
 * the final check character.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normaliseCreditCode(input);
  if (code.length === 0) return fail('required');
  const chars = [...code];
  if (chars.length !== CREDIT_CODE_LENGTH) return fail('length', { length: chars.length });
  const bad = chars.findIndex((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad >= 0) return fail('charset', { position: bad + 1, char: chars[bad]! });
  const authority = code[0]!;
  const types = CREDIT_CODE_AUTHORITIES[authority];
  if (!types) return fail('authority', { char: authority });
  const entityType = code[1]!;
  if (!types.includes(entityType)) return fail('entity_type', { char: entityType, authority });
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !(PROVINCES.has(division.slice(0, 2)) || division === CENTRAL_DIVISION))
    return fail('division', { division });
  const orgCode = code.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) return fail('org_code_check');
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return fail('check_char');
  return { ok: true, code, authority, entityType, division, orgCode };
}

export const isValidCreditCode = (input: string): boolean => checkCreditCode(input).ok;

/**
 * Completes a code from its first 16 characters by adding both check characters (the organisation code's and
 * the final one). For invented demo and test codes; never to "repair" what someone typed.
 */
export function completeCreditCode(first16: string): string {
  const prefix = normaliseCreditCode(first16);
  if (prefix.length !== 16) throw new RangeError('completeCreditCode needs 16 characters');
  const first17 = prefix + orgCodeCheckChar(prefix.slice(8, 16));
  return first17 + creditCodeCheckChar(first17);
}

/**
 * What audit entries and unit-facing lists show: the first two and the last four characters
 * (`91************1Y43`); enough to tell raters apart, not to name the enterprise.
 */
export function maskCreditCode(code: string): string {
  if (code.length <= 6) return '*'.repeat(code.length);
  return `${code.slice(0, 2)}${'*'.repeat(code.length - 6)}${code.slice(-4)}`;
}
