// Reporting periods as people read them. Keys are the server's (`2022-W07`, `2022-03`, `2022-Q1`, see
// packages/domain/src/periods.ts); labels follow the locale: 2022年3月 / Mar 2022.

export type PeriodKind = 'week' | 'month' | 'quarter';
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** week 1–53, month 1–12 or quarter 1–4 */
  n: number;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

export function parsePeriodKey(key: string): PeriodParts | null {
  let m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const n = Number(m[2]);
    return n >= 1 && n <= 53 ? { kind: 'week', year: Number(m[1]), n } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const n = Number(m[2]);
    return n >= 1 && n <= 12 ? { kind: 'month', year: Number(m[1]), n } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', year: Number(m[1]), n: Number(m[2]) };
  return null;
}

/** 2022-03 → 2022年3月 | Mar 2022; 2022-Q1 → 2022年第一季度 | Q1 2022; 2022-W07 → 2022年第7周 | Week 7, 2022. */
export function periodLabel(key: string, locale: string): string {
  const p = parsePeriodKey(key);
  if (!p) return key;
  const zh = locale.startsWith('zh');
  switch (p.kind) {
    case 'month':
      return zh ? `${p.year}年${p.n}月` : `${EN_MONTHS[p.n - 1]} ${p.year}`;
    case 'quarter':
      return zh ? `${p.year}年第${ZH_QUARTERS[p.n - 1]}季度` : `Q${p.n} ${p.year}`;
    case 'week':
      return zh ? `${p.year}年第${p.n}周` : `Week ${p.n}, ${p.year}`;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The twelve month keys of a year: 2022-01 … 2022-12. */
export function monthKeysOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
}

/** The four quarter keys of a year: 2022-Q1 … 2022-Q4. */
export function quarterKeysOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** The period keys of cumulative indicator targets for a year. */
export function targetKeysOf(year: number, frequency: 'monthly' | 'quarterly'): string[] {
  return frequency === 'quarterly' ? quarterKeysOf(year) : monthKeysOf(year);
}

/** Month keys from the month of `start` to the month of `end` (YYYY-MM-DD or YYYY-MM), inclusive. */
export function monthKeysBetween(start: string, end: string): string[] {
  const y0 = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7));
  const y1 = Number(end.slice(0, 4));
  const m1 = Number(end.slice(5, 7));
  const out: string[] = [];
  if (![y0, m0, y1, m1].every(Number.isInteger)) return out;
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${pad2(m)}`);
    if (out.length > 1200) break;
  }
  return out;
}

/** A percentage 0–100 with one decimal: 45 → "45.0". */
export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** The years whose deadlines were estimated (no statutory holiday data for them), sorted: ["2027", "2028"]. */
export function estimatedYears(
  periods: readonly { deadline: string; deadlineEstimated: boolean }[],
): string[] {
  return [...new Set(periods.filter((p) => p.deadlineEstimated).map((p) => p.deadline.slice(0, 4)))].sort();
}
