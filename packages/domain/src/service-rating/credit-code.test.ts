import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCreditCode,
  completeCreditCode,
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  isValidCreditCode,
  maskCreditCode,
  normaliseCreditCode,
  orgCodeCheckChar,
} from './credit-code.ts';

/** Published codes of real organisations; each passes GB 32100's check and its GB 11714 organisation code check. */
const REAL_VALID = [
  // GB 32100-2015's own worked example (the standard shows "…Y4Z" failing and computes "3").
  '91350100M000100Y43',
  // Huawei Technologies Co., Ltd. (华为技术有限公司), on its business licence and in encyclopaedias.
  '914403001922038216',
  // Codes used as valid examples by widely used validators (hutool's CreditCodeUtilTest, cloud-utils' docs).
  '91310115591693856A',
  '91310110666007217T',
  '91230184MA1BUFLT44',
  // an individual business (个体工商户, type 2)
  '92371000MA3MXH0E3W',
];

describe('checkCreditCode with real codes', () => {
  it.each(REAL_VALID)('accepts %s', (code) => {
    const r = checkCreditCode(code);
    expect(r).toMatchObject({ ok: true, code });
  });

  it('splits a code into its parts', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      authority: '9',
      entityType: '1',
      division: '350100',
      orgCode: 'M000100Y4',
    });
  });

  it('computes the worked example of the standard: sum 1640, mod 31 = 28, check value 3', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    // Its "wrong" example ends in Z, which is not even of the code's set.
    expect(checkCreditCode('91350100M000100Y4Z')).toEqual({
      ok: false,
      problem: 'charset',
      params: { position: 18, char: 'Z' },
    });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check_char', params: {} });
  });

  it("computes GB 11714's organisation code check (M000100Y → 4, 19220382 → 1)", () => {
    // M = 22, Y = 34: 22·3 + 1·5 + 34·2 = 139 = 12·11 + 7 → 11 − 7 = 4
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('19220382')).toBe('1');
    // 1·3 + 1·2 = 5 → 11 − 5 = 6; 1·10 = 10 → 1; 0 → 11 → '0' (10 → 'X': see below)
    expect(orgCodeCheckChar('10000001')).toBe('6');
    expect(orgCodeCheckChar('00010000')).toBe('1');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });

  it('refuses a real pilot-era code that does not follow the standard (Xiamen, 2015)', () => {
    // Early pilot regions issued some codes before GB 32100; their last character does not check.
    expect(checkCreditCode('91350211M00013FA1N')).toMatchObject({ ok: false, problem: 'check_char' });
  });
});

describe('checkCreditCode says what is wrong', () => {
  it.each<[string, string, Record<string, string | number>]>([
    ['', 'required', {}],
    ['   ', 'required', {}],
    ['91350100M000100Y4', 'length', { length: 17 }],
    ['91350100M000100Y433', 'length', { length: 19 }],
    ['91350100M000100I43', 'charset', { position: 16, char: 'I' }],
    ['91350100M0O0100Y43', 'charset', { position: 11, char: 'O' }],
    ['9135010OM000100Y43', 'charset', { position: 8, char: 'O' }],
    ['S1350100M000100Y43', 'charset', { position: 1, char: 'S' }],
    ['91350100M000100Y4V', 'charset', { position: 18, char: 'V' }],
    ['9135010-M000100Y43', 'charset', { position: 8, char: '-' }],
    ['B1350100M000100Y43', 'authority', { char: 'B' }],
    ['94350100M000100Y43', 'entity_type', { char: '4', authority: '9' }],
    ['Y2350100M000100Y43', 'entity_type', { char: '2', authority: 'Y' }],
    ['91990100M000100Y43', 'division', { division: '990100' }],
    ['9135A100M000100Y43', 'division', { division: '35A100' }],
    // a typo in the organisation code is caught by its own check first
    ['91350100M000200Y43', 'org_code_check', {}],
    // a wrong final check character
    ['914403001922038217', 'check_char', {}],
  ])('%j → %s', (input, problem, params) => {
    expect(checkCreditCode(input)).toEqual({ ok: false, problem, params });
  });

  it('accepts the central division 100000', () => {
    expect(isValidCreditCode(completeCreditCode('11100000MB01234'.padEnd(16, '5')))).toBe(true);
  });
});

describe('normalisation (documented choice: normalise, never guess)', () => {
  it('upper-cases lower case, drops whitespace and makes full-width characters half-width', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(checkCreditCode('91350100m000100y43')).toMatchObject({ ok: true, code: '91350100M000100Y43' });
  });

  it('refuses a lower-case forbidden letter rather than guessing a digit for it', () => {
    expect(checkCreditCode('91350100M0o0100Y43')).toMatchObject({
      ok: false,
      problem: 'charset',
      params: { position: 11, char: 'O' },
    });
  });
});

describe('check characters', () => {
  it('maps 31 to 0 (MOD(31,31) = 0)', () => {
    // Any 17 characters whose weighted sum is a multiple of 31 get check character 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('gives X for 10 and 0 for 11 in GB 11714', () => {
    // Brute-force bodies that hit both edge cases, and check them against the definition.
    const seen = new Set<string>();
    for (let n = 0; n < 2000 && seen.size < 11; n++) {
      const body = String(n).padStart(8, '0');
      seen.add(orgCodeCheckChar(body));
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('every completed code is valid, and changing any one character breaks it (property)', () => {
    const chars = fc.constantFrom(...CREDIT_CODE_CHARSET);
    const body = fc.array(chars, { minLength: 7, maxLength: 7 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), chars, (b, pos, replacement) => {
        const code = completeCreditCode(`91330000M${b}`);
        expect(checkCreditCode(code)).toMatchObject({ ok: true, code });
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        fc.pre(changed !== code);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });
});

describe('maskCreditCode', () => {
  it('keeps the first two and the last four characters', () => {
    expect(maskCreditCode('91350100M000100Y43')).toBe('91************0Y43');
    expect(maskCreditCode('91350100M000100Y43')).toHaveLength(18);
    expect(maskCreditCode('ABC')).toBe('***');
  });
});
