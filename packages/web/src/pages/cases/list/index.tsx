// Verification cases (核查件): county roles see every case, a unit its own once the findings were fed back. Filters
// by status, source, unit and overdue; the .xlsx export follows them (contacts masked unless the server says
// otherwise). The task force, the discipline commission and leaders enter cases from the 12345 hotline, a leader's
// instruction or a spot check.
import { DownloadOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  CASE_SOURCES,
  CASE_STATES,
  caseKeys,
  casesApi,
  type CaseQuery,
  type CaseSource,
  type CaseState,
  type CaseSummary,
} from '../../../api/cases';
import { useAllUnits } from '../../../api/hooks';
import { computeAccess } from '../../../access';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { errorText } from '../../../utils/errors';
import { CaseStateTag, OverdueTag } from '../shared';
import CreateCaseModal from './CreateCaseModal';

const COUNTY = ['supervisor', 'leader', 'discipline'];

export default function CasesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const county = user.roles.some((r) => COUNTY.includes(r));
  const mayCreate = computeAccess(user.roles).casesCreate;
  const units = useAllUnits(county);
  // Filters may come in the URL (/cases?overdue=true, ?itemId=…) from other pages' links.
  const [params] = useSearchParams();
  const initial = <T extends string>(key: string, allowed?: readonly T[]) => {
    const v = params.get(key) ?? undefined;
    return v && (!allowed || allowed.includes(v as T)) ? (v as T) : undefined;
  };
  const [status, setStatus] = useState<CaseState | undefined>(() => initial('status', CASE_STATES));
  const [source, setSource] = useState<CaseSource | undefined>(() => initial('source', CASE_SOURCES));
  const [unitId, setUnitId] = useState<string | undefined>(() => initial('unitId'));
  const [itemId, setItemId] = useState<string | undefined>(() => initial('itemId'));
  const [overdue, setOverdue] = useState(() => params.get('overdue') === 'true');
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters: Omit<CaseQuery, 'page' | 'pageSize'> = {
    status,
    source,
    unitId: county ? unitId : undefined,
    itemId,
    overdue: overdue ? 'true' : undefined,
    q: q.trim() || undefined,
  };
  const query: CaseQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => casesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.receipt'),
      dataIndex: 'receipt',
      width: 190,
      render: (receipt: string, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link">
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {receipt}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('cases.caseTitle'),
      dataIndex: 'title',
      width: 260,
      render: (title: string, c) => (
        <Flex vertical>
          <Link to={`/cases/${c.id}`}>{title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`caseSource.${c.source}`)} · {t(`caseKind.${c.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('cases.subject'),
      key: 'subject',
      width: 180,
      render: (_: unknown, c) => (
        <Flex vertical>
          {c.unitName ? <span>{c.unitName}</span> : null}
          {c.itemNumber ? <Typography.Text type="secondary">{c.itemNumber}</Typography.Text> : null}
          {c.place ? <Typography.Text type="secondary">{c.place}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 170,
      render: (s: CaseState, c) => (
        <Flex wrap gap={4}>
          <CaseStateTag status={s} />
          <OverdueTag overdue={c.overdue} measures={c.overdueMeasures} />
        </Flex>
      ),
    },
    { title: t('cases.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('cases.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('cases.complainant'),
      key: 'contact',
      width: 150,
      render: (_: unknown, c) =>
        c.complainantName || c.complainantPhone ? (
          <Flex vertical>
            <span>{c.complainantName ?? '—'}</span>
            <Typography.Text type="secondary">{c.complainantPhone ?? ''}</Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
  ];

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await casesApi.exportXlsx(filters);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer
      title={t('cases.title')}
      subTitle={county ? t('cases.subtitle.county') : t('cases.subtitle.unit')}
      extra={
        <>
          <Typography.Link href="/complaint" target="_blank" rel="noopener" style={{ alignSelf: 'center' }}>
            <LinkOutlined /> {t('cases.publicLink')}
          </Typography.Link>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            data-testid="cases-export"
          >
            {t('cases.export')}
          </Button>
          {mayCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="case-create"
            >
              {t('cases.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('cases.search')}
            style={{ width: 220, maxWidth: '100%' }}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            data-testid="cases-search"
          />
          <Select
            allowClear
            placeholder={t('cases.allStates')}
            style={{ width: 150 }}
            value={status}
            onChange={(v: CaseState | undefined) => {
              setStatus(v);
              setPage(1);
            }}
            options={CASE_STATES.map((s) => ({ value: s, label: t(`caseState.${s}`) }))}
            data-testid="cases-status"
          />
          <Select
            allowClear
            placeholder={t('cases.allSources')}
            style={{ width: 150 }}
            value={source}
            onChange={(v: CaseSource | undefined) => {
              setSource(v);
              setPage(1);
            }}
            options={CASE_SOURCES.map((s) => ({ value: s, label: t(`caseSource.${s}`) }))}
          />
          {county ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cases.allUnits')}
              style={{ width: 200, maxWidth: '100%' }}
              loading={units.isPending}
              value={unitId}
              onChange={(v: string | undefined) => {
                setUnitId(v);
                setPage(1);
              }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          ) : null}
          {itemId ? (
            <Tag
              closable
              onClose={() => {
                setItemId(undefined);
                setPage(1);
              }}
            >
              {t('cases.itemFilter', { item: list.data?.items[0]?.itemNumber ?? '…' })}
            </Tag>
          ) : null}
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={overdue}
              onChange={(v) => {
                setOverdue(v);
                setPage(1);
              }}
              data-testid="cases-overdue"
            />
            <span>{t('cases.overdueOnly')}</span>
          </Flex>
        </Flex>
        {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1170 }}
          locale={{ emptyText: t('cases.empty') }}
          onRow={() => ({ 'data-testid': 'case-row' }) as object}
          data-testid="cases-table"
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
      {creating ? <CreateCaseModal onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
