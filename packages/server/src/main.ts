// Listens on HOST:PORT. Stops gracefully on SIGTERM/SIGINT: in-flight requests finish, then the database closes.
import { EnvError, loadEnv } from './env.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { startWebhookWorker } from './jobs/webhooks.ts';
import { startApp } from './server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-county.ts';

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { app, database, seeded } = await startApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const lines = [
    '',
    `  Benpao (奔跑) is running: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    `  Database: ${database.dialect}${database.sqliteFile ? ` (${database.sqliteFile})` : ''}`,
  ];
  if (env.BENPAO_DEMO) {
    lines.push(`  Demo county${seeded ? ' seeded' : ''}. Accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS)
      lines.push(`    ${a.username.padEnd(11)} ${a.roles.join(', ')} — ${a.unit}`);
  }
  console.log(lines.join('\n') + '\n');
  // Reminders (催办) daily at 08:30 Asia/Shanghai, and once now to catch up.
  const scheduler = startScheduler(database, app.log);
  // Outbound webhooks (group robots): what is due goes out every 15 s, retried with backoff.
  const webhooks = startWebhookWorker(database, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await scheduler.stop();
    await webhooks.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
