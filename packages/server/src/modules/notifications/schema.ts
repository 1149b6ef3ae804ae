// In-app notifications (站内通知): reminders (催办) and events, one row per recipient, deduplicated per recipient.
import { z } from 'zod';
import { pageQuery } from '../../http.ts';

export const NOTIFICATION_KINDS = [
  'report_due', // 报送提醒: a report's deadline is within the region's reminder days
  'report_overdue', // 报送逾期: the deadline passed without a submitted or accepted report
  'item_assigned', // 交办: an item was assigned to the unit (its managers)
  'report_returned', // 退回: a report was returned (its submitter and the unit's managers)
  'report_accepted', // 审核通过: a report was accepted
  'request_decided', // 申请处理: an extension or adjustment request was approved or refused (its requester)
  'warning_issued', // 亮灯/亮牌: a light on one of the unit's items or a card on the unit (and the leader in charge)
  'warning_escalated', // 升级: a yellow light or card turned red
  // Verification cases (核查): params carry `caseId` and `receipt`.
  'case_received', // 新核查件: a complaint came in or a case was entered (discipline and task force)
  'case_team', // 核查组: the account was put on a case's verification team
  'case_feedback', // 核查反馈: findings were fed back to the unit, which owes a rectification plan
  'case_plan_submitted', // 整改方案报送: the unit submitted a plan (the team)
  'case_plan_decided', // 整改方案审核: the plan was approved or sent back (the unit's managers)
  'case_overdue', // 核查逾期: a case passed its deadline unanswered (its unit and team)
  'case_measure_overdue', // 整改措施逾期: a measure of the approved plan passed its deadline (the unit)
  'rating_low', // 低分评议: an enterprise rated the unit 2 or lower; a follow-up awaits its answer (the unit's managers)
  'bulletin_published', // 督查通报: a bulletin was published (every unit's managers and reporters); params carry bulletinId, number, title
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** What the message needs (item number and title, period, deadline…); the UI words it in its language. */
  params: z.record(z.string(), z.unknown()),
  itemId: z.string().nullable(),
  reportId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const notificationList = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  /** All of the caller's unread notifications, whatever the filter. */
  unread: z.number().int(),
});

export const unreadCount = z.object({ count: z.number().int() });
export const readAllResult = z.object({ updated: z.number().int() });
export const remindersResult = z.object({ created: z.number().int() });
