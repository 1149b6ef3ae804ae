// Types of the Benpao HTTP API (packages/server). Keep in step with the server's zod schemas.

export const ROLE_CODES = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'supervisor',
  'leader',
  'unit_manager',
  'unit_reporter',
  'discipline',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const UNIT_KINDS = ['department', 'town', 'township', 'street', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export type RoleScope = 'county' | 'unit' | 'admin';

/** The scopes the server reports on GET /api/roles; used until that answer arrives. */
export const DEFAULT_ROLES: readonly RoleInfo[] = [
  { code: 'sys_admin', scope: 'admin' },
  { code: 'security_admin', scope: 'admin' },
  { code: 'audit_admin', scope: 'admin' },
  { code: 'supervisor', scope: 'county' },
  { code: 'leader', scope: 'county' },
  { code: 'discipline', scope: 'county' },
  { code: 'unit_manager', scope: 'unit' },
  { code: 'unit_reporter', scope: 'unit' },
];

/** Body of every non-2xx answer. `message` is already localised by the Accept-Language header. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  regionId: string;
  regionName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
}

export interface DashboardCategory {
  id: string;
  name: string;
  unitCount: number;
}

/** The dashboard's item figures (roles that see items only). */
export interface DashboardItems {
  total: number;
  byKind: { kind: string; count: number }[];
  byStatus: { status: string; count: number }[];
  /** past their due date and neither completed nor cancelled */
  overdue: number;
  /** reports in force submitted after their deadline */
  reportsLate: number;
}

/** GET /api/dashboard. Later issues add items, lights and the running index: everything new is optional. */
export interface Dashboard {
  region: { id: string; name: string };
  items?: DashboardItems;
  units: { total: number; byKind: { kind: string; count: number }[] };
  users: { total: number; active: number };
  categories: DashboardCategory[];
  [extra: string]: unknown;
}

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  categoryId: string | null;
  categoryName: string | null;
  parentId: string | null;
  active: boolean;
  sortOrder: number;
}

export interface UnitQuery extends PageQuery {
  kind?: string;
  q?: string;
  categoryId?: string;
  active?: boolean;
}

export interface UnitCreate {
  name: string;
  shortName?: string | null;
  kind: string;
  categoryId?: string | null;
  parentId?: string | null;
  sortOrder?: number;
}

export interface UnitPatch extends Partial<UnitCreate> {
  active?: boolean;
}

export interface RankingCategory {
  id: string;
  name: string;
  unitCount: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserQuery extends PageQuery {
  unitId?: string;
  q?: string;
  role?: string;
}

export interface UserCreate {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
}

export interface UserPatch {
  displayName?: string;
  unitId?: string;
  active?: boolean;
}

export interface RoleInfo {
  code: string;
  scope: RoleScope;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
}

export interface AuditQuery extends PageQuery {
  entity?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}

// ------------------------------------------------------------------------------------------------ items
// Mirrors packages/server/src/modules/items/schema.ts (督办事项).

export const ITEM_KINDS = ['work', 'project', 'indicator'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_STATES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
  'completed',
  'cancelled',
] as const;
export type ItemStatus = (typeof ITEM_STATES)[number];

export const ITEM_ACTIONS = [
  'assign',
  'accept',
  'start',
  'request_completion',
  'complete',
  'send_back',
  'cancel',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
/** Actions whose transition needs a reason (packages/domain lifecycle.ts `reasonRequired`). */
export const REASON_REQUIRED_ACTIONS: readonly ItemAction[] = ['request_completion', 'send_back', 'cancel'];

export const BASIS_TYPES = ['meeting', 'instruction', 'document', 'complaint', 'other'] as const;
export type BasisType = (typeof BASIS_TYPES)[number];
export const URGENCIES = ['normal', 'urgent', 'very_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const PROJECT_PHASES = ['preliminary', 'construction', 'completed'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const TARGET_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type TargetFrequency = (typeof TARGET_FREQUENCIES)[number];

export interface MilestoneInput {
  id?: string;
  title: string;
  plannedDate: string;
  weight: number;
}

export interface IndicatorTarget {
  periodKey: string;
  target: number;
}

export interface MonthlyPlan {
  month: string;
  fen: number;
}

interface ItemCommonInput {
  title: string;
  description?: string | null;
  basisType: BasisType;
  basisText?: string | null;
  urgency?: Urgency;
  leadUnitId: string;
  coUnitIds?: string[];
  leaderUserId?: string | null;
  startDate: string;
  dueDate: string;
  frequency?: Frequency;
  deadlineWorkingDays?: number;
  milestones?: MilestoneInput[];
}

export interface ProjectFields {
  phase?: ProjectPhase;
  plannedStart: string;
  actualStart?: string | null;
  plannedCompletion: string;
  totalInvestmentFen: number;
  annualPlanFen: number;
  monthlyPlan?: MonthlyPlan[];
}

export interface IndicatorFields {
  measure: string;
  unitOfMeasure: string;
  direction: Direction;
  annualTarget: number;
  targetFrequency?: TargetFrequency;
  targets?: IndicatorTarget[];
}

export type ItemCreate =
  | ({ kind: 'work' } & ItemCommonInput)
  | ({ kind: 'project' } & ItemCommonInput & ProjectFields)
  | ({ kind: 'indicator' } & ItemCommonInput & IndicatorFields);

export type ItemUpdate = { rowVersion: number } & Partial<ItemCommonInput> &
  Partial<ProjectFields> &
  Partial<IndicatorFields>;

export interface ItemQuery extends PageQuery {
  kind?: ItemKind;
  unitId?: string;
  leaderUserId?: string;
  status?: ItemStatus;
  overdue?: 'true' | 'false';
  q?: string;
}

export interface MilestoneView {
  id: string;
  seq: number;
  title: string;
  plannedDate: string;
  weight: number;
  doneDate: string | null;
  overdueDays: number;
}

export interface ProgressView {
  asOf: string;
  planned: number;
  actual: number;
  lag: number;
  indicator: {
    periodKey: string;
    target: number;
    actual: number;
    attainmentPct: number;
    met: boolean;
  } | null;
  investment: {
    plannedToDateFen: number;
    completedFen: number;
    completionRatePct: number | null;
    annualRatePct: number | null;
  } | null;
  overdue: boolean;
}

export type ItemRelation = 'county' | 'lead' | 'co_unit';

export interface ItemSummary {
  id: string;
  number: string;
  kind: ItemKind;
  title: string;
  status: ItemStatus;
  urgency: Urgency;
  leadUnitId: string;
  leadUnitName: string;
  coUnitIds: string[];
  leaderUserId: string | null;
  leaderName: string | null;
  startDate: string;
  dueDate: string;
  frequency: Frequency;
  progress: ProgressView;
  access: { relation: ItemRelation; canReport: boolean };
}

export interface TransitionView {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  at: string;
}

export type RequestKind = 'extension' | 'adjustment';
export type RequestStatus = 'pending' | 'approved' | 'refused';

export interface RequestView {
  id: string;
  kind: RequestKind;
  reason: string;
  proposedDueDate: string | null;
  proposedChanges: Record<string, unknown> | null;
  status: RequestStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface ItemDetail extends ItemSummary {
  description: string | null;
  basisType: BasisType;
  basisText: string | null;
  coUnits: { id: string; name: string }[];
  deadlineWorkingDays: number;
  milestones: MilestoneView[];
  phase: ProjectPhase | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  totalInvestmentFen: number | null;
  annualPlanFen: number | null;
  monthlyPlan: MonthlyPlan[];
  measure: string | null;
  unitOfMeasure: string | null;
  direction: Direction | null;
  annualTarget: number | null;
  targetFrequency: TargetFrequency | null;
  targets: IndicatorTarget[];
  transitions: TransitionView[];
  requests: RequestView[];
  allowedActions: ItemAction[];
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequestCreate {
  kind: RequestKind;
  reason: string;
  proposedDueDate?: string | null;
  proposedChanges?: Partial<Omit<ItemUpdate, 'rowVersion'>> | null;
}

// ---------------------------------------------------------------------------------------------- reports
// Mirrors packages/server/src/modules/reports (进度报送) and evidence (佐证材料).

export const REPORT_STATES = ['draft', 'pending_approval', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATES)[number];
export const REPORT_ACTIONS = ['edit', 'submit', 'approve', 'accept', 'return', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface EvidenceView {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  reportId: string | null;
  downloadUrl: string;
}

export interface MilestoneReached {
  milestoneId: string;
  title?: string;
  doneDate: string;
}

export interface ReportView {
  id: string;
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  itemKind: ItemKind;
  unitId: string;
  unitName: string;
  periodKey: string;
  version: number;
  current: boolean;
  status: ReportStatus;
  progress: number | null;
  indicatorValue: number | null;
  completedInvestmentFen: number | null;
  milestonesReached: { milestoneId: string; title: string; doneDate: string }[];
  workProgress: string | null;
  problems: string | null;
  nextSteps: string | null;
  deadline: string;
  deadlineEstimated: boolean;
  submittedAt: string | null;
  submittedOn: string | null;
  submittedBy: string | null;
  late: boolean | null;
  workingDaysLate: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  evidence: EvidenceView[];
  rowVersion: number;
  allowedActions: ReportAction[];
  createdAt: string;
  updatedAt: string;
}

export interface ReportInput {
  progress?: number | null;
  indicatorValue?: number | null;
  completedInvestmentFen?: number | null;
  milestonesReached?: { milestoneId: string; doneDate: string }[];
  workProgress?: string | null;
  problems?: string | null;
  nextSteps?: string | null;
  evidenceIds?: string[];
}

export interface ReportCreate extends ReportInput {
  periodKey: string;
}

export interface ReportPatch extends ReportInput {
  rowVersion: number;
}

export interface ReportQuery extends PageQuery {
  status?: ReportStatus;
  unitId?: string;
  itemId?: string;
  periodKey?: string;
}

export interface PeriodView {
  key: string;
  start: string;
  end: string;
  deadline: string;
  deadlineEstimated: boolean;
  report: { id: string; status: ReportStatus; version: number; late: boolean | null } | null;
  overdue: boolean;
}

// ------------------------------------------------------------------------------ to-do and notifications

export interface TodoReportDue {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  periodKey: string;
  deadline: string;
  deadlineEstimated: boolean;
  overdue: boolean;
  /** Working days left until the deadline, or (overdue) working days since it. */
  workingDays: number;
  reportId: string | null;
  reportStatus: ReportStatus | null;
}

export interface TodoItemToAccept {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  dueDate: string;
  assignedAt: string | null;
}

export interface TodoRequestPending {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  leadUnitName: string;
  requestId: string;
  kind: RequestKind;
  requestedAt: string;
}

export interface TodoCompletionRequest {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  leadUnitName: string;
  requestedAt: string | null;
}

export interface TodoCountyCounts {
  reviewQueue: number;
  requestsPending: number;
  completionRequests: number;
  itemsAwaitingAcceptance: number;
  reportsOverdue: number;
}

/** GET /api/todo: each part is present only for the roles it concerns. */
export interface Todo {
  asOf: string;
  readOnly: boolean;
  reportsDue?: TodoReportDue[];
  itemsToAccept?: TodoItemToAccept[];
  pendingApprovals?: number;
  reviewQueue?: number;
  requestsPending?: TodoRequestPending[];
  completionRequests?: TodoCompletionRequest[];
  county?: TodoCountyCounts;
}

export const NOTIFICATION_KINDS = [
  'report_due',
  'report_overdue',
  'item_assigned',
  'report_returned',
  'report_accepted',
  'request_decided',
  'warning_issued',
  'warning_escalated',
  'case_received',
  'case_team',
  'case_feedback',
  'case_plan_submitted',
  'case_plan_decided',
  'case_overdue',
  'case_measure_overdue',
  'bulletin_published',
  'rating_low',
] as const;

export interface NotificationView {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  itemId: string | null;
  reportId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Paged<NotificationView> {
  unread: number;
}

// ------------------------------------------------------------------------------------------- calendar

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
  /** `builtin` (the State Council's schedule shipped with Benpao) or `region` (this county's override). */
  source: 'builtin' | 'region';
}

export interface CalendarYear {
  year: number;
  /** the year's statutory schedule is known (builtin, or declared complete by the region) */
  hasData: boolean;
  /** some day of the year is answered by the plain Monday–Friday estimate */
  estimated: boolean;
  builtin: boolean;
  declared: boolean;
  days: CalendarDayView[];
  workingDays: number;
}

export interface Settings {
  reportApprovalRequired: boolean;
  reminderDaysBefore: number;
  evidenceMaxBytes: number;
  demoToday: string | null;
}

// ---------- Excel import ----------

/** `POST /api/items/import` → 200 */
export interface ItemImportResult {
  created: number;
  numbers: string[];
}

/** One bad cell of an import (400 `import_invalid`, `problems`). */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  field: string;
  message: string;
}
