import { Button, Result } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { computeAccess } from '../access';
import PageLoading from '../components/PageLoading';
import { errorText } from '../utils/errors';
import { AuthContext, useMe, type AuthState } from './context';
import { isLoggedOut } from './session';

/** Renders its children for a signed-in user; everyone else goes to /login (and comes back afterwards). */
export default function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const user = me.data;
  const state = useMemo<AuthState | null>(
    () => (user ? { user, access: computeAccess(user.roles) } : null),
    [user],
  );

  if (me.isPending) return <PageLoading fullscreen />;
  if (me.isError && user === undefined) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!state) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={isLoggedOut() ? null : { from }} />;
  }
  return <AuthContext value={state}>{children}</AuthContext>;
}
