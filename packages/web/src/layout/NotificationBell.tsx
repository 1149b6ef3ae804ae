// The bell in the header: the unread count (polled every 60 s while the tab is visible) and a drawer with the
// latest notifications; read one by opening it, or all at once.
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Flex, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsApi, queryKeys } from '../api/services';
import PageLoading from '../components/PageLoading';

// the list (List, Pagination, Segmented…) loads when the drawer first opens, not with the first screen
const NotificationList = lazy(() => import('../pages/notifications/NotificationList'));

export const UNREAD_POLL_MS = 60_000;
/** The count is not urgent: it waits until the first screen has its own data. */
const FIRST_FETCH_DELAY_MS = 2_000;

export default function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setReady(true), FIRST_FETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const unread = useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    enabled: ready || open,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
    retry: false,
  });
  const count = unread.data?.count ?? 0;

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count" data-count={count}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell', { count })}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        size={380}
        styles={{ body: { padding: 0 } }}
        destroyOnHidden
        footer={
          <Flex justify="center">
            <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-all">
              <Typography.Link>{t('notifications.viewAll')}</Typography.Link>
            </Link>
          </Flex>
        }
        data-testid="notification-drawer"
      >
        <Suspense fallback={<PageLoading />}>
          <NotificationList pageSize={20} onNavigate={() => setOpen(false)} compact />
        </Suspense>
      </Drawer>
    </>
  );
}
