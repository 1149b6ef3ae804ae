// The region's settings: one row per region (region_settings); a missing row means the defaults.
import { isCalendarDate } from '@benpao/domain';
import { z } from 'zod';

export const REMINDER_DAYS_MAX = 10;
export const EVIDENCE_MAX_BYTES_MIN = 100 * 1024;
export const EVIDENCE_MAX_BYTES_MAX = 200 * 1024 * 1024;

export const settingsView = z.object({
  /** Unit reports go through the unit manager's approval before they reach the task force. */
  reportApprovalRequired: z.boolean(),
  /** Reminders (催办) go out this many working days before a report's deadline. */
  reminderDaysBefore: z.number().int(),
  /** Upper bound of one evidence file. */
  evidenceMaxBytes: z.number().int(),
  /** Demo regions only: the date the region lives in, so that the 2022 story stays in 2022. */
  demoToday: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const DEFAULT_SETTINGS: Readonly<SettingsView> = Object.freeze({
  reportApprovalRequired: false,
  reminderDaysBefore: 2,
  evidenceMaxBytes: 20 * 1024 * 1024,
  demoToday: null,
});

const demoDate = z
  .string()
  .refine(isCalendarDate, { params: { code: 'invalid_date' } })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { params: { code: 'year_out_of_range' } });

export const settingsPatch = z.strictObject({
  reportApprovalRequired: z.boolean().optional(),
  reminderDaysBefore: z.number().int().min(0).max(REMINDER_DAYS_MAX).optional(),
  evidenceMaxBytes: z.number().int().min(EVIDENCE_MAX_BYTES_MIN).max(EVIDENCE_MAX_BYTES_MAX).optional(),
  demoToday: demoDate.nullable().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;
