// Row types of every table, as Kysely sees them. Booleans are stored as 0/1 integers and instants as
// UTC ISO strings so that both dialects return the same values.
import type { Generated } from 'kysely';

export interface RegionTable {
  id: string;
  region_id: string;
  name: string;
  code: string;
  is_demo: number;
  created_at: string;
}

export interface RankingCategoryTable {
  id: string;
  region_id: string;
  name: string;
  sort_order: number;
  created_at: string;
}

export interface UnitTable {
  id: string;
  region_id: string;
  name: string;
  short_name: string | null;
  kind: string;
  category_id: string | null;
  parent_id: string | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  region_id: string;
  unit_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  region_id: string;
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionTable {
  id: string;
  region_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditHeadTable {
  region_id: string;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  region_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface CalendarDayTable {
  region_id: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CalendarYearTable {
  region_id: string;
  year: number;
  created_by: string | null;
  created_at: string;
}

/** A missing row means the defaults; the columns' defaults are the same values. */
export interface RegionSettingsTable {
  region_id: string;
  report_approval_required: Generated<number>;
  reminder_days_before: Generated<number>;
  evidence_max_bytes: Generated<number>;
  /** Demo regions read "today" from here so that the 2022 story stays in 2022. */
  demo_today: string | null;
  updated_at: string;
}

export interface ItemCounterTable {
  region_id: string;
  year: number;
  last: number;
}

export interface ItemTable {
  id: string;
  region_id: string;
  number: string;
  kind: 'work' | 'project' | 'indicator';
  title: string;
  description: string | null;
  basis_type: string;
  basis_text: string | null;
  urgency: string;
  lead_unit_id: string;
  leader_user_id: string | null;
  status: string;
  start_date: string;
  due_date: string;
  frequency: string;
  deadline_working_days: number;
  phase: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_completion: string | null;
  total_investment_fen: number | null;
  annual_plan_fen: number | null;
  measure: string | null;
  unit_of_measure: string | null;
  direction: string | null;
  annual_target: number | null;
  target_frequency: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

export interface ItemCoUnitTable {
  region_id: string;
  item_id: string;
  unit_id: string;
}

export interface MilestoneTable {
  id: string;
  region_id: string;
  item_id: string;
  seq: number;
  title: string;
  planned_date: string;
  weight: number;
  done_date: string | null;
  done_report_id: string | null;
}

export interface IndicatorTargetTable {
  region_id: string;
  item_id: string;
  period_key: string;
  target: number;
}

export interface InvestmentPlanTable {
  region_id: string;
  item_id: string;
  month: string;
  plan_fen: number;
}

export interface ItemTransitionTable {
  id: string;
  region_id: string;
  item_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  at: string;
  /** The region's business date when it happened (its demo day in a demo region); null only if never backfilled. */
  on_date: string | null;
}

export interface ItemRequestTable {
  id: string;
  region_id: string;
  item_id: string;
  kind: 'extension' | 'adjustment';
  reason: string;
  proposed_due_date: string | null;
  proposed_changes: string | null;
  status: 'pending' | 'approved' | 'refused';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface ReportTable {
  id: string;
  region_id: string;
  item_id: string;
  unit_id: string;
  period_key: string;
  version: number;
  /** 1 for the version in force for its period; older versions are kept as history. */
  current: number;
  status: string;
  progress: number | null;
  indicator_value: number | null;
  completed_investment_fen: number | null;
  work_progress: string | null;
  problems: string | null;
  next_steps: string | null;
  deadline: string;
  deadline_estimated: number;
  submitted_at: string | null;
  submitted_on: string | null;
  submitted_by: string | null;
  late: number | null;
  working_days_late: number | null;
  approved_by: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** The region's business date of the review. */
  reviewed_on: string | null;
  return_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  row_version: number;
}

export interface ReportMilestoneTable {
  region_id: string;
  report_id: string;
  milestone_id: string;
  done_date: string;
}

export interface EvidenceFileTable {
  id: string;
  region_id: string;
  item_id: string;
  report_id: string | null;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface NotificationTable {
  id: string;
  region_id: string;
  user_id: string;
  kind: string;
  params: string;
  item_id: string | null;
  report_id: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface RuleSetTable {
  id: string;
  region_id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  rules_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
  activated_by: string | null;
  activated_at: string | null;
}

export interface WarningTable {
  id: string;
  region_id: string;
  key: string;
  kind: 'light' | 'card';
  origin: 'rule' | 'manual';
  rule_id: string | null;
  rule_version: number | null;
  condition: string | null;
  item_id: string | null;
  unit_id: string;
  colour: 'yellow' | 'red';
  issued_colour: 'yellow' | 'red';
  state: 'active' | 'rectifying' | 'cleared' | 'revoked';
  issued_on: string;
  since: string;
  rectify_by: string;
  was_red: number;
  persistent: number;
  closed_on: string | null;
  /** Closed by the engine (gap closed, item closed), not by a person: the same condition may be issued again. */
  auto_cleared: number;
  metric: number | null;
  inputs_json: string;
  thresholds_json: string;
  explanation_zh: string;
  explanation_en: string;
  reason: string | null;
  appeal_state: 'pending' | 'upheld' | 'rejected' | null;
  issued_by: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
  /** The verification case (核查) a manual warning was issued from (migration 0007). */
  case_id?: string | null;
}

export interface WarningEventTable {
  id: string;
  region_id: string;
  warning_id: string;
  seq: number;
  type: string;
  on_date: string;
  at: string;
  colour: 'yellow' | 'red';
  state: 'active' | 'rectifying' | 'cleared' | 'revoked';
  rule_id: string | null;
  rule_version: number | null;
  actor_id: string | null;
  actor_name: string | null;
  text: string | null;
  data_json: string | null;
  explanation_zh: string | null;
  explanation_en: string | null;
}

export interface WarningFileTable {
  id: string;
  region_id: string;
  warning_id: string;
  event_id: string | null;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface WarningStepTable {
  id: string;
  region_id: string;
  warning_id: string;
  seq: number;
  title: string;
  working_days_before: number;
  due_date: string;
  done_date: string | null;
  done_note: string | null;
  planned_on: string;
  created_by: string | null;
  created_at: string;
}

export interface WarningEngineStateTable {
  region_id: string;
  evaluated_through: string;
  updated_at: string;
}

export interface WebhookTable {
  id: string;
  region_id: string;
  name: string;
  format: 'dingtalk' | 'wecom';
  url: string;
  /** DingTalk's signing secret (加签); never leaves the server. */
  secret: string | null;
  /** JSON list of the event types the webhook wants. */
  events: string;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  region_id: string;
  webhook_id: string;
  event_type: string;
  /** The JSON body posted to the robot. */
  payload_json: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** A one-time proof-of-work challenge of the public rating form (no IP, no cookie: bound to nothing personal). */
export interface RatingChallengeTable {
  id: string;
  region_id: string;
  challenge: string;
  difficulty: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An enterprise's rating of a unit; the current one of its enterprise, unit and month has no successor. */
export interface ServiceRatingTable {
  id: string;
  region_id: string;
  unit_id: string;
  /** Normalised and valid per GB 32100; shown in full to county roles only, masked elsewhere and in the audit. */
  credit_code: string;
  month: string;
  rated_on: string;
  version: number;
  service: string;
  efficiency: number;
  attitude: number;
  compliance: number;
  comment: string | null;
  low: number;
  created_at: string;
  superseded_by: string | null;
  superseded_at: string | null;
}

export interface RatingFollowUpTable {
  id: string;
  region_id: string;
  rating_id: string;
  unit_id: string;
  status: 'open' | 'answered' | 'closed' | 'superseded';
  opened_at: string;
  response: string | null;
  responded_by: string | null;
  responded_by_name: string | null;
  responded_at: string | null;
  close_note: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
}

/** A version of the region's running-index model (奔跑指数); at most one active. */
export interface IndexModelTable {
  id: string;
  region_id: string;
  version: number;
  status: 'draft' | 'active' | 'retired';
  model_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
  activated_by: string | null;
  activated_at: string | null;
}

/** A published month of the index: frozen; republishing adds the next revision with its diff. */
export interface IndexSnapshotTable {
  id: string;
  region_id: string;
  month: string;
  revision: number;
  status: 'published';
  model_version: number;
  known_on: string;
  result_json: string;
  published_by: string | null;
  published_at: string;
  supersedes_id: string | null;
  diff_json: string | null;
}

/** A commendation (争先创优) of a unit for a month, entered by a supervisor. */
export interface IndexBonusTable {
  id: string;
  region_id: string;
  unit_id: string;
  month: string;
  points: number;
  reason: string;
  evidence: string | null;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** A verification case (核查). The complainant's name and phone are shown in full to discipline roles only. */
export interface CaseTable {
  id: string;
  region_id: string;
  /** The receipt number (受理回执号), the public status page's only key. */
  receipt: string;
  source: 'public_complaint' | 'hotline_12345' | 'leader_instruction' | 'spot_check';
  kind: 'complaint' | 'enquiry';
  status:
    | 'received'
    | 'verifying'
    | 'findings_issued'
    | 'plan_submitted'
    | 'plan_returned'
    | 'rectifying'
    | 'rechecked'
    | 'replied'
    | 'closed';
  title: string;
  description: string;
  item_id: string | null;
  unit_id: string | null;
  place: string | null;
  complainant_name: string | null;
  complainant_phone: string | null;
  received_on: string;
  deadline_days: number;
  deadline: string;
  feedback: string | null;
  feedback_on: string | null;
  recheck_note: string | null;
  rechecked_on: string | null;
  reply: string | null;
  replied_on: string | null;
  close_note: string | null;
  closed_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

export interface CaseTeamTable {
  id: string;
  region_id: string;
  case_id: string;
  user_id: string;
  lead: number;
  added_at: string;
}

export interface CaseFindingTable {
  id: string;
  region_id: string;
  case_id: string;
  seq: number;
  category: string;
  text: string;
  created_by: string;
  created_at: string;
}

/** One version of a unit's rectification plan (整改方案). */
export interface CasePlanTable {
  id: string;
  region_id: string;
  case_id: string;
  version: number;
  status: 'submitted' | 'approved' | 'returned';
  summary: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  return_reason: string | null;
}

export interface CaseMeasureTable {
  id: string;
  region_id: string;
  case_id: string;
  plan_id: string;
  seq: number;
  text: string;
  /** The person responsible, as the plan names them. */
  owner: string;
  deadline: string;
  status: 'open' | 'done';
  done_on: string | null;
}

export interface CaseProgressTable {
  id: string;
  region_id: string;
  case_id: string;
  measure_id: string;
  on_date: string;
  text: string;
  done: number;
  actor_id: string;
  actor_name: string;
  at: string;
}

/** A complaint photo or a progress evidence file, stored in the evidence store under its hash. */
export interface CaseFileTable {
  id: string;
  region_id: string;
  purpose: 'complaint_photo' | 'evidence';
  case_id: string | null;
  challenge_id: string | null;
  progress_id: string | null;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface CaseEventTable {
  id: string;
  region_id: string;
  case_id: string;
  seq: number;
  type: string;
  from_status: string | null;
  to_status: string;
  on_date: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  text: string | null;
  data_json: string | null;
}

/** Handling deadlines by kind in working days; a region without a row uses 13 (complaints) and 3 (enquiries). */
export interface CaseSettingsTable {
  region_id: string;
  complaint_days: number;
  enquiry_days: number;
  updated_at: string;
}

/** An admonition talk (谈话提醒) with a person of a unit; seen by discipline roles only. */
export interface AdmonitionTalkTable {
  id: string;
  region_id: string;
  unit_id: string;
  person_name: string;
  position: string;
  reason: string;
  held_on: string;
  /** Who held the talk (name and post, as written down). */
  held_by: string;
  notes: string | null;
  item_id: string | null;
  /** A verification case (核查), without a foreign key: cases live in their own migration. */
  case_id: string | null;
  warning_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A finding that a cadre acted slowly, failed to act or acted wrongly (慢作为、不作为、乱作为); discipline only. */
export interface ConductFindingTable {
  id: string;
  region_id: string;
  unit_id: string;
  person_name: string;
  position: string;
  kind: 'slow' | 'failed' | 'wrong';
  facts: string;
  measure: 'talk' | 'criticism' | 'ordered_self_examination' | 'admonishment' | 'referral';
  decided_on: string;
  item_id: string | null;
  case_id: string | null;
  talk_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConductFindingFileTable {
  id: string;
  region_id: string;
  finding_id: string;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** A post-mortem review (复盘) of an item, scheduled onto a monthly meeting. */
export interface ReviewTable {
  id: string;
  region_id: string;
  item_id: string;
  title: string;
  state: 'draft' | 'scheduled' | 'held' | 'closed';
  meeting_month: string | null;
  held_on: string | null;
  problems: string | null;
  causes: string | null;
  lessons: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  row_version: Generated<number>;
}

/** A follow-up action of a review (举一反三), owned by a unit, with a deadline. */
export interface ReviewActionTable {
  id: string;
  region_id: string;
  review_id: string;
  seq: number;
  title: string;
  owner_unit_id: string;
  owner_person: string | null;
  deadline: string;
  status: 'open' | 'done' | 'cancelled';
  done_on: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

/** A region's bulletin settings: the number format (松执专〔{year}〕{seq}号) and the issuing body (发文机关). */
export interface BulletinSettingsTable {
  region_id: string;
  number_format: string;
  issuer: string;
  updated_at: string;
}

export interface BulletinCounterTable {
  region_id: string;
  year: number;
  last: number;
}

/** A supervision bulletin (督查通报): draft → approved → published; year, seq and number given at publication. */
export interface BulletinTable {
  id: string;
  region_id: string;
  year: number | null;
  seq: number | null;
  number: string | null;
  title: string;
  period_from: string;
  period_to: string;
  body_html: string;
  status: 'draft' | 'approved' | 'published';
  corrects_bulletin_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  published_by: string | null;
  published_at: string | null;
  published_on: string | null;
  row_version: number;
}

/** A unit's read receipt (回执) of a published bulletin: its first reader. */
export interface BulletinReceiptTable {
  id: string;
  region_id: string;
  bulletin_id: string;
  unit_id: string;
  read_by: string;
  read_at: string;
}

/** A monthly meeting (月度例会), one per region and month. */
export interface MeetingTable {
  id: string;
  region_id: string;
  month: string;
  held_on: string | null;
  title: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

/** A commitment made at a meeting (会议议定事项), carried forward to the next meeting with its status. */
export interface MeetingCommitmentTable {
  id: string;
  region_id: string;
  meeting_id: string;
  seq: number;
  text: string;
  owner_unit_id: string | null;
  owner_person: string | null;
  deadline: string;
  status: 'open' | 'done' | 'dropped';
  done_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  regions: RegionTable;
  ranking_categories: RankingCategoryTable;
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_heads: AuditHeadTable;
  audit_log: AuditLogTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  region_settings: RegionSettingsTable;
  item_counters: ItemCounterTable;
  items: ItemTable;
  item_co_units: ItemCoUnitTable;
  rule_sets: RuleSetTable;
  warnings: WarningTable;
  warning_events: WarningEventTable;
  warning_files: WarningFileTable;
  warning_steps: WarningStepTable;
  warning_engine_state: WarningEngineStateTable;
  milestones: MilestoneTable;
  indicator_targets: IndicatorTargetTable;
  investment_plans: InvestmentPlanTable;
  item_transitions: ItemTransitionTable;
  item_requests: ItemRequestTable;
  reports: ReportTable;
  report_milestones: ReportMilestoneTable;
  evidence_files: EvidenceFileTable;
  notifications: NotificationTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  rating_challenges: RatingChallengeTable;
  service_ratings: ServiceRatingTable;
  rating_follow_ups: RatingFollowUpTable;
  index_models: IndexModelTable;
  index_snapshots: IndexSnapshotTable;
  index_bonuses: IndexBonusTable;
  cases: CaseTable;
  case_team: CaseTeamTable;
  case_findings: CaseFindingTable;
  case_plans: CasePlanTable;
  case_measures: CaseMeasureTable;
  case_progress: CaseProgressTable;
  case_files: CaseFileTable;
  case_events: CaseEventTable;
  case_settings: CaseSettingsTable;
  admonition_talks: AdmonitionTalkTable;
  conduct_findings: ConductFindingTable;
  conduct_finding_files: ConductFindingFileTable;
  reviews: ReviewTable;
  review_actions: ReviewActionTable;
  bulletin_settings: BulletinSettingsTable;
  bulletin_counters: BulletinCounterTable;
  bulletins: BulletinTable;
  bulletin_receipts: BulletinReceiptTable;
  meetings: MeetingTable;
  meeting_commitments: MeetingCommitmentTable;
}
