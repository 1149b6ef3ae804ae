import type { Kysely } from 'kysely';

// The warning engine: versioned rule sets, warnings (lights on items, cards on units) with their full history of
// events (what an as-of replay reads), files attached to rectifications and appeals, and how far the daily run
// has evaluated each region (so that a missed day is caught up at start).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('activated_by', 'varchar(32)')
    .addColumn('activated_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('rule_sets_version')
    .on('rule_sets')
    .columns(['region_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('warnings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('key', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('origin', 'varchar(8)', (c) => c.notNull())
    .addColumn('rule_id', 'varchar(64)')
    .addColumn('rule_version', 'integer')
    .addColumn('condition', 'varchar(32)')
    .addColumn('item_id', 'varchar(32)', (c) => c.references('items.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('issued_colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('since', 'varchar(10)', (c) => c.notNull())
    .addColumn('rectify_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('was_red', 'integer', (c) => c.notNull())
    .addColumn('persistent', 'integer', (c) => c.notNull())
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('auto_cleared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('metric', 'double precision')
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('thresholds_json', 'text', (c) => c.notNull())
    .addColumn('explanation_zh', 'text', (c) => c.notNull())
    .addColumn('explanation_en', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('appeal_state', 'varchar(16)')
    .addColumn('issued_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warnings_key').on('warnings').columns(['region_id', 'key']).execute();
  await db.schema.createIndex('warnings_state').on('warnings').columns(['region_id', 'state']).execute();
  await db.schema.createIndex('warnings_unit').on('warnings').columns(['region_id', 'unit_id']).execute();
  await db.schema.createIndex('warnings_item').on('warnings').columns(['item_id']).execute();

  await db.schema
    .createTable('warning_events')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('warning_id', 'varchar(32)', (c) => c.notNull().references('warnings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('rule_id', 'varchar(64)')
    .addColumn('rule_version', 'integer')
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('text', 'text')
    .addColumn('data_json', 'text')
    .addColumn('explanation_zh', 'text')
    .addColumn('explanation_en', 'text')
    .execute();
  await db.schema
    .createIndex('warning_events_warning')
    .on('warning_events')
    .columns(['warning_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('warning_events_day')
    .on('warning_events')
    .columns(['region_id', 'on_date'])
    .execute();

  await db.schema
    .createTable('warning_files')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('warning_id', 'varchar(32)', (c) => c.notNull().references('warnings.id'))
    .addColumn('event_id', 'varchar(32)', (c) => c.references('warning_events.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warning_files_warning').on('warning_files').columns(['warning_id']).execute();

  // A card's rectification timetable (倒排时间表): steps dated back from its deadline, done or not.
  await db.schema
    .createTable('warning_steps')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('warning_id', 'varchar(32)', (c) => c.notNull().references('warnings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('working_days_before', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('done_date', 'varchar(10)')
    .addColumn('done_note', 'text')
    .addColumn('planned_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_steps_warning')
    .on('warning_steps')
    .columns(['warning_id', 'seq'])
    .execute();

  await db.schema
    .createTable('warning_engine_state')
    .addColumn('region_id', 'varchar(32)', (c) => c.primaryKey().references('regions.id'))
    .addColumn('evaluated_through', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}
