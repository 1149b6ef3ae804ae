import type { Kysely } from 'kysely';

// Supervision bulletins (督查通报) and monthly meetings (月度例会).
// A bulletin's number (松执专〔2022〕3号) is given at publication, from a counter per region and year bumped inside
// the publishing transaction: drafts never use up numbers, a failed publication rolls its number back with it (no
// gaps), and the unique (region, year, seq) refuses a duplicate whatever happens. seq stays null until then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletin_settings')
    .addColumn('region_id', 'varchar(32)', (c) => c.primaryKey().references('regions.id'))
    .addColumn('number_format', 'varchar(60)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bulletin_counters')
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('bulletin_counters_pk', ['region_id', 'year'])
    .execute();

  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('number', 'varchar(100)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('corrects_bulletin_id', 'varchar(32)', (c) => c.references('bulletins.id'))
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('approved_by', 'varchar(32)')
    .addColumn('approved_at', 'varchar(32)')
    .addColumn('published_by', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_on', 'varchar(10)')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('bulletins_number')
    .on('bulletins')
    .columns(['region_id', 'year', 'seq'])
    .unique()
    .execute();
  await db.schema.createIndex('bulletins_status').on('bulletins').columns(['region_id', 'status']).execute();

  await db.schema
    .createTable('bulletin_receipts')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('bulletin_id', 'varchar(32)', (c) => c.notNull().references('bulletins.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('read_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_receipts_unit')
    .on('bulletin_receipts')
    .columns(['bulletin_id', 'unit_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('meetings_month')
    .on('meetings')
    .columns(['region_id', 'month'])
    .unique()
    .execute();

  await db.schema
    .createTable('meeting_commitments')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('meeting_id', 'varchar(32)', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('owner_unit_id', 'varchar(32)', (c) => c.references('units.id'))
    .addColumn('owner_person', 'varchar(100)')
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_commitments_seq')
    .on('meeting_commitments')
    .columns(['meeting_id', 'seq'])
    .unique()
    .execute();
}
