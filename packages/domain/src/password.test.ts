import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordClasses,
  type PasswordProblem,
} from './password.ts';

/** `prefix` padded with lower-case letters to exactly `length` characters. */
const ofLength = (prefix: string, length: number) => prefix + 'x'.repeat(length - prefix.length);

describe('password limits', () => {
  it('are 10 and 128 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });
});

describe('passwordClasses', () => {
  it.each<[string, number]>([
    ['', 0],
    ['abc', 1],
    ['ABC', 1],
    ['123', 1],
    ['!@#', 1],
    [' ', 1],
    ['密码', 1], // CJK counts as "other"
    ['１２３', 1], // full-width digits are not ASCII digits: "other"
    ['ｍｉｍａ', 1], // full-width letters likewise
    ['aB', 2],
    ['a1', 2],
    ['a!', 2],
    ['A1', 2],
    ['A!', 2],
    ['1!', 2],
    ['aB1', 3],
    ['aB!', 3],
    ['a1!', 3],
    ['A1!', 3],
    ['aB1!', 4],
    ['aB1密', 4],
    ['zzzzzzzzzzzzZZZZZZZZZZ000000000######', 4],
  ])('%j has %i classes', (password, classes) => {
    expect(passwordClasses(password)).toBe(classes);
  });
});

describe('checkPassword', () => {
  it.each<[string, string, string | undefined, PasswordProblem | null]>([
    // length boundaries (three classes throughout)
    ['empty', '', undefined, 'too_short'],
    ['9 characters', ofLength('Ab1', 9), undefined, 'too_short'],
    ['10 characters', ofLength('Ab1', 10), undefined, null],
    ['11 characters', ofLength('Ab1', 11), undefined, null],
    ['127 characters', ofLength('Ab1', 127), undefined, null],
    ['128 characters', ofLength('Ab1', 128), undefined, null],
    ['129 characters', ofLength('Ab1', 129), undefined, 'too_long'],
    ['1000 characters', ofLength('Ab1', 1000), undefined, 'too_long'],
    ['9 characters, four classes', ofLength('Ab1!', 9), undefined, 'too_short'],
    ['10 characters, four classes', ofLength('Ab1!', 10), undefined, null],
    ['128 characters, four classes', ofLength('Ab1!', 128), undefined, null],
    ['129 characters, four classes', ofLength('Ab1!', 129), undefined, 'too_long'],
    ['3 classes with CJK, 10 characters', 'Ab1密码密码密码密', undefined, null],
    // class counts at a valid length
    ['lower only', 'abcdefghij', undefined, 'too_few_classes'],
    ['upper only', 'ABCDEFGHIJ', undefined, 'too_few_classes'],
    ['digits only', '1234567890', undefined, 'too_few_classes'],
    ['symbols only', '!@#$%^&*()', undefined, 'too_few_classes'],
    ['CJK only', '松阳县执行力建设专班', undefined, 'too_few_classes'],
    ['lower + upper', 'abcdeFGHIJ', undefined, 'too_few_classes'],
    ['lower + digit', 'abcde12345', undefined, 'too_few_classes'],
    ['lower + symbol', 'abcde!@#$%', undefined, 'too_few_classes'],
    ['upper + digit', 'ABCDE12345', undefined, 'too_few_classes'],
    ['upper + symbol', 'ABCDE!@#$%', undefined, 'too_few_classes'],
    ['digit + symbol', '12345!@#$%', undefined, 'too_few_classes'],
    ['lower + CJK', 'abcde松阳县奔跑', undefined, 'too_few_classes'],
    ['lower + upper + digit', 'abcdEFGH12', undefined, null],
    ['lower + upper + symbol', 'abcdEFGH!@', undefined, null],
    ['lower + digit + symbol', 'abcd1234!@', undefined, null],
    ['upper + digit + symbol', 'ABCD1234!@', undefined, null],
    ['lower + upper + CJK', 'abcdEFGH奔跑', undefined, null],
    ['all four', 'abC1!abC1!', undefined, null],
    ['space is a symbol', 'abcd 1234 ', undefined, null],
    // the username, case-insensitively
    ['contains username', 'zhangsan#2024', 'zhangsan', 'contains_username'],
    ['contains username, upper-case in password', 'ZhangSan#2024', 'zhangsan', 'contains_username'],
    ['contains username, upper-case in username', 'zhangsan#2024A', 'ZHANGSAN', 'contains_username'],
    ['contains username, mixed case both', 'x#1ZHANGsanY', 'zhangSAN', 'contains_username'],
    ['username in the middle', 'Ab1!-wangwu-!', 'wangwu', 'contains_username'],
    ['username at the end', 'Ab1!xxxxxwangwu', 'WangWu', 'contains_username'],
    ['password equals username', 'Admin#2024x', 'admin#2024x', 'contains_username'],
    ['3-character username is checked', 'Xyz#123456', 'xyz', 'contains_username'],
    ['2-character username is too short to check', 'Xy#1234567', 'xy', null],
    ['1-character username is too short to check', 'Xy#1234567', 'x', null],
    ['empty username', 'Xy#1234567', '', null],
    ['no username', 'Xy#1234567', undefined, null],
    ['username not contained', 'Songyang#2022', 'zhangsan', null],
    ['username only partly contained', 'zhangsa#2024', 'zhangsan', null],
    ['CJK username', 'Ab1张三丰WXYZ', '张三丰', 'contains_username'],
    // precedence: length first, then classes, then username
    ['too short beats too few classes', 'abc', undefined, 'too_short'],
    ['too short beats username', 'Zs1!zs', 'zs1!zs', 'too_short'],
    ['too long beats too few classes', 'a'.repeat(129), undefined, 'too_long'],
    ['too long beats username', ofLength('Ab1zhangsan', 129), 'zhangsan', 'too_long'],
    ['too few classes beats username', 'zhangsan12', 'zhangsan', 'too_few_classes'],
  ])('%s', (_name, password, username, expected) => {
    expect(checkPassword(password, username)).toBe(expected);
  });

  it('accepts exactly the passwords of the right length and enough classes (no username)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 140, unit: fc.constantFrom('a', 'B', '3', '#', '松') }),
        (password) => {
          const problem = checkPassword(password);
          const ok =
            password.length >= PASSWORD_MIN_LENGTH &&
            password.length <= PASSWORD_MAX_LENGTH &&
            passwordClasses(password) >= 3;
          expect(problem === null).toBe(ok);
          if (password.length < PASSWORD_MIN_LENGTH) expect(problem).toBe('too_short');
          if (password.length > PASSWORD_MAX_LENGTH) expect(problem).toBe('too_long');
        },
      ),
    );
  });

  it('rejects any otherwise valid password that contains the username in any case', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 3, maxLength: 20, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (username, before, after, upper) => {
          const cased = [...username].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
          const password = `A1!${before}${cased}${after}`.slice(0, PASSWORD_MAX_LENGTH);
          fc.pre(password.length >= PASSWORD_MIN_LENGTH);
          expect(checkPassword(password, username)).toBe('contains_username');
          expect(checkPassword(password, username.toUpperCase())).toBe('contains_username');
        },
      ),
    );
  });
});
