// Starts the real server (main.ts, demo county, fresh SQLite) for the browser tests and stops it with SIGTERM.
// Without Debian's Chromium the suite skips loudly; under CI (CI=true) that is a failure.
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string | null;
    chromiumPath: string | null;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the real server (main.ts) with the demo county on a fresh SQLite database and a free loopback port.
 * `stop` ends it with SIGTERM and removes its data. A test that moves the demo's "today" or evaluates the whole
 * county starts its own, so that the other browser tests keep the county as seeded.
 */
export async function startServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benpao-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BENPAO_DATA_DIR: dataDir,
      BENPAO_DEMO: '1',
      BENPAO_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
      child.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, stop };
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM)) {
    const msg = `Chromium not found at ${CHROMIUM}: THE BROWSER SUITE IS SKIPPED. Install with: apt-get install -y chromium`;
    if (process.env.CI) throw new Error(`${msg} (CI requires it)`);
    console.warn(`\n!!!!!!!!\n!!! ${msg}\n!!!!!!!!\n`);
    project.provide('baseUrl', null);
    project.provide('chromiumPath', null);
    return;
  }
  execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
  const { baseUrl, stop } = await startServer();
  project.provide('baseUrl', baseUrl);
  project.provide('chromiumPath', CHROMIUM);
  return stop;
}
