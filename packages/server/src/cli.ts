// The benpao command line: `npm run cli -- <command>` or the `benpao` bin.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ROLES, checkRoleSet, type Role } from '@benpao/domain';
import { migrateToLatest, openDatabase } from './db/index.ts';
import { EnvError, loadEnv } from './env.ts';
import { systemContext } from './context.ts';
import { recordAudit, verifyAllChains } from './modules/audit/service.ts';
import { assertPasswordPolicy, hashPassword } from './modules/auth/passwords.ts';
import { translate } from './i18n/messages.ts';
import { ensureRegion, insertUser, seedDemo } from './seed/bootstrap.ts';
import { DomainError } from '@benpao/domain';

async function withDb<T>(fn: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const database = openDatabase({ dataDir: env.dataDir, databaseUrl: env.DATABASE_URL });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('Give the password in BENPAO_PASSWORD or on standard input');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('benpao')
  .description('Benpao (奔跑) execution-supervision platform')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDb(async () => {
      console.log('Database is at the latest schema.');
    }),
  );

program
  .command('seed-demo')
  .description('seed the demo county 松阳县 (demo) unless it exists')
  .action(() =>
    withDb(async ({ db }) => {
      console.log(
        (await seedDemo(db)) ? 'Demo county seeded.' : 'Demo county already present: nothing to do.',
      );
    }),
  );

const user = program.command('user').description('user accounts');
user
  .command('create <username>')
  .description('create an account (password from BENPAO_PASSWORD or standard input)')
  .requiredOption('--name <displayName>', 'display name')
  .option('--unit <unit>', 'unit name or id (default: the first unit of the region)')
  .option('--region <code>', 'region code (default: the only region)')
  .option('--role <role...>', `roles: ${ROLES.join(', ')}`, [])
  .action((username: string, o: { name: string; unit?: string; region?: string; role: string[] }) =>
    withDb(async ({ db }) => {
      const env = loadEnv();
      await ensureRegion(db, env.BENPAO_REGION_NAME);
      const roles = o.role as Role[];
      const unknownRole = roles.find((r) => !(ROLES as readonly string[]).includes(r));
      if (unknownRole) throw new Error(`Unknown role ${unknownRole}; roles are ${ROLES.join(', ')}`);
      const problem = checkRoleSet(roles);
      if (problem) throw new Error(translate(problem, 'en-US'));
      const regions = await db.selectFrom('regions').selectAll().execute();
      const region = o.region
        ? regions.find((r) => r.code === o.region)
        : regions.length === 1
          ? regions[0]
          : undefined;
      if (!region)
        throw new Error(`Name the region with --region; codes: ${regions.map((r) => r.code).join(', ')}`);
      let unitQuery = db.selectFrom('units').selectAll().where('region_id', '=', region.id);
      if (o.unit) {
        const unit = o.unit;
        unitQuery = unitQuery.where((eb) => eb.or([eb('name', '=', unit), eb('id', '=', unit)]));
      }
      const unit = await unitQuery.orderBy('sort_order').executeTakeFirst();
      if (!unit) throw new Error(`No unit ${o.unit ?? ''} in region ${region.name}`);
      if (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) {
        throw new Error(`User ${username} already exists`);
      }
      const password = process.env.BENPAO_PASSWORD ?? (await readPasswordFromStdin());
      assertPasswordPolicy(password, username, 'password');
      const passwordHash = await hashPassword(password);
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        const id = await insertUser(trx, {
          regionId: region.id,
          unitId: unit.id,
          username,
          displayName: o.name,
          passwordHash,
          roles,
          at,
        });
        await recordAudit(trx, systemContext(), {
          regionId: region.id,
          action: 'user.create',
          entity: 'user',
          entityId: id,
          after: { username, displayName: o.name, unit: unit.name, roles, via: 'cli' },
        });
      });
      console.log(`Created ${username} in ${region.name} / ${unit.name} with roles [${roles.join(', ')}].`);
    }),
  );

const audit = program.command('audit').description('the hash-chained audit log');
audit
  .command('verify')
  .description('verify every region’s audit chain; exits 1 naming the first broken entry')
  .action(() =>
    withDb(async ({ db }) => {
      const results = await verifyAllChains(db);
      const names = new Map(
        (await db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]),
      );
      let bad = 0;
      for (const r of results) {
        const region = `${names.get(r.regionId) ?? r.regionId} (${r.regionId})`;
        if (r.ok) console.log(`${region}: ok, ${r.checked} entries`);
        else {
          bad++;
          console.log(
            `${region}: BROKEN at entry ${r.firstBroken!.seq} (${r.firstBroken!.reason}); the ${r.checked} entries before it are intact`,
          );
        }
      }
      if (results.length === 0) console.log('No audit entries yet.');
      if (bad) process.exitCode = 1;
    }),
  );

program
  .command('backup <file>')
  .description('online backup of the SQLite database to <file> (PostgreSQL: use pg_dump)')
  .action((file: string) =>
    withDb(async (database) => {
      if (database.dialect === 'postgres') {
        console.log(
          'The database is PostgreSQL: back it up with pg_dump, for example\n  pg_dump --format=custom --file=benpao.dump "$DATABASE_URL"\nand restore with pg_restore.',
        );
        process.exitCode = 1;
        return;
      }
      const target = path.resolve(file);
      if (fs.existsSync(target)) throw new Error(`${target} exists; choose a new file`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await database.sqlite!.backup(target);
      console.log(`Backed up ${database.sqliteFile} to ${target}.`);
    }),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof EnvError) console.error(err.message);
  else if (err instanceof DomainError)
    console.error(translate(err.code, 'en-US', { ...err.params, field: err.field ?? '' }));
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
