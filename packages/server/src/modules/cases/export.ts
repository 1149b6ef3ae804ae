// The case list as a workbook, with the list's filters; contacts as the caller sees them (masked unless discipline).
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/messages.ts';
import type { CaseSummary } from './schema.ts';

const SOURCE_NAMES: Record<CaseSummary['source'], Record<Locale, string>> = {
  public_complaint: { 'zh-CN': '群众反映', 'en-US': 'Public complaint' },
  hotline_12345: { 'zh-CN': '12345热线', 'en-US': '12345 hotline' },
  leader_instruction: { 'zh-CN': '领导批示', 'en-US': "Leader's instruction" },
  spot_check: { 'zh-CN': '督查抽查', 'en-US': 'Spot check' },
};
const KIND_NAMES: Record<CaseSummary['kind'], Record<Locale, string>> = {
  complaint: { 'zh-CN': '投诉', 'en-US': 'Complaint' },
  enquiry: { 'zh-CN': '咨询求助', 'en-US': 'Enquiry' },
};
export const CASE_STATUS_NAMES: Record<CaseSummary['status'], Record<Locale, string>> = {
  received: { 'zh-CN': '已受理', 'en-US': 'Received' },
  verifying: { 'zh-CN': '核查中', 'en-US': 'Verifying' },
  findings_issued: { 'zh-CN': '已反馈待整改方案', 'en-US': 'Findings issued' },
  plan_submitted: { 'zh-CN': '整改方案待审', 'en-US': 'Plan submitted' },
  plan_returned: { 'zh-CN': '整改方案退回', 'en-US': 'Plan returned' },
  rectifying: { 'zh-CN': '整改中', 'en-US': 'Rectifying' },
  rechecked: { 'zh-CN': '已复查', 'en-US': 'Re-checked' },
  replied: { 'zh-CN': '已答复', 'en-US': 'Replied' },
  closed: { 'zh-CN': '已办结', 'en-US': 'Closed' },
};

export async function caseWorkbook(items: readonly CaseSummary[], locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const sheet = wb.addWorksheet(zh ? '核查件' : 'Cases');
  sheet.columns = [
    { header: zh ? '受理编号' : 'Receipt', key: 'receipt', width: 22 },
    { header: zh ? '来源' : 'Source', key: 'source', width: 12 },
    { header: zh ? '类型' : 'Kind', key: 'kind', width: 10 },
    { header: zh ? '状态' : 'Status', key: 'status', width: 16 },
    { header: zh ? '标题' : 'Title', key: 'title', width: 36 },
    { header: zh ? '责任单位' : 'Unit', key: 'unit', width: 18 },
    { header: zh ? '事项编号' : 'Item', key: 'item', width: 14 },
    { header: zh ? '地点' : 'Place', key: 'place', width: 18 },
    { header: zh ? '反映人' : 'Complainant', key: 'name', width: 12 },
    { header: zh ? '联系电话' : 'Phone', key: 'phone', width: 16 },
    { header: zh ? '受理日期' : 'Received', key: 'receivedOn', width: 12 },
    { header: zh ? '办理期限' : 'Deadline', key: 'deadline', width: 12 },
    { header: zh ? '逾期' : 'Overdue', key: 'overdue', width: 8 },
    { header: zh ? '逾期措施' : 'Overdue measures', key: 'overdueMeasures', width: 10 },
    { header: zh ? '办结日期' : 'Closed', key: 'closedOn', width: 12 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const yes = zh ? '是' : 'Yes';
  for (const c of items) {
    sheet.addRow({
      receipt: c.receipt,
      source: SOURCE_NAMES[c.source][locale],
      kind: KIND_NAMES[c.kind][locale],
      status: CASE_STATUS_NAMES[c.status][locale],
      title: c.title,
      unit: c.unitName ?? '',
      item: c.itemNumber ?? '',
      place: c.place ?? '',
      name: c.complainantName ?? '',
      phone: c.complainantPhone ?? '',
      receivedOn: c.receivedOn,
      deadline: c.deadline,
      overdue: c.overdue ? yes : '',
      overdueMeasures: c.overdueMeasures || '',
      closedOn: c.closedOn ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
