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
