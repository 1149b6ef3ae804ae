// The measured server: the real app on a fresh SQLite database with the demo county, in its own process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../packages/server/src/env.ts';
import { startApp } from '../packages/server/src/server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benpao-bench-'));
const env = loadEnv({
  ...process.env,
  BENPAO_DATA_DIR: dataDir,
  BENPAO_LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  BENPAO_DEMO: '1',
});
const { app } = await startApp(env, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
console.log(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}`);
// The database goes with the process: a run leaves nothing behind in the temp folder.
process.on(
  'SIGTERM',
  () =>
    void app.close().then(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }),
);
