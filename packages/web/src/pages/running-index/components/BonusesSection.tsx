// Commendations (争先创优加分) of a month: who, how many points, why, on what evidence; supervisors enter one (the
// points within the active model's range, checked again by the server) and revoke one. A published month keeps
// its commendations until it is republished, which the page says.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  runningIndexApi,
  runningIndexKeys,
  type BonusView,
  type MonthView,
} from '../../../api/running-index';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { formatShortDateTime } from '../../../utils/format';
import { formatPoints } from '../model';

interface BonusForm {
  unitId: string;
  month: Dayjs;
  points: number;
  reason: string;
  evidence?: string;
}

const FIELDS = ['unitId', 'month', 'points', 'reason', 'evidence'] as const;

function BonusModal({
  view,
  today,
  onClose,
}: {
  view: MonthView;
  today: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BonusForm>();
  const onError = useErrorHandler();
  const queryClient = useQueryClient();
  const models = useQuery({
    queryKey: runningIndexKeys.models,
    queryFn: ({ signal }) => runningIndexApi.models(signal),
    staleTime: 60_000,
  });
  const rules = models.data?.active?.model.bonuses;
  const add = useMutation({
    mutationFn: (v: BonusForm) =>
      runningIndexApi.addBonus({
        unitId: v.unitId,
        month: v.month.format('YYYY-MM'),
        points: v.points,
        reason: v.reason.trim(),
        ...(v.evidence?.trim() ? { evidence: v.evidence.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: runningIndexKeys.all });
      void message.success(t('runningIndex.bonus.added'));
      onClose();
    },
    onError: (e) => onError(e, form, FIELDS),
  });
  const units = [...view.result.scores]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((s) => ({ value: s.unitId, label: s.name }));
  return (
    <Modal
      open
      title={t('runningIndex.bonus.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'bonus-save' }}
      destroyOnHidden
      forceRender
    >
      <Form<BonusForm>
        form={form}
        layout="vertical"
        initialValues={{ month: dayjs(`${view.month}-01`) }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item
          name="unitId"
          label={t('runningIndex.unit')}
          rules={[{ required: true, message: t('runningIndex.bonus.unitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units}
            data-testid="bonus-unit"
            placeholder={t('runningIndex.bonus.unitPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="month" label={t('runningIndex.month')} rules={[{ required: true }]}>
          <DatePicker
            picker="month"
            allowClear={false}
            disabledDate={(d) => !!today && d.format('YYYY-MM') > today.slice(0, 7)}
          />
        </Form.Item>
        <Form.Item
          name="points"
          label={t('runningIndex.bonus.points')}
          extra={
            rules
              ? t('runningIndex.bonus.pointsRange', {
                  min: rules.minPoints,
                  max: rules.maxPoints,
                  cap: rules.monthlyCap,
                })
              : undefined
          }
          rules={[{ required: true, message: t('runningIndex.bonus.pointsRequired') }]}
        >
          <InputNumber
            min={rules?.minPoints}
            max={rules?.maxPoints}
            step={0.5}
            style={{ width: 140 }}
            data-testid="bonus-points"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('runningIndex.bonus.reason')}
          rules={[{ required: true, whitespace: true, message: t('runningIndex.bonus.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('runningIndex.bonus.reasonPlaceholder')}
            data-testid="bonus-reason"
          />
        </Form.Item>
        <Form.Item name="evidence" label={t('runningIndex.bonus.evidence')}>
          <Input maxLength={500} placeholder={t('runningIndex.bonus.evidencePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function BonusesSection({
  view,
  today,
  canEdit,
}: {
  view: MonthView;
  today: string | undefined;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: runningIndexKeys.bonuses(view.month),
    queryFn: ({ signal }) => runningIndexApi.bonuses(view.month, signal),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => runningIndexApi.revokeBonus(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: runningIndexKeys.all });
      void message.success(t('runningIndex.bonus.revoked'));
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const columns: TableColumnsType<BonusView> = [
    {
      title: t('runningIndex.unit'),
      dataIndex: 'unitName',
      width: 140,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: t('runningIndex.bonus.points'),
      dataIndex: 'points',
      width: 70,
      render: (p: number, b) =>
        b.revokedAt ? (
          <Typography.Text delete>{formatPoints(p, true)}</Typography.Text>
        ) : (
          formatPoints(p, true)
        ),
    },
    { title: t('runningIndex.bonus.reason'), dataIndex: 'reason', width: 240 },
    {
      title: t('runningIndex.bonus.evidence'),
      dataIndex: 'evidence',
      width: 180,
      render: (e: string | null) => e ?? '—',
    },
    {
      title: t('runningIndex.bonus.enteredAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatShortDateTime(v),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, b) =>
        b.revokedAt ? (
          <Tag data-testid="bonus-revoked">
            {t('runningIndex.bonus.revokedAt', { at: formatShortDateTime(b.revokedAt) })}
          </Tag>
        ) : canEdit ? (
          <Popconfirm
            title={t('runningIndex.bonus.revokeConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(b.id).catch(() => undefined)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="bonus-revoke">
              {t('runningIndex.bonus.revoke')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t('runningIndex.bonus.valid')}</Tag>
        ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="index-bonuses">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {view.published ? t('runningIndex.bonus.publishedHint') : t('runningIndex.bonus.previewHint')}
        </Typography.Text>
        {canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="bonus-add"
          >
            {t('runningIndex.bonus.add')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<BonusView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 920 }}
        locale={{ emptyText: t('runningIndex.bonus.empty') }}
        onRow={(b) => ({ 'data-testid': 'bonus-row', 'data-unit': b.unitName ?? '' }) as object}
      />
      {adding ? <BonusModal view={view} today={today} onClose={() => setAdding(false)} /> : null}
    </Flex>
  );
}
