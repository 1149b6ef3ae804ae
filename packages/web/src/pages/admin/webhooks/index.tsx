// Webhooks (/admin/webhooks, sys_admin): the region's DingTalk and WeCom group robots that warnings are posted
// to. Add, edit, switch off or delete one; send a test message; read its delivery log (sends that fail are
// retried after 1, 2, 4… minutes, then given up).
import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import PageContainer from '../../../components/PageContainer';
import { errorText, useErrorHandler } from '../../../utils/errors';
import DeliveriesDrawer from './DeliveriesDrawer';
import { eventLabelKey, webhookKeys, webhooksApi, type Webhook, type WebhookFormat } from './service';
import WebhookFormModal from './WebhookFormModal';

const FORMAT_COLOUR: Record<WebhookFormat, string> = { dingtalk: 'blue', wecom: 'green' };

export default function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const phone = Grid.useBreakpoint().md === false;

  const list = useQuery({
    queryKey: webhookKeys.list,
    queryFn: ({ signal }) => webhooksApi.list(signal),
  });

  const sendTest = useMutation({
    mutationFn: (hook: Webhook) => {
      setTesting(hook.id);
      return webhooksApi.test(hook.id);
    },
    onSuccess: async (delivery) => {
      if (delivery.status === 'delivered') void message.success(t('webhooks.testDelivered'));
      else void message.error(t('webhooks.testFailed', { error: delivery.lastError ?? '—' }));
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    },
    onError: (e) => onError(e),
    onSettled: () => setTesting(null),
  });
  const remove = useMutation({
    mutationFn: (hook: Webhook) => webhooksApi.remove(hook.id),
    onSuccess: async () => {
      void message.success(t('webhooks.deleted'));
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    },
    onError: (e) => onError(e),
  });

  const eventName = (type: string) => {
    const key = eventLabelKey(type);
    return key ? t(key) : type;
  };

  const formatTags = (hook: Webhook) => (
    <Space size={4} wrap>
      <Tag color={FORMAT_COLOUR[hook.format]}>{t(`webhooks.format.${hook.format}`)}</Tag>
      {hook.format === 'dingtalk' ? (
        hook.hasSecret ? (
          <Tag color="gold">{t('webhooks.signed')}</Tag>
        ) : (
          <Tag>{t('webhooks.unsigned')}</Tag>
        )
      ) : null}
    </Space>
  );
  const eventTags = (events: string[]) => (
    <Space size={4} wrap>
      {events.map((e) => (
        <Tag key={e}>{eventName(e)}</Tag>
      ))}
    </Space>
  );
  const statusTag = (active: boolean) =>
    active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
  const urlText = (url: string) => (
    <Typography.Text ellipsis={{ tooltip: url }} copyable={{ text: url }} style={{ maxWidth: '100%' }}>
      {url}
    </Typography.Text>
  );
  const actions = (hook: Webhook) => (
    <Space size={0} wrap>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(hook)}>
        {t('common.edit')}
      </Button>
      <Tooltip title={t('webhooks.testHint')}>
        <Button
          type="link"
          size="small"
          icon={<SendOutlined />}
          loading={testing === hook.id}
          disabled={testing !== null && testing !== hook.id}
          onClick={() => sendTest.mutate(hook)}
          data-testid="webhook-test"
        >
          {t('webhooks.test')}
        </Button>
      </Tooltip>
      <Button
        type="link"
        size="small"
        icon={<HistoryOutlined />}
        onClick={() => setViewing(hook)}
        data-testid="webhook-deliveries-open"
      >
        {t('webhooks.deliveries')}
      </Button>
      <Popconfirm
        title={t('webhooks.deleteConfirm', { name: hook.name })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => remove.mutateAsync(hook).catch(() => undefined)}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
          {t('webhooks.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const columns: TableColumnsType<Webhook> = [
    { title: t('webhooks.name'), dataIndex: 'name', width: 160 },
    {
      title: t('webhooks.format'),
      key: 'format',
      width: 150,
      render: (_: unknown, hook) => formatTags(hook),
    },
    { title: t('webhooks.url'), dataIndex: 'url', width: 240, render: (url: string) => urlText(url) },
    { title: t('webhooks.events'), dataIndex: 'events', width: 200, render: eventTags },
    { title: t('common.status'), dataIndex: 'active', width: 80, render: statusTag },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, hook) => actions(hook),
    },
  ];
  const webhooks = list.data?.items ?? [];

  return (
    <PageContainer
      title={t('webhooks.title')}
      subTitle={t('webhooks.subtitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="webhook-create"
        >
          {t('webhooks.create')}
        </Button>
      }
    >
      <Card>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        {phone ? (
          <Flex vertical gap={12} data-testid="webhook-table">
            {webhooks.length === 0 && !list.isFetching ? <Empty description={t('webhooks.empty')} /> : null}
            {webhooks.map((hook) => (
              <Card key={hook.id} size="small" title={hook.name} extra={statusTag(hook.active)}>
                <Flex vertical gap={8}>
                  {formatTags(hook)}
                  {urlText(hook.url)}
                  {eventTags(hook.events)}
                  {actions(hook)}
                </Flex>
              </Card>
            ))}
          </Flex>
        ) : (
          <Table<Webhook>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={webhooks}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: t('webhooks.empty') }}
            data-testid="webhook-table"
          />
        )}
      </Card>
      {editing ? (
        <WebhookFormModal webhook={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {viewing ? <DeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} /> : null}
    </PageContainer>
  );
}
