// A page of the caller's notifications (all or unread), worded from kind + params; opening one marks it read.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { Alert, Badge, Button, Empty, Flex, List, Pagination, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi, queryKeys } from '../../api/services';
import type { NotificationView } from '../../api/types';
import i18n, { currentLocale } from '../../i18n';
import { errorText, useErrorHandler } from '../../utils/errors';
import { formatShortDateTime } from '../../utils/format';
import { notificationLink, notificationText } from '../../utils/notificationText';

interface Props {
  pageSize: number;
  compact?: boolean;
  onNavigate?: () => void;
}

export default function NotificationList({ pageSize, compact, onNavigate }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const query = { unread: filter === 'unread' ? ('true' as const) : undefined, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.notificationList(query),
    queryFn: ({ signal }) => notificationsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const locale = currentLocale();
  const translate = (key: string, options?: Record<string, unknown>) =>
    (i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
  const exists = (key: string) => i18n.exists(key);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  const read = useMutation({ mutationFn: (id: string) => notificationsApi.read(id), onSettled: refresh });
  const readAll = useMutation({
    mutationFn: () => notificationsApi.readAll(),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });

  const open = (n: NotificationView) => {
    if (!n.readAt) read.mutate(n.id);
    const link = notificationLink(n);
    if (link) {
      onNavigate?.();
      void navigate(link);
    }
  };

  const unread = list.data?.unread ?? 0;
  return (
    <Flex vertical gap={8} style={{ padding: compact ? 12 : 0 }} data-testid="notification-list">
      <Flex wrap gap={8} justify="space-between" align="center">
        <Segmented
          size={compact ? 'small' : 'middle'}
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread', { count: unread }) },
          ]}
        />
        <Button
          size={compact ? 'small' : 'middle'}
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
          data-testid="notification-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        rowKey="id"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />,
        }}
        renderItem={(n) => (
          <List.Item
            onClick={() => open(n)}
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              background: n.readAt ? undefined : 'rgba(31,95,191,0.05)',
            }}
            data-testid="notification-item"
            data-read={n.readAt ? 'true' : 'false'}
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      type="link"
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        read.mutate(n.id);
                      }}
                      data-testid="notification-mark-read"
                    >
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
              title={
                <Typography.Text strong={!n.readAt} style={{ whiteSpace: 'normal' }}>
                  {notificationText(n, translate, exists, locale)}
                </Typography.Text>
              }
              description={formatShortDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination
          size="small"
          align="center"
          current={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      ) : null}
    </Flex>
  );
}
