import type { Kysely } from 'kysely';

// Verification cases (核查): the case (from a public complaint, a 12345 hotline entry, a leader's instruction or a
// spot check) with its handling deadline and, for complaints, the complainant's contact (shown to discipline roles
// only); its verification team, findings, rectification plans (versions; a returned one keeps its reason) with
// their measures and each measure's progress, its files (complaint photos and progress evidence, in the evidence
// store) and its history. Also: the per-region deadlines by kind, and the case a manual warning was issued from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('receipt', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('source', 'varchar(32)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('item_id', 'varchar(32)', (c) => c.references('items.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.references('units.id'))
    .addColumn('place', 'varchar(200)')
    .addColumn('complainant_name', 'varchar(50)')
    .addColumn('complainant_phone', 'varchar(20)')
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('feedback_on', 'varchar(10)')
    .addColumn('recheck_note', 'text')
    .addColumn('rechecked_on', 'varchar(10)')
    .addColumn('reply', 'text')
    .addColumn('replied_on', 'varchar(10)')
    .addColumn('close_note', 'text')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('cases_unit').on('cases').columns(['region_id', 'unit_id']).execute();
  await db.schema.createIndex('cases_item').on('cases').columns(['item_id']).execute();

  await db.schema
    .createTable('case_team')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id'))
    .addColumn('lead', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_team_member')
    .on('case_team')
    .columns(['case_id', 'user_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_findings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(32)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_findings_seq')
    .on('case_findings')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_plans')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_by_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(32)')
    .addColumn('decided_by_name', 'varchar(100)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('return_reason', 'text')
    .execute();
  // Two submissions racing for the same next version: one wins.
  await db.schema
    .createIndex('case_plans_version')
    .on('case_plans')
    .columns(['case_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_measures')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('plan_id', 'varchar(32)', (c) => c.notNull().references('case_plans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'varchar(100)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .execute();
  await db.schema.createIndex('case_measures_plan').on('case_measures').columns(['plan_id', 'seq']).execute();
  await db.schema
    .createIndex('case_measures_open')
    .on('case_measures')
    .columns(['region_id', 'status', 'deadline'])
    .execute();

  await db.schema
    .createTable('case_progress')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('measure_id', 'varchar(32)', (c) => c.notNull().references('case_measures.id'))
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_progress_measure').on('case_progress').columns(['measure_id']).execute();

  // Complaint photos arrive before their complaint (bound to the form's challenge), progress evidence before its
  // progress entry (bound to the case): a row cites what it is attached to once it is.
  await db.schema
    .createTable('case_files')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(32)', (c) => c.references('cases.id'))
    .addColumn('challenge_id', 'varchar(32)')
    .addColumn('progress_id', 'varchar(32)', (c) => c.references('case_progress.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(32)')
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_files_case').on('case_files').columns(['case_id']).execute();
  await db.schema.createIndex('case_files_challenge').on('case_files').columns(['challenge_id']).execute();
  await db.schema.createIndex('case_files_sha').on('case_files').columns(['sha256']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('case_id', 'varchar(32)', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(32)')
    .addColumn('to_status', 'varchar(32)', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('text', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema
    .createIndex('case_events_seq')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_settings')
    .addColumn('region_id', 'varchar(32)', (c) => c.primaryKey().references('regions.id'))
    .addColumn('complaint_days', 'integer', (c) => c.notNull())
    .addColumn('enquiry_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // A manual light or card issued from a case points back at it (the case lists its warnings by this column).
  await db.schema
    .alterTable('warnings')
    .addColumn('case_id', 'varchar(32)', (c) => c.references('cases.id'))
    .execute();
  await db.schema.createIndex('warnings_case').on('warnings').columns(['case_id']).execute();
}
