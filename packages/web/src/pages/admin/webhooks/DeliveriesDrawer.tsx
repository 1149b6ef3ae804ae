// The delivery log of one webhook (newest first): what was sent, whether it arrived, how often it was tried and
// why it failed. A table on a wide screen; full width and one card per delivery on a phone.
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Grid,
  Pagination,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../utils/errors';
import { formatDateTime } from '../../../utils/format';
import {
  DELIVERY_STATUSES,
  eventLabelKey,
  messagePreview,
  webhookKeys,
  webhooksApi,
  type DeliveryQuery,
  type DeliveryStatus,
  type Webhook,
  type WebhookDelivery,
} from './service';

const STATUS_COLOUR: Record<DeliveryStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

function DeliveryStatusTag({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[delivery.status]} data-testid="webhook-delivery-status">
      {t(`webhooks.status.${delivery.status}`)} ·{' '}
      {t('webhooks.delivery.attemptCount', { count: delivery.attempts })}
    </Tag>
  );
}

/** Delivered when, or the last error and the next try. */
function DeliveryResult({ delivery: d }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  if (d.status === 'delivered')
    return (
      <Typography.Text type="secondary">
        {t('webhooks.delivery.deliveredAt', { time: formatDateTime(d.deliveredAt) })}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {d.lastError ? (
        <Typography.Text
          type="danger"
          ellipsis={{ tooltip: d.lastError }}
          data-testid="webhook-delivery-error"
        >
          {d.lastError}
        </Typography.Text>
      ) : null}
      {d.nextAttemptAt ? (
        <Typography.Text type="secondary">
          {t('webhooks.delivery.nextAttemptAt', { time: formatDateTime(d.nextAttemptAt) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

interface Props {
  webhook: Webhook;
  onClose: () => void;
}

export default function DeliveriesDrawer({ webhook, onClose }: Props) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: DeliveryQuery = { status, page, pageSize };
  const log = useQuery({
    queryKey: webhookKeys.deliveries(webhook.id, query),
    queryFn: ({ signal }) => webhooksApi.deliveries(webhook.id, query, signal),
    placeholderData: keepPreviousData,
  });
  const eventName = (type: string) => {
    const key = eventLabelKey(type);
    return key ? t(key) : type;
  };
  const items = log.data?.items ?? [];
  const pagination = {
    current: page,
    pageSize,
    total: log.data?.total ?? 0,
    showSizeChanger: !phone,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (p: number, s: number) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };

  const columns: TableColumnsType<WebhookDelivery> = [
    {
      title: t('webhooks.delivery.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('webhooks.delivery.eventType'),
      dataIndex: 'eventType',
      width: 110,
      render: (v: string) => eventName(v),
    },
    {
      title: t('webhooks.delivery.message'),
      dataIndex: 'payload',
      render: (p: unknown) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: messagePreview(p) }} style={{ margin: 0 }}>
          {messagePreview(p)}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, d) => <DeliveryStatusTag delivery={d} />,
    },
    {
      title: t('webhooks.delivery.result'),
      key: 'result',
      width: 220,
      render: (_: unknown, d) => <DeliveryResult delivery={d} />,
    },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 1000}
      title={t('webhooks.deliveriesTitle', { name: webhook.name })}
      destroyOnHidden
      data-testid="webhook-deliveries"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('webhooks.deliveriesHint')}</Typography.Text>
        <Flex wrap gap={8}>
          <Select
            allowClear
            placeholder={t('webhooks.delivery.filterStatus')}
            value={status}
            onChange={(v: DeliveryStatus | undefined) => {
              setStatus(v);
              setPage(1);
            }}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))}
            style={{ width: 160 }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void log.refetch()} loading={log.isFetching}>
            {t('common.refresh')}
          </Button>
        </Flex>
        {log.isError ? <Alert type="error" showIcon title={errorText(log.error)} /> : null}
        {phone ? (
          <Flex vertical gap={8}>
            {items.length === 0 && !log.isFetching ? (
              <Empty description={t('webhooks.delivery.empty')} />
            ) : null}
            {items.map((d) => (
              <Card key={d.id} size="small">
                <Flex vertical gap={4}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Typography.Text strong>{eventName(d.eventType)}</Typography.Text>
                    <DeliveryStatusTag delivery={d} />
                  </Flex>
                  <Typography.Text type="secondary">{formatDateTime(d.createdAt)}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                    {messagePreview(d.payload)}
                  </Typography.Paragraph>
                  <DeliveryResult delivery={d} />
                </Flex>
              </Card>
            ))}
            {(log.data?.total ?? 0) > pageSize ? (
              <Pagination size="small" align="center" {...pagination} />
            ) : null}
          </Flex>
        ) : (
          <Table<WebhookDelivery>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={log.isFetching}
            tableLayout="fixed"
            locale={{ emptyText: t('webhooks.delivery.empty') }}
            pagination={pagination}
          />
        )}
      </Flex>
    </Drawer>
  );
}
