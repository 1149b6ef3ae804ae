// One item (/items/:id): overview and lifecycle buttons, progress with the planned-vs-actual chart, milestones,
// reporting periods and reports (with versions and evidence), requests and the transition history.
import { BulbOutlined, EditOutlined, FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { itemsApi, queryKeys } from '../../../api/services';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { ItemKindTag, ItemStatusTag } from '../../../components/StatusTags';
import { ItemLights, useItemLights } from '../../../components/WarningTags';
import IssueWarningModal from '../../warnings/shared/IssueWarningModal';
import { errorText } from '../../../utils/errors';
import HistoryTimeline from './HistoryTimeline';
import ItemActions from './ItemActions';
import MilestoneTimeline from './MilestoneTimeline';
import Overview from './Overview';
import PeriodsTable from './PeriodsTable';
import ProgressCard from './ProgressCard';
import ReportsSection from './ReportsSection';
import RequestsSection from './RequestsSection';

const TABS = ['overview', 'reports', 'requests', 'history'] as const;
type TabKey = (typeof TABS)[number];
const CLOSED: readonly string[] = ['completed', 'cancelled'];
const REPORTING: readonly string[] = ['accepted', 'in_progress', 'completion_requested'];

export default function ItemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { access } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as TabKey)
    : 'overview';

  const item = useQuery({ queryKey: queryKeys.item(id), queryFn: ({ signal }) => itemsApi.get(id, signal) });
  const periods = useQuery({
    queryKey: queryKeys.itemPeriods(id),
    queryFn: ({ signal }) => itemsApi.periods(id, signal),
    enabled: item.isSuccess,
  });
  const reports = useQuery({
    queryKey: queryKeys.itemReports(id),
    queryFn: ({ signal }) => itemsApi.reports(id, signal),
    enabled: item.isSuccess,
  });
  const lights = useItemLights(id, access.warnings && item.isSuccess);
  const [issuing, setIssuing] = useState(false);

  if (item.isPending) {
    return (
      <PageContainer title={t('itemDetail.title')}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }
  if (item.isError) {
    const status = item.error instanceof ApiError ? item.error.status : 0;
    return (
      <PageContainer title={t('itemDetail.title')}>
        <Result
          status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
          title={status === 404 ? t('itemDetail.notFound') : t('common.loadFailed')}
          subTitle={errorText(item.error)}
          extra={<Link to="/items">{t('itemDetail.backToList')}</Link>}
        />
      </PageContainer>
    );
  }

  const data = item.data;
  const periodList = periods.data?.items;
  const reportList = reports.data?.items;
  const nextPeriod =
    data.access.canReport && REPORTING.includes(data.status)
      ? (periodList ?? []).find((p) => !p.report && p.start <= data.progress.asOf)
      : undefined;
  const pendingRequests = data.requests.filter((r) => r.status === 'pending').length;

  return (
    <PageContainer
      title={`${data.number} ${data.title}`}
      subTitle={
        <Flex wrap gap={4} align="center" component="span">
          <ItemKindTag kind={data.kind} />
          <ItemStatusTag status={data.status} />
          <ItemLights lights={lights.data} />
          <Typography.Text type="secondary">
            {data.leadUnitName} · {t('items.dueDate')} {data.dueDate}
          </Typography.Text>
        </Flex>
      }
      extra={
        <>
          <ItemActions item={data} />
          {nextPeriod ? (
            <Button
              icon={<FormOutlined />}
              onClick={() =>
                void navigate(`/items/${data.id}/reports/new?period=${encodeURIComponent(nextPeriod.key)}`)
              }
              data-testid="item-fill-report"
            >
              {t('itemDetail.fillReport')}
            </Button>
          ) : null}
          {access.warningsIssue && !CLOSED.includes(data.status) ? (
            <Button icon={<BulbOutlined />} onClick={() => setIssuing(true)} data-testid="item-issue-light">
              {t('issueWarning.titleLight')}
            </Button>
          ) : null}
          {access.itemsEdit && !CLOSED.includes(data.status) ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(`/items/${data.id}/edit`)}
              data-testid="item-edit"
            >
              {t('common.edit')}
            </Button>
          ) : null}
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            loading={item.isFetching}
            onClick={() => {
              void item.refetch();
              void periods.refetch();
              void reports.refetch();
            }}
          />
        </>
      }
    >
      {data.access.relation === 'co_unit' ? (
        <Alert type="info" showIcon title={t('itemDetail.coUnitReadOnly')} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'overview') next.delete('tab');
          else next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={[
          {
            key: 'overview',
            label: <span data-testid="item-tab-overview">{t('itemDetail.tabOverview')}</span>,
            children: (
              <Flex vertical gap={16}>
                <ProgressCard item={data} periods={periodList} reports={reportList} />
                <Row gutter={[16, 16]}>
                  <Col xs={24} lg={14}>
                    <Overview item={data} />
                  </Col>
                  <Col xs={24} lg={10}>
                    <MilestoneTimeline item={data} />
                  </Col>
                </Row>
              </Flex>
            ),
          },
          {
            key: 'reports',
            label: <span data-testid="item-tab-reports">{t('itemDetail.tabReports')}</span>,
            children: (
              <Flex vertical gap={16}>
                <PeriodsTable
                  item={data}
                  periods={periodList}
                  loading={periods.isPending}
                  error={periods.error}
                />
                <ReportsSection
                  item={data}
                  reports={reportList}
                  loading={reports.isPending}
                  error={reports.error}
                />
              </Flex>
            ),
          },
          {
            key: 'requests',
            label: (
              <span data-testid="item-tab-requests">
                {pendingRequests > 0
                  ? t('itemDetail.tabRequestsPending', { count: pendingRequests })
                  : t('itemDetail.tabRequests')}
              </span>
            ),
            children: <RequestsSection item={data} />,
          },
          {
            key: 'history',
            label: <span data-testid="item-tab-history">{t('itemDetail.tabHistory')}</span>,
            children: <HistoryTimeline item={data} />,
          },
        ]}
      />
      {issuing ? (
        <IssueWarningModal
          kind="light"
          itemId={data.id}
          subject={`${data.number} ${data.title}`}
          onClose={() => setIssuing(false)}
        />
      ) : null}
    </PageContainer>
  );
}
