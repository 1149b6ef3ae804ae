// A first screen drawn by the server (ssr.tsx) shows before the app's scripts have run: its links work as they are,
// but a click on anything else (the side menu, a switch) would find no handler yet. boot.ts holds such a click and
// main.tsx gives it back once the page has been hydrated, so that it does what the reader meant a moment later.
declare global {
  interface Window {
    __benpaoHeldClick?: { target: Element | null; release: () => void };
  }
}

export function holdClicksUntilHydrated(): void {
  const held: { target: Element | null; release: () => void } = {
    target: null,
    release: () => document.removeEventListener('click', hold, true),
  };
  function hold(event: MouseEvent) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('a[href]')) return; // a link navigates without the app
    event.preventDefault();
    event.stopPropagation();
    held.target = target; // the last click is the one that counts
  }
  document.addEventListener('click', hold, true);
  window.__benpaoHeldClick = held;
}

/**
 * The page is live: the held click, if any, is replayed on its element. Called once the first render (or the
 * hydration) has been committed; the content inside Suspense boundaries is hydrated in later passes, so the replay
 * and the benchmark's mark wait until the browser has nothing left to do (or a second at most).
 */
export function releaseHeldClick(): void {
  const release = () => {
    performance.mark('benpao:interactive');
    const held = window.__benpaoHeldClick;
    if (!held) return;
    window.__benpaoHeldClick = undefined;
    held.release();
    if (held.target instanceof HTMLElement && held.target.isConnected) held.target.click();
  };
  if ('requestIdleCallback' in window) requestIdleCallback(release, { timeout: 1000 });
  else setTimeout(release, 200);
}
