// The first screen. Supervisors, leaders and discipline inspectors get the leader cockpit (Cockpit.tsx) with the
// region's base data (Dashboard.tsx) below it; unit users and the administrators get the base data. Each is a chunk
// of its own, started as soon as the session says which (routes.tsx): the cockpit's first screen then loads no
// table, and the base data under it renders once the cockpit is drawn.
import { lazy, Suspense } from 'react';
import { useAuth } from '../../../auth/context';
import PageLoading from '../../../components/PageLoading';

const CockpitPage = lazy(() => import('./Cockpit'));
const DashboardPage = lazy(() => import('./Dashboard'));

export default function HomePage() {
  const { access } = useAuth();
  return (
    <Suspense fallback={<PageLoading />}>
      {access.cockpit ? (
        <CockpitPage
          footer={
            <Suspense fallback={null}>
              <DashboardPage embedded />
            </Suspense>
          }
        />
      ) : (
        <DashboardPage />
      )}
    </Suspense>
  );
}
