// The first screen rendered on the server (the Fastify server's GET /, packages/server/src/first-screen.ts): the
// same App at the request's address, with a query client of its own holding that request's answers. The figures
// are drawn as soon as the HTML and the stylesheet arrive, before the app's scripts have downloaded and evaluated;
// main.tsx then hydrates the page with the same answers (the dehydrated state). Built by `vite build --ssr`.
import { QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { homeRequests } from './access';
import { cockpitQuery, type Cockpit } from './api/cockpit';
import { dashboardQuery, queryKeys } from './api/services';
import type { Me } from './api/types';
import App from './App';
import i18n, { setRenderLocale } from './i18n';
import { setRenderSiderCollapsed } from './layout/BasicLayout';
import { type Locale } from './locale';
import enUS from './locales/en-US';
import { loadHome } from './pages/dashboard/home';

export { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locale';
export { SIDER_COOKIE } from './layout/BasicLayout';

// The server renders in either language; the browser loads English only when chosen.
i18n.addResourceBundle('en-US', 'translation', enUS);

/** What the page hydrates from: the reader's choices drawn, the home page's chunk and the queries' answers. */
export interface FirstScreenState {
  locale: Locale;
  siderCollapsed: boolean;
  home: 'cockpit' | 'dashboard';
  queries: DehydratedState;
}

/** The requests whose answers the first screen at `url` is rendered from, or null where none is rendered. */
export function firstScreenRequests(url: string, me: Me): string[] | null {
  const { pathname, search } = new URL(url, 'http://first-screen');
  if (pathname !== '/') return null;
  const requests = homeRequests(me.roles, search);
  return requests.cockpit ? [requests.cockpit, requests.dashboard] : [requests.dashboard];
}

/** The HTML of the first screen at `url` for `me`, and the state to hydrate it with. */
export async function renderFirstScreen(input: {
  url: string;
  locale: Locale;
  /** The side menu folded, as the reader left it. */
  siderCollapsed: boolean;
  me: Me;
  /** The body of each of firstScreenRequests' URLs. */
  answers: Record<string, unknown>;
}): Promise<{ html: string; state: FirstScreenState }> {
  const { url, locale, siderCollapsed, me, answers } = input;
  const { search } = new URL(url, 'http://first-screen');
  const requests = homeRequests(me.roles, search);
  const answer = (request: string) => {
    if (!(request in answers)) throw new Error(`no answer for ${request}`);
    return answers[request];
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  client.setQueryData(queryKeys.me, me);
  client.setQueryData(dashboardQuery.queryKey, answer(requests.dashboard));
  if (requests.cockpit) {
    const mine = requests.cockpit.endsWith('?mine=1');
    client.setQueryData(cockpitQuery(mine, locale).queryKey, answer(requests.cockpit) as Cockpit);
  }
  // The page renders without suspending once its chunk is in (lazyPage).
  await loadHome(requests.cockpit !== null);
  // Synchronous from here to the end of the render: no other request's language can come in between.
  setRenderLocale(locale);
  setRenderSiderCollapsed(siderCollapsed);
  const html = renderToString(
    <StrictMode>
      <App location={url} client={client} />
    </StrictMode>,
  );
  return {
    html,
    state: {
      locale,
      siderCollapsed,
      home: requests.cockpit ? 'cockpit' : 'dashboard',
      queries: dehydrate(client),
    },
  };
}
