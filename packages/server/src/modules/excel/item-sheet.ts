// The item import/export workbook: columns, their Chinese and English headers, and value vocabularies.
// One definition serves the template, the import parser and the export.
import type { Locale } from '../../i18n/messages.ts';

export type Kind = 'work' | 'project' | 'indicator';

export interface Column {
  key: string;
  zh: string;
  en: string;
  /** Only meaningful for these kinds (blank otherwise). */
  kinds?: readonly Kind[];
  /** Allowed words: stored code → [zh, en]. */
  vocabulary?: Record<string, readonly [string, string]>;
  width?: number;
}

export const KIND_WORDS = {
  work: ['重点工作', 'key work'],
  project: ['重点项目', 'key project'],
  indicator: ['重点指标', 'key indicator'],
} as const;

export const ITEM_COLUMNS: readonly Column[] = [
  { key: 'kind', zh: '类型', en: 'Kind', vocabulary: KIND_WORDS, width: 12 },
  { key: 'title', zh: '标题', en: 'Title', width: 36 },
  {
    key: 'basisType',
    zh: '依据类型',
    en: 'Basis',
    vocabulary: {
      meeting: ['会议', 'meeting'],
      instruction: ['领导批示', 'instruction'],
      document: ['文件', 'document'],
      complaint: ['群众投诉', 'complaint'],
      other: ['其他', 'other'],
    },
  },
  { key: 'basisText', zh: '依据说明', en: 'Basis text', width: 24 },
  {
    key: 'urgency',
    zh: '紧急程度',
    en: 'Urgency',
    vocabulary: {
      normal: ['一般', 'normal'],
      urgent: ['紧急', 'urgent'],
      very_urgent: ['特急', 'very urgent'],
    },
  },
  { key: 'leadUnit', zh: '牵头单位', en: 'Lead unit', width: 20 },
  { key: 'coUnits', zh: '配合单位（、分隔）', en: 'Co-units (comma-separated)', width: 24 },
  { key: 'leader', zh: '牵头领导（用户名）', en: 'Leader in charge (username)', width: 14 },
  { key: 'startDate', zh: '开始日期', en: 'Start date', width: 12 },
  { key: 'dueDate', zh: '截止日期', en: 'Due date', width: 12 },
  {
    key: 'frequency',
    zh: '报送频次',
    en: 'Reporting frequency',
    vocabulary: {
      weekly: ['每周', 'weekly'],
      monthly: ['每月', 'monthly'],
      quarterly: ['每季度', 'quarterly'],
    },
  },
  { key: 'deadlineWorkingDays', zh: '期末后第几个工作日截止', en: 'Due on working day N after period end' },
  { key: 'description', zh: '工作内容', en: 'Description', width: 30 },
  {
    key: 'phase',
    zh: '项目阶段',
    en: 'Project phase',
    kinds: ['project'],
    vocabulary: {
      preliminary: ['前期', 'preliminary'],
      construction: ['在建', 'construction'],
      completed: ['竣工', 'completed'],
    },
  },
  { key: 'plannedStart', zh: '计划开工', en: 'Planned start', kinds: ['project'], width: 12 },
  { key: 'plannedCompletion', zh: '计划竣工', en: 'Planned completion', kinds: ['project'], width: 12 },
  { key: 'totalInvestment', zh: '总投资（万元）', en: 'Total investment (10k yuan)', kinds: ['project'] },
  {
    key: 'annualPlan',
    zh: '年度计划投资（万元）',
    en: 'Annual planned investment (10k yuan)',
    kinds: ['project'],
  },
  { key: 'measure', zh: '指标名称', en: 'Measure', kinds: ['indicator'], width: 20 },
  { key: 'unitOfMeasure', zh: '计量单位', en: 'Unit of measure', kinds: ['indicator'] },
  {
    key: 'direction',
    zh: '方向',
    en: 'Direction',
    kinds: ['indicator'],
    vocabulary: {
      higher_better: ['越高越好', 'higher is better'],
      lower_better: ['越低越好', 'lower is better'],
    },
  },
  { key: 'annualTarget', zh: '年度目标', en: 'Annual target', kinds: ['indicator'] },
  {
    key: 'targetFrequency',
    zh: '目标频次',
    en: 'Target frequency',
    kinds: ['indicator'],
    vocabulary: { monthly: ['月度', 'monthly'], quarterly: ['季度', 'quarterly'] },
  },
];

export const CHILD_SHEETS = {
  milestones: {
    zh: '节点',
    en: 'Milestones',
    columns: [
      { key: 'row', zh: '事项行号', en: 'Item row' },
      { key: 'title', zh: '节点名称', en: 'Milestone' },
      { key: 'plannedDate', zh: '计划完成日期', en: 'Planned date' },
      { key: 'weight', zh: '权重', en: 'Weight' },
    ],
  },
  monthlyPlan: {
    zh: '月度投资计划',
    en: 'Monthly plan',
    columns: [
      { key: 'row', zh: '事项行号', en: 'Item row' },
      { key: 'month', zh: '月份', en: 'Month' },
      { key: 'amount', zh: '计划投资（万元）', en: 'Planned (10k yuan)' },
    ],
  },
  targets: {
    zh: '指标目标',
    en: 'Targets',
    columns: [
      { key: 'row', zh: '事项行号', en: 'Item row' },
      { key: 'periodKey', zh: '期次', en: 'Period' },
      { key: 'target', zh: '累计目标', en: 'Cumulative target' },
    ],
  },
} as const satisfies Record<string, { zh: string; en: string; columns: readonly Column[] }>;

export const ITEMS_SHEET = { zh: '事项', en: 'Items' };

export const header = (c: { zh: string; en: string }, locale: Locale) => (locale === 'zh-CN' ? c.zh : c.en);

/** Reads a word in either language (or the code itself) back to its code. */
export function codeOf(column: Column, word: string): string | undefined {
  if (!column.vocabulary) return word;
  const w = word.trim().toLowerCase();
  for (const [code, [zh, en]] of Object.entries(column.vocabulary)) {
    if (w === code || w === zh.toLowerCase() || w === en.toLowerCase()) return code;
  }
  return undefined;
}

export const wordOf = (column: Column, code: string, locale: Locale) =>
  column.vocabulary?.[code]?.[locale === 'zh-CN' ? 0 : 1] ?? code;

/** Spreadsheet column letter of a 1-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * 万元 (10,000 yuan) as typed in a cell → integer fen, exactly: the decimal is read from its text, never
 * multiplied as a float. Up to 6 decimals (1 fen = 0.000001 万元).
 */
export function wanToFen(value: unknown): number | null {
  const text =
    typeof value === 'number'
      ? numberText(value)
      : String(value ?? '')
          .trim()
          .replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return null;
  const fen = BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
  return fen > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(fen);
}

/** Integer fen → 万元 text with up to 6 decimals, exactly. */
export function fenToWan(fen: number): string {
  const whole = Math.trunc(fen / 1_000_000);
  const rest = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** A float as Excel stores it, to its shortest decimal text (no exponent for ordinary amounts). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
