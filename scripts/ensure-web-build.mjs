// `npm start` builds the web app only when its sources are newer than the last build.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve('packages/web');
const built = path.join(web, 'dist/index.html');
// The server's render of the first screen, built beside it (packages/server/src/first-screen.ts).
const builtForServer = path.join(web, 'dist-ssr/ssr.js');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public']
  .map((f) => path.join(web, f))
  .filter((f) => fs.existsSync(f));
const stale =
  !fs.existsSync(built) ||
  !fs.existsSync(builtForServer) ||
  Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  // Always a production build: called from the browser tests, NODE_ENV is `test`, which would give React's
  // development build (twice the size, several times slower, and different behaviour).
  execSync('npm run build -w @benpao/web', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
