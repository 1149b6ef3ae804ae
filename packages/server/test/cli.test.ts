// The command line and main.ts as a user runs them: real processes on a real database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.ts';
import { DEMO_ACCOUNTS } from '../src/seed/demo-county.ts';
import { dialect, freshDatabaseEnv, pgAvailable } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const cliPath = path.join(root, 'packages/server/src/cli.ts');

function cli(env: Record<string, string>, args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    cwd: root,
    env: { ...process.env, BENPAO_LOG_LEVEL: 'silent', ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!pgAvailable)(`command line (${dialect})`, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await freshDatabaseEnv();
  });

  it('migrates, seeds the demo county once, and verifies an intact audit chain', () => {
    expect(cli(env, ['migrate']).status).toBe(0);
    const first = cli(env, ['seed-demo']);
    expect(first.out).toContain('Demo county seeded');
    expect(cli(env, ['seed-demo']).out).toContain('already present');
    const v = cli(env, ['audit', 'verify']);
    expect(v.status).toBe(0);
    expect(v.out).toMatch(/松阳县 \(demo\).*ok/);
  });

  it('creates a user with a password from standard input, refusing a weak one', () => {
    const weak = cli(
      env,
      ['user', 'create', 'clerk1', '--name', 'Clerk', '--unit', '新兴镇', '--role', 'unit_reporter'],
      'short\n',
    );
    expect(weak.status).toBe(1);
    expect(weak.out).toContain('at least 10 characters');
    const ok = cli(
      env,
      ['user', 'create', 'clerk1', '--name', 'Clerk', '--unit', '新兴镇', '--role', 'unit_reporter'],
      'Good-Passw0rd\n',
    );
    expect(ok.status, ok.out).toBe(0);
    const mixed = cli(
      env,
      ['user', 'create', 'x1', '--name', 'X', '--role', 'sys_admin', 'supervisor'],
      'Good-Passw0rd\n',
    );
    expect(mixed.status).toBe(1);
    expect(mixed.out).toContain('Separation of duties');
  });

  it('names the first broken entry when the audit log was tampered with', async () => {
    const database = openDatabase({ dataDir: env.BENPAO_DATA_DIR!, databaseUrl: env.DATABASE_URL });
    try {
      const first = await database.db
        .selectFrom('audit_log')
        .select(['region_id', 'seq'])
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable('audit_log')
        .set({ actor_name: 'someone else' })
        .where('region_id', '=', first.region_id)
        .where('seq', '=', first.seq)
        .execute();
    } finally {
      await database.close();
    }
    const v = cli(env, ['audit', 'verify']);
    expect(v.status).toBe(1);
    expect(v.out).toContain('BROKEN at entry 1 (hash_mismatch)');
  });

  it.runIf(dialect === 'sqlite')('backs up the SQLite database online to a file that opens', () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'benpao-backup-')), 'copy.sqlite');
    const r = cli(env, ['backup', target]);
    expect(r.status, r.out).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    try {
      const row = copy.prepare('select count(*) as n from users').get() as { n: number };
      expect(row.n).toBe(DEMO_ACCOUNTS.length + 1); // the demo's accounts and clerk1
    } finally {
      copy.close();
    }
    expect(cli(env, ['backup', target]).status).toBe(1); // never overwrites
  });

  it.runIf(dialect === 'postgres')('explains pg_dump instead of backing up PostgreSQL', () => {
    const r = cli(env, ['backup', '/tmp/never-written.sqlite']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('pg_dump');
  });
});

describe.runIf(dialect === 'sqlite')('main.ts', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benpao-main-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start with a bad setting, naming the variable', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', BENPAO_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
  });

  it('starts, prints the URL and demo accounts, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        BENPAO_DATA_DIR: dataDir,
        BENPAO_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
    expect(url, out).toBeDefined();
    expect(out).toContain('supervisor');
    expect(out).toContain('Benpao#2022');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
