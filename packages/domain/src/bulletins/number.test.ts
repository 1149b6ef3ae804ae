import { describe, expect, it } from 'vitest';
import { formatBulletinNumber, numberFormatProblems, parseBulletinNumber } from './number.ts';

const SONGYANG = '松执专〔{year}〕{seq}号';

describe('bulletin numbers', () => {
  it('formats the region format with year and sequence', () => {
    expect(formatBulletinNumber(SONGYANG, 2022, 3)).toBe('松执专〔2022〕3号');
    expect(formatBulletinNumber('{year}-{seq}', 2023, 12)).toBe('2023-12');
  });

  it('parses a number back, and only a number of the format', () => {
    expect(parseBulletinNumber(SONGYANG, '松执专〔2022〕3号')).toEqual({ year: 2022, seq: 3 });
    expect(parseBulletinNumber(SONGYANG, '松执专〔2022〕17号')).toEqual({ year: 2022, seq: 17 });
    expect(parseBulletinNumber(SONGYANG, '松执专〔2022〕0号')).toBeNull();
    expect(parseBulletinNumber(SONGYANG, '丽执专〔2022〕3号')).toBeNull();
    expect(parseBulletinNumber(SONGYANG, '松执专〔22〕3号')).toBeNull();
    // Regular-expression characters in the format are literal.
    expect(parseBulletinNumber('a.b({year})[{seq}]', 'a.b(2022)[4]')).toEqual({ year: 2022, seq: 4 });
    expect(parseBulletinNumber('a.b({year})[{seq}]', 'aXb(2022)[4]')).toBeNull();
  });

  it('round-trips every sequence', () => {
    for (const seq of [1, 2, 9, 10, 99, 100, 12345])
      expect(parseBulletinNumber(SONGYANG, formatBulletinNumber(SONGYANG, 2022, seq))).toEqual({
        year: 2022,
        seq,
      });
  });

  it('refuses formats without both placeholders once, in order', () => {
    expect(numberFormatProblems(SONGYANG)).toEqual([]);
    for (const bad of [
      '',
      '松执专〔{year}〕号',
      '{seq}〔{year}〕',
      '{year}{year}{seq}',
      'x'.repeat(61) + '{year}{seq}',
    ])
      expect(numberFormatProblems(bad)[0]?.code, bad).toBe('bulletin_number_format');
    expect(() => formatBulletinNumber(SONGYANG, 2022, 0)).toThrow(RangeError);
  });
});
