import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
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

const antdLocales = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd };

export default function App() {
  useTranslation(); // re-render the providers when the language changes
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
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route
                path="/login"
                element={
                  <Suspense fallback={<PageLoading fullscreen />}>
                    <LoginPage />
                  </Suspense>
                }
              />
              <Route
                path="/rate"
                element={
                  <Suspense fallback={<PageLoading fullscreen />}>
                    <RatePage />
                  </Suspense>
                }
              />
              <Route
                path="/complaint"
                element={
                  <Suspense fallback={<PageLoading fullscreen />}>
                    <ComplaintPage />
                  </Suspense>
                }
              />
              <Route
                path="/complaint/status"
                element={
                  <Suspense fallback={<PageLoading fullscreen />}>
                    <ComplaintStatusPage />
                  </Suspense>
                }
              />
              <Route
                path="/complaint/status/:receipt"
                element={
                  <Suspense fallback={<PageLoading fullscreen />}>
                    <ComplaintStatusPage />
                  </Suspense>
                }
              />
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
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
