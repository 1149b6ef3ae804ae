import { describe, expect, it } from 'vitest';
import enUS from '../locales/en-US';
import zhCN from '../locales/zh-CN';
import { notificationLink, notificationText } from './notificationText';

function translator(messages: Record<string, string>) {
  const t = (key: string, options: Record<string, unknown> = {}) =>
    (messages[key] ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
  const exists = (key: string) => key in messages;
  return { t, exists };
}

const zh = translator(zhCN);
const en = translator(enUS);
const item = { itemNumber: 'DB-2022-0017', itemTitle: '松材线虫病疫木清理' };

describe('notification texts', () => {
  it('words a due reminder with the period label and working days left', () => {
    const n = {
      kind: 'report_due',
      params: { ...item, periodKey: '2022-03', deadline: '2022-04-07', workingDaysLeft: 2 },
    };
    const text = notificationText(n, zh.t, zh.exists, 'zh-CN');
    expect(text).toContain('DB-2022-0017');
    expect(text).toContain('2022年3月');
    expect(text).toContain('2022-04-07');
    expect(text).toContain('2');
    expect(notificationText(n, en.t, en.exists, 'en-US')).toContain('Mar 2022');
  });

  it('splits request decisions into approved and refused, with the request kind translated', () => {
    const approved = {
      kind: 'request_decided',
      params: { ...item, requestKind: 'extension', approved: true },
    };
    const refused = {
      kind: 'request_decided',
      params: { ...item, requestKind: 'adjustment', approved: false, reason: '理由不充分' },
    };
    expect(notificationText(approved, zh.t, zh.exists, 'zh-CN')).toContain(zhCN['requestKind.extension']);
    expect(notificationText(refused, zh.t, zh.exists, 'zh-CN')).toContain('理由不充分');
    expect(notificationText(approved, zh.t, zh.exists, 'zh-CN')).not.toBe(
      notificationText(refused, zh.t, zh.exists, 'zh-CN'),
    );
  });

  it('has a text for every kind the server sends, and a fallback for unknown kinds', () => {
    for (const kind of [
      'report_due',
      'report_overdue',
      'item_assigned',
      'report_returned',
      'report_accepted',
    ]) {
      const text = notificationText({ kind, params: item }, zh.t, zh.exists, 'zh-CN');
      expect(text).toContain('DB-2022-0017');
      expect(text).not.toMatch(/\{\{|notification\./);
    }
    expect(notificationText({ kind: 'something_new', params: {} }, zh.t, zh.exists, 'zh-CN')).toBe(
      zhCN['notification.unknown'],
    );
  });

  it("words a light or card in the reader's language and leads to the warning", () => {
    const light = {
      kind: 'warning_issued',
      itemId: 'i1',
      reportId: null,
      params: {
        warningId: 'w1',
        warningKind: 'light',
        colour: 'yellow',
        itemNumber: 'DB-2022-0017',
        explanationZh: '进度滞后计划 12 个百分点，超过黄灯阈值 10',
        explanationEn: '12 points behind plan, over the yellow threshold of 10',
      },
    };
    const zhText = notificationText(light, zh.t, zh.exists, 'zh-CN');
    expect(zhText).toContain('DB-2022-0017');
    expect(zhText).toContain(zhCN['warningBadge.light.yellow']);
    expect(zhText).toContain('进度滞后计划 12 个百分点');
    const enText = notificationText(light, en.t, en.exists, 'en-US');
    expect(enText).toContain('12 points behind plan');
    expect(enText).toContain(enUS['warningBadge.light.yellow']);
    expect(enText).not.toMatch(/\{\{|notification\./);
    expect(notificationLink(light)).toBe('/warnings/w1');

    const card = {
      kind: 'warning_escalated',
      itemId: null,
      reportId: null,
      params: {
        warningId: 'w2',
        warningKind: 'card',
        colour: 'red',
        itemNumber: null,
        explanationZh: '红牌',
        explanationEn: 'red',
      },
    };
    expect(notificationText(card, zh.t, zh.exists, 'zh-CN')).toContain(zhCN['notification.warningOwnUnit']);
    expect(notificationText(card, en.t, en.exists, 'en-US')).toContain(enUS['warningBadge.card.red']);
    expect(notificationLink(card)).toBe('/warnings/w2');
  });

  it('words a published bulletin with its number and title and leads to it', () => {
    const n = {
      kind: 'bulletin_published',
      params: { bulletinId: 'b1', number: '松执专〔2022〕3号', title: '四月督查通报' },
      itemId: null,
      reportId: null,
    };
    for (const [tr, locale] of [
      [zh, 'zh-CN'],
      [en, 'en-US'],
    ] as const) {
      const text = notificationText(n, tr.t, tr.exists, locale);
      expect(text).toContain('松执专〔2022〕3号');
      expect(text).toContain('四月督查通报');
      expect(text).not.toMatch(/\{\{|notification\./);
    }
    expect(notificationLink(n)).toBe('/bulletins/b1');
  });

  it('words a low service rating with its month and service and leads to the follow-ups', () => {
    const n = {
      kind: 'rating_low',
      params: { unitName: '大东坝镇', month: '2022-04', service: 'approval', compliance: 2 },
      itemId: null,
      reportId: null,
    };
    expect(notificationText(n, zh.t, zh.exists, 'zh-CN')).toContain('2022-04的“行政审批”');
    expect(notificationText(n, en.t, en.exists, 'en-US')).toContain('“Administrative approval”');
    expect(notificationLink(n)).toBe('/ratings/follow-ups');
  });

  it('words every case notification and leads to its case', () => {
    for (const kind of [
      'case_received',
      'case_team',
      'case_feedback',
      'case_plan_submitted',
      'case_plan_decided',
      'case_overdue',
      'case_measure_overdue',
    ]) {
      for (const [tr, locale, messages] of [
        [zh, 'zh-CN', zhCN],
        [en, 'en-US', enUS],
      ] as const) {
        const text = notificationText({ kind, params: { caseId: 'c1' } }, tr.t, tr.exists, locale);
        expect(text).not.toBe(messages['notification.unknown']);
        expect(text).not.toMatch(/\{\{|notification\./);
      }
      expect(notificationLink({ kind, itemId: null, reportId: null, params: { caseId: 'c1' } })).toBe(
        '/cases/c1',
      );
    }
  });

  it('leads to the report or the item', () => {
    expect(notificationLink({ kind: 'report_returned', itemId: 'i1', reportId: 'r1' })).toBe(
      '/reports/r1/edit',
    );
    expect(notificationLink({ kind: 'item_assigned', itemId: 'i1', reportId: null })).toBe('/items/i1');
    expect(notificationLink({ kind: 'report_due', itemId: 'i1', reportId: null })).toBe(
      '/items/i1?tab=reports',
    );
    expect(notificationLink({ kind: 'report_due', itemId: null, reportId: null })).toBeNull();
  });
});
