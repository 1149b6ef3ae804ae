// The first screen. Supervisors, leaders and discipline inspectors get the leader cockpit (Cockpit.tsx) with the
// region's base data (Dashboard.tsx) below it; unit users and the administrators get the base data. Each is a chunk
// of its own, started as soon as the session says which (routes.tsx): the cockpit's first screen then loads no
// table, and the base data under it renders once the cockpit is drawn.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useAuth } from '../../../auth/context';
import PageLoading from '../../../components/PageLoading';
import { lazyPage } from '../../../lazyPage';

const cockpit = lazyPage(() => import('./Cockpit'));
const dashboard = lazyPage(() => import('./Dashboard'));
const CockpitPage = cockpit.Component;
const DashboardPage = dashboard.Component;

/** The chunk the first screen needs: the cockpit's for its roles, else the base data's. */
export const loadHome = (forCockpit: boolean) => (forCockpit ? cockpit : dashboard).load();

/** Its children once the page around it has been painted: the base data must not hold up the cockpit. */
function AfterPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? children : null;
}

export default function HomePage() {
  const { access } = useAuth();
  return (
    <Suspense fallback={<PageLoading />}>
      {access.cockpit ? (
        <CockpitPage
          footer={
            <AfterPaint>
              <Suspense fallback={null}>
                <DashboardPage embedded />
              </Suspense>
            </AfterPaint>
          }
        />
      ) : (
        <DashboardPage />
      )}
    </Suspense>
  );
}
