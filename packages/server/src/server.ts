// Opens the database, migrates, seeds and builds the app: shared by main.ts, the CLI and the tests.
import { authSettingsFrom, buildApp } from './app.ts';
import { migrateToLatest, openDatabase, type Database } from './db/index.ts';
import type { Env } from './env.ts';
import { ensureRegion, seedDemo } from './seed/bootstrap.ts';

export async function openAndMigrate(env: Pick<Env, 'dataDir' | 'DATABASE_URL'>): Promise<Database> {
  const database = openDatabase({ dataDir: env.dataDir, databaseUrl: env.DATABASE_URL });
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

export async function startApp(env: Env, opts: { now?: () => Date; logger?: boolean } = {}) {
  const database = await openAndMigrate(env);
  const seeded = env.BENPAO_DEMO
    ? await seedDemo(database.db)
    : (await ensureRegion(database.db, env.BENPAO_REGION_NAME), false);
  const app = await buildApp({ database, env, auth: authSettingsFrom(env), ...opts });
  app.addHook('onClose', async () => database.close());
  return { app, database, seeded };
}
