import { describe, expect, it } from 'vitest';
import enUS from '../../../locales/en-US';
import zhCN, { type MessageKey } from '../../../locales/zh-CN';
import { creditCodeError, normaliseCreditCode, type Translate } from './creditCode';

/** i18next's interpolation, enough for these messages. */
const translator =
  (messages: Record<MessageKey, string>): Translate =>
  (key, params) =>
    messages[key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
const zh = translator(zhCN);
const en = translator(enUS);

describe('creditCodeError', () => {
  it('accepts a valid code, in lower case too', () => {
    expect(creditCodeError('914403001922038216', zh)).toBeNull();
    expect(creditCodeError('91350100m000100y43', zh)).toBeNull();
    expect(normaliseCreditCode(' 91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('says what is wrong, in Chinese and in English', () => {
    expect(creditCodeError('9135010', zh)).toBe('统一社会信用代码应为 18 位，当前为 7 位');
    expect(creditCodeError('91350100M000100I43', zh)).toContain('第 16 位“I”');
    expect(creditCodeError('914403001922038217', zh)).toContain('校验码');
    expect(creditCodeError('9135010', en)).toBe('A unified social credit code has 18 characters, not 7');
    expect(creditCodeError('91350100M000100I43', en)).toContain('Character 16 ("I")');
    expect(creditCodeError('', en)).toBe('Enter the unified social credit code');
  });

  it('has a message for every problem in both languages', () => {
    for (const code of ['', '9', 'I1350100M000100Y43', 'B1', 'B1350100M000100Y43', '94350100M000100Y43']) {
      expect(creditCodeError(code, zh)).toMatch(/[\u4e00-\u9fff]/);
      expect(creditCodeError(code, en)).not.toMatch(/\{\{/);
    }
  });
});
