import { describe, expect, it } from 'vitest';
import {
  fenToWanInput,
  fenToYuanInput,
  formatWan,
  formatYuan,
  parseWanToFen,
  parseYuanToFen,
  sumFen,
} from './money';

describe('money: fen ↔ 元 / 万元, exactly', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [123456, '1,234.56'],
    [100_000_000, '1,000,000.00'],
    [-250, '-2.50'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('formatYuan(%s) = %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it.each([
    [0, '0.00'],
    [1, '0.000001'],
    [1_000_000, '1.00'],
    [1_500_000, '1.50'],
    [1_234_567, '1.234567'],
    [100_000_000, '100.00'],
    [123_456_789_000, '123,456.789'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254.740991'],
  ])('formatWan(%s) = %s', (fen, text) => {
    expect(formatWan(fen)).toBe(text);
  });

  it.each([
    ['1', 1_000_000],
    ['1.5', 1_500_000],
    ['0.000001', 1],
    ['.5', 500_000],
    ['1,234.56', 1_234_560_000],
    ['  12  ', 12_000_000],
    ['１２．５', 12_500_000],
    ['0.30', 300_000],
    ['3.000000', 3_000_000],
    ['9007199254.740991', Number.MAX_SAFE_INTEGER],
  ])('parseWanToFen(%j) = %s', (text, fen) => {
    expect(parseWanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '-1', '1.0000001', '1e3', '1.2.3', '9007199254.740992', '¥1'])(
    'parseWanToFen(%j) refuses',
    (text) => {
      expect(parseWanToFen(text)).toBeNull();
    },
  );

  it('does not go through floating point: 0.1 + 0.2 万元', () => {
    const a = parseWanToFen('0.1')!;
    const b = parseWanToFen('0.2')!;
    expect(a + b).toBe(300_000);
    expect(formatWan(a + b)).toBe('0.30');
    // 1.13 * 1_000_000 in floating point is 1129999.9999999998
    expect(parseWanToFen('1.13')).toBe(1_130_000);
    expect(parseYuanToFen('1.13')).toBe(113);
    expect(parseYuanToFen('0.29')).toBe(29);
  });

  it('reads yuan with at most two decimals', () => {
    expect(parseYuanToFen('1234.56')).toBe(123_456);
    expect(parseYuanToFen('1234.567')).toBeNull();
    expect(parseYuanToFen('7')).toBe(700);
  });

  it('round-trips every amount through the input form', () => {
    for (const fen of [0, 1, 99, 100, 1_000_000, 1_000_001, 123_456_789_012, Number.MAX_SAFE_INTEGER]) {
      expect(parseWanToFen(fenToWanInput(fen))).toBe(fen);
      if (fen % 1 === 0) expect(parseYuanToFen(fenToYuanInput(fen))).toBe(fen);
    }
    expect(fenToWanInput(100_000_000)).toBe('100');
    expect(fenToWanInput(null)).toBe('');
  });

  it('sums exactly beyond the safe integer range', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, null])).toBe(
      2n * BigInt(Number.MAX_SAFE_INTEGER),
    );
  });
});
