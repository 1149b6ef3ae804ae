// Money is integer fen (分) in the API. The UI shows yuan (元) or ten-thousands of yuan (万元, 1 万元 = 1,000,000
// fen) and reads what people type as decimal strings: every conversion works on digits (BigInt), never on
// floating-point numbers, so 0.1 + 0.2 never turns into 0.30000000000000004 fen.

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function toBigInt(fen: number | bigint): bigint {
  if (typeof fen === 'bigint') return fen;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  return BigInt(fen);
}

/** `fen / scale` as a decimal string with `maxDecimals` digits (exact for these scales), trailing zeros trimmed
 * down to `minDecimals`. */
function scaled(
  fen: number | bigint,
  scale: bigint,
  maxDecimals: number,
  minDecimals: number,
  group: boolean,
) {
  const value = toBigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / scale).toString();
  let frac = (abs % scale).toString().padStart(maxDecimals, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const head = group ? groupThousands(whole) : whole;
  return `${negative ? '-' : ''}${head}${frac ? `.${frac}` : ''}`;
}

/** 123456 fen → "1,234.56" (yuan, always two decimals). */
export function formatYuan(fen: number | bigint): string {
  return scaled(fen, FEN_PER_YUAN, 2, 2, true);
}

/** 1234567 fen → "1.234567" 万元; 100000000 → "100.00": at least two decimals, every significant digit kept. */
export function formatWan(fen: number | bigint): string {
  return scaled(fen, FEN_PER_WAN, 6, 2, true);
}

/** The value to put back into an input field: no grouping, no superfluous zeros (100000000 fen → "100"). */
export function fenToWanInput(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return scaled(fen, FEN_PER_WAN, 6, 0, false);
}

export function fenToYuanInput(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return scaled(fen, FEN_PER_YUAN, 2, 0, false);
}

const DECIMAL_RE = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/**
 * Reads a non-negative decimal typed by a person ("1,234.5", " 12 ", "０.５" with full-width digits) as an
 * integer multiple of 1/10^decimals; null when it is not a number, negative, has more decimals than the unit
 * allows, or exceeds the largest safe integer of fen.
 */
function parseScaled(input: string, decimals: number): number | null {
  const normalised = input
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
  const m = DECIMAL_RE.exec(normalised);
  if (!m) return null;
  const whole = m[1] ?? '0';
  const frac = (m[2] ?? m[3] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return null;
  const value = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (value > MAX_FEN) return null;
  return Number(value);
}

/** "1.5" 万元 → 1500000 fen; at most six decimals (one fen). */
export function parseWanToFen(input: string): number | null {
  return parseScaled(input, 6);
}

/** "1234.56" 元 → 123456 fen; at most two decimals. */
export function parseYuanToFen(input: string): number | null {
  return parseScaled(input, 2);
}

/** Exact sum of amounts of fen. */
export function sumFen(values: readonly (number | null | undefined)[]): bigint {
  return values.reduce<bigint>(
    (s, v) => (typeof v === 'number' && Number.isSafeInteger(v) ? s + BigInt(v) : s),
    0n,
  );
}
