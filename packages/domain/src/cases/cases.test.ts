import { describe, expect, it } from 'vitest';
import { builtinChineseCalendar, mergeCalendars, WorkCalendar } from '../calendar.ts';
import type { DomainError } from '../errors.ts';
import {
  allowedCaseActions,
  CASE_ACTIONS,
  CASE_STATES,
  CASE_TRANSITIONS,
  caseActorsOf,
  caseDeadline,
  checkPhone,
  closeBlockers,
  formatReceipt,
  isPastDeadline,
  maskName,
  maskPhone,
  nextCaseState,
  normaliseReceipt,
  planProblems,
  RECEIPT_PATTERN,
  type CaseActor,
  type CaseState,
} from './index.ts';

const cal = new WorkCalendar(builtinChineseCalendar());

describe('case deadlines in working days', () => {
  it.each([
    // Qingming 2022: Sat 2 April is a make-up working day (调休), 3–5 April are off.
    ['2022-04-01', 'enquiry', '2022-04-07'],
    // May Day 2022: Sun 24 April and Sat 7 May are make-up working days, 30 April – 4 May are off.
    ['2022-04-20', 'complaint', '2022-05-10'],
    ['2022-04-28', 'enquiry', '2022-05-06'],
    // Received on a holiday: counting starts the day after all the same.
    ['2022-04-04', 'enquiry', '2022-04-08'],
    ['2022-04-29', 'enquiry', '2022-05-07'],
  ] as const)('received %s (%s) → due %s', (received, kind, due) => {
    expect(caseDeadline(cal, received, kind)).toBe(due);
  });

  it('uses the configured days and the region overrides passed in', () => {
    expect(caseDeadline(cal, '2022-04-20', 'complaint', { complaint: 5, enquiry: 1 })).toBe('2022-04-26');
    const withRegionDay = new WorkCalendar(
      mergeCalendars(builtinChineseCalendar(), {
        overrides: [{ date: '2022-04-07', kind: 'holiday', name: '县域停工日' }],
        yearsWithData: [],
      }),
    );
    expect(caseDeadline(withRegionDay, '2022-04-01', 'enquiry')).toBe('2022-04-08');
  });

  it('keeps the deadline day itself in time', () => {
    expect(isPastDeadline('2022-05-10', '2022-05-10')).toBe(false);
    expect(isPastDeadline('2022-05-10', '2022-05-11')).toBe(true);
  });
});

describe('the case workflow', () => {
  const team: CaseActor[] = ['discipline'];
  const unit: CaseActor[] = ['unit_manager'];

  it('walks the Wangcun Bridge case from receipt to closure, a plan sent back and resubmitted on the way', () => {
    let s: CaseState = 'received';
    s = nextCaseState(s, 'assign_team', team);
    expect(s).toBe('verifying');
    s = nextCaseState(s, 'issue_findings', ['task_force']);
    expect(s).toBe('findings_issued');
    s = nextCaseState(s, 'submit_plan', unit);
    s = nextCaseState(s, 'return_plan', team);
    expect(s).toBe('plan_returned');
    s = nextCaseState(s, 'submit_plan', unit);
    expect(s).toBe('plan_submitted');
    s = nextCaseState(s, 'approve_plan', team);
    expect(s).toBe('rectifying');
    s = nextCaseState(s, 'recheck', team);
    s = nextCaseState(s, 'reply', team);
    s = nextCaseState(s, 'close', team);
    expect(s).toBe('closed');
  });

  it('lets each capacity take exactly its steps, in exactly their states', () => {
    const capacities: CaseActor[] = ['discipline', 'task_force', 'unit_manager', 'unit_reporter'];
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        for (const actor of capacities) {
          const t = CASE_TRANSITIONS[action];
          const run = () => nextCaseState(state, action, [actor]);
          if (!t.by.includes(actor)) {
            expect(run).toThrow(expect.objectContaining({ kind: 'forbidden' }) as DomainError);
          } else if (!t.from.includes(state)) {
            expect(run).toThrow(
              expect.objectContaining({ kind: 'conflict', code: 'illegal_case_action' }) as DomainError,
            );
          } else {
            expect(run()).toBe(t.to);
          }
        }
      }
    }
    // The unit's reporter takes no workflow step: progress on measures is not a transition.
    for (const state of CASE_STATES) expect(allowedCaseActions(state, ['unit_reporter'])).toEqual([]);
    expect(allowedCaseActions('closed', ['discipline', 'task_force'])).toEqual([]);
    expect(allowedCaseActions('plan_submitted', ['discipline'])).toEqual(['approve_plan', 'return_plan']);
  });

  it('gives unit capacities only on the own unit, and county capacities everywhere', () => {
    expect(caseActorsOf(['unit_manager'], false)).toEqual([]);
    expect(caseActorsOf(['unit_manager', 'unit_reporter'], true)).toEqual(['unit_manager', 'unit_reporter']);
    expect(caseActorsOf(['discipline'], false)).toEqual(['discipline']);
    expect(caseActorsOf(['supervisor'], false)).toEqual(['task_force']);
    expect(caseActorsOf(['leader', 'sys_admin'], true)).toEqual([]);
  });
});

describe('rectification plans and closure', () => {
  const m = (deadline: string) => ({ text: '优化施工组织', owner: '叶主任', deadline });

  it('refuses a measure due after the case deadline, naming it', () => {
    expect(planProblems([m('2022-05-10'), m('2022-05-11')], '2022-05-10', '2022-04-21')).toEqual([
      {
        field: 'measures.1.deadline',
        code: 'measure_after_case_deadline',
        params: { deadline: '2022-05-11', caseDeadline: '2022-05-10' },
      },
    ]);
    expect(planProblems([m('2022-04-20')], '2022-05-10', '2022-04-21')[0]?.field).toBe('measures.0.deadline');
    expect(planProblems([], '2022-05-10', '2022-04-21')[0]?.code).toBe('plan_without_measures');
    expect(planProblems([m('2022-04-21')], '2022-05-10', '2022-04-21')).toEqual([]);
  });

  it('refuses closure while a measure is open or a complainant is unanswered', () => {
    const measures = [
      { id: 'a', done: true },
      { id: 'b', done: false },
    ];
    expect(closeBlockers({ source: 'spot_check', replied: false }, measures)).toEqual({
      code: 'measures_open',
      openMeasureIds: ['b'],
    });
    const done = measures.map((x) => ({ ...x, done: true }));
    expect(closeBlockers({ source: 'public_complaint', replied: false }, done)).toEqual({
      code: 'reply_required',
    });
    expect(closeBlockers({ source: 'hotline_12345', replied: true }, done)).toBeNull();
    expect(closeBlockers({ source: 'leader_instruction', replied: false }, done)).toBeNull();
  });
});

describe('contact details', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    [' 138 1234 5678 ', '13812345678', 'mobile'],
    ['+8613812345678', '13812345678', 'mobile'],
    ['138-1234-5678', '13812345678', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['0578-8123456', '0578-8123456', 'landline'],
    ['010-12345678', '010-12345678', 'landline'],
  ] as const)('accepts %s as %s', (raw, phone, kind) => {
    expect(checkPhone(raw)).toEqual({ ok: true, phone, kind });
  });

  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '05788123456',
    '0578-0123456',
    '578-8123456',
    'abc',
    '',
    '110',
  ])('refuses %s', (raw) => {
    expect(checkPhone(raw).ok).toBe(false);
  });

  it('masks numbers and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0578-8123456')).toBe('0578-***3456');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('王*');
    expect(maskName('  ')).toBe('');
  });
});

describe('receipt numbers', () => {
  it('formats the day and eight random characters, and reads back what a person types', () => {
    const r = formatReceipt('2022-04-15', new Uint8Array([0, 1, 2, 31, 32, 63, 200, 255]));
    expect(r).toBe('TS20220415-012Z0Z8Z');
    expect(RECEIPT_PATTERN.test(r)).toBe(true);
    expect(normaliseReceipt(' ts20220415012z0z8z ')).toBe(r);
    expect(normaliseReceipt('TS20220415-O12ZOZ8Z')).toBe(r);
    expect(normaliseReceipt('TS20220415-012Z0Z8U')).toBeNull();
    expect(normaliseReceipt('20220415-012Z0Z8Z')).toBeNull();
    expect(() => formatReceipt('2022-04-15', new Uint8Array(4))).toThrow();
  });
});
