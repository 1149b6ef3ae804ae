import { describe, expect, it } from 'vitest';
import { generateBulletinDraft, type BulletinDraftInput, type BulletinWarning } from './draft.ts';

const warning = (over: Partial<BulletinWarning>): BulletinWarning => ({
  id: 'w1',
  kind: 'light',
  colour: 'yellow',
  unitName: '大东坝镇',
  itemNumber: 'DB-2022-0014',
  itemTitle: '松材线虫病疫木清理',
  issuedOn: '2022-04-06',
  condition: 'milestone_overdue',
  explanation: '节点“3月31日前完成清理”已逾期6天',
  ...over,
});

const input: BulletinDraftInput = {
  issuer: '松阳县执行力建设专班',
  period: { from: '2022-04-01', to: '2022-04-20' },
  warnings: [
    warning({
      id: 'w3',
      kind: 'card',
      unitName: '新兴镇',
      itemNumber: null,
      itemTitle: null,
      issuedOn: '2022-04-12',
      condition: 'lights_in_period',
      explanation: '本月亮黄灯2盏',
    }),
    warning({ id: 'w2', unitName: '新兴镇', explanation: '节点逾期（新兴镇）' }),
    warning({ id: 'w1' }),
    warning({
      id: 'w4',
      colour: 'red',
      condition: null,
      explanation: '抽查发现台账不实',
      issuedOn: '2022-04-15',
    }),
  ],
  ranking: {
    month: '2022-03',
    published: true,
    categories: [
      {
        name: '乡镇（街道）',
        top: [{ name: '望松街道', total: 92.5, rank: 1 }],
        bottom: [{ name: '大东坝镇', total: 70.25, rank: 9 }],
      },
    ],
  },
};

describe('bulletin draft', () => {
  it('reports the period, every warning with its reason, the typical problems and the boards', () => {
    const d = generateBulletinDraft(input);
    expect(d.title).toBe('关于2022年4月1日至2022年4月20日执行力督查情况的通报');
    expect(d.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、亮灯亮牌情况',
      '三、存在的典型问题',
      '四、奔跑指数排名',
      '五、工作要求',
    ]);
    expect(d.sections[0]!.paragraphs[0]).toContain(
      '亮灯3盏（红灯1盏、黄灯2盏），亮牌1张（红牌0张、黄牌1张），涉及2个单位',
    );
    const table = d.sections[1]!.table!;
    // By date, then cards before lights, then unit, then id.
    expect(table.rows.map((r) => r[5])).toEqual([
      '节点“3月31日前完成清理”已逾期6天',
      '节点逾期（新兴镇）',
      '本月亮黄灯2盏',
      '抽查发现台账不实',
    ]);
    expect(table.rows[2]!.slice(1, 4)).toEqual(['黄牌', '新兴镇', '—']);
    expect(table.rows[3]![1]).toBe('红灯');
    expect(d.sections[2]!.paragraphs[0]).toBe(
      '节点逾期（2次）：涉及大东坝镇、新兴镇。如：节点“3月31日前完成清理”已逾期6天',
    );
    expect(d.sections[2]!.paragraphs).toContain(
      '督查抽查发现问题（1次）：涉及大东坝镇。如：抽查发现台账不实',
    );
    expect(d.sections[3]!.table!.rows).toEqual([
      ['乡镇（街道）', '红榜', '1', '望松街道', '92.50'],
      ['乡镇（街道）', '黑榜', '9', '大东坝镇', '70.25'],
    ]);
  });

  it('is deterministic whatever the order of its input', () => {
    const a = generateBulletinDraft(input);
    const b = generateBulletinDraft({ ...input, warnings: [...input.warnings].reverse() });
    expect(b).toEqual(a);
  });

  it('escapes the text it puts into the rich text', () => {
    const d = generateBulletinDraft({
      ...input,
      warnings: [warning({ explanation: '<script>alert(1)</script> & "x"' })],
    });
    expect(d.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(d.html).not.toContain('<script>');
  });

  it('says so when the period has nothing, and leaves the ranking out without one', () => {
    const d = generateBulletinDraft({ ...input, warnings: [], ranking: null });
    expect(d.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、亮灯亮牌情况',
      '三、存在的典型问题',
      '四、工作要求',
    ]);
    expect(d.sections[0]!.paragraphs[0]).toContain('期内未亮灯亮牌');
    expect(d.sections[1]!.table).toBeNull();
    expect(d.html).toContain('<p>本期无亮灯亮牌。</p>');
  });
});
