// The first screen drawn by the server (first-screen.ts with the web's built ssr.tsx): `GET /` for a signed-in user
// holds the page already rendered from the API's own answers, in the reader's language, with the state the browser
// hydrates from and the app's scripts handed to the boot script; everyone and everything else gets the plain page.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptJson } from '../src/first-screen.ts';
import { pgAvailable, testApp, type TestApp } from './helpers.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const ssrBuilt = fs.existsSync(new URL('../../web/dist-ssr/ssr.js', import.meta.url));

interface State {
  locale: string;
  siderCollapsed: boolean;
  home: string;
  queries: { queries: { queryKey: unknown[]; state: { data: unknown } }[] };
}

function firstScreenOf(html: string): { state: State; entry: string; preload: string[] } | null {
  const m =
    /<script type="application\/json" id="benpao-first-screen" data-home="(\w+)" data-entry="([^"]+)" data-preload="([^"]*)">(.*?)<\/script>/s.exec(
      html,
    );
  if (!m) return null;
  const state = JSON.parse(m[4]!) as State;
  expect(state.home).toBe(m[1]);
  return { state, entry: m[2]!, preload: m[3]!.split(' ').filter(Boolean) };
}

const countOf = (html: string, testId: string) =>
  Number(new RegExp(`data-testid="${testId}" data-count="(\\d+)"`).exec(html)?.[1] ?? NaN);

describe.skipIf(!pgAvailable)('the first screen drawn by the server', () => {
  let t: TestApp;
  let leader3 = '';
  let dadongba = '';
  const page = (cookie: string | null, url = '/', extra: Record<string, string> = {}) =>
    t.as(cookie, { method: 'GET', url, headers: { accept: 'text/html', ...extra } });

  beforeAll(async () => {
    // `npm test` builds the web app, server bundle included, before this suite runs.
    if (!ssrBuilt) throw new Error('packages/web/dist-ssr/ssr.js is missing: run `npm run build` first');
    t = await testApp({ BENPAO_WEB_DIST: webDist });
    leader3 = await t.login('leader3');
    dadongba = await t.login('dadongba');
  }, 60_000);
  afterAll(() => t?.close());

  it("draws a leader's cockpit from the API's own answers, with the state to hydrate from", async () => {
    const res = await page(leader3);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toContain('Cookie');
    expect(res.headers['server-timing']).toMatch(/data;dur=[\d.]+, render;dur=[\d.]+/);

    const cockpit = (await t.as(leader3, { method: 'GET', url: '/api/cockpit' })).json() as {
      warnings: { card: { yellow: { count: number } }; light: { yellow: { count: number } } };
    };
    expect(countOf(res.body, 'cockpit-card-yellow')).toBe(cockpit.warnings.card.yellow.count);
    expect(countOf(res.body, 'cockpit-light-yellow')).toBe(cockpit.warnings.light.yellow.count);
    expect(res.body).toContain('<html lang="zh-CN"');
    expect(res.body).toContain('领导驾驶舱');

    const drawn = firstScreenOf(res.body);
    expect(drawn).not.toBeNull();
    expect(drawn!.state.locale).toBe('zh-CN');
    expect(drawn!.state.home).toBe('cockpit');
    const keys = drawn!.state.queries.queries.map((q) => JSON.stringify(q.queryKey));
    expect(keys).toContain('["me"]');
    expect(keys.some((k) => k.startsWith('["cockpit"'))).toBe(true);
    const me = drawn!.state.queries.queries.find((q) => q.queryKey[0] === 'me')!.state.data as {
      username: string;
    };
    expect(me.username).toBe('leader3');

    // The app's scripts are the boot script's to start once the page is painted; the boot script stays.
    expect(drawn!.entry).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(drawn!.preload.some((p) => /vendor-/.test(p))).toBe(true);
    expect(res.body).not.toContain(`src="${drawn!.entry}"`);
    expect(res.body).not.toContain('rel="modulepreload"');
    expect(res.body).toMatch(/<script type="module" crossorigin src="\/assets\/boot-[\w-]+\.js" data-boot>/);
  });

  it("narrows a leader's cockpit to their items on ?mine=1, as the API does", async () => {
    const mine = (await t.as(leader3, { method: 'GET', url: '/api/cockpit?mine=1' })).json() as {
      warnings: { light: { yellow: { count: number } } };
    };
    const res = await page(leader3, '/?mine=1');
    expect(res.statusCode).toBe(200);
    expect(countOf(res.body, 'cockpit-light-yellow')).toBe(mine.warnings.light.yellow.count);
    const keys = firstScreenOf(res.body)!.state.queries.queries.map((q) => JSON.stringify(q.queryKey));
    expect(keys).toContain(JSON.stringify(['cockpit', 'mine', 'zh-CN']));
  });

  it("draws a unit manager's base data, and as a reader left it: in English, the side menu folded", async () => {
    const res = await page(dadongba);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-testid="dashboard-unit-count"');
    expect(firstScreenOf(res.body)!.state.home).toBe('dashboard');

    const english = await page(leader3, '/', { cookie: `${leader3}; benpao_locale=en-US` });
    expect(english.body).toContain('<html lang="en-US"');
    expect(english.body).not.toContain('领导驾驶舱');
    expect(firstScreenOf(english.body)!.state.locale).toBe('en-US');
    // The side menu as the reader left it.
    const folded = await page(leader3, '/', { cookie: `${leader3}; benpao_sider=1` });
    expect(folded.body).toContain('ant-layout-sider-collapsed');
    expect(firstScreenOf(folded.body)!.state.siderCollapsed).toBe(true);
    expect((await page(leader3)).body).not.toContain('ant-layout-sider-collapsed');
    // An unknown language is the default one.
    const unknown = await page(leader3, '/', { cookie: `${leader3}; benpao_locale=xx` });
    expect(firstScreenOf(unknown.body)!.state.locale).toBe('zh-CN');
  });

  it('gives the plain page to a visitor without a valid session and on other addresses', async () => {
    for (const [cookie, url] of [
      [null, '/'],
      ['benpao_sid=not-a-session', '/'],
      [leader3, '/items'],
    ] as const) {
      const res = await page(cookie, url);
      expect(res.statusCode, `${cookie} ${url}`).toBe(200);
      expect(res.body, `${cookie} ${url}`).toContain('<div id="root"></div>');
      expect(res.body, `${cookie} ${url}`).not.toContain('benpao-first-screen');
      expect(res.body, `${cookie} ${url}`).toMatch(/<script type="module" crossorigin src="\/assets\/index-/);
    }
  });

  it('keeps data from closing the script element that carries them', () => {
    const json = scriptJson({ title: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>' });
  });
});
