// The talks as a workbook, for the discipline commission's own files (the route is discipline-only).
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/messages.ts';
import type { TalkView } from './schema.ts';

export async function talksWorkbook(talks: readonly TalkView[], locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const sheet = wb.addWorksheet(zh ? '谈话提醒' : 'Admonition talks');
  sheet.columns = [
    { header: zh ? '谈话日期' : 'Held on', key: 'heldOn', width: 12 },
    { header: zh ? '单位' : 'Unit', key: 'unit', width: 24 },
    { header: zh ? '谈话对象' : 'Person', key: 'person', width: 14 },
    { header: zh ? '职务' : 'Position', key: 'position', width: 18 },
    { header: zh ? '谈话事由' : 'Reason', key: 'reason', width: 48 },
    { header: zh ? '谈话人' : 'Held by', key: 'heldBy', width: 20 },
    { header: zh ? '关联事项' : 'Item', key: 'item', width: 30 },
    { header: zh ? '备注' : 'Notes', key: 'notes', width: 40 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const t of talks) {
    sheet.addRow({
      heldOn: t.heldOn,
      unit: t.unitName,
      person: t.personName,
      position: t.position,
      reason: t.reason,
      heldBy: t.heldBy,
      item: t.itemNumber ? `${t.itemNumber} ${t.itemTitle ?? ''}`.trim() : '',
      notes: t.notes ?? '',
    });
  }
  for (const col of ['reason', 'notes']) sheet.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
