// Supervision bulletins (督查通报): numbered and dated, newest first. County roles see drafts and approved ones too;
// a unit sees the published ones with whether it has read each (回执). A supervisor generates a draft from a period
// of data and goes on to edit it, and sets the number format and issuing body of the region's bulletins.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  bulletinKeys,
  bulletinsApi,
  type BulletinStatus,
  type BulletinSummary,
} from '../../../api/bulletins';
import { useRegionToday } from '../../../api/hooks';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { BulletinStatusTag } from '../shared';

const STATUSES: BulletinStatus[] = ['draft', 'approved', 'published'];
const PAGE_SIZE = 20;

function DraftDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const today = useRegionToday();
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();
  const draft = useMutation({
    mutationFn: ({ period }: { period: [Dayjs, Dayjs] }) =>
      bulletinsApi.draft(period[0].format('YYYY-MM-DD'), period[1].format('YYYY-MM-DD')),
    onSuccess: (view) => {
      queryClient.setQueryData(bulletinKeys.detail(view.id), view);
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.all });
      onClose();
      void navigate(`/bulletins/${encodeURIComponent(view.id)}?edit=1`);
    },
    onError: (e) => onError(e, form, ['period']),
  });
  return (
    <Modal
      open={open}
      title={t('bulletins.draftTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bulletins.generate')}
      confirmLoading={draft.isPending}
      okButtonProps={{ 'data-testid': 'bulletin-draft-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('bulletins.draftHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => draft.mutate(v)} preserve={false}>
        <Form.Item
          name="period"
          label={t('bulletins.period')}
          rules={[{ required: true, message: t('bulletins.periodRequired') }]}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            disabledDate={(d) => !!today && d.format('YYYY-MM-DD') > today}
            defaultPickerValue={today ? [dayjs(today).startOf('month'), dayjs(today)] : undefined}
            data-testid="bulletin-draft-period"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The region's number format (松执专〔{year}〕{seq}号) and issuing body: what the next publication will be numbered,
 * shown as the server's example. Numbers already given stay as they are.
 */
function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [form] = Form.useForm<{ numberFormat: string; issuer: string }>();
  const settings = useQuery({
    queryKey: bulletinKeys.settings,
    queryFn: ({ signal }) => bulletinsApi.settings(signal),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: bulletinsApi.updateSettings,
    onSuccess: (view) => {
      queryClient.setQueryData(bulletinKeys.settings, view);
      void message.success(t('bulletins.settingsSaved', { example: view.example }));
      onClose();
    },
    onError: (e) => onError(e, form, ['numberFormat', 'issuer']),
  });
  return (
    <Modal
      open={open}
      title={t('bulletins.settings')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !settings.data, 'data-testid': 'bulletin-settings-ok' }}
      destroyOnHidden
    >
      {settings.isError ? <Alert type="error" showIcon title={errorText(settings.error)} /> : null}
      {settings.data ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ numberFormat: settings.data.numberFormat, issuer: settings.data.issuer }}
          onFinish={(v) => save.mutate(v)}
          preserve={false}
        >
          <Form.Item
            name="numberFormat"
            label={t('bulletins.numberFormat')}
            extra={t('bulletins.numberFormatHelp', { example: settings.data.example })}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={60} data-testid="bulletin-settings-format" />
          </Form.Item>
          <Form.Item
            name="issuer"
            label={t('bulletins.issuer')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} data-testid="bulletin-settings-issuer" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

export default function BulletinListPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const { access } = useAuth();
  const [params, setParams] = useSearchParams();
  const [drafting, setDrafting] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const asked = params.get('status');
  const status = STATUSES.includes(asked as BulletinStatus) ? (asked as BulletinStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { status, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: bulletinKeys.list(query),
    queryFn: ({ signal }) => bulletinsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const asUnit = (list.data?.items ?? []).some((b) => b.readByMyUnit !== null);
  // A unit acknowledges a bulletin from the list too (opening it records the receipt as well).
  const markRead = useMutation({
    mutationFn: (id: string) => bulletinsApi.read(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bulletinKeys.all }),
    onError: (e) => onError(e),
  });

  return (
    <PageContainer
      title={t('menu.bulletins')}
      extra={
        access.bulletinsDraft ? (
          <Space wrap>
            <Button onClick={() => setConfiguring(true)} data-testid="bulletin-settings">
              {t('bulletins.settings')}
            </Button>
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="bulletin-draft">
              {t('bulletins.generateDraft')}
            </Button>
          </Space>
        ) : null
      }
    >
      {/* The county roles (the cockpit's) see drafts and approved bulletins too: they filter by status. */}
      {access.cockpit ? (
        <Segmented
          value={status ?? 'all'}
          onChange={(v) => update({ status: v === 'all' ? undefined : String(v), page: undefined })}
          options={[
            { value: 'all', label: t('bulletins.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`bulletins.status.${s}`) })),
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
      ) : null}
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<BulletinSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('bulletins.empty') }}
        onRow={(b) => ({ 'data-testid': 'bulletin-row', 'data-id': b.id }) as object}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => update({ page: p === 1 ? undefined : String(p) }),
        }}
        columns={[
          {
            key: 'number',
            title: t('bulletins.number'),
            render: (_, b) =>
              b.number ?? <Typography.Text type="secondary">{t('bulletins.unnumbered')}</Typography.Text>,
          },
          {
            key: 'title',
            title: t('bulletins.title'),
            render: (_, b) => (
              <Link to={`/bulletins/${encodeURIComponent(b.id)}`} data-testid="bulletin-link">
                {b.title}
              </Link>
            ),
          },
          {
            key: 'status',
            title: t('bulletins.statusLabel'),
            render: (_, b) => <BulletinStatusTag status={b.status} />,
          },
          {
            key: 'period',
            title: t('bulletins.period'),
            render: (_, b) => `${b.periodFrom} ~ ${b.periodTo}`,
          },
          {
            key: 'publishedOn',
            title: t('bulletins.publishedOn'),
            render: (_, b) => b.publishedOn ?? '—',
          },
          ...(asUnit
            ? [
                {
                  key: 'read',
                  title: t('bulletins.receipt'),
                  render: (_: unknown, b: BulletinSummary) =>
                    b.readByMyUnit ? (
                      <Tag color="success" data-testid="bulletin-read-tag" data-read="true">
                        {t('bulletins.read')}
                      </Tag>
                    ) : (
                      <Space size={4}>
                        <Tag color="error" data-testid="bulletin-read-tag" data-read="false">
                          {t('bulletins.unread')}
                        </Tag>
                        <Button
                          size="small"
                          loading={markRead.isPending && markRead.variables === b.id}
                          onClick={() => markRead.mutate(b.id)}
                          data-testid="bulletin-list-mark-read"
                        >
                          {t('bulletins.markRead')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <DraftDialog open={drafting} onClose={() => setDrafting(false)} />
      <SettingsDialog open={configuring} onClose={() => setConfiguring(false)} />
    </PageContainer>
  );
}
