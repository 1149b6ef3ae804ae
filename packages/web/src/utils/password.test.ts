import { describe, expect, it } from 'vitest';
import { meetsPasswordPolicy, passwordClasses } from './password';

describe('password policy hint', () => {
  it.each([
    ['Benpao#2022', true],
    ['benpao#2022', true],
    ['BENPAO2022x', true],
    ['benpao2022x', false],
    ['Benpao#22', false],
    ['abcdefghijk', false],
    ['A'.repeat(120) + 'a1#aaaaaaaa', false],
  ])('%s → %s', (password, ok) => {
    expect(meetsPasswordPolicy(password)).toBe(ok);
  });

  it('counts the four classes', () => {
    expect(passwordClasses('aA1#')).toBe(4);
    expect(passwordClasses('中文密码')).toBe(1);
  });

  it('refuses a password containing the username', () => {
    expect(meetsPasswordPolicy('Zhangsan#2022', 'zhangsan')).toBe(false);
    expect(meetsPasswordPolicy('Lisi#20222022', 'zhangsan')).toBe(true);
  });
});
