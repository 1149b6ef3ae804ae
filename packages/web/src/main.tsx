import { hydrate } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import './global.css';
import { localeReady } from './i18n';
import App from './App';
import { meQuery } from './auth/context';
import { queryKeys } from './api/services';
import type { Me } from './api/types';
import { releaseHeldClick } from './firstScreen';
import { readCollapsed } from './layout/BasicLayout';
import { readStoredLocale } from './locale';
import { queryClient } from './queryClient';
import { prefetchPage, preloadPage } from './routes';
import type { FirstScreenState } from './ssr';

/**
 * The first screen the server drew (ssr.tsx) with the answers it was drawn from, when the browser would draw the
 * same: in the reader's language and with the side menu as they left it (both from cookies the app writes beside
 * localStorage). Otherwise the app renders afresh over it.
 */
function serverFirstScreen(): FirstScreenState | null {
  const element = document.getElementById('benpao-first-screen');
  if (!element?.textContent) return null;
  try {
    const state = JSON.parse(element.textContent) as FirstScreenState;
    return state.locale === readStoredLocale() && state.siderCollapsed === readCollapsed() ? state : null;
  } catch {
    return null;
  }
}

const firstScreen = serverFirstScreen();
if (firstScreen) hydrate(queryClient, firstScreen.queries);

// the session check and the chunk of the page being opened start before the first render
void queryClient.prefetchQuery(meQuery);
preloadPage(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// An English reader's messages first (a chunk of its own); nothing to wait for in Chinese.
await localeReady;
/** Renders nothing; its effect runs once the first render (or the hydration) has been committed. */
function Live() {
  useEffect(releaseHeldClick, []);
  return null;
}

const app = (
  <StrictMode>
    <App />
    <Live />
  </StrictMode>
);
const me = queryClient.getQueryData<Me | null>(queryKeys.me);
if (firstScreen && me) {
  // The page's chunk in first, so that hydration does not suspend; then the drawn page becomes the live one.
  await prefetchPage(window.location.pathname, me);
  hydrateRoot(root, app, {
    onRecoverableError: (error) =>
      console.error('Benpao: the first screen drawn by the server differed; drawn again here.', error),
  });
} else {
  createRoot(root).render(app);
}
