import type { Kysely } from 'kysely';

// The running index (奔跑指数): its model versioned per region (like rule sets), published monthly snapshots (frozen;
// a republication is the next revision, with its differences from the one before) and supervisors' commendations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('index_models')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('model_json', 'text', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('activated_by', 'varchar(32)')
    .addColumn('activated_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('index_models_version')
    .on('index_models')
    .columns(['region_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('index_snapshots')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('known_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('published_by', 'varchar(32)')
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('supersedes_id', 'varchar(32)')
    .addColumn('diff_json', 'text')
    .execute();
  await db.schema
    .createIndex('index_snapshots_revision')
    .on('index_snapshots')
    .columns(['region_id', 'month', 'revision'])
    .unique()
    .execute();

  await db.schema
    .createTable('index_bonuses')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('evidence', 'varchar(500)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('revoked_by', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('index_bonuses_month')
    .on('index_bonuses')
    .columns(['region_id', 'month'])
    .execute();
}
