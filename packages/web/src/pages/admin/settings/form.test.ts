import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { MB, settingsPatch } from './form';

const demo = {
  reportApprovalRequired: false,
  reminderDaysBefore: 2,
  evidenceMaxBytes: 20 * MB,
  demoToday: '2022-04-20',
};
const values = {
  reportApprovalRequired: false,
  reminderDaysBefore: 2,
  evidenceMaxMb: 20,
  demoToday: dayjs('2022-04-20'),
};

describe('settingsPatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsPatch(demo, values)).toEqual({});
  });
  it('sends only what changed, the evidence limit in bytes', () => {
    expect(
      settingsPatch(demo, {
        ...values,
        reminderDaysBefore: 3,
        evidenceMaxMb: 0.5,
        demoToday: dayjs('2022-05-04'),
      }),
    ).toEqual({ reminderDaysBefore: 3, evidenceMaxBytes: 0.5 * MB, demoToday: '2022-05-04' });
  });
  it('never sends a demo day for a region that is not a demo', () => {
    expect(
      settingsPatch({ ...demo, demoToday: null }, { ...values, demoToday: dayjs('2022-05-04') }),
    ).toEqual({});
  });
});
