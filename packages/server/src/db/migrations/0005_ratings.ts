import type { Kysely } from 'kysely';

// Service ratings (服务评议): the one-time proof-of-work challenges of the public form (random, bound to nothing
// personal, consumed by the rating they let in), the ratings themselves (one current rating per enterprise, unit
// and month; a later one supersedes the earlier, which is kept with a pointer to its successor), and the
// follow-ups that low ratings open for the unit (待回应 → 已回应 → 已关闭).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating_challenges')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('challenge', 'varchar(64)', (c) => c.notNull())
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute();
  // Expired challenges are swept when new ones are issued.
  await db.schema
    .createIndex('rating_challenges_expiry')
    .on('rating_challenges')
    .columns(['region_id', 'expires_at'])
    .execute();

  await db.schema
    .createTable('service_ratings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('rated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('service', 'varchar(32)', (c) => c.notNull())
    .addColumn('efficiency', 'integer', (c) => c.notNull())
    .addColumn('attitude', 'integer', (c) => c.notNull())
    .addColumn('compliance', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('low', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('superseded_by', 'varchar(32)')
    .addColumn('superseded_at', 'varchar(32)')
    .execute();
  // One row per version: two submissions racing for the same next version cannot both win.
  await db.schema
    .createIndex('service_ratings_version')
    .on('service_ratings')
    .columns(['region_id', 'unit_id', 'credit_code', 'month', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('service_ratings_month')
    .on('service_ratings')
    .columns(['region_id', 'month', 'unit_id'])
    .execute();

  await db.schema
    .createTable('rating_follow_ups')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('regions.id'))
    .addColumn('rating_id', 'varchar(32)', (c) => c.notNull().unique().references('service_ratings.id'))
    .addColumn('unit_id', 'varchar(32)', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responded_by', 'varchar(32)')
    .addColumn('responded_by_name', 'varchar(100)')
    .addColumn('responded_at', 'varchar(32)')
    .addColumn('close_note', 'text')
    .addColumn('closed_by', 'varchar(32)')
    .addColumn('closed_by_name', 'varchar(100)')
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('rating_follow_ups_status')
    .on('rating_follow_ups')
    .columns(['region_id', 'status', 'unit_id'])
    .execute();
}
