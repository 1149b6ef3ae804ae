// The first thing the page runs (its own small script, before main.tsx's): the session check and, on the first
// screen, its data and its page's chunk start while the app's scripts still download and evaluate, instead of
// after. The API client takes the answers (early.ts). Public pages (/login, /rate, /complaint) need none of it.
import { cockpitMine, computeAccess } from './access';
import { startEarly } from './early';
import { readStoredLocale } from './locale';

const path = window.location.pathname;
if (!/^\/(login|rate|complaint)(\/|$)/.test(path)) {
  const lang = readStoredLocale();
  const me = startEarly('/api/auth/me', lang);
  if (path === '/') {
    void me
      .then((r) => (r.ok ? (r.clone().json() as Promise<{ user?: { roles?: string[] } }>) : null))
      .then((body) => {
        const roles = body?.user?.roles;
        if (!roles) return;
        startEarly('/api/dashboard', lang);
        // Two statements, not a conditional expression: Vite would preload the chunks of both.
        if (!computeAccess(roles).cockpit) {
          void import('./pages/dashboard/home/Dashboard');
        } else {
          void import('./pages/dashboard/home/Cockpit');
          const mine = cockpitMine(roles, window.location.search);
          startEarly(`/api/cockpit${mine ? '?mine=1' : ''}`, lang);
        }
      })
      .catch(() => undefined);
  }
}
