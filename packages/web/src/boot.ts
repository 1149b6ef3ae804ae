// The first thing the page runs (its own small script, before main.tsx's): the session check and, on the first
// screen, its data and its page's chunk start while the app's scripts still download and evaluate, instead of
// after. The API client takes the answers (early.ts). Public pages (/login, /rate, /complaint) need none of it.
import { homeRequests } from './access';
import { startEarly } from './early';
import { holdClicksUntilHydrated } from './firstScreen';
import { readStoredLocale } from './locale';

const path = window.location.pathname;
// A first screen drawn by the server comes with its answers (main.tsx hydrates it) and without the app's scripts:
// they start once the drawn page has been painted, since on a busy machine their download and compilation would
// hold that paint up. A hidden tab paints no frame: the timer starts them there.
const rendered = document.getElementById('benpao-first-screen');
if (rendered) {
  holdClicksUntilHydrated();
  let started = false;
  const startApp = () => {
    if (started) return;
    started = true;
    const { entry, preload, home } = rendered.dataset;
    for (const href of (preload ?? '').split(' ').filter(Boolean)) {
      const link = Object.assign(document.createElement('link'), {
        rel: 'modulepreload',
        href,
        crossOrigin: '',
      });
      document.head.append(link);
    }
    if (entry) {
      const script = Object.assign(document.createElement('script'), {
        type: 'module',
        src: entry,
        crossOrigin: '',
      });
      document.head.append(script);
    }
    if (home === 'cockpit') void import('./pages/dashboard/home/Cockpit');
    if (home === 'dashboard') void import('./pages/dashboard/home/Dashboard');
  };
  requestAnimationFrame(() => setTimeout(startApp));
  setTimeout(startApp, 500);
} else if (!/^\/(login|rate|complaint)(\/|$)/.test(path)) {
  const lang = readStoredLocale();
  const me = startEarly('/api/auth/me', lang);
  if (path === '/') {
    void me
      .then((r) => (r.ok ? (r.clone().json() as Promise<{ user?: { roles?: string[] } }>) : null))
      .then((body) => {
        const roles = body?.user?.roles;
        if (!roles) return;
        const requests = homeRequests(roles, window.location.search);
        startEarly(requests.dashboard, lang);
        // Two statements, not a conditional expression: Vite would preload the chunks of both.
        if (requests.cockpit === null) {
          void import('./pages/dashboard/home/Dashboard');
        } else {
          void import('./pages/dashboard/home/Cockpit');
          startEarly(requests.cockpit, lang);
        }
      })
      .catch(() => undefined);
  }
}
