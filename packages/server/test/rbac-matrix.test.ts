// The RBAC matrix: every registered /api route, walked for anonymous, every role, a user without roles and a
// unit user of another unit, against this file's own table of expectations. A new endpoint without an entry
// here, or an entry whose endpoint is gone, fails the suite.
import { ROLES, type Role } from '@benpao/domain';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, count, expectError, unitId, userId } from './fixtures.ts';

type Principal = Role | 'no_role' | 'other_unit_manager';
type Caller = Principal | 'anonymous';

/** Who logs in as what. The target of user routes is `reporter`, a unit_reporter of 大东坝镇. */
const ACCOUNTS: Record<Principal, string> = {
  sys_admin: 'admin',
  security_admin: 'security',
  audit_admin: 'auditor',
  supervisor: 'supervisor',
  leader: 'leader',
  discipline: 'discipline',
  unit_manager: 'dadongba', // 大东坝镇, the unit of the target user and unit
  unit_reporter: 'reporter', // 大东坝镇
  other_unit_manager: 'xinxing', // 新兴镇: a unit user of another unit
  no_role: 'norole', // an account the security admin has not given any role yet
};
const PRINCIPALS = Object.keys(ACCOUNTS) as Principal[];
const CALLERS: Caller[] = ['anonymous', ...PRINCIPALS];

interface Ids {
  ownUnit: string;
  otherUnit: string;
  targetUser: string;
}
type RequestSpec = (ids: Ids, caller: Caller) => Pick<InjectOptions, 'url' | 'payload' | 'query'>;

const SIGNED_IN: Principal[] = PRINCIPALS;
const ANY_ROLE: Principal[] = PRINCIPALS.filter((p) => p !== 'no_role');
/** Everyone with a role but the audit admin, whose only business is the audit log (三员分立). */
const READERS: Principal[] = ANY_ROLE.filter((p) => p !== 'audit_admin');
/** The business roles, of any unit: what every unit may read (the warning board, the rules). */
const BUSINESS_READERS: Principal[] = [
  'supervisor',
  'leader',
  'discipline',
  'unit_manager',
  'unit_reporter',
  'other_unit_manager',
];

/** The item the item routes are walked on, made by the supervisor in beforeAll. */
const matrixItem = { id: 'not-created-yet' };
const matrixItemBody = (leadUnitId: string, label: string) => ({
  kind: 'work',
  title: `矩阵测试事项-${label}`,
  basisType: 'meeting',
  leadUnitId,
  startDate: '2022-04-01',
  dueDate: '2022-12-31',
});

/** The expectation table: route → who may call it, and a request that an allowed caller can make. */
const MATRIX: Record<string, { allowed: 'public' | Principal[]; request?: RequestSpec }> = {
  'GET /api/health': { allowed: 'public' },
  'GET /api/openapi.json': { allowed: 'public' },
  'GET /api/docs': { allowed: 'public' },
  'GET /api/docs/json': { allowed: 'public' },
  'GET /api/docs/yaml': { allowed: 'public' },
  'GET /api/docs/static/index.html': { allowed: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { allowed: 'public' },
  'GET /api/docs/static/*': {
    allowed: 'public',
    request: () => ({ url: '/api/docs/static/swagger-ui.css' }),
  },
  'POST /api/auth/login': { allowed: 'public', request: () => ({ payload: { username: 'nobody' } }) },
  'POST /api/auth/logout': { allowed: SIGNED_IN },
  'GET /api/auth/me': { allowed: SIGNED_IN },
  'POST /api/auth/password': {
    allowed: SIGNED_IN,
    request: () => ({ payload: { currentPassword: 'Not#TheRight1', newPassword: 'Matrix#Pass2022x' } }),
  },
  'GET /api/dashboard': { allowed: ANY_ROLE },
  'GET /api/cockpit': { allowed: ['supervisor', 'leader', 'discipline'] },
  'GET /api/units': { allowed: READERS },
  'GET /api/units/export.xlsx': { allowed: READERS },
  'GET /api/units/:id': { allowed: READERS, request: (ids) => ({ url: `/api/units/${ids.ownUnit}` }) },
  'POST /api/units': {
    allowed: ['sys_admin'],
    request: (_ids, caller) => ({ payload: { name: `矩阵测试单位-${caller}`, kind: 'other' } }),
  },
  'PATCH /api/units/:id': {
    allowed: ['sys_admin'],
    request: (ids) => ({ url: `/api/units/${ids.ownUnit}`, payload: { shortName: '大东坝镇' } }),
  },
  'GET /api/ranking-categories': { allowed: READERS },
  'POST /api/ranking-categories': {
    allowed: ['sys_admin'],
    request: (_ids, caller) => ({ payload: { name: `矩阵测试分组-${caller}` } }),
  },
  'GET /api/users': { allowed: ['sys_admin', 'security_admin', 'unit_manager', 'other_unit_manager'] },
  'GET /api/users/export.xlsx': {
    allowed: ['sys_admin', 'security_admin', 'unit_manager', 'other_unit_manager'],
  },
  'GET /api/users/:id': {
    allowed: ['sys_admin', 'security_admin', 'unit_manager'],
    request: (ids) => ({ url: `/api/users/${ids.targetUser}` }),
  },
  'POST /api/users': {
    allowed: ['sys_admin'],
    request: (ids, caller) => ({
      payload: {
        username: `matrix_${caller}`,
        displayName: '矩阵测试',
        unitId: ids.ownUnit,
        password: 'Matrix#Pass2022',
      },
    }),
  },
  'PATCH /api/users/:id': {
    allowed: ['sys_admin'],
    request: (ids) => ({ url: `/api/users/${ids.targetUser}`, payload: { displayName: '填报员（测试）' } }),
  },
  'POST /api/users/:id/unlock': {
    allowed: ['sys_admin'],
    request: (ids) => ({ url: `/api/users/${ids.targetUser}/unlock` }),
  },
  'POST /api/users/:id/password': {
    allowed: ['sys_admin'],
    // A password the policy refuses: the allowed caller gets 400 and the target keeps its sessions.
    request: (ids) => ({ url: `/api/users/${ids.targetUser}/password`, payload: { password: 'short' } }),
  },
  'PUT /api/users/:id/roles': {
    allowed: ['security_admin'],
    request: (ids) => ({ url: `/api/users/${ids.targetUser}/roles`, payload: { roles: ['unit_reporter'] } }),
  },
  'GET /api/roles': { allowed: ['sys_admin', 'security_admin'] },
  'GET /api/leaders': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
  },
  'GET /api/audit': { allowed: ['audit_admin'] },
  'GET /api/audit/export.xlsx': { allowed: ['audit_admin'] },
  'GET /api/audit/verify': { allowed: ['audit_admin'] },
  // Items (督办事项). The target is `matrixItem`, an item of 大东坝镇 the supervisor has assigned (a draft would not
  // exist yet for any unit: 404): the other unit's manager passes the role gate of the item routes but is refused
  // the item itself.
  'GET /api/items': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
  },
  'GET /api/items/:id': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}` }),
  },
  'POST /api/items': {
    allowed: ['supervisor'],
    request: (ids, caller) => ({ payload: matrixItemBody(ids.ownUnit, caller) }),
  },
  'PATCH /api/items/:id': {
    allowed: ['supervisor'],
    request: () => ({ url: `/api/items/${matrixItem.id}`, payload: { rowVersion: 1, urgency: 'urgent' } }),
  },
  'POST /api/items/:id/transitions': {
    // Completing an assigned item is illegal for everyone (409), so the walk leaves the item assigned.
    allowed: ['supervisor', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/transitions`, payload: { action: 'complete' } }),
  },
  'POST /api/items/:id/requests': {
    // An item not yet accepted takes no requests (409).
    allowed: ['unit_manager'],
    request: () => ({
      url: `/api/items/${matrixItem.id}/requests`,
      payload: { kind: 'extension', reason: '矩阵测试', proposedDueDate: '2023-06-30' },
    }),
  },
  'POST /api/items/:id/requests/:requestId/decision': {
    allowed: ['supervisor'],
    request: () => ({
      url: `/api/items/${matrixItem.id}/requests/no-such-request/decision`,
      payload: { approve: false, reason: '矩阵测试' },
    }),
  },
  // Progress reports (进度报送) and evidence files (佐证材料). Item-scoped routes target `matrixItem` (assigned, not
  // yet accepted: no report can be started on it, 409, and an upload without a file is 400); report and file routes
  // target ids that do not exist (404 past the role gate). Returning is gated by report.read: the service lets the
  // task force return submitted reports and a unit manager pending ones (reports.test.ts walks that).
  'GET /api/items/:id/periods': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/periods` }),
  },
  'GET /api/items/:id/reports': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/reports` }),
  },
  'POST /api/items/:id/reports': {
    allowed: ['unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/reports`, payload: { periodKey: '2022-01' } }),
  },
  'GET /api/reports': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
  },
  'GET /api/reports/:id': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/reports/no-such-report' }),
  },
  'PATCH /api/reports/:id': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/reports/no-such-report', payload: { rowVersion: 1, progress: 10 } }),
  },
  'POST /api/reports/:id/submit': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/reports/no-such-report/submit', payload: { rowVersion: 1 } }),
  },
  'POST /api/reports/:id/approve': {
    allowed: ['unit_manager', 'other_unit_manager'],
    request: () => ({ url: '/api/reports/no-such-report/approve', payload: { rowVersion: 1 } }),
  },
  'POST /api/reports/:id/return': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({
      url: '/api/reports/no-such-report/return',
      payload: { rowVersion: 1, reason: '矩阵测试' },
    }),
  },
  'POST /api/reports/:id/accept': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/reports/no-such-report/accept', payload: { rowVersion: 1 } }),
  },
  'POST /api/reports/:id/correct': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/reports/no-such-report/correct' }),
  },
  'POST /api/items/:id/evidence': {
    allowed: ['supervisor', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/evidence` }),
  },
  'GET /api/items/:id/evidence': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter'],
    request: () => ({ url: `/api/items/${matrixItem.id}/evidence` }),
  },
  'GET /api/evidence/:id/download': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/evidence/no-such-file/download' }),
  },
  'DELETE /api/evidence/:id': {
    allowed: ['supervisor', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/evidence/no-such-file' }),
  },
  // Calendar administration, settings, notifications, reminders and the to-do list
  'GET /api/calendar': { allowed: ANY_ROLE, request: () => ({ url: '/api/calendar?year=2022' }) },
  'PUT /api/calendar/days/:date': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/calendar/days/2031-05-05', payload: { kind: 'holiday', name: '矩阵测试' } }),
  },
  'DELETE /api/calendar/days/:date': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/calendar/days/2031-05-05' }),
  },
  'PUT /api/calendar/years/:year': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/calendar/years/2031' }),
  },
  'DELETE /api/calendar/years/:year': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/calendar/years/2031' }),
  },
  'GET /api/settings': { allowed: SIGNED_IN },
  'PATCH /api/settings': { allowed: ['sys_admin'], request: () => ({ payload: { reminderDaysBefore: 2 } }) },
  // Outbound webhooks (群机器人): the system administrator's. The :id routes target a webhook that does not exist
  // (404 past the role gate), so the walk sends nothing; creating one points it at a closed loopback port.
  'GET /api/webhooks': { allowed: ['sys_admin'] },
  'POST /api/webhooks': {
    allowed: ['sys_admin'],
    request: (_ids, caller) => ({
      payload: {
        name: `矩阵测试群-${caller}`,
        format: 'wecom',
        url: 'http://127.0.0.1:9/matrix',
        events: ['warning.issued'],
      },
    }),
  },
  'GET /api/webhooks/:id': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/webhooks/no-such-webhook' }),
  },
  'PATCH /api/webhooks/:id': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/webhooks/no-such-webhook', payload: { active: false } }),
  },
  'DELETE /api/webhooks/:id': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/webhooks/no-such-webhook' }),
  },
  'GET /api/webhooks/:id/deliveries': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/webhooks/no-such-webhook/deliveries' }),
  },
  'POST /api/webhooks/:id/test': {
    allowed: ['sys_admin'],
    request: () => ({ url: '/api/webhooks/no-such-webhook/test' }),
  },
  'GET /api/notifications': { allowed: ANY_ROLE },
  'GET /api/notifications/unread-count': { allowed: ANY_ROLE },
  'POST /api/notifications/:id/read': {
    allowed: ANY_ROLE,
    request: () => ({ url: '/api/notifications/no-such-notification/read' }),
  },
  'POST /api/notifications/read-all': { allowed: ANY_ROLE },
  'POST /api/reminders/run': { allowed: ['supervisor'] },
  'GET /api/todo': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
  },
  // The warning engine (亮灯亮牌): lights and cards are published to every business role; acting on one is the
  // warned unit's (rectify, appeal: an unknown id is 404 past the role gate) or the task force's.
  'GET /api/warnings': { allowed: BUSINESS_READERS },
  'GET /api/warnings/export.xlsx': { allowed: BUSINESS_READERS },
  'GET /api/warnings/summary': { allowed: BUSINESS_READERS },
  'GET /api/warnings/:id': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/warnings/no-such-warning' }),
  },
  'POST /api/warnings': {
    allowed: ['supervisor'],
    request: (ids) => ({
      payload: { kind: 'card', colour: 'yellow', unitId: ids.otherUnit, reason: '矩阵测试' },
    }),
  },
  'POST /api/warnings/evaluate': { allowed: ['supervisor'] },
  'POST /api/warnings/:id/rectification': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/warnings/no-such-warning/rectification', payload: { text: '矩阵测试' } }),
  },
  'POST /api/warnings/:id/recheck': {
    allowed: ['supervisor'],
    request: () => ({
      url: '/api/warnings/no-such-warning/recheck',
      payload: { passed: true, note: '矩阵测试' },
    }),
  },
  'POST /api/warnings/:id/appeal': {
    allowed: ['unit_manager', 'other_unit_manager'],
    request: () => ({ url: '/api/warnings/no-such-warning/appeal', payload: { reason: '矩阵测试' } }),
  },
  'POST /api/warnings/:id/appeal/decision': {
    allowed: ['supervisor'],
    request: () => ({
      url: '/api/warnings/no-such-warning/appeal/decision',
      payload: { upheld: false, reason: '矩阵测试' },
    }),
  },
  'POST /api/warnings/:id/consequences': {
    allowed: ['supervisor'],
    request: () => ({
      url: '/api/warnings/no-such-warning/consequences',
      payload: { type: 'bulletin', note: '矩阵测试' },
    }),
  },
  'POST /api/warnings/:id/files': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/warnings/no-such-warning/files' }),
  },
  'GET /api/warning-files/:id/download': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/warning-files/no-such-file/download' }),
  },
  'PUT /api/warnings/:id/timetable': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({
      url: '/api/warnings/no-such-warning/timetable',
      payload: { steps: [{ title: '矩阵测试', workingDaysBefore: 1 }] },
    }),
  },
  'POST /api/warnings/:id/timetable/:stepId/done': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({
      url: '/api/warnings/no-such-warning/timetable/no-such-step/done',
      payload: { note: '矩阵测试' },
    }),
  },
  'GET /api/rule-sets': { allowed: BUSINESS_READERS },
  'GET /api/rule-sets/conditions': { allowed: BUSINESS_READERS },
  'GET /api/rule-sets/:id': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/rule-sets/no-such-set' }),
  },
  'POST /api/rule-sets/validate': { allowed: ['supervisor'], request: () => ({ payload: { rules: [] } }) },
  'POST /api/rule-sets/preview': { allowed: ['supervisor'], request: () => ({ payload: { rules: [] } }) },
  'POST /api/rule-sets': { allowed: ['supervisor'], request: () => ({ payload: { rules: [{}] } }) },
  'POST /api/rule-sets/:id/activate': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/rule-sets/no-such-set/activate' }),
  },
  // Service ratings (服务评议): the form and the submission are public (no login, rate-limited per IP; the walk's
  // submission is malformed: 400); every business role lists ratings (unit roles their own unit's); the rated unit's
  // manager answers and the task force closes a follow-up (an unknown rating is 404 past the role gate).
  'GET /api/public/ratings/form': { allowed: 'public' },
  'POST /api/public/ratings': { allowed: 'public', request: () => ({ payload: { creditCode: '矩阵测试' } }) },
  'GET /api/ratings': { allowed: BUSINESS_READERS },
  'GET /api/ratings/follow-ups': { allowed: BUSINESS_READERS },
  'GET /api/ratings/export.xlsx': { allowed: BUSINESS_READERS },
  'GET /api/ratings/follow-ups/export.xlsx': { allowed: BUSINESS_READERS },
  'POST /api/ratings/:id/response': {
    allowed: ['unit_manager', 'other_unit_manager'],
    request: () => ({ url: '/api/ratings/no-such-rating/response', payload: { text: '矩阵测试' } }),
  },
  'POST /api/ratings/:id/close': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/ratings/no-such-rating/close', payload: { note: '矩阵测试' } }),
  },
  // The running index (奔跑指数): published results are read by every business role (units see the whole race);
  // the task force publishes, manages the model and enters commendations. Walks use requests that fail past the gate
  // (a month not over, an empty model, an unknown id) so the walk changes nothing.
  'GET /api/index/models': { allowed: BUSINESS_READERS },
  'POST /api/index/models/validate': { allowed: ['supervisor'], request: () => ({ payload: {} }) },
  'POST /api/index/models': { allowed: ['supervisor'], request: () => ({ payload: { model: {} } }) },
  'POST /api/index/models/:id/activate': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/index/models/no-such-model/activate' }),
  },
  'GET /api/index/months/:month': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/index/months/2022-03' }),
  },
  'POST /api/index/months/:month/publish': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/index/months/2022-04/publish' }),
  },
  'GET /api/index/months/:month/revisions': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/index/months/2022-03/revisions' }),
  },
  'GET /api/index/months/:month/export.xlsx': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/index/months/2022-03/export.xlsx' }),
  },
  'GET /api/index/periods/:period': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/index/periods/2022-Q1' }),
  },
  'GET /api/index/units/:unitId/trend': {
    allowed: BUSINESS_READERS,
    request: (ids) => ({ url: `/api/index/units/${ids.ownUnit}/trend?year=2022` }),
  },
  'POST /api/index/bonuses': {
    allowed: ['supervisor'],
    request: (ids) => ({
      payload: { unitId: ids.ownUnit, month: '2022-03', points: 99, reason: '矩阵测试' },
    }),
  },
  'GET /api/index/bonuses': { allowed: BUSINESS_READERS },
  'DELETE /api/index/bonuses/:id': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/index/bonuses/no-such-bonus' }),
  },
  // Admonition talks and conduct findings: discipline roles only, export and files included (PRODUCT.md). Walks use
  // unknown ids or incomplete bodies (404, 400) so the walk changes nothing.
  'GET /api/admonitions/talks': { allowed: ['discipline'] },
  'GET /api/admonitions/talks/export.xlsx': { allowed: ['discipline'] },
  'POST /api/admonitions/talks': {
    allowed: ['discipline'],
    request: (ids) => ({ payload: { unitId: ids.ownUnit } }),
  },
  'GET /api/admonitions/talks/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/talks/no-such-talk' }),
  },
  'PATCH /api/admonitions/talks/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/talks/no-such-talk', payload: { notes: '矩阵测试' } }),
  },
  'DELETE /api/admonitions/talks/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/talks/no-such-talk' }),
  },
  'GET /api/admonitions/findings': { allowed: ['discipline'] },
  'POST /api/admonitions/findings': {
    allowed: ['discipline'],
    request: (ids) => ({ payload: { unitId: ids.ownUnit } }),
  },
  'GET /api/admonitions/findings/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/findings/no-such-finding' }),
  },
  'PATCH /api/admonitions/findings/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/findings/no-such-finding', payload: { facts: '矩阵测试' } }),
  },
  'POST /api/admonitions/findings/:id/files': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/findings/no-such-finding/files' }),
  },
  'GET /api/admonitions/finding-files/:id/download': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/finding-files/no-such-file/download' }),
  },
  'DELETE /api/admonitions/finding-files/:id': {
    allowed: ['discipline'],
    request: () => ({ url: '/api/admonitions/finding-files/no-such-file' }),
  },
  // Post-mortem reviews (复盘): every business role reads (units those of their items or actions); the task force
  // opens, schedules, holds and closes them; the lead unit's manager may write the sections; action owners update theirs.
  'GET /api/reviews': { allowed: BUSINESS_READERS },
  'POST /api/reviews': { allowed: ['supervisor'], request: () => ({ payload: { itemId: 'no-such-item' } }) },
  'GET /api/reviews/:id': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/reviews/no-such-review' }),
  },
  'PATCH /api/reviews/:id': {
    allowed: ['supervisor', 'unit_manager', 'other_unit_manager'],
    request: () => ({ url: '/api/reviews/no-such-review', payload: { problems: '矩阵测试' } }),
  },
  'POST /api/reviews/:id/schedule': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/reviews/no-such-review/schedule', payload: { meetingMonth: '2022-05' } }),
  },
  'POST /api/reviews/:id/held': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/reviews/no-such-review/held', payload: {} }),
  },
  'POST /api/reviews/:id/close': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/reviews/no-such-review/close' }),
  },
  'POST /api/reviews/:id/actions': {
    allowed: ['supervisor'],
    request: (ids) => ({
      url: '/api/reviews/no-such-review/actions',
      payload: { title: '矩阵测试', ownerUnitId: ids.ownUnit, deadline: '2022-05-31' },
    }),
  },
  'PATCH /api/reviews/:id/actions/:actionId': {
    allowed: ['supervisor', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({
      url: '/api/reviews/no-such-review/actions/no-such-action',
      payload: { notes: '矩阵测试' },
    }),
  },
  // Verification cases (核查) and public complaints: the form, photo upload, submission and status are public (no
  // login, rate-limited; the walk's requests are malformed or unknown: 400, 404 or 429). County roles read every case,
  // unit roles their own unit's; the team's steps are the discipline commission's and the task force's, the plan the
  // unit manager's, progress the unit's. Case routes target an unknown case (404 past the role gate); entering a
  // case makes one per allowed caller.
  'GET /api/public/complaints/form': { allowed: 'public' },
  'POST /api/public/complaints/photos': {
    allowed: 'public',
    request: () => ({ url: '/api/public/complaints/photos?challengeId=no-such-challenge&nonce=1' }),
  },
  'POST /api/public/complaints': {
    allowed: 'public',
    request: () => ({ payload: { description: '矩阵测试' } }),
  },
  'GET /api/public/complaints/:receipt': {
    allowed: 'public',
    request: () => ({ url: '/api/public/complaints/TS20220415-00000000' }),
  },
  'GET /api/cases': { allowed: BUSINESS_READERS },
  'GET /api/cases/export.xlsx': { allowed: BUSINESS_READERS },
  'POST /api/cases': {
    allowed: ['supervisor', 'leader', 'discipline'],
    request: (ids, caller) => ({
      payload: {
        source: 'spot_check',
        title: `矩阵测试核查-${caller}`,
        subject: { unitId: ids.otherUnit },
        description: '矩阵测试',
      },
    }),
  },
  'GET /api/cases/team-candidates': { allowed: ['supervisor', 'discipline'] },
  'GET /api/cases/settings': { allowed: READERS },
  'PUT /api/cases/settings': {
    allowed: ['sys_admin'],
    request: () => ({ payload: { complaintDays: 13, enquiryDays: 3 } }),
  },
  'GET /api/cases/:id': { allowed: BUSINESS_READERS, request: () => ({ url: '/api/cases/no-such-case' }) },
  'PUT /api/cases/:id/team': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({
      url: '/api/cases/no-such-case/team',
      payload: { members: [{ userId: 'no-such-user' }] },
    }),
  },
  'PUT /api/cases/:id/deadline': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({
      url: '/api/cases/no-such-case/deadline',
      payload: { deadline: '2022-06-30', reason: '矩阵测试' },
    }),
  },
  'POST /api/cases/:id/findings': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({
      url: '/api/cases/no-such-case/findings',
      payload: { category: 'other', text: '矩阵测试' },
    }),
  },
  'POST /api/cases/:id/feedback': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({ url: '/api/cases/no-such-case/feedback', payload: { text: '矩阵测试' } }),
  },
  'POST /api/cases/:id/plans': {
    allowed: ['unit_manager', 'other_unit_manager'],
    request: () => ({
      url: '/api/cases/no-such-case/plans',
      payload: {
        summary: '矩阵测试',
        measures: [{ text: '矩阵测试', owner: '矩阵测试', deadline: '2022-05-01' }],
      },
    }),
  },
  'POST /api/cases/:id/plans/:planId/decision': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({
      url: '/api/cases/no-such-case/plans/no-such-plan/decision',
      payload: { approve: true },
    }),
  },
  'POST /api/cases/:id/files': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/cases/no-such-case/files' }),
  },
  'POST /api/cases/:id/measures/:measureId/progress': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({
      url: '/api/cases/no-such-case/measures/no-such-measure/progress',
      payload: { text: '矩阵测试' },
    }),
  },
  'POST /api/cases/:id/recheck': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({ url: '/api/cases/no-such-case/recheck', payload: { passed: true, note: '矩阵测试' } }),
  },
  'POST /api/cases/:id/reply': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({ url: '/api/cases/no-such-case/reply', payload: { text: '矩阵测试' } }),
  },
  'POST /api/cases/:id/close': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({ url: '/api/cases/no-such-case/close', payload: {} }),
  },
  'POST /api/cases/:id/warnings': {
    allowed: ['supervisor', 'discipline'],
    request: () => ({
      url: '/api/cases/no-such-case/warnings',
      payload: { kind: 'card', colour: 'yellow', reason: '矩阵测试' },
    }),
  },
  'GET /api/case-files/:id/download': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/case-files/no-such-file/download' }),
  },
  // Supervision bulletins (督查通报): every business role reads (units the published ones); the task force drafts,
  // edits and publishes; a leader or another supervisor approves; units mark them read; receipts are county's.
  'GET /api/bulletins': { allowed: BUSINESS_READERS },
  'POST /api/bulletins/drafts': {
    allowed: ['supervisor'],
    request: () => ({ payload: { from: '2022-04-20', to: '2022-04-01' } }),
  },
  'GET /api/bulletins/settings': { allowed: BUSINESS_READERS },
  'PUT /api/bulletins/settings': {
    allowed: ['supervisor'],
    request: () => ({ payload: { numberFormat: '矩阵测试', issuer: '矩阵测试' } }),
  },
  'GET /api/bulletins/:id': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/bulletins/no-such-bulletin' }),
  },
  'PATCH /api/bulletins/:id': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin', payload: { title: '矩阵测试' } }),
  },
  'POST /api/bulletins/:id/approve': {
    allowed: ['supervisor', 'leader'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin/approve' }),
  },
  'POST /api/bulletins/:id/publish': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin/publish' }),
  },
  'POST /api/bulletins/:id/corrections': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin/corrections' }),
  },
  'GET /api/bulletins/:id/receipts': {
    allowed: ['supervisor', 'leader'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin/receipts' }),
  },
  'POST /api/bulletins/:id/read': {
    allowed: ['unit_manager', 'unit_reporter', 'other_unit_manager'],
    request: () => ({ url: '/api/bulletins/no-such-bulletin/read' }),
  },
  'GET /api/bulletins/:id/document.docx': {
    allowed: BUSINESS_READERS,
    request: () => ({ url: '/api/bulletins/no-such-bulletin/document.docx' }),
  },
  // Monthly meetings (月度例会): county roles read the meetings and the pack; the task force records them.
  'GET /api/meetings': { allowed: ['supervisor', 'leader', 'discipline'] },
  'POST /api/meetings': { allowed: ['supervisor'], request: () => ({ payload: { month: '2022-13' } }) },
  'GET /api/meetings/:month': {
    allowed: ['supervisor', 'leader', 'discipline'],
    request: () => ({ url: '/api/meetings/2022-04' }),
  },
  'PATCH /api/meetings/:month': {
    allowed: ['supervisor'],
    request: () => ({ url: '/api/meetings/2022-04', payload: { title: '矩阵测试', rowVersion: 1 } }),
  },
  'POST /api/meetings/:month/commitments': {
    allowed: ['supervisor'],
    request: () => ({
      url: '/api/meetings/2022-04/commitments',
      payload: { text: '矩阵测试', deadline: '2022-05-31' },
    }),
  },
  'PATCH /api/meetings/:month/commitments/:id': {
    allowed: ['supervisor'],
    request: () => ({
      url: '/api/meetings/2022-04/commitments/no-such-commitment',
      payload: { status: 'done' },
    }),
  },
  'GET /api/meetings/:month/pack': {
    allowed: ['supervisor', 'leader', 'discipline'],
    request: () => ({ url: '/api/meetings/2022-03/pack' }),
  },
  'GET /api/meetings/:month/pack.docx': {
    allowed: ['supervisor', 'leader', 'discipline'],
    request: () => ({ url: '/api/meetings/2022-03/pack.docx' }),
  },
  'GET /api/meetings/:month/pack.xlsx': {
    allowed: ['supervisor', 'leader', 'discipline'],
    request: () => ({ url: '/api/meetings/2022-03/pack.xlsx' }),
  },
  // Excel import and export of items
  'GET /api/items/import-template.xlsx': { allowed: ['supervisor'] },
  'POST /api/items/import': { allowed: ['supervisor'] },
  'GET /api/items/export.xlsx': {
    allowed: ['supervisor', 'leader', 'discipline', 'unit_manager', 'unit_reporter', 'other_unit_manager'],
  },
};

/** Logout ends the caller's session, so it is walked last. */
const WALK_ORDER = Object.keys(MATRIX).sort(
  (a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout'),
);

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe.skipIf(!pgAvailable)(`RBAC matrix over every route (${dialect})`, () => {
  let t: TestApp;
  let ids: Ids;
  const cookies = {} as Record<Principal, string>;

  const call = (caller: Caller, key: string) => {
    const [method, path] = key.split(' ') as [InjectOptions['method'], string];
    const spec = MATRIX[key]?.request?.(ids, caller) ?? {};
    return t.as(caller === 'anonymous' ? null : cookies[caller], { method, url: path, ...spec });
  };

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'reporter', unit: '大东坝镇', roles: ['unit_reporter'] });
    await addUser(t, { username: 'norole', unit: '大东坝镇', roles: [] });
    ids = {
      ownUnit: await unitId(t, '大东坝镇'),
      otherUnit: await unitId(t, '新兴镇'),
      targetUser: await userId(t, 'reporter'),
    };
    for (const p of PRINCIPALS) cookies[p] = await t.login(ACCOUNTS[p]);
    const item = await t.as(cookies.supervisor, {
      method: 'POST',
      url: '/api/items',
      payload: matrixItemBody(ids.ownUnit, 'target'),
    });
    expect(item.statusCode, item.body).toBe(201);
    matrixItem.id = (item.json() as { id: string }).id;
    const assigned = await t.as(cookies.supervisor, {
      method: 'POST',
      url: `/api/items/${matrixItem.id}/transitions`,
      payload: { action: 'assign' },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
  afterAll(() => t.close());

  it('covers every role of the domain with a logged-in account', async () => {
    for (const role of ROLES) expect(PRINCIPALS).toContain(role);
    for (const p of PRINCIPALS) {
      const me = (await t.as(cookies[p], { method: 'GET', url: '/api/auth/me' })).json() as {
        user: { roles: string[] };
      };
      const expected = p === 'no_role' ? [] : [p === 'other_unit_manager' ? 'unit_manager' : p];
      expect(me.user.roles, p).toEqual(expected);
    }
  });

  it('has an expectation for every registered route and no expectation for a route that is gone', () => {
    const registered = [...new Set(t.app.routeCatalog.map(routeKey))].sort();
    const declared = Object.keys(MATRIX).sort();
    const undeclared = registered.filter((k) => !declared.includes(k));
    const stale = declared.filter((k) => !registered.includes(k));
    expect(undeclared, 'routes without an expectation in rbac-matrix.test.ts').toEqual([]);
    expect(stale, 'expectations in rbac-matrix.test.ts for routes that no longer exist').toEqual([]);
  });

  it('declares public exactly the routes the app declares public', () => {
    for (const r of t.app.routeCatalog) {
      expect(MATRIX[routeKey(r)]?.allowed === 'public', routeKey(r)).toBe(r.policy === 'public');
    }
  });

  it.each(WALK_ORDER)(
    '%s: 401 for anonymous, 403 for the roles not allowed, neither for the allowed ones',
    async (key) => {
      const { allowed } = MATRIX[key]!;
      const isWrite = !key.startsWith('GET ');
      for (const caller of CALLERS) {
        const before = isWrite ? await count(t, 'audit_log') : 0;
        const res = await call(caller, key);
        const label = `${key} as ${caller}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (allowed === 'public') {
          expect([401, 403], label).not.toContain(res.statusCode);
        } else if (caller === 'anonymous') {
          expectError(res, 401, 'unauthenticated');
        } else if (allowed.includes(caller)) {
          expect([401, 403], label).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('forbidden');
          // A refused write leaves no trace, not even an audit entry.
          if (isWrite) expect(await count(t, 'audit_log'), label).toBe(before);
        }
      }
    },
  );

  it('leaves every walked session logged out by the logout walk', async () => {
    for (const p of PRINCIPALS) {
      expectError(await t.as(cookies[p], { method: 'GET', url: '/api/auth/me' }), 401, 'unauthenticated');
    }
  });
});

describe.skipIf(!pgAvailable)(`unit scope and separation of duties (${dialect})`, () => {
  let t: TestApp;
  let dadongba: string;
  let admin: string;
  let security: string;
  let auditor: string;
  let ownUnit: string;
  let otherUnit: string;

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'ddb_reporter', unit: '大东坝镇', roles: ['unit_reporter'] });
    await addUser(t, { username: 'xx_reporter', unit: '新兴镇', roles: ['unit_reporter'] });
    ownUnit = await unitId(t, '大东坝镇');
    otherUnit = await unitId(t, '新兴镇');
    dadongba = await t.login('dadongba');
    admin = await t.login('admin');
    security = await t.login('security');
    auditor = await t.login('auditor');
  });
  afterAll(() => t.close());

  it("lets a unit manager list users and get only their own unit's accounts", async () => {
    const res = await t.as(dadongba, { method: 'GET', url: '/api/users?pageSize=100' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { username: string; unitId: string }[]; total: number };
    // The demo's manager and clerk of 大东坝镇, and the reporter added above.
    expect(body.items.map((u) => u.username).sort()).toEqual(['dadongba', 'dadongba_tb', 'ddb_reporter']);
    expect(body.items.every((u) => u.unitId === ownUnit)).toBe(true);
    expect(body.total).toBe(3);
  });

  it('fails with 403 when a unit manager asks for the users of another unit', async () => {
    expectError(
      await t.as(dadongba, { method: 'GET', url: `/api/users?unitId=${otherUnit}` }),
      403,
      'forbidden',
    );
    const own = await t.as(dadongba, { method: 'GET', url: `/api/users?unitId=${ownUnit}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().total).toBe(3);
  });

  it('fails with 403 when a unit manager reads a user of another unit', async () => {
    const foreign = await userId(t, 'xx_reporter');
    expectError(await t.as(dadongba, { method: 'GET', url: `/api/users/${foreign}` }), 403, 'forbidden');
    const mine = await t.as(dadongba, {
      method: 'GET',
      url: `/api/users/${await userId(t, 'ddb_reporter')}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().username).toBe('ddb_reporter');
  });

  it("does not leak another unit's accounts through search or role filters", async () => {
    for (const query of ['q=xinxing', 'q=xx_', 'role=unit_manager', 'role=unit_reporter']) {
      const res = await t.as(dadongba, { method: 'GET', url: `/api/users?${query}` });
      expect(res.statusCode, query).toBe(200);
      const items = res.json().items as { unitId: string }[];
      expect(
        items.every((u) => u.unitId === ownUnit),
        query,
      ).toBe(true);
    }
  });

  it('lets the system and security admins list the users of any unit', async () => {
    for (const cookie of [admin, security]) {
      const res = await t.as(cookie, { method: 'GET', url: `/api/users?unitId=${otherUnit}` });
      expect(res.statusCode).toBe(200);
      expect((res.json().items as { username: string }[]).map((u) => u.username).sort()).toEqual([
        'xinxing',
        'xinxing_tb',
        'xx_reporter',
      ]);
    }
  });

  it('refuses the system admin role grants and the audit log', async () => {
    const target = await userId(t, 'ddb_reporter');
    expectError(
      await t.as(admin, {
        method: 'PUT',
        url: `/api/users/${target}/roles`,
        payload: { roles: ['supervisor'] },
      }),
      403,
    );
    expectError(await t.as(admin, { method: 'GET', url: '/api/audit' }), 403);
    expectError(await t.as(admin, { method: 'GET', url: '/api/audit/verify' }), 403);
    const roles = await t.database.db
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', target)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['unit_reporter']);
  });

  it('refuses the security admin account creation, account changes and the audit log, but not role grants', async () => {
    const usersBefore = await count(t, 'users');
    const create = await t.as(security, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sec_made', displayName: '越权', unitId: ownUnit, password: 'Secure#Pass2022' },
    });
    expectError(create, 403, 'forbidden');
    expect(await count(t, 'users')).toBe(usersBefore);
    const target = await userId(t, 'ddb_reporter');
    expectError(
      await t.as(security, { method: 'PATCH', url: `/api/users/${target}`, payload: { active: false } }),
      403,
    );
    expectError(await t.as(security, { method: 'GET', url: '/api/audit' }), 403);
    expectError(await t.as(security, { method: 'GET', url: '/api/audit/verify' }), 403);
    const grant = await t.as(security, {
      method: 'PUT',
      url: `/api/users/${target}/roles`,
      payload: { roles: ['unit_reporter'] },
    });
    expect(grant.statusCode).toBe(200);
  });

  it('lets the audit admin read the audit log, the dashboard, the calendar, the settings, their own account and notifications, and nothing else', async () => {
    const mayUse = new Set([
      'GET /api/audit',
      'GET /api/audit/verify',
      'GET /api/audit/export.xlsx',
      'GET /api/dashboard',
      'GET /api/auth/me',
      'POST /api/auth/password',
      // what every account has: the working calendar, the region's settings, its own notifications
      'GET /api/calendar',
      'GET /api/settings',
      'GET /api/notifications',
      'GET /api/notifications/unread-count',
      'POST /api/notifications/:id/read',
      'POST /api/notifications/read-all',
    ]);
    const ids: Ids = { ownUnit, otherUnit, targetUser: await userId(t, 'ddb_reporter') };
    for (const r of t.app.routeCatalog) {
      const key = routeKey(r);
      if (r.policy === 'public' || key === 'POST /api/auth/logout') continue;
      const spec = MATRIX[key]?.request?.(ids, 'audit_admin') ?? {};
      const res = await t.as(auditor, { method: r.method as InjectOptions['method'], url: r.url, ...spec });
      if (mayUse.has(key)) expect([401, 403], `${key}: ${res.body}`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${key}: ${res.body}`).toBe(403);
    }
    const audit = await t.as(auditor, { method: 'GET', url: '/api/audit' });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().total).toBeGreaterThan(0);
  });
});
