// Post-mortem reviews (复盘): by the monthly meeting (月度例会) they go to, or by item. The task force opens a review
// of an item (scheduled at once when a meeting month is given); unit roles see those of their items or actions.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  postMortemsApi,
  reviewKeys,
  REVIEW_STATES,
  type ReviewState,
  type ReviewSummary,
} from '../../../api/reviews';
import { computeAccess } from '../../../access';
import { useAuth } from '../../../auth/context';
import ItemSelect from '../../cases/ItemSelect';
import PageContainer from '../../../components/PageContainer';
import { errorText } from '../../../utils/errors';
import StepModal from '../../cases/detail/StepModal';
import { ReviewStateTag } from '../shared';

export default function PostMortemsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const mayCreate = computeAccess(user.roles).postMortemsManage;
  // ?meetingMonth=2022-04 or ?itemId=… from links elsewhere.
  const [params] = useSearchParams();
  const [month, setMonth] = useState<Dayjs | null>(() => {
    const m = params.get('meetingMonth');
    return m && /^\d{4}-\d{2}$/.test(m) ? dayjs(`${m}-01`) : null;
  });
  const [itemId, setItemId] = useState<string | undefined>(() => params.get('itemId') ?? undefined);
  const [state, setState] = useState<ReviewState | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = { meetingMonth: month?.format('YYYY-MM'), itemId, state, page, pageSize: 20 };
  const list = useQuery({
    queryKey: reviewKeys.list(query),
    queryFn: ({ signal }) => postMortemsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ReviewSummary> = [
    {
      title: t('postMortems.reviewTitle'),
      dataIndex: 'title',
      width: 260,
      render: (title: string, r) => (
        <Link to={`/post-mortems/${r.id}`} data-testid="review-link">
          {title}
        </Link>
      ),
    },
    {
      title: t('postMortems.item'),
      key: 'item',
      width: 220,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Link to={`/items/${r.itemId}`}>{r.itemNumber}</Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
            {r.itemTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('postMortems.leadUnit'), dataIndex: 'leadUnitName', width: 150 },
    {
      title: t('common.status'),
      dataIndex: 'state',
      width: 100,
      render: (s: ReviewState) => <ReviewStateTag state={s} />,
    },
    {
      title: t('postMortems.meeting'),
      key: 'meeting',
      width: 140,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.meetingMonth ?? '—'}</span>
          {r.heldOn ? (
            <Typography.Text type="secondary">
              {t('postMortems.heldOnDate', { date: r.heldOn })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('postMortems.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, r) => (
        <Flex wrap gap={4}>
          <span>{t('postMortems.actionsCount', { open: r.actionsOpen, total: r.actionsTotal })}</span>
          {r.actionsOverdue ? (
            <Tag color="red">{t('postMortems.overdueCount', { count: r.actionsOverdue })}</Tag>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('postMortems.title')}
      subTitle={t('postMortems.subtitle')}
      extra={
        mayCreate ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="review-create"
          >
            {t('postMortems.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            value={month}
            placeholder={t('postMortems.meetingMonth')}
            onChange={(m) => {
              setMonth(m);
              setPage(1);
            }}
            data-testid="review-month"
          />
          <div style={{ width: 260, maxWidth: '100%' }}>
            <ItemSelect
              allowClear
              value={itemId}
              onChange={(v) => {
                setItemId(v);
                setPage(1);
              }}
            />
          </div>
          <Select
            allowClear
            placeholder={t('postMortems.allStates')}
            style={{ width: 130 }}
            value={state}
            onChange={(s: ReviewState | undefined) => {
              setState(s);
              setPage(1);
            }}
            options={REVIEW_STATES.map((s) => ({ value: s, label: t(`reviewState.${s}`) }))}
          />
        </Flex>
        {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
        <Table<ReviewSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1020 }}
          locale={{ emptyText: t('postMortems.empty') }}
          onRow={() => ({ 'data-testid': 'review-row' }) as object}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      {creating ? (
        <StepModal<{ itemId: string; title?: string; meetingMonth?: Dayjs }>
          title={t('postMortems.create')}
          onSubmit={async (v) => {
            const r = await postMortemsApi.create({
              itemId: v.itemId,
              ...(v.title?.trim() ? { title: v.title.trim() } : {}),
              ...(v.meetingMonth ? { meetingMonth: v.meetingMonth.format('YYYY-MM') } : {}),
            });
            await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
            void navigate(`/post-mortems/${r.id}`);
          }}
          onClose={() => setCreating(false)}
        >
          <Form.Item
            name="itemId"
            label={t('postMortems.item')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <ItemSelect data-testid="review-item" />
          </Form.Item>
          <Form.Item name="title" label={t('postMortems.reviewTitle')} extra={t('postMortems.titleHelp')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="meetingMonth" label={t('postMortems.meetingMonth')}>
            <DatePicker picker="month" style={{ width: '100%' }} />
          </Form.Item>
        </StepModal>
      ) : null}
    </PageContainer>
  );
}
