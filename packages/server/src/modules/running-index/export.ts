// The month's index as a workbook: one ranking sheet per category (rank, change, total, base, deductions, bonuses
// and each component's points) and a breakdown sheet with every unit's components, items, deductions and bonuses.
import { METHOD_NAMES, type ComponentScore, type DeductionEntry, type MonthResult } from '@benpao/domain';
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/messages.ts';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } } as const;

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.fill = HEADER_FILL;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string, used: Set<string>) => {
  let name = s.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${s.slice(0, 27)} (${i})`;
  used.add(name);
  return name;
};

type Labels = Record<string, { 'zh-CN': string; 'en-US': string }>;
const HANDLING: Labels = {
  measured: { 'zh-CN': '按本单位数据', 'en-US': 'On own data' },
  category_mean: { 'zh-CN': '按类别平均', 'en-US': 'Category mean' },
  neutral: { 'zh-CN': '中性分', 'en-US': 'Neutral score' },
  reweighted: { 'zh-CN': '不计，权重重分配', 'en-US': 'Left out, re-weighted' },
};
const DEDUCTION: Record<DeductionEntry['reason'], { 'zh-CN': string; 'en-US': string }> = {
  yellowLight: { 'zh-CN': '黄灯', 'en-US': 'Yellow light' },
  redLight: { 'zh-CN': '红灯', 'en-US': 'Red light' },
  yellowCard: { 'zh-CN': '黄牌', 'en-US': 'Yellow card' },
  redCard: { 'zh-CN': '红牌', 'en-US': 'Red card' },
  admonition: { 'zh-CN': '谈话提醒', 'en-US': 'Admonition talk' },
};

export async function monthWorkbook(
  result: MonthResult,
  meta: { published: boolean; revision: number | null },
  locale: Locale,
): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const used = new Set<string>();
  const componentIds = [...new Set(result.scores.flatMap((s) => Object.keys(s.components)))];
  // Names as scored; snapshots published before names were kept fall back to the method's name.
  const components = new Map<string, Pick<ComponentScore, 'method' | 'name'>>();
  for (const s of result.scores) for (const [id, c] of Object.entries(s.components)) components.set(id, c);
  const componentLabel = (id: string) => {
    const c = components.get(id);
    return c ? (c.name ?? METHOD_NAMES[c.method])[locale] : id;
  };
  const status = meta.published
    ? zh
      ? `已发布（第 ${meta.revision} 版）`
      : `Published (revision ${meta.revision})`
    : zh
      ? '实时预览（未发布）'
      : 'Live preview (not published)';

  for (const cat of result.categories) {
    const sheet = wb.addWorksheet(sheetName(`${cat.name[locale]} ${result.month}`, used));
    sheet.columns = [
      { header: zh ? '名次' : 'Rank', key: 'rank', width: 8 },
      { header: zh ? '单位' : 'Unit', key: 'unit', width: 24 },
      { header: zh ? '总分' : 'Total', key: 'total', width: 10 },
      { header: zh ? '名次变化' : 'Rank change', key: 'change', width: 12 },
      { header: zh ? '基础分' : 'Base', key: 'base', width: 10 },
      { header: zh ? '扣分' : 'Deductions', key: 'deductions', width: 10 },
      { header: zh ? '加分' : 'Bonuses', key: 'bonuses', width: 10 },
      ...componentIds.map((id) => ({ header: componentLabel(id), key: `c_${id}`, width: 14 })),
      { header: zh ? '榜单' : 'Board', key: 'board', width: 10 },
    ];
    styleHeader(sheet);
    const top = new Set(cat.top.map((e) => e.unitId));
    const bottom = new Set(cat.bottom.map((e) => e.unitId));
    for (const entry of cat.ranking) {
      const s = result.scores.find((x) => x.unitId === entry.unitId);
      if (!s) continue;
      sheet.addRow({
        rank: s.rank ?? '—',
        unit: s.name,
        total: s.total ?? '—',
        change: s.rankChange ?? '',
        base: s.base ?? '—',
        deductions: s.deductionPoints ? -s.deductionPoints : 0,
        bonuses: s.bonusPoints,
        ...Object.fromEntries(componentIds.map((id) => [`c_${id}`, s.components[id]?.points ?? ''])),
        board: top.has(s.unitId)
          ? zh
            ? '红榜'
            : 'Red'
          : bottom.has(s.unitId)
            ? zh
              ? '黑榜'
              : 'Black'
            : '',
      });
    }
    sheet.addRow([]);
    sheet.addRow([status]);
  }

  const detail = wb.addWorksheet(sheetName(zh ? '得分明细' : 'Breakdown', used));
  detail.columns = [
    { header: zh ? '单位' : 'Unit', key: 'unit', width: 24 },
    { header: zh ? '项目' : 'Part', key: 'part', width: 16 },
    { header: zh ? '事项/原因' : 'Item / reason', key: 'what', width: 40 },
    { header: zh ? '值' : 'Value', key: 'value', width: 10 },
    { header: zh ? '得分' : 'Points', key: 'points', width: 10 },
  ];
  styleHeader(detail);
  for (const s of result.scores) {
    detail.addRow({ unit: s.name, part: zh ? '总分' : 'Total', what: '', value: '', points: s.total ?? '—' });
    for (const [id, c] of Object.entries(s.components)) {
      detail.addRow({
        unit: s.name,
        part: componentLabel(id),
        what: HANDLING[c.handling]?.[locale] ?? c.handling,
        value: c.score ?? '',
        points: c.points,
      });
      for (const it of c.items)
        detail.addRow({
          unit: s.name,
          part: componentLabel(id),
          what: `${it.number} ${it.title}`,
          value: it.value ?? '',
          points: it.points,
        });
    }
    for (const d of s.deductions)
      detail.addRow({
        unit: s.name,
        part: zh ? '扣分' : 'Deduction',
        what: `${DEDUCTION[d.reason][locale]} ${d.on}`,
        value: '',
        points: -d.points,
      });
    for (const b of s.bonuses)
      detail.addRow({
        unit: s.name,
        part: zh ? '加分' : 'Bonus',
        what: `${b.reason} ${b.on}`,
        value: b.entered,
        points: b.points,
      });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
