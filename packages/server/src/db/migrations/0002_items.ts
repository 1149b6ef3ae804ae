import type { Kysely } from 'kysely';

// Whole-process tracking: items of three kinds, their milestones, targets and investment plans, transitions,
// extension/adjustment requests, progress reports with evidence, the region's calendar overrides, and
// in-app notifications. Money is integer fen (bigint); indicator values are double precision.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_days_pk', ['region_id', 'date'])
    .execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_years_pk', ['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('region_settings')
    .addColumn('region_id', 'varchar(32)', (c) => c.primaryKey().references('regions.id'))
    .addColumn('report_approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminder_days_before', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('evidence_max_bytes', 'integer', (c) => c.notNull().defaultTo(20 * 1024 * 1024))
    .addColumn('demo_today', 'varchar(10)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('item_counters')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_counters_pk', ['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('number', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('basis_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('basis_text', 'varchar(500)')
    .addColumn('urgency', 'varchar(16)', (c) => c.notNull())
    .addColumn('lead_unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('leader_user_id', 'varchar(32)', (c) => c.references('users.id'))
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(16)', (c) => c.notNull())
    .addColumn('deadline_working_days', 'integer', (c) => c.notNull())
    // key project
    .addColumn('phase', 'varchar(16)')
    .addColumn('planned_start', 'varchar(10)')
    .addColumn('actual_start', 'varchar(10)')
    .addColumn('planned_completion', 'varchar(10)')
    .addColumn('total_investment_fen', 'bigint')
    .addColumn('annual_plan_fen', 'bigint')
    // key indicator
    .addColumn('measure', 'varchar(200)')
    .addColumn('unit_of_measure', 'varchar(32)')
    .addColumn('direction', 'varchar(16)')
    .addColumn('annual_target', 'double precision')
    .addColumn('target_frequency', 'varchar(16)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('items_region_number', ['region_id', 'number'])
    .execute();
  await db.schema
    .createIndex('items_region_lead')
    .on('items')
    .columns(['region_id', 'lead_unit_id'])
    .execute();
  await db.schema.createIndex('items_region_status').on('items').columns(['region_id', 'status']).execute();

  await db.schema
    .createTable('item_co_units')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('item_co_units_pk', ['item_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('item_co_units_unit')
    .on('item_co_units')
    .columns(['region_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('planned_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('done_date', 'varchar(10)')
    .addColumn('done_report_id', 'varchar(32)')
    .execute();
  await db.schema.createIndex('milestones_item').on('milestones').columns(['item_id', 'seq']).execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('period_key', 'varchar(10)', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_targets_pk', ['item_id', 'period_key'])
    .execute();

  await db.schema
    .createTable('investment_plans')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('plan_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('investment_plans_pk', ['item_id', 'month'])
    .execute();

  await db.schema
    .createTable('item_transitions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('reason', 'varchar(1000)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('item_transitions_item')
    .on('item_transitions')
    .columns(['item_id', 'at'])
    .execute();

  await db.schema
    .createTable('item_requests')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    .addColumn('proposed_due_date', 'varchar(10)')
    .addColumn('proposed_changes', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(32)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_reason', 'varchar(1000)')
    .execute();
  await db.schema
    .createIndex('item_requests_item')
    .on('item_requests')
    .columns(['item_id', 'status'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('period_key', 'varchar(10)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('progress', 'double precision')
    .addColumn('indicator_value', 'double precision')
    .addColumn('completed_investment_fen', 'bigint')
    .addColumn('work_progress', 'text')
    .addColumn('problems', 'text')
    .addColumn('next_steps', 'text')
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_on', 'varchar(10)')
    .addColumn('submitted_by', 'varchar(32)')
    .addColumn('late', 'integer')
    .addColumn('working_days_late', 'integer')
    .addColumn('approved_by', 'varchar(32)')
    .addColumn('reviewed_by', 'varchar(32)')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('return_reason', 'varchar(1000)')
    .addColumn('created_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('reports_item_period_version', ['item_id', 'period_key', 'version'])
    .execute();
  await db.schema
    .createIndex('reports_region_unit')
    .on('reports')
    .columns(['region_id', 'unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('reports_item_period')
    .on('reports')
    .columns(['item_id', 'period_key', 'current'])
    .execute();

  await db.schema
    .createTable('report_milestones')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('report_id', 'varchar(32)', (c) => c.notNull().references('reports.id'))
    .addColumn('milestone_id', 'varchar(32)', (c) => c.notNull().references('milestones.id'))
    .addColumn('done_date', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_milestones_pk', ['report_id', 'milestone_id'])
    .execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('report_id', 'varchar(32)', (c) => c.references('reports.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_files_item')
    .on('evidence_files')
    .columns(['item_id', 'report_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('item_id', 'varchar(32)')
    .addColumn('report_id', 'varchar(32)')
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .addUniqueConstraint('notifications_user_dedupe', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
}
