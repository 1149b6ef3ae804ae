// Bulletin numbers (文号) like 松执专〔2022〕3号: a region's format with the placeholders {year} and {seq}. Numbers
// are given at publication, one after another per region and year; the format is the region's setting.
import type { FieldProblem } from '../problems.ts';

export const DEFAULT_NUMBER_FORMAT = '督查通报〔{year}〕{seq}号';
const MAX_FORMAT_LENGTH = 60;

/** Problems of a number format: both placeholders exactly once, {year} before {seq}, bounded length. */
export function numberFormatProblems(format: string, field = 'numberFormat'): FieldProblem[] {
  const count = (p: string) => format.split(p).length - 1;
  if (format.length === 0 || format.length > MAX_FORMAT_LENGTH)
    return [{ field, code: 'bulletin_number_format', params: { format } }];
  if (count('{year}') !== 1 || count('{seq}') !== 1 || format.indexOf('{year}') > format.indexOf('{seq}'))
    return [{ field, code: 'bulletin_number_format', params: { format } }];
  return [];
}

export function formatBulletinNumber(format: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(seq) || seq < 1) throw new RangeError('year and seq');
  return format.replace('{year}', String(year)).replace('{seq}', String(seq));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The year and sequence of a number written in `format`, or null when it is not one. */
export function parseBulletinNumber(format: string, number: string): { year: number; seq: number } | null {
  if (numberFormatProblems(format).length > 0) return null;
  const [head, rest] = format.split('{year}') as [string, string];
  const [middle, tail] = rest.split('{seq}') as [string, string];
  const re = new RegExp(
    `^${escapeRegExp(head)}(\\d{4})${escapeRegExp(middle)}([1-9]\\d{0,5})${escapeRegExp(tail)}$`,
  );
  const m = re.exec(number);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}
