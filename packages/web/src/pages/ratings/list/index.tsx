// Service ratings (服务评议) for the staff: the task force and county leaders see every unit's ratings with full
// credit codes; a unit sees its own, codes partly hidden. Filters: month, unit, low only, replaced ones too.
import { LinkOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Flex, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits } from '../../../api/hooks';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import type { MessageKey } from '../../../locales/zh-CN';
import { errorText } from '../../../utils/errors';
import { ratingKeys, ratingsApi, type RatingQuery, type RatingView } from '../api';
import { FollowUpTag, RatingActions, Scores } from '../shared';
import ExportButton from '../../../components/ExportButton';

const COUNTY = ['supervisor', 'leader', 'discipline'];

export default function RatingsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const county = user.roles.some((r) => COUNTY.includes(r));
  const units = useAllUnits(county);
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [low, setLow] = useState(false);
  const [history, setHistory] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const query: RatingQuery = {
    month: month?.format('YYYY-MM'),
    unitId: county ? unitId : undefined,
    low: low ? 'true' : undefined,
    history: history ? 'true' : undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: ratingKeys.list(query),
    queryFn: ({ signal }) => ratingsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<RatingView> = [
    { title: t('ratings.ratedOn'), dataIndex: 'ratedOn', width: 110 },
    ...(county ? [{ title: t('ratings.unit'), dataIndex: 'unitName', width: 150 }] : []),
    {
      title: t('ratings.creditCode'),
      dataIndex: 'creditCode',
      width: 190,
      render: (code: string, r) => (
        <Flex vertical>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {code}
          </Typography.Text>
          {!r.current ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ratings.replaced')} · {t('ratings.version', { version: r.version })}
            </Typography.Text>
          ) : r.version > 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ratings.version', { version: r.version })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('ratings.service'),
      dataIndex: 'service',
      width: 130,
      render: (s: string) => t(`ratingService.${s}` as MessageKey),
    },
    {
      title: t('ratings.scores'),
      key: 'scores',
      width: 130,
      render: (_: unknown, r) => <Scores rating={r} vertical />,
    },
    {
      title: t('ratings.mean'),
      dataIndex: 'mean',
      width: 90,
      render: (mean: number, r) => (
        <Flex gap={4} align="center">
          {mean.toFixed(2)}
          {r.low ? <Tag color="red">{t('ratings.low')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('ratings.comment'),
      dataIndex: 'comment',
      width: 260,
      render: (c: string | null) =>
        c ? (
          <Tooltip title={c}>
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {c}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('ratings.followUp'),
      key: 'followUp',
      width: 180,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap align="center">
          {r.followUp ? <FollowUpTag status={r.followUp.status} /> : '—'}
          <RatingActions rating={r} />
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('ratings.title')}
      subTitle={county ? t('ratings.subtitle.county') : t('ratings.subtitle.unit')}
      extra={
        <>
          <ExportButton path="/ratings/export.xlsx" fallbackName="benpao-ratings.xlsx" query={query} />
          <Typography.Link href="/rate" target="_blank" rel="noopener">
            <LinkOutlined /> {t('ratings.publicLink')}
          </Typography.Link>
        </>
      }
    >
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            value={month}
            placeholder={t('ratings.month')}
            onChange={(v) => {
              setMonth(v);
              setPage(1);
            }}
            data-testid="ratings-month"
          />
          {county ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('ratings.allUnits')}
              style={{ width: 220 }}
              loading={units.isPending}
              value={unitId}
              onChange={(v: string | undefined) => {
                setUnitId(v);
                setPage(1);
              }}
              options={(units.data ?? [])
                .filter((u) => u.categoryId)
                .map((u) => ({ value: u.id, label: u.name }))}
              data-testid="ratings-unit"
            />
          ) : null}
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={low}
              onChange={(v) => {
                setLow(v);
                setPage(1);
              }}
              data-testid="ratings-low"
            />
            <span>{t('ratings.lowOnly')}</span>
          </Flex>
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={history}
              onChange={(v) => {
                setHistory(v);
                setPage(1);
              }}
            />
            <span>{t('ratings.history')}</span>
          </Flex>
        </Flex>
        {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
        <Table<RatingView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('ratings.empty') }}
          data-testid="ratings-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </PageContainer>
  );
}
