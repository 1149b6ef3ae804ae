import type { RoleInfo } from './api/types';

// Which roles see which route and menu entry (Ant Design Pro's access.ts). The server enforces the same
// rules on every endpoint; this only decides what the UI offers.

export interface Access {
  /** the first screen: everyone signed in */
  dashboard: boolean;
  /** read the units list (sys_admin, supervisor, leader) */
  unitsRead: boolean;
  /** create and edit units (sys_admin) */
  unitsEdit: boolean;
  /** accounts: create, edit, unlock, reset password (sys_admin) */
  users: boolean;
  /** grant and revoke roles (security_admin) */
  roles: boolean;
  /** read and verify the audit log (audit_admin) */
  audit: boolean;
  /** change one's own password: everyone signed in */
  password: boolean;
  /** read supervision items (督办事项): the business roles (unit roles see their own unit's) */
  items: boolean;
  /** register and edit items, decide requests (supervisor) */
  itemsEdit: boolean;
  /** review submitted progress reports: accept or return (supervisor) */
  reviews: boolean;
  /** the to-do list (supervisor, unit manager, unit reporter) */
  todo: boolean;
  /** fill in progress reports (unit manager, unit reporter; the item says whether for this one) */
  reportsWrite: boolean;
  /** in-app notifications (everyone signed in) */
  notifications: boolean;
  /** the working calendar: holidays, make-up workdays, declared years (sys_admin) */
  calendar: boolean;
  /** outbound webhooks: the region's DingTalk and WeCom group robots and their delivery log (sys_admin) */
  webhooks: boolean;
  /** the region's settings: report approval, reminders, evidence size, the demo's day (sys_admin) */
  regionSettings: boolean;
  /** the warning board (亮灯榜/亮牌榜), a warning's "why", a unit's dossier: every business role */
  warnings: boolean;
  /** issue manual lights and cards (spot checks 抽查), re-check, decide appeals (supervisor) */
  warningsIssue: boolean;
  /** read the rule sets (every business role) */
  rules: boolean;
  /** edit, preview, save and activate rule sets (supervisor) */
  rulesEdit: boolean;
  /** enterprises' service ratings (服务评议) and their follow-ups: every business role (unit roles their own unit's) */
  ratings: boolean;
  /** the running index (奔跑指数): rankings, score cards, revisions, commendations — every business role */
  runningIndex: boolean;
  /** publish a month of the running index, or republish it as a new revision (supervisor) */
  runningIndexPublish: boolean;
  /** enter and revoke commendations (争先创优加分) (supervisor) */
  runningIndexBonus: boolean;
}

export type AccessKey = keyof Access;

export function computeAccess(roles: readonly string[]): Access {
  const has = (...codes: string[]) => codes.some((c) => roles.includes(c));
  return {
    dashboard: true,
    unitsRead: has('sys_admin', 'supervisor', 'leader'),
    unitsEdit: has('sys_admin'),
    users: has('sys_admin'),
    roles: has('security_admin'),
    audit: has('audit_admin'),
    password: true,
    items: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    itemsEdit: has('supervisor'),
    reviews: has('supervisor'),
    todo: has('supervisor', 'unit_manager', 'unit_reporter'),
    reportsWrite: has('unit_manager', 'unit_reporter'),
    notifications: true,
    calendar: has('sys_admin'),
    webhooks: has('sys_admin'),
    regionSettings: has('sys_admin'),
    warnings: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    warningsIssue: has('supervisor'),
    rules: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    rulesEdit: has('supervisor'),
    ratings: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    runningIndex: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    runningIndexPublish: has('supervisor'),
    runningIndexBonus: has('supervisor'),
  };
}

/**
 * Separation of duties (三员分立): an administrator role is held alone, never with another role.
 * The server refuses such a set; the role editor warns before sending it.
 */
export function breaksSeparation(selected: readonly string[], roles: readonly RoleInfo[]): boolean {
  const admin = new Set(roles.filter((r) => r.scope === 'admin').map((r) => r.code));
  return selected.length > 1 && selected.some((c) => admin.has(c));
}
