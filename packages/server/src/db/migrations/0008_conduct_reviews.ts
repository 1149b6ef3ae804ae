import type { Kysely } from 'kysely';

// Conduct and post-mortems (issue 6): admonition talks (谈话提醒) held with a person of a unit, findings that a cadre
// acted slowly, failed to act or acted wrongly (慢作为、不作为、乱作为) with their files and the measure taken, and
// post-mortem reviews (复盘) of an item with their follow-up actions. `case_id` is a plain column without a foreign
// key so that this migration does not depend on the verification cases' table (0007) being there or not.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admonition_talks')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('person_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('position', 'varchar(100)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('held_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('item_id', 'varchar(32)', (c) => c.references('items.id'))
    .addColumn('case_id', 'varchar(32)')
    .addColumn('warning_id', 'varchar(32)', (c) => c.references('warnings.id'))
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admonition_talks_held')
    .on('admonition_talks')
    .columns(['region_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('admonition_talks_item')
    .on('admonition_talks')
    .columns(['region_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('conduct_findings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('person_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('position', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('measure', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(32)', (c) => c.references('items.id'))
    .addColumn('case_id', 'varchar(32)')
    .addColumn('talk_id', 'varchar(32)', (c) => c.references('admonition_talks.id'))
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conduct_findings_decided')
    .on('conduct_findings')
    .columns(['region_id', 'decided_on'])
    .execute();

  await db.schema
    .createTable('conduct_finding_files')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('finding_id', 'varchar(32)', (c) => c.notNull().references('conduct_findings.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(32)', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conduct_finding_files_finding')
    .on('conduct_finding_files')
    .columns(['finding_id'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('item_id', 'varchar(32)', (c) => c.notNull().references('items.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('meeting_month', 'varchar(7)')
    .addColumn('held_on', 'varchar(10)')
    .addColumn('problems', 'text')
    .addColumn('causes', 'text')
    .addColumn('lessons', 'text')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('reviews_item').on('reviews').columns(['region_id', 'item_id']).execute();
  await db.schema
    .createIndex('reviews_meeting')
    .on('reviews')
    .columns(['region_id', 'meeting_month'])
    .execute();

  await db.schema
    .createTable('review_actions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('review_id', 'varchar(32)', (c) => c.notNull().references('reviews.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('owner_unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('owner_person', 'varchar(100)')
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('done_on', 'varchar(10)')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_actions_seq')
    .on('review_actions')
    .columns(['review_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('review_actions_owner')
    .on('review_actions')
    .columns(['region_id', 'owner_unit_id', 'status'])
    .execute();
}
