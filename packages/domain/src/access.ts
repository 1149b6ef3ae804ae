// Roles and the access policy. This is the only place that decides who may do what;
// routes declare an action, services call `authorize` with the concrete resource.
import { DomainError } from './errors.ts';

export const ROLES = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'supervisor',
  'leader',
  'unit_manager',
  'unit_reporter',
  'discipline',
] as const;
export type Role = (typeof ROLES)[number];

/** admin: the three separated administrators (三员); county: sees the whole region; unit: scoped to one unit. */
export const ROLE_SCOPE: Record<Role, 'admin' | 'county' | 'unit'> = {
  sys_admin: 'admin',
  security_admin: 'admin',
  audit_admin: 'admin',
  supervisor: 'county',
  leader: 'county',
  discipline: 'county',
  unit_manager: 'unit',
  unit_reporter: 'unit',
};

export const ADMIN_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_SCOPE[r] === 'admin');

export const UNIT_KINDS = ['department', 'town', 'township', 'street', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Actor {
  id: string;
  regionId: string;
  unitId: string;
  roles: readonly Role[];
}

/** A resource is anything owned by a region and, optionally, a unit. */
export interface Resource {
  regionId: string;
  unitId?: string | null;
  /** For user resources: the user the action is about (self-service and separation-of-duty checks). */
  userId?: string;
}

const ALL: readonly Role[] = ROLES;
/** Everyone but the audit admin, whose only business is the audit log (三员分立). */
const BUSINESS_AND_ADMIN: readonly Role[] = ROLES.filter((r) => r !== 'audit_admin');
/** The roles that do the supervision work itself; the three administrators do not see its content. */
const BUSINESS: readonly Role[] = ROLES.filter((r) => ROLE_SCOPE[r] !== 'admin');

/** Which roles may perform each action at all; unit-scoped roles additionally need the resource's unit. */
export const PERMISSIONS = {
  'dashboard.read': ALL,
  /** The leader cockpit (领导驾驶舱): the roles that read the whole region; unit roles keep the dashboard. */
  'cockpit.read': ['supervisor', 'leader', 'discipline'],
  'region.read': ALL,
  'unit.list': BUSINESS_AND_ADMIN,
  'unit.create': ['sys_admin'],
  'unit.update': ['sys_admin'],
  'category.list': BUSINESS_AND_ADMIN,
  'category.create': ['sys_admin'],
  'user.list': ['sys_admin', 'security_admin', 'unit_manager'],
  'user.read': ['sys_admin', 'security_admin', 'unit_manager'],
  'user.create': ['sys_admin'],
  'user.update': ['sys_admin'],
  'user.unlock': ['sys_admin'],
  'user.reset_password': ['sys_admin'],
  'role.list': ['sys_admin', 'security_admin'],
  'role.grant': ['security_admin'],
  'audit.read': ['audit_admin'],
  'audit.verify': ['audit_admin'],
  // Whole-process tracking (items, reports, evidence). Unit roles are further scoped to their unit's items.
  'item.list': BUSINESS,
  'item.read': BUSINESS,
  'item.create': ['supervisor'],
  'item.update': ['supervisor'],
  'item.transition': ['supervisor', 'unit_manager', 'unit_reporter'],
  'item.request': ['unit_manager'],
  'item.decide_request': ['supervisor'],
  'item.import': ['supervisor'],
  'item.export': BUSINESS,
  'report.read': BUSINESS,
  'report.write': ['unit_manager', 'unit_reporter'],
  'report.approve': ['unit_manager'],
  'report.review': ['supervisor'],
  'evidence.upload': ['supervisor', 'unit_manager', 'unit_reporter'],
  'evidence.read': BUSINESS,
  'todo.read': BUSINESS,
  'notification.read': ALL,
  'calendar.read': ALL,
  'calendar.manage': ['sys_admin'],
  'settings.manage': ['sys_admin'],
  // Outbound webhooks (the region's DingTalk and WeCom group robots): configuration, like the settings.
  'webhook.manage': ['sys_admin'],
  // The warning engine (亮灯亮牌). Lights and cards are published to every unit (亮灯榜): every business role reads
  // them; acting on one is scoped to the warned unit (rectify, appeal) or is the task force's (re-check, issue).
  'warning.list': BUSINESS,
  'warning.read': BUSINESS,
  'warning.issue': ['supervisor'],
  'warning.rectify': ['unit_manager', 'unit_reporter'],
  'warning.recheck': ['supervisor'],
  'warning.appeal': ['unit_manager'],
  'warning.decide_appeal': ['supervisor'],
  'warning.consequence': ['supervisor'],
  'warning.evaluate': ['supervisor'],
  'ruleset.read': BUSINESS,
  'ruleset.manage': ['supervisor'],
  // Service ratings (服务评议): enterprises rate on a public page; every business role reads them, unit roles only
  // their own unit's (credit codes masked); the unit manager answers a low rating's follow-up, the task force closes it.
  'rating.list': BUSINESS,
  'rating.respond': ['unit_manager'],
  'rating.close': ['supervisor'],
  // The running index (奔跑指数): published results are visible to every unit (赛马); the task force publishes,
  // manages the model and enters commendations.
  'index.read': BUSINESS,
  'index.publish': ['supervisor'],
  'index.manage': ['supervisor'],
  'index.bonus': ['supervisor'],
  // Verification cases (核查): county roles read every case, unit roles their own unit's once the findings were fed
  // back; the discipline commission and the task force work the case; leaders may open one (批示); the unit's
  // manager submits the rectification plan and its people report progress. A complainant's name and phone are
  // shown only to discipline roles (case.contact.read), masked everywhere else, exports and the audit log included.
  'case.read': BUSINESS,
  'case.create': ['supervisor', 'discipline', 'leader'],
  'case.manage': ['supervisor', 'discipline'],
  'case.plan': ['unit_manager'],
  'case.progress': ['unit_manager', 'unit_reporter'],
  'case.warn': ['supervisor', 'discipline'],
  'case.contact.read': ['discipline'],
  // The region's handling deadlines by kind: read where cases are worked or configured (not by the audit admin).
  'case.settings.read': BUSINESS_AND_ADMIN,
  // Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为): discipline roles only (PRODUCT.md), export
  // included; the audit log records them with their personal fields redacted.
  'admonition.read': ['discipline'],
  'admonition.write': ['discipline'],
  // Post-mortem reviews (复盘): every business role reads them (unit roles those of their own items or actions); the
  // task force creates, schedules and closes them; the lead unit's manager may write the sections it presents; the
  // owners of a follow-up action report on it.
  'review.read': BUSINESS,
  'review.manage': ['supervisor'],
  'review.edit': ['supervisor', 'unit_manager'],
  'review.action_update': ['supervisor', 'unit_manager', 'unit_reporter'],
  // Supervision bulletins (督查通报): county roles read drafts too, units only published ones and mark them read (回执).
  // The task force drafts and publishes; approval is a leader's or another supervisor's (never the drafter's own).
  'bulletin.read': BUSINESS,
  'bulletin.draft': ['supervisor'],
  'bulletin.approve': ['supervisor', 'leader'],
  'bulletin.publish': ['supervisor'],
  'bulletin.receipts': ['supervisor', 'leader'],
  'bulletin.acknowledge': ['unit_manager', 'unit_reporter'],
  // The monthly meeting (月度例会): its pack is the county's working paper (county roles); the task force records
  // the meeting and the commitments made at it.
  'meeting.read': ['supervisor', 'leader', 'discipline'],
  'meeting.manage': ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether any of the actor's roles grants the action, ignoring the resource. */
export function mayAttempt(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return actor.roles.some((r) => allowed.includes(r));
}

export function authorize(actor: Actor, action: Action, resource?: Resource): boolean {
  if (resource && resource.regionId !== actor.regionId) return false;
  const allowed: readonly Role[] = PERMISSIONS[action];
  const granting = actor.roles.filter((r) => allowed.includes(r));
  if (granting.length === 0) return false;
  // Separation of duties: nobody grants roles to themselves.
  if (action === 'role.grant' && resource?.userId === actor.id) return false;
  if (!resource || resource.unitId === undefined) return true;
  return granting.some((r) => ROLE_SCOPE[r] !== 'unit' || resource.unitId === actor.unitId);
}

export function assertAuthorized(actor: Actor, action: Action, resource?: Resource): void {
  if (!authorize(actor, action, resource)) throw new DomainError('forbidden', 'forbidden', { action });
}

/**
 * A valid set of roles for one account: 三员分立 means an administrator role is held alone,
 * never together with another administrator role or a business role.
 */
export function checkRoleSet(roles: readonly Role[]): 'admin_roles_exclusive' | null {
  const admins = roles.filter((r) => ROLE_SCOPE[r] === 'admin');
  if (admins.length > 0 && roles.length > 1) return 'admin_roles_exclusive';
  return null;
}
