// The first screen drawn by the server: `GET /` for a signed-in user answers the web app's index.html with the
// page already rendered (the web's src/ssr.tsx, built to packages/web/dist-ssr), so that the cockpit's figures show
// as soon as the HTML and the stylesheet arrive instead of after the app's scripts have downloaded, evaluated and
// asked for their data. The data come from the API itself (the same routes, policies and scopes, asked in-process
// with the request's cookie), in the reader's language and with their side menu (cookies the web app writes); the
// page's scripts then hydrate it with those answers. Anything that stops the render (no session, no build, an
// answer other than 200, an error) gives the plain index.html: the browser then renders as before, so this can
// only make the page earlier, never break it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './plugins/access.ts';

/** The web's src/ssr.tsx, as built. */
interface FirstScreenModule {
  DEFAULT_LOCALE: string;
  LOCALE_COOKIE: string;
  SIDER_COOKIE: string;
  isLocale(value: unknown): boolean;
  firstScreenRequests(url: string, me: unknown): string[] | null;
  renderFirstScreen(input: {
    url: string;
    locale: string;
    siderCollapsed: boolean;
    me: unknown;
    answers: Record<string, unknown>;
  }): Promise<{ html: string; state: { home: string } }>;
}

const ROOT = '<div id="root"></div>';

/**
 * The app's scripts out of the page, to be started by the boot script once the drawn page has been painted: on a
 * busy machine their download and compilation would hold that paint up (boot.ts). The boot script stays.
 */
function deferScripts(template: string): { page: string; entry: string | null; preload: string[] } {
  let entry: string | null = null;
  const preload: string[] = [];
  const page = template
    .replace(
      /\s*<script type="module"(?![^>]*data-boot)[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g,
      (_, src: string) => {
        entry = src;
        return '';
      },
    )
    .replace(/\s*<link rel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g, (_, href: string) => {
      preload.push(href);
      return '';
    });
  return { page, entry, preload };
}

/** JSON inside a <script> element: `<` escaped so that no string in the data can close the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function registerFirstScreen(app: FastifyInstance, opts: { webDist: string }): void {
  const modulePath = path.join(opts.webDist, '..', 'dist-ssr', 'ssr.js');
  // Loaded once the server listens (a first import takes seconds), not when it is built: the tests' servers that
  // only answer injected requests never draw a first screen.
  let loading: Promise<FirstScreenModule | null> | undefined;
  const load = () =>
    (loading ??= fs.existsSync(modulePath)
      ? (import(pathToFileURL(modulePath).href) as Promise<FirstScreenModule>)
      : Promise.resolve(null));

  app.addHook('onListen', async () => {
    void load().catch((err: unknown) =>
      app.log.error({ err }, 'first screen: the server render cannot load'),
    );
  });

  const plain = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');

  /** The server's share of the first screen, for the browser's timeline (Server-Timing): data, then render. */
  type Timing = { data?: number; render?: number };

  async function render(request: FastifyRequest, timing: Timing): Promise<string | null> {
    if (!request.cookies[SESSION_COOKIE]) return null;
    const ssr = await load();
    if (!ssr) return null;
    const chosen = request.cookies[ssr.LOCALE_COOKIE];
    const locale = ssr.isLocale(chosen) ? chosen! : ssr.DEFAULT_LOCALE;
    const ask = async (url: string) => {
      const res = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: request.headers.cookie ?? '', 'accept-language': locale },
      });
      return res.statusCode === 200 ? (res.json() as unknown) : null;
    };
    const me = ((await ask('/api/auth/me')) as { user?: unknown } | null)?.user;
    if (!me) return null;
    const requests = ssr.firstScreenRequests(request.url, me);
    if (!requests) return null;
    const started = performance.now();
    const answers: Record<string, unknown> = {};
    for (const url of requests) {
      const answer = await ask(url);
      if (answer === null) return null;
      answers[url] = answer;
    }
    timing.data = performance.now() - started;
    const { html, state } = await ssr.renderFirstScreen({
      url: request.url,
      locale,
      siderCollapsed: request.cookies[ssr.SIDER_COOKIE] === '1',
      me,
      answers,
    });
    timing.render = performance.now() - started - timing.data;
    const template = await fs.promises.readFile(path.join(opts.webDist, 'index.html'), 'utf8');
    const { page, entry, preload } = deferScripts(template);
    if (!page.includes(ROOT) || entry === null) return null;
    return page
      .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
      .replace(
        ROOT,
        `<div id="root">${html}</div>` +
          `<script type="application/json" id="benpao-first-screen" data-home="${state.home}"` +
          ` data-entry="${entry}" data-preload="${preload.join(' ')}">${scriptJson(state)}</script>`,
      );
  }

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    let page: string | null = null;
    const timing: Timing = {};
    try {
      page = await render(request, timing);
    } catch (err) {
      request.log.error({ err }, 'first screen: the server render failed; the browser renders the page');
    }
    if (page === null) return plain(reply);
    // The page holds this user's data: never kept by a cache, and never served for another cookie.
    return reply
      .header('cache-control', 'no-store')
      .header('vary', 'Cookie')
      .header('server-timing', `data;dur=${timing.data!.toFixed(1)}, render;dur=${timing.render!.toFixed(1)}`)
      .type('text/html; charset=utf-8')
      .send(page);
  });
}
