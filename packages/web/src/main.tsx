import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import './global.css';
import { localeReady } from './i18n';
import App from './App';
import { meQuery } from './auth/context';
import { queryClient } from './queryClient';
import { preloadPage } from './routes';

// the session check and the chunk of the page being opened start before the first render
void queryClient.prefetchQuery(meQuery);
preloadPage(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// An English reader's messages first (a chunk of its own); nothing to wait for in Chinese.
await localeReady;
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
