import type { RoleInfo } from './api/types';

// Which roles see which route and menu entry (Ant Design Pro's access.ts). The server enforces the same
// rules on every endpoint; this only decides what the UI offers.

export interface Access {
  /** the first screen: everyone signed in */
  dashboard: boolean;
  /** the leader cockpit (领导驾驶舱) as the first screen: the roles that read the whole region */
  cockpit: boolean;
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
  /** verification cases (核查): county roles every case, unit roles their unit's once the findings were fed back */
  cases: boolean;
  /** enter a case from the 12345 hotline, a leader's instruction or a spot check (supervisor, discipline, leader) */
  casesCreate: boolean;
  /** admonition talks (谈话提醒) and conduct findings: discipline roles only */
  admonitions: boolean;
  /** post-mortem reviews (复盘): every business role (unit roles those of their items or actions) */
  postMortems: boolean;
  /** open, schedule, hold and close post-mortem reviews (supervisor) */
  postMortemsManage: boolean;
  /** supervision bulletins (督查通报): every business role (unit roles the published ones, with their receipts) */
  bulletins: boolean;
  /** generate, edit, publish and correct bulletins (supervisor) */
  bulletinsDraft: boolean;
  /** who has read a published bulletin (回执) (supervisor, leader) */
  bulletinsReceipts: boolean;
  /** the monthly meeting pack (月度例会材料) (supervisor, leader, discipline) */
  meetings: boolean;
  /** record the month's meeting and its commitments (supervisor) */
  meetingsManage: boolean;
}

export type AccessKey = keyof Access;

export function computeAccess(roles: readonly string[]): Access {
  const has = (...codes: string[]) => codes.some((c) => roles.includes(c));
  return {
    dashboard: true,
    cockpit: has('supervisor', 'leader', 'discipline'),
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
    cases: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    casesCreate: has('supervisor', 'discipline', 'leader'),
    admonitions: has('discipline'),
    postMortems: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    postMortemsManage: has('supervisor'),
    bulletins: has('supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'),
    bulletinsDraft: has('supervisor'),
    bulletinsReceipts: has('supervisor', 'leader'),
    meetings: has('supervisor', 'leader', 'discipline'),
    meetingsManage: has('supervisor'),
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

/** Whether the opened cockpit is narrowed to the leader's own items (`?mine=1`, leaders only). */
export function cockpitMine(roles: readonly string[], search: string): boolean {
  return roles.includes('leader') && new URLSearchParams(search).get('mine') === '1';
}

/** The requests of the first screen at `/`: the cockpit's for its roles (narrowed for a leader on `?mine=1`), and
 *  the base data, shown under the cockpit or alone. boot.ts starts them early; the server renders the first screen
 *  with their answers (ssr.tsx). */
export function homeRequests(
  roles: readonly string[],
  search: string,
): { cockpit: string | null; dashboard: string } {
  return {
    cockpit: computeAccess(roles).cockpit
      ? `/api/cockpit${cockpitMine(roles, search) ? '?mine=1' : ''}`
      : null,
    dashboard: '/api/dashboard',
  };
}
