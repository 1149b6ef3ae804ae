// Builds a real app on a real database: a fresh SQLite file, or a fresh database in the throwaway
// PostgreSQL cluster (project server-postgres). Nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadEnv, type Env } from '../src/env.ts';
import { startApp } from '../src/server.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-county.ts';
import type { Database } from '../src/db/index.ts';

export const dialect = (process.env.BENPAO_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const pgAvailable = dialect === 'postgres' ? inject('pgAdminUrl') !== null : true;

let counter = 0;

/** A database URL or data dir for one test app. */
export async function freshDatabaseEnv(): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benpao-test-'));
  if (dialect === 'sqlite') return { BENPAO_DATA_DIR: dataDir };
  const admin = inject('pgAdminUrl');
  if (!admin) throw new Error('PostgreSQL is not available');
  const name = `benpao_t${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return { BENPAO_DATA_DIR: dataDir, DATABASE_URL: admin.replace(/\/[^/]*$/, `/${name}`) };
}

export class Clock {
  constructor(public t = new Date('2022-04-15T01:00:00.000Z')) {}
  now = () => new Date(this.t);
  advanceMinutes(m: number) {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  env: Env;
  clock: Clock;
  /** Logs in and returns the session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  as(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const env = loadEnv({
    ...(await freshDatabaseEnv()),
    BENPAO_LOG_LEVEL: 'silent',
    BENPAO_DEMO: '1',
    BENPAO_WEB_DIST: '/nonexistent',
    ...extraEnv,
  });
  const clock = new Clock();
  const { app, database } = await startApp(env, { now: clock.now, logger: false });
  await app.ready();
  const as = (cookie: string | null, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) } });
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((x) => x.name === 'benpao_sid');
    if (!c) throw new Error('no session cookie');
    return `benpao_sid=${c.value}`;
  };
  return { app, database, env, clock, login, as, close: () => app.close() };
}
