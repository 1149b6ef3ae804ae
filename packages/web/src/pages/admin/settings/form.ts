// The settings form's values and the PATCH they make.
import type { Dayjs } from 'dayjs';
import type { Settings } from '../../../api/types';

export const MB = 1024 * 1024;
export interface Values {
  reportApprovalRequired: boolean;
  reminderDaysBefore: number;
  evidenceMaxMb: number;
  demoToday: Dayjs | null;
}

/** Only what changed is sent: the server audits each setting changed. */
export function settingsPatch(before: Settings, v: Values): Partial<Settings> {
  const patch: Partial<Settings> = {};
  if (v.reportApprovalRequired !== before.reportApprovalRequired)
    patch.reportApprovalRequired = v.reportApprovalRequired;
  if (v.reminderDaysBefore !== before.reminderDaysBefore) patch.reminderDaysBefore = v.reminderDaysBefore;
  const bytes = Math.round(v.evidenceMaxMb * MB);
  if (bytes !== before.evidenceMaxBytes) patch.evidenceMaxBytes = bytes;
  const day = v.demoToday ? v.demoToday.format('YYYY-MM-DD') : null;
  if (before.demoToday !== null && day !== null && day !== before.demoToday) patch.demoToday = day;
  return patch;
}
