import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, StaticRouter } from 'react-router';
import RequireAuth from './auth/RequireAuth';
import PageLoading from './components/PageLoading';
import { currentLocale } from './i18n';
import AccessGuard from './layout/AccessGuard';
import BasicLayout from './layout/BasicLayout';
import NotFound from './pages/exception/NotFound';
import { queryClient } from './queryClient';
import { appRoutes, loadComplaintPage, loadComplaintStatusPage, loadLoginPage, loadRatePage } from './routes';

const LoginPage = lazy(loadLoginPage);
const RatePage = lazy(loadRatePage);
const ComplaintPage = lazy(loadComplaintPage);
const ComplaintStatusPage = lazy(loadComplaintStatusPage);

/** The pages outside the signed-in frame (no login needed, or the login itself). */
const publicPages = [
  ['/login', LoginPage],
  ['/rate', RatePage],
  ['/complaint', ComplaintPage],
  ['/complaint/status', ComplaintStatusPage],
  ['/complaint/status/:receipt', ComplaintStatusPage],
] as const;

const antdLocales = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd };

/**
 * The whole app. In the browser it follows the address bar with the app's query client; the server renders the
 * first screen (ssr.tsx) at a given `location` with a query client of its own, holding that request's answers.
 */
export default function App({ location, client = queryClient }: { location?: string; client?: QueryClient }) {
  useTranslation(); // re-render the providers when the language changes
  const routes = (
    <Routes>
      {publicPages.map(([path, Page]) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<PageLoading fullscreen />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      <Route
        element={
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        }
      >
        {appRoutes.map(({ id, path, access, Component }) => (
          <Route
            key={id}
            path={path}
            element={
              <AccessGuard access={access}>
                <Component />
              </AccessGuard>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
  const locale = currentLocale();
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      // Zero-runtime styles: antd's prebuilt stylesheet (main.tsx) instead of generating every component's CSS in
      // the browser, which was the largest part of the first screen's main-thread time. The token still reaches
      // the components as CSS variables.
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6 }, zeroRuntime: true }}
      componentSize="middle"
    >
      <AntdApp>
        <QueryClientProvider client={client}>
          {location === undefined ? (
            <BrowserRouter>{routes}</BrowserRouter>
          ) : (
            <StaticRouter location={location}>{routes}</StaticRouter>
          )}
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
