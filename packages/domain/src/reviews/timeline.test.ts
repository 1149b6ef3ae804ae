import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelineInput } from './timeline.ts';

// A small history modelled on the demo's Wangcun Bridge widening: two milestones (one late), a report returned and
// submitted again, a light issued and cleared, a card on the unit, a verification case and a talk.
const history: TimelineInput = {
  asOf: '2022-04-20',
  transitions: [
    {
      id: 't1',
      action: 'create',
      toStatus: 'draft',
      at: '2022-01-04T01:00:00.000Z',
      actorName: '督查员',
      reason: null,
    },
    {
      id: 't2',
      action: 'assign',
      toStatus: 'assigned',
      at: '2022-01-04T02:00:00.000Z',
      actorName: '督查员',
      reason: null,
    },
    // 23:30 UTC on 4 January is 5 January in Shanghai.
    {
      id: 't3',
      action: 'accept',
      toStatus: 'accepted',
      at: '2022-01-04T23:30:00.000Z',
      actorName: '街道',
      reason: null,
    },
    {
      id: 't5',
      action: 'complete',
      toStatus: 'completed',
      at: '2022-03-30T08:00:00.000Z',
      actorName: null,
      reason: null,
    },
    {
      id: 't4',
      action: 'request_completion',
      toStatus: 'completion_requested',
      at: '2022-03-30T02:00:00.000Z',
      actorName: null,
      reason: '已通车',
    },
  ],
  milestones: [
    { id: 'm1', title: '桥面完成', plannedDate: '2022-01-25', doneDate: '2022-01-24' },
    { id: 'm2', title: '引道完成', plannedDate: '2022-02-25', doneDate: '2022-03-02' },
    { id: 'm3', title: '验收', plannedDate: '2022-05-31', doneDate: null },
  ],
  reports: [
    {
      id: 'r2',
      periodKey: '2022-02',
      status: 'accepted',
      submittedOn: '2022-03-10',
      reviewedAt: '2022-03-11T02:00:00.000Z',
      returnReason: '请补充群众反映',
      late: true,
      workingDaysLate: 1,
      progress: 50,
    },
    {
      id: 'r3',
      periodKey: '2022-03',
      status: 'returned',
      submittedOn: '2022-04-06',
      reviewedAt: '2022-04-07T02:00:00.000Z',
      returnReason: '缺佐证',
      late: false,
      workingDaysLate: 0,
      progress: 100,
    },
    {
      id: 'r4',
      periodKey: '2022-04',
      status: 'draft',
      submittedOn: null,
      reviewedAt: null,
      returnReason: null,
      late: null,
      workingDaysLate: null,
      progress: null,
    },
  ],
  warnings: [
    {
      id: 'w1',
      kind: 'light',
      unitName: null,
      events: [
        { seq: 1, type: 'issued', onDate: '2022-02-28', colour: 'yellow' },
        { seq: 2, type: 'refreshed', onDate: '2022-03-01', colour: 'yellow' },
        { seq: 3, type: 'cleared', onDate: '2022-03-03', colour: 'yellow' },
      ],
    },
    {
      id: 'w2',
      kind: 'card',
      unitName: '望松街道',
      events: [{ seq: 1, type: 'issued', onDate: '2022-03-01', colour: 'yellow' }],
    },
  ],
  cases: [
    { id: 'c1', number: 'HC-2022-001', openedOn: '2022-02-15', closedOn: null },
    { id: 'c2', number: null, title: '封道绕行', openedOn: '2022-01-10', closedOn: '2022-03-20' },
  ],
  talks: [{ id: 'k1', heldOn: '2022-02-20', unitName: '望松街道' }],
};

describe('buildTimeline', () => {
  const events = buildTimeline(history);

  it('dates every event and orders them by day, then plan before fact, then instant', () => {
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(events[0]).toMatchObject({
      date: '2022-01-04',
      kind: 'item.transition',
      link: { type: 'item', id: 't1' },
    });
    expect(events[1]!.link.id).toBe('t2');
    // Same day, same kind: the request before the completion, by instant, although listed the other way round.
    const march30 = events.filter((e) => e.date === '2022-03-30').map((e) => e.link.id);
    expect(march30).toEqual(['t4', 't5']);
  });

  it('turns instants into Shanghai dates, unless the business date was recorded', () => {
    expect(events.find((e) => e.link.id === 't3')!.date).toBe('2022-01-05');
    // A demo region lives on its own day while the clock runs on: the recorded business date wins.
    const demo = buildTimeline({
      asOf: '2022-04-20',
      transitions: [
        {
          id: 'x',
          action: 'start',
          toStatus: 'in_progress',
          at: '2026-11-27T08:00:00.000Z',
          onDate: '2022-04-20',
          actorName: null,
          reason: null,
        },
      ],
      reports: [
        {
          ...history.reports![0]!,
          id: 'y',
          reviewedAt: '2026-11-27T09:00:00.000Z',
          reviewedOn: '2022-04-19',
          submittedOn: '2022-04-18',
        },
      ],
    });
    expect(demo.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2022-04-18 report.submitted',
      '2022-04-19 report.accepted',
      '2022-04-20 item.transition',
    ]);
  });

  it('labels every event in both languages and links it to its record', () => {
    for (const e of events) {
      expect(e.label.zh.length, e.kind).toBeGreaterThan(0);
      expect(e.label.en.length, e.kind).toBeGreaterThan(0);
    }
    const request = events.find((e) => e.link.id === 't4')!;
    expect(request.label.zh).toBe('申请办结：已通车');
    expect(request.label.en).toBe('Completion requested: 已通车');
    expect(events.find((e) => e.link.id === 'c1')!.label).toEqual({
      zh: '立案核查 HC-2022-001',
      en: 'Verification case HC-2022-001 opened',
    });
    expect(events.filter((e) => e.link.id === 'c2').map((e) => [e.date, e.label.zh, e.tone])).toEqual([
      ['2022-01-10', '立案核查：封道绕行', 'bad'],
      ['2022-03-20', '核查办结：封道绕行', 'good'],
    ]);
    expect(events.find((e) => e.kind === 'talk.held')!.link).toEqual({ type: 'talk', id: 'k1' });
  });

  it('marks milestones reached on time, late and missed', () => {
    const m1 = events.filter((e) => e.link.id === 'm1').map((e) => [e.kind, e.tone]);
    expect(m1).toEqual([
      ['milestone.reached', 'good'],
      ['milestone.planned', 'neutral'],
    ]);
    const m2 = events.filter((e) => e.link.id === 'm2').map((e) => `${e.date} ${e.kind} ${e.tone}`);
    expect(m2).toEqual([
      '2022-02-25 milestone.planned neutral',
      '2022-02-26 milestone.missed bad',
      '2022-03-02 milestone.reached bad',
    ]);
    // Planned after asOf: not on the timeline yet, and not missed.
    expect(events.some((e) => e.link.id === 'm3')).toBe(false);
  });

  it('tells reports submitted (late, again after a return), accepted and returned; drafts are not events', () => {
    const r2 = events.filter((e) => e.link.id === 'r2');
    expect(r2.map((e) => e.kind)).toEqual(['report.submitted', 'report.accepted']);
    expect(r2[0]!.label.zh).toBe('报送 2022-02 进度，进度 50%（退回后重报）（逾期 1 个工作日）');
    expect(r2[0]!.tone).toBe('bad');
    const r3 = events.filter((e) => e.link.id === 'r3');
    expect(r3.map((e) => e.kind)).toEqual(['report.submitted', 'report.returned']);
    expect(r3[1]!.label.en).toBe('Report for 2022-03 returned: 缺佐证');
    expect(events.some((e) => e.link.id === 'r4')).toBe(false);
  });

  it('keeps the warning events that change a light or card and names the unit of a card', () => {
    const w = events.filter((e) => e.link.type === 'warning').map((e) => `${e.date} ${e.kind} ${e.label.en}`);
    expect(w).toEqual([
      '2022-02-28 warning.issued Yellow light issued',
      '2022-03-01 warning.issued 望松街道: Yellow card issued',
      '2022-03-03 warning.cleared Yellow light cleared',
    ]);
    expect(events.find((e) => e.kind === 'warning.cleared')!.label.zh).toBe('灭灯（黄灯）');
  });

  it('leaves out what happened after asOf', () => {
    const early = buildTimeline({ ...history, asOf: '2022-02-28' });
    expect(early.every((e) => e.date <= '2022-02-28')).toBe(true);
    expect(early.some((e) => e.kind === 'warning.issued')).toBe(true);
    expect(early.some((e) => e.kind === 'warning.cleared')).toBe(false);
  });

  it('is the same whatever order the history comes in', () => {
    const lists = ['transitions', 'milestones', 'reports', 'warnings', 'cases', 'talks'] as const;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (seeds) => {
        const shuffled: TimelineInput = { ...history };
        lists.forEach((key, i) => {
          const list = [...(history[key] as readonly unknown[])];
          const s = seeds[i]!;
          for (let j = list.length - 1; j > 0; j--) {
            const k = (s + j * 7) % (j + 1);
            [list[j], list[k]] = [list[k], list[j]];
          }
          (shuffled as unknown as Record<string, unknown>)[key] = list;
        });
        expect(buildTimeline(shuffled)).toEqual(events);
      }),
      { numRuns: 50 },
    );
  });

  it('gives an empty timeline for an item without history', () => {
    expect(buildTimeline({ asOf: '2022-04-20' })).toEqual([]);
  });
});
