// Opens the database: embedded SQLite under the data directory by default, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Kysely<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** SQLite only: the file, for online backup. */
  sqliteFile?: string;
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function openDatabase(opts: { dataDir: string; databaseUrl?: string | undefined }): Database {
  if (opts.databaseUrl) {
    // Integers stay numbers: counts (int8) are parsed, our own columns are int4.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'benpao.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; SQLite's prepare (parse and plan) costs as much as running a small
 * query. The same SQL text reuses its prepared statement. Queries run one at a time on this connection
 * (Kysely serialises them), so a statement is never in use twice at once.
 */
function withStatementCache(sqlite: SQLite.Database, max = 2000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= max) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
