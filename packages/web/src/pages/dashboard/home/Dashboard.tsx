// The region's base data: real figures of the region from GET /api/dashboard, the first screen of unit users and
// the administrators, and below the leader cockpit for the roles that have one. Only the fields of the contract
// are read. The item figures show when the server sends them (roles that see items).
import {
  ApartmentOutlined,
  ClockCircleOutlined,
  ProfileOutlined,
  ReloadOutlined,
  TeamOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dashboardQuery } from '../../../api/services';
import type { Dashboard, DashboardCategory, DashboardItems } from '../../../api/types';
import { UNIT_KINDS } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import WarningSummaryCard from '../../../components/WarningSummaryCard';
import { tDynamic, unitKindName } from '../../../i18n';
import { errorText } from '../../../utils/errors';

interface KindRow {
  kind: string;
  count: number;
}

/** The counts per kind in the canonical order, tolerating missing or unknown kinds. */
function kindRows(data: Dashboard | undefined): KindRow[] {
  const byKind = Array.isArray(data?.units?.byKind) ? data.units.byKind : [];
  const known = UNIT_KINDS.map((kind) => ({
    kind,
    count: byKind.find((k) => k.kind === kind)?.count ?? 0,
  })).filter((r) => r.count > 0);
  const unknown = byKind.filter((k) => !(UNIT_KINDS as readonly string[]).includes(k.kind));
  return [...known, ...unknown];
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isItemFigures(value: unknown): value is DashboardItems {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DashboardItems>;
  return typeof v.total === 'number' && Array.isArray(v.byKind) && Array.isArray(v.byStatus);
}

function ItemFigures({ items }: { items: DashboardItems }) {
  const { t } = useTranslation();
  const { access } = useAuth();
  const open = items.byStatus.filter((s) => s.count > 0);
  return (
    <section aria-labelledby="dashboard-items" data-testid="dashboard-items">
      <Typography.Title level={5} id="dashboard-items" style={{ marginTop: 0 }}>
        {access.items ? <Link to="/items">{t('dashboard.items')}</Link> : t('dashboard.items')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic
              title={t('dashboard.items')}
              value={items.total}
              prefix={<ProfileOutlined />}
              valueRender={(node) => <span data-testid="dashboard-item-count">{node}</span>}
            />
            <Flex wrap gap={4} style={{ marginTop: 8 }}>
              {items.byKind
                .filter((k) => k.count > 0)
                .map((k) => (
                  <Tag key={k.kind}>
                    {tDynamic(`itemKind.${k.kind}`, k.kind)} {k.count}
                  </Tag>
                ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic
              title={t('dashboard.itemsOverdue')}
              value={items.overdue}
              prefix={<WarningOutlined />}
              styles={{ content: items.overdue > 0 ? { color: '#cf1322' } : undefined }}
            />
            {access.items && items.overdue > 0 ? (
              <Link to="/items?overdue=true">{t('items.overdueOnly')}</Link>
            ) : null}
          </Card>
        </Col>
        <Col xs={12} sm={8}>
          <Card>
            <Statistic
              title={t('dashboard.reportsLate')}
              value={items.reportsLate}
              prefix={<ClockCircleOutlined />}
            />
          </Card>
        </Col>
        {open.length > 0 ? (
          <Col xs={24}>
            <Card size="small" title={t('dashboard.itemsByStatus')}>
              <Flex wrap gap={8}>
                {open.map((s) => (
                  <Tag key={s.status} style={{ padding: '2px 8px' }}>
                    {access.items ? (
                      <Link to={`/items?status=${s.status}`}>
                        {tDynamic(`itemStatus.${s.status}`, s.status)} {s.count}
                      </Link>
                    ) : (
                      `${tDynamic(`itemStatus.${s.status}`, s.status)} ${s.count}`
                    )}
                  </Tag>
                ))}
              </Flex>
            </Card>
          </Col>
        ) : null}
      </Row>
    </section>
  );
}

/** The region's base data; `embedded` under the cockpit (which has its own lights and cards). */
export default function DashboardPage({ embedded = false }: { embedded?: boolean }) {
  const { t } = useTranslation();
  const { user, access } = useAuth();
  const query = useQuery(dashboardQuery);
  const data = query.data;
  const loading = query.isPending;
  const regionName = data?.region?.name ?? user.regionName;
  const categories: DashboardCategory[] = Array.isArray(data?.categories) ? data.categories : [];
  const kinds = kindRows(data);
  const unitTotal = numberOrUndefined(data?.units?.total);
  const userTotal = numberOrUndefined(data?.users?.total);
  const userActive = numberOrUndefined(data?.users?.active);

  const kindColumns: TableColumnsType<KindRow> = [
    { title: t('dashboard.kind'), dataIndex: 'kind', render: (kind: string) => unitKindName(kind) },
    { title: t('dashboard.count'), dataIndex: 'count', align: 'right', width: 120 },
  ];
  const categoryColumns: TableColumnsType<DashboardCategory> = [
    { title: t('dashboard.categoryName'), dataIndex: 'name' },
    { title: t('dashboard.categoryUnits'), dataIndex: 'unitCount', align: 'right', width: 120 },
  ];

  const content = (
    <>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={errorText(query.error)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : null}

      <section aria-labelledby="dashboard-figures">
        <Typography.Title
          level={5}
          id="dashboard-figures"
          style={{ marginTop: 0 }}
          data-testid="dashboard-region"
        >
          {regionName}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic
                title={t('dashboard.units')}
                value={unitTotal ?? '—'}
                loading={loading}
                prefix={<ApartmentOutlined />}
                valueRender={(node) => <span data-testid="dashboard-unit-count">{node}</span>}
              />
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic
                title={t('dashboard.users')}
                value={userTotal ?? '—'}
                loading={loading}
                prefix={<TeamOutlined />}
                valueRender={(node) => <span data-testid="dashboard-user-count">{node}</span>}
              />
              {userActive !== undefined ? (
                <Typography.Text type="secondary">
                  {t('dashboard.usersActive', { count: userActive })}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card>
              <Statistic
                title={t('dashboard.categories')}
                value={data ? categories.length : '—'}
                loading={loading}
                prefix={<TrophyOutlined />}
                valueRender={(node) => <span data-testid="dashboard-category-count">{node}</span>}
              />
            </Card>
          </Col>
        </Row>
      </section>

      {access.warnings && !embedded ? <WarningSummaryCard /> : null}

      {isItemFigures(data?.items) ? <ItemFigures items={data.items} /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('dashboard.unitsByKind')} styles={{ body: { padding: 0 } }}>
            <Table<KindRow>
              rowKey="kind"
              size="small"
              loading={loading}
              columns={kindColumns}
              dataSource={kinds}
              pagination={false}
              data-testid="dashboard-kinds"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('dashboard.rankingCategories')} styles={{ body: { padding: 0 } }}>
            <Table<DashboardCategory>
              rowKey="id"
              size="small"
              loading={loading}
              columns={categoryColumns}
              dataSource={categories}
              pagination={false}
              locale={{ emptyText: <Empty description={t('dashboard.noCategories')} /> }}
              data-testid="dashboard-categories"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
  if (embedded)
    return (
      <section aria-labelledby="dashboard-base-data" data-testid="dashboard-base-data">
        <Typography.Title level={5} id="dashboard-base-data">
          {t('cockpit.baseData')}
        </Typography.Title>
        <Flex vertical gap={16}>
          {content}
        </Flex>
      </section>
    );
  return (
    <PageContainer
      title={t('dashboard.title')}
      subTitle={t('dashboard.subtitle', { region: regionName })}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      {content}
    </PageContainer>
  );
}
