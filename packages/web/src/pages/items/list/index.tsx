// Supervision items (督办事项), ProTable style: filters (kind, lead unit, leader, status, overdue, search) kept in
// the URL so that back from an item returns to the same list; paging on the server.
import {
  DownloadOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ReloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAllUnits, useLeaderOptions } from '../../../api/hooks';
import { itemsApi, queryKeys } from '../../../api/services';
import type { ItemKind, ItemQuery, ItemStatus, ItemSummary } from '../../../api/types';
import { ITEM_KINDS, ITEM_STATES } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import ProgressCompare from '../../../components/ProgressCompare';
import { ItemKindTag, ItemStatusTag } from '../../../components/StatusTags';
import { ItemLights, useOpenLightsByItem } from '../../../components/WarningTags';
import { currentLocale } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import { formatPct, periodLabel } from '../../../utils/period';
import ImportModal from './ImportModal';

const FILTERS = ['kind', 'unitId', 'leaderUserId', 'status', 'overdue', 'q'] as const;

function readQuery(params: URLSearchParams): ItemQuery {
  const get = (k: string) => params.get(k) || undefined;
  const kind = get('kind');
  const status = get('status');
  const overdue = get('overdue');
  return {
    kind: (ITEM_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ItemKind) : undefined,
    unitId: get('unitId'),
    leaderUserId: get('leaderUserId'),
    status: (ITEM_STATES as readonly string[]).includes(status ?? '') ? (status as ItemStatus) : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    q: get('q'),
    page: Math.max(1, Number(get('page') ?? 1) || 1),
    pageSize: [10, 20, 50, 100].includes(Number(get('pageSize'))) ? Number(get('pageSize')) : 20,
  };
}

/** Indicators: the latest accepted value against its cumulative target (not a time-based plan). */
function IndicatorCell({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  const ind = item.progress.indicator;
  if (!ind) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="item-indicator">
      <Typography.Text style={{ fontSize: 12 }}>
        {periodLabel(ind.periodKey, currentLocale())} {t('items.attainment')} {formatPct(ind.attainmentPct)}%
      </Typography.Text>
      <Tag color={ind.met ? 'success' : 'warning'} style={{ alignSelf: 'flex-start' }}>
        {ind.met ? t('itemDetail.targetMet') : t('itemDetail.targetMissed')}
      </Tag>
    </Flex>
  );
}

export default function ItemListPage() {
  const { t } = useTranslation();
  const { access } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => setSearch(query.q ?? ''), [query.q]);

  const list = useQuery({
    queryKey: queryKeys.itemList(query),
    queryFn: ({ signal }) => itemsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const units = useAllUnits();
  const leaders = useLeaderOptions();
  // One request for the whole page's colour badges (亮灯), grouped by item.
  const lights = useOpenLightsByItem(access.warnings && list.isSuccess);
  const { message } = App.useApp();
  const [importOpen, setImportOpen] = useState(false);
  const [downloading, setDownloading] = useState<'export' | 'template' | null>(null);

  const save = async (which: 'export' | 'template') => {
    setDownloading(which);
    try {
      await (which === 'export' ? itemsApi.exportList(query) : itemsApi.downloadTemplate());
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setDownloading(null);
    }
  };

  const update = (
    changes: Partial<Record<(typeof FILTERS)[number] | 'page' | 'pageSize', string | undefined>>,
  ) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ItemSummary> = [
    {
      title: t('items.number'),
      dataIndex: 'number',
      width: 120,
      render: (v: string, item) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/items/${item.id}`} data-testid="item-link">
            {v}
          </Link>
          <ItemKindTag kind={item.kind} />
          <ItemLights lights={lights.data?.get(item.id)} />
        </Flex>
      ),
    },
    {
      title: t('items.itemTitle'),
      dataIndex: 'title',
      width: 240,
      render: (v: string, item) => (
        <Flex vertical gap={2}>
          <Link to={`/items/${item.id}`}>
            <Typography.Text style={{ maxWidth: 240 }} ellipsis={{ tooltip: v }}>
              {v}
            </Typography.Text>
          </Link>
          {item.urgency !== 'normal' ? (
            <Tag
              color={item.urgency === 'very_urgent' ? 'red' : 'orange'}
              style={{ alignSelf: 'flex-start' }}
            >
              {t(`urgency.${item.urgency}`)}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('items.leadUnit'),
      dataIndex: 'leadUnitName',
      width: 150,
      render: (v: string, item) => (
        <Flex vertical gap={0}>
          <span>{v}</span>
          {item.leaderName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.leaderName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('items.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ItemStatus) => <ItemStatusTag status={s} />,
    },
    {
      title: t('items.progress'),
      key: 'progress',
      width: 180,
      render: (_: unknown, item) =>
        item.kind === 'indicator' ? (
          <IndicatorCell item={item} />
        ) : (
          <ProgressCompare
            planned={item.progress.planned}
            actual={item.progress.actual}
            lag={item.progress.lag}
          />
        ),
    },
    {
      title: t('items.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (v: string, item) =>
        item.progress.overdue ? (
          <Flex vertical gap={2}>
            <Typography.Text type="danger">{v}</Typography.Text>
            <Tag color="error" style={{ alignSelf: 'flex-start' }} data-testid="item-overdue">
              {t('items.overdue')}
            </Tag>
          </Flex>
        ) : (
          v
        ),
    },
  ];

  const hasFilter = FILTERS.some((f) => params.get(f));
  const phone = Grid.useBreakpoint().md === false;
  const pagination = {
    current: query.page,
    pageSize: query.pageSize,
    total: list.data?.total ?? 0,
    showSizeChanger: !phone,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (p: number, s: number) =>
      update({ page: s !== query.pageSize ? undefined : String(p), pageSize: String(s) }),
  };

  return (
    <PageContainer
      title={t('items.title')}
      subTitle={t('items.subtitle')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => void save('export')}
            loading={downloading === 'export'}
            data-testid="item-export"
          >
            {t('itemImport.export')}
          </Button>
          {access.itemsEdit ? (
            <>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void save('template')}
                loading={downloading === 'template'}
                data-testid="item-template"
              >
                {t('itemImport.template')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="item-import">
                {t('itemImport.import')}
              </Button>
            </>
          ) : null}
          {access.itemsEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/items/new')}
              data-testid="item-create"
            >
              {t('items.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="item-filters">
          <Input.Search
            allowClear
            placeholder={t('items.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="item-search"
          />
          <Select
            allowClear
            placeholder={t('items.filterKind')}
            value={query.kind}
            onChange={(v: string | undefined) => update({ kind: v })}
            options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))}
            style={{ width: 130 }}
            data-testid="item-filter-kind"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('items.filterUnit')}
            value={query.unitId}
            onChange={(v: string | undefined) => update({ unitId: v })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            loading={units.isLoading}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="item-filter-unit"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('items.filterLeader')}
            value={query.leaderUserId}
            onChange={(v: string | undefined) => update({ leaderUserId: v })}
            options={leaders.data ?? []}
            loading={leaders.isLoading}
            style={{ width: 140 }}
            data-testid="item-filter-leader"
          />
          <Select
            allowClear
            placeholder={t('items.filterStatus')}
            value={query.status}
            onChange={(v: string | undefined) => update({ status: v })}
            options={ITEM_STATES.map((s) => ({ value: s, label: t(`itemStatus.${s}`) }))}
            style={{ width: 140 }}
            data-testid="item-filter-status"
          />
          <Select
            allowClear
            placeholder={t('items.filterOverdue')}
            value={query.overdue}
            onChange={(v: string | undefined) => update({ overdue: v })}
            options={[
              { value: 'true', label: t('items.overdueOnly') },
              { value: 'false', label: t('items.notOverdue') },
            ]}
            style={{ width: 140 }}
            data-testid="item-filter-overdue"
          />
          {hasFilter ? (
            <Button
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { replace: true });
              }}
              data-testid="item-filter-reset"
            >
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        {phone ? (
          <List<ItemSummary>
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            rowKey="id"
            pagination={{ ...pagination, size: 'small', align: 'center' }}
            data-testid="item-table"
            renderItem={(item) => (
              <List.Item style={{ paddingInline: 0, display: 'block' }}>
                <Flex vertical gap={6}>
                  <Flex wrap gap={4} align="center">
                    <Link to={`/items/${item.id}`} data-testid="item-link">
                      {item.number}
                    </Link>
                    <ItemKindTag kind={item.kind} />
                    <ItemStatusTag status={item.status} />
                    {item.progress.overdue ? <Tag color="error">{t('items.overdue')}</Tag> : null}
                    <ItemLights lights={lights.data?.get(item.id)} />
                  </Flex>
                  <Link to={`/items/${item.id}`}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.leadUnitName} · {t('items.dueDate')} {item.dueDate}
                  </Typography.Text>
                  {item.kind === 'indicator' ? (
                    <IndicatorCell item={item} />
                  ) : (
                    <ProgressCompare
                      planned={item.progress.planned}
                      actual={item.progress.actual}
                      lag={item.progress.lag}
                      width={260}
                    />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<ItemSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            data-testid="item-table"
            pagination={pagination}
          />
        )}
      </Card>
      {access.itemsEdit ? <ImportModal open={importOpen} onClose={() => setImportOpen(false)} /> : null}
    </PageContainer>
  );
}
