// The draft of a supervision bulletin (督查通报) generated from a period's data: the lights and cards issued in the
// period with their reasons, the typical problems (the warnings grouped by the rule that fired), and the running
// index's red and black boards. A pure function: the same data give the same draft, section for section and byte
// for byte, so that a draft can be regenerated and compared. Official documents are written in Chinese.
import { CONDITIONS } from '../warnings/rules.ts';
import { CONDITION_TYPES, type ConditionType } from '../warnings/types.ts';

export interface BulletinWarning {
  id: string;
  kind: 'light' | 'card';
  /** The colour it was issued in. */
  colour: 'yellow' | 'red';
  unitName: string;
  itemNumber: string | null;
  itemTitle: string | null;
  issuedOn: string;
  /** The rule's condition; null for a manual warning (spot check). */
  condition: string | null;
  /** Why: the rule's explanation, or the supervisor's reason for a manual one. */
  explanation: string;
}

export interface BulletinRankingEntry {
  name: string;
  total: number | null;
  rank: number | null;
}

export interface BulletinRankingCategory {
  name: string;
  top: readonly BulletinRankingEntry[];
  bottom: readonly BulletinRankingEntry[];
}

export interface BulletinRanking {
  month: string;
  /** A published snapshot, or a preview computed for the draft. */
  published: boolean;
  categories: readonly BulletinRankingCategory[];
}

export interface BulletinDraftInput {
  /** The issuing body (发文机关), e.g. 松阳县执行力建设专班. */
  issuer: string;
  period: { from: string; to: string };
  warnings: readonly BulletinWarning[];
  ranking: BulletinRanking | null;
}

export interface BulletinTable {
  columns: string[];
  rows: string[][];
}

export interface BulletinSection {
  heading: string;
  paragraphs: string[];
  table: BulletinTable | null;
}

export interface BulletinDraft {
  title: string;
  sections: BulletinSection[];
  /** The sections as the editable rich text (only p, h2 and table elements; text escaped). */
  html: string;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const warningLabel = (w: Pick<BulletinWarning, 'kind' | 'colour'>) =>
  `${w.colour === 'red' ? '红' : '黄'}${w.kind === 'light' ? '灯' : '牌'}`;

function conditionName(condition: string | null): string {
  if (condition === null) return '督查抽查发现问题';
  return (CONDITION_TYPES as readonly string[]).includes(condition)
    ? CONDITIONS[condition as ConditionType].name['zh-CN']
    : condition;
}

const compareWarnings = (a: BulletinWarning, b: BulletinWarning) =>
  a.issuedOn.localeCompare(b.issuedOn) ||
  Number(a.kind === 'light') - Number(b.kind === 'light') ||
  a.unitName.localeCompare(b.unitName, 'zh-CN') ||
  a.id.localeCompare(b.id);

const formatTotal = (t: number | null) => (t === null ? '—' : t.toFixed(2));

export function generateBulletinDraft(input: BulletinDraftInput): BulletinDraft {
  const { period } = input;
  const warnings = [...input.warnings].sort(compareWarnings);
  const lights = warnings.filter((w) => w.kind === 'light');
  const cards = warnings.filter((w) => w.kind === 'card');
  const count = (list: readonly BulletinWarning[], colour: 'yellow' | 'red') =>
    list.filter((w) => w.colour === colour).length;
  const periodText = `${chineseDate(period.from)}至${chineseDate(period.to)}`;
  const sections: BulletinSection[] = [];

  const overview =
    warnings.length === 0
      ? `${periodText}，${input.issuer}对全县督办事项开展督查，期内未亮灯亮牌。`
      : `${periodText}，${input.issuer}对全县督办事项开展督查，期内共亮灯${lights.length}盏（红灯${count(lights, 'red')}盏、黄灯${count(lights, 'yellow')}盏），亮牌${cards.length}张（红牌${count(cards, 'red')}张、黄牌${count(cards, 'yellow')}张），涉及${new Set(warnings.map((w) => w.unitName)).size}个单位。现将有关情况通报如下。`;
  sections.push({ heading: '总体情况', paragraphs: [overview], table: null });

  sections.push({
    heading: '亮灯亮牌情况',
    paragraphs: warnings.length === 0 ? ['本期无亮灯亮牌。'] : [],
    table:
      warnings.length === 0
        ? null
        : {
            columns: ['序号', '类型', '单位', '事项', '亮灯（牌）日期', '原因'],
            rows: warnings.map((w, i) => [
              String(i + 1),
              warningLabel(w),
              w.unitName,
              w.itemNumber === null ? '—' : `${w.itemNumber} ${w.itemTitle ?? ''}`.trim(),
              chineseDate(w.issuedOn),
              w.explanation,
            ]),
          },
  });

  // Typical problems: the warnings grouped by what fired them, the most frequent first.
  const groups = new Map<string, BulletinWarning[]>();
  for (const w of warnings) {
    const key = conditionName(w.condition);
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const typical = [...groups.entries()].sort(
    ([a, x], [b, y]) => y.length - x.length || a.localeCompare(b, 'zh-CN'),
  );
  sections.push({
    heading: '存在的典型问题',
    paragraphs:
      typical.length === 0
        ? ['本期未发现典型问题。']
        : typical.map(([name, list]) => {
            const units = [...new Set(list.map((w) => w.unitName))].join('、');
            return `${name}（${list.length}次）：涉及${units}。如：${list[0]!.explanation}`;
          }),
    table: null,
  });

  const ranking = input.ranking;
  if (ranking) {
    const [y, m] = ranking.month.split('-').map(Number) as [number, number];
    const rows: string[][] = [];
    for (const c of ranking.categories) {
      for (const e of c.top) rows.push([c.name, '红榜', String(e.rank ?? '—'), e.name, formatTotal(e.total)]);
      for (const e of c.bottom)
        rows.push([c.name, '黑榜', String(e.rank ?? '—'), e.name, formatTotal(e.total)]);
    }
    sections.push({
      heading: '奔跑指数排名',
      paragraphs: [
        `${y}年${m}月奔跑指数${ranking.published ? '' : '（预览，尚未发布）'}红黑榜如下。`,
        ...(rows.length === 0 ? ['本月暂无排名。'] : []),
      ],
      table: rows.length === 0 ? null : { columns: ['类别', '榜单', '名次', '单位', '得分'], rows },
    });
  }

  sections.push({
    heading: '工作要求',
    paragraphs: [
      warnings.length === 0
        ? '各单位要保持工作力度，按时报送进度，确保各项督办事项按期推进。'
        : '被亮灯亮牌的单位要认真分析原因，按规定时限完成整改并报送整改材料；逾期未整改的，将按规则升级处理。各单位要举一反三，确保各项督办事项按期推进。',
    ],
    table: null,
  });

  sections.forEach((s, i) => (s.heading = `${CHINESE_NUMERALS[i] ?? String(i + 1)}、${s.heading}`));
  const title = `关于${periodText}执行力督查情况的通报`;
  return { title, sections, html: sectionsHtml(sections) };
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function sectionsHtml(sections: readonly BulletinSection[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs) out.push(`<p>${escapeHtml(p)}</p>`);
    if (s.table) {
      const head = s.table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
      const body = s.table.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('');
      out.push(`<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
    }
  }
  return out.join('\n');
}
