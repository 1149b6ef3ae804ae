// The meeting pack as documents: a Word document in the official layout (what is handed out at the meeting) and a
// workbook with one sheet per part (what the task force works on). An empty month says so in both.
import ExcelJS from 'exceljs';
import { chineseDate } from '@benpao/domain';
import { translate, type Locale } from '../../i18n/messages.ts';
import { heading, officialDocx, paragraph, textTable } from '../bulletins/docx.ts';
import type { CommitmentView, PackView, PackWarning } from './schema.ts';

type Label = { 'zh-CN': string; 'en-US': string };
const L = {
  title: { 'zh-CN': '月度例会材料', 'en-US': 'Monthly meeting pack' },
  empty: {
    'zh-CN': '本月无督查数据，例会材料为空。',
    'en-US': 'Nothing was recorded this month: the pack is empty.',
  },
  summary: { 'zh-CN': '总体情况', 'en-US': 'Summary' },
  issued: { 'zh-CN': '本月亮灯亮牌', 'en-US': 'Lights and cards issued' },
  cleared: { 'zh-CN': '本月灭灯摘牌', 'en-US': 'Lights and cards cleared' },
  items: { 'zh-CN': '督办事项状态', 'en-US': 'Items by status' },
  ranking: { 'zh-CN': '奔跑指数排名', 'en-US': 'Running index ranking' },
  cases: { 'zh-CN': '未办结核查件', 'en-US': 'Open verification cases' },
  reviews: { 'zh-CN': '本月复盘', 'en-US': 'Post-mortem reviews on the agenda' },
  carried: { 'zh-CN': '上次例会议定事项落实情况', 'en-US': 'Commitments of the previous meeting' },
  commitments: { 'zh-CN': '本次例会议定事项', 'en-US': 'Commitments made at this meeting' },
  none: { 'zh-CN': '无', 'en-US': 'None' },
  preview: { 'zh-CN': '（预览，尚未发布）', 'en-US': ' (preview, not published)' },
  item: { 'zh-CN': '项', 'en-US': '' },
} satisfies Record<string, Label>;

const COLUMNS = {
  figure: [
    { 'zh-CN': '指标', 'en-US': 'Figure' },
    { 'zh-CN': '数量', 'en-US': 'Count' },
  ],
  warning: [
    { 'zh-CN': '类型', 'en-US': 'Kind' },
    { 'zh-CN': '单位', 'en-US': 'Unit' },
    { 'zh-CN': '事项', 'en-US': 'Item' },
    { 'zh-CN': '亮灯（牌）日期', 'en-US': 'Issued on' },
    { 'zh-CN': '灭灯（摘牌）日期', 'en-US': 'Cleared on' },
    { 'zh-CN': '原因', 'en-US': 'Reason' },
  ],
  items: [
    { 'zh-CN': '状态', 'en-US': 'Status' },
    { 'zh-CN': '事项数', 'en-US': 'Items' },
  ],
  ranking: [
    { 'zh-CN': '类别', 'en-US': 'Category' },
    { 'zh-CN': '名次', 'en-US': 'Rank' },
    { 'zh-CN': '单位', 'en-US': 'Unit' },
    { 'zh-CN': '得分', 'en-US': 'Score' },
  ],
  cases: [
    { 'zh-CN': '回执号', 'en-US': 'Receipt' },
    { 'zh-CN': '标题', 'en-US': 'Title' },
    { 'zh-CN': '单位', 'en-US': 'Unit' },
    { 'zh-CN': '状态', 'en-US': 'Status' },
    { 'zh-CN': '受理日期', 'en-US': 'Received on' },
    { 'zh-CN': '办理期限', 'en-US': 'Deadline' },
  ],
  reviews: [
    { 'zh-CN': '事项', 'en-US': 'Item' },
    { 'zh-CN': '复盘', 'en-US': 'Review' },
    { 'zh-CN': '状态', 'en-US': 'State' },
  ],
  commitments: [
    { 'zh-CN': '序号', 'en-US': 'No.' },
    { 'zh-CN': '议定事项', 'en-US': 'Commitment' },
    { 'zh-CN': '责任单位/责任人', 'en-US': 'Owner' },
    { 'zh-CN': '完成时限', 'en-US': 'Deadline' },
    { 'zh-CN': '状态', 'en-US': 'Status' },
    { 'zh-CN': '完成日期', 'en-US': 'Done on' },
  ],
} satisfies Record<string, Label[]>;

const COMMITMENT_STATUS: Record<CommitmentView['status'], Label> = {
  open: { 'zh-CN': '推进中', 'en-US': 'Open' },
  done: { 'zh-CN': '已办结', 'en-US': 'Done' },
  dropped: { 'zh-CN': '已撤销', 'en-US': 'Dropped' },
};
const OVERDUE: Label = { 'zh-CN': '（已逾期）', 'en-US': ' (overdue)' };

function tables(pack: PackView, locale: Locale) {
  const t = (l: Label) => l[locale];
  const cols = (c: Label[]) => c.map(t);
  const zh = locale === 'zh-CN';
  const warningKind = (w: PackWarning) =>
    zh
      ? `${w.colour === 'red' ? '红' : '黄'}${w.kind === 'light' ? '灯' : '牌'}`
      : `${w.colour === 'red' ? 'Red' : 'Yellow'} ${w.kind}`;
  const warningRows = (list: PackWarning[]) =>
    list.map((w) => [
      warningKind(w),
      w.unitName,
      w.itemNumber ? `${w.itemNumber} ${w.itemTitle ?? ''}`.trim() : '—',
      w.issuedOn,
      w.closedOn ?? '',
      w.explanation,
    ]);
  const commitmentRows = (list: CommitmentView[]) =>
    list.map((c) => [
      String(c.seq),
      c.text,
      [c.ownerUnit?.name, c.ownerPerson].filter(Boolean).join(' / '),
      c.deadline,
      `${t(COMMITMENT_STATUS[c.status])}${c.overdue ? t(OVERDUE) : ''}`,
      c.doneOn ?? '',
    ]);
  const s = pack.summary;
  const figures: [Label, number][] = [
    [{ 'zh-CN': '亮灯', 'en-US': 'Lights issued' }, s.lightsIssued],
    [{ 'zh-CN': '亮牌', 'en-US': 'Cards issued' }, s.cardsIssued],
    [{ 'zh-CN': '灭灯', 'en-US': 'Lights cleared' }, s.lightsCleared],
    [{ 'zh-CN': '摘牌', 'en-US': 'Cards cleared' }, s.cardsCleared],
    [{ 'zh-CN': '督办事项', 'en-US': 'Items' }, s.items],
    [{ 'zh-CN': '未办结核查件', 'en-US': 'Open cases' }, s.openCases],
    [{ 'zh-CN': '上会复盘', 'en-US': 'Reviews on the agenda' }, s.reviewsScheduled],
    [{ 'zh-CN': '上次议定事项', 'en-US': 'Commitments carried' }, s.commitmentsCarried],
    [{ 'zh-CN': '其中未办结', 'en-US': 'of which open' }, s.commitmentsCarriedOpen],
  ];
  return [
    { name: t(L.summary), columns: cols(COLUMNS.figure), rows: figures.map(([l, n]) => [t(l), String(n)]) },
    { name: t(L.issued), columns: cols(COLUMNS.warning), rows: warningRows(pack.warningsIssued) },
    { name: t(L.cleared), columns: cols(COLUMNS.warning), rows: warningRows(pack.warningsCleared) },
    {
      name: t(L.items),
      columns: cols(COLUMNS.items),
      rows: pack.itemsByStatus.map((r) => [translate(`state.${r.status}`, locale), String(r.count)]),
    },
    {
      name: t(L.ranking) + (pack.ranking && !pack.ranking.published ? t(L.preview) : ''),
      columns: cols(COLUMNS.ranking),
      rows: (pack.ranking?.categories ?? []).flatMap((c) =>
        c.ranking.map((e) => [
          c.name,
          e.rank === null ? '—' : String(e.rank),
          e.name,
          e.total === null ? '—' : e.total.toFixed(2),
        ]),
      ),
    },
    {
      name: t(L.cases),
      columns: cols(COLUMNS.cases),
      rows: pack.openCases.map((c) => [
        c.receipt,
        c.title,
        c.unitName ?? '',
        translate(`case_state.${c.status}`, locale),
        c.receivedOn,
        c.deadline,
      ]),
    },
    {
      name: t(L.reviews),
      columns: cols(COLUMNS.reviews),
      rows: pack.reviews.map((r) => [
        `${r.itemNumber} ${r.itemTitle}`,
        r.title,
        translate(`review_state.${r.state}`, locale),
      ]),
    },
    {
      name: t(L.carried) + (pack.carried ? `（${pack.carried.month}）` : ''),
      columns: cols(COLUMNS.commitments),
      rows: commitmentRows(pack.carried?.commitments ?? []),
    },
    { name: t(L.commitments), columns: cols(COLUMNS.commitments), rows: commitmentRows(pack.commitments) },
  ];
}

const packTitle = (pack: PackView, locale: Locale) => {
  const [y, m] = pack.month.split('-').map(Number) as [number, number];
  return locale === 'zh-CN' ? `${y}年${m}月${L.title['zh-CN']}` : `${L.title['en-US']}, ${pack.month}`;
};

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string, i: number) => `${i + 1} ${s.replace(/[[\]:*?/\\]/g, '_')}`.slice(0, 31);

export async function packWorkbook(pack: PackView, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const cover = wb.addWorksheet(locale === 'zh-CN' ? '封面' : 'Cover');
  cover.addRow([packTitle(pack, locale)]).font = { bold: true, size: 14 };
  cover.addRow([`${pack.from} — ${pack.to}`]);
  if (pack.meeting) cover.addRow([pack.meeting.title, pack.meeting.heldOn ?? '']);
  if (pack.empty) cover.addRow([L.empty[locale]]);
  cover.getColumn(1).width = 40;
  tables(pack, locale).forEach((tb, i) => {
    const sheet = wb.addWorksheet(sheetName(tb.name, i));
    sheet.addRow(tb.columns);
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of tb.rows) sheet.addRow(r);
    if (tb.rows.length === 0) sheet.addRow([L.none[locale]]);
    tb.columns.forEach((_, c) => (sheet.getColumn(c + 1).width = c === tb.columns.length - 1 ? 50 : 18));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function packDocument(pack: PackView, issuer: string, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const body = [];
  if (pack.meeting?.heldOn)
    body.push(
      paragraph(zh ? `会议时间：${chineseDate(pack.meeting.heldOn)}` : `Held on ${pack.meeting.heldOn}`),
    );
  if (pack.empty) body.push(paragraph(L.empty[locale]));
  else {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    tables(pack, locale).forEach((tb, i) => {
      body.push(heading(zh ? `${numerals[i]}、${tb.name}` : `${i + 1}. ${tb.name}`));
      body.push(tb.rows.length === 0 ? paragraph(L.none[locale]) : textTable(tb.columns, tb.rows));
    });
  }
  return officialDocx({
    issuer,
    number: pack.meeting?.title ?? packTitle(pack, locale),
    title: packTitle(pack, locale),
    date: pack.generatedOn,
    body,
  });
}
