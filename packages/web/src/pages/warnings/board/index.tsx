// The warning board (亮灯榜 / 亮牌榜): open lights and cards by colour, issued and cleared per month, the units
// ranked by their open warnings, and the warnings themselves with filters kept in the URL. "As of" replays the
// board on a past day from the recorded history (GET /api/warnings?asOf=…).
import { ControlOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Grid,
  Popconfirm,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAllUnits, useCategories } from '../../../api/hooks';
import { queryKeys } from '../../../api/services';
import type { Colour, WarningKind, WarningSummary } from '../../../api/warnings';
import {
  COLOURS,
  WARNING_KINDS,
  WARNING_STATE_FILTERS,
  warningKeys,
  warningsApi,
} from '../../../api/warnings';
import { useAuth } from '../../../auth/context';
import { TrendChart } from '../../../components/charts';
import PageContainer from '../../../components/PageContainer';
import { COLOUR_HEX, COLOUR_TAG, ColourBadge } from '../../../components/WarningTags';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { BOARD_FILTERS, type BoardFilter, monthSeries, readBoardQuery } from '../../../utils/warnings';
import WarningTable from '../shared/WarningTable';
import ExportButton from '../../../components/ExportButton';

type UnitRow = WarningSummary['byUnit'][number];

function CountCard({
  kind,
  colour,
  value,
  loading,
  selected,
  onClick,
}: {
  kind: WarningKind;
  colour: Colour;
  value: number | undefined;
  loading: boolean;
  selected: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      hoverable
      size="small"
      onClick={onClick}
      style={{ borderColor: selected ? COLOUR_HEX[colour] : undefined, height: '100%' }}
      data-testid={`warning-count-${kind}-${colour}`}
      data-count={value ?? ''}
    >
      <Statistic
        title={<ColourBadge kind={kind} colour={colour} />}
        value={value ?? '—'}
        loading={loading}
        styles={{ content: { color: value ? COLOUR_HEX[colour] : undefined } }}
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('warnings.openSuffix')}
          </Typography.Text>
        }
      />
    </Card>
  );
}

export default function WarningBoardPage() {
  const { t } = useTranslation();
  const { access } = useAuth();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const query = readBoardQuery(params);
  const { stateParam, ...listQuery } = query;

  const summaryQuery = query.asOf ? { asOf: query.asOf } : {};
  const summary = useQuery({
    queryKey: warningKeys.summary(summaryQuery),
    queryFn: ({ signal }) => warningsApi.summary(summaryQuery, signal),
    placeholderData: keepPreviousData,
  });
  const list = useQuery({
    queryKey: warningKeys.list(listQuery),
    queryFn: ({ signal }) => warningsApi.list(listQuery, signal),
    placeholderData: keepPreviousData,
  });
  const units = useAllUnits();
  const categories = useCategories();

  const evaluate = useMutation({
    mutationFn: () => warningsApi.evaluate(),
    onSuccess: async (r) => {
      void message.success(
        t('warnings.evaluated', {
          issued: r.issued,
          escalated: r.escalated,
          fellBack: r.fellBack,
          cleared: r.cleared,
        }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: warningKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      ]);
    },
    onError: (e) => onError(e),
  });

  const update = (changes: Partial<Record<BoardFilter | 'page' | 'pageSize', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const data = summary.data;
  const byUnit = useMemo(
    () =>
      (data?.byUnit ?? []).filter(
        (u) =>
          (!query.categoryId || u.categoryId === query.categoryId) &&
          (!query.unitId || u.unitId === query.unitId),
      ),
    [data, query.categoryId, query.unitId],
  );
  const series = monthSeries(data?.byMonth ?? []);
  const asOfDay = data?.asOf ?? list.data?.asOf;
  const hasFilter = BOARD_FILTERS.some((f) => params.get(f));

  const unitColumns: TableColumnsType<UnitRow> = [
    {
      title: '#',
      key: 'rank',
      width: 36,
      render: (_: unknown, _u, i) => i + 1,
    },
    {
      title: t('warnings.unit'),
      dataIndex: 'unitName',
      render: (v: string, u) => (
        <Link to={`/warnings/units/${u.unitId}`} data-testid="warning-unit-link">
          {v}
        </Link>
      ),
    },
    ...(phone
      ? []
      : [
          {
            title: t('warnings.category'),
            dataIndex: 'categoryName',
            render: (v: string | null) => v ?? '—',
          },
        ]),
    ...(phone
      ? [
          {
            title: t('warnings.openCounts'),
            key: 'counts',
            render: (_: unknown, u: UnitRow) => (
              <Flex wrap gap={4}>
                {(['card', 'light'] as const).flatMap((kind) =>
                  (['red', 'yellow'] as const).map((colour) => {
                    const n = (kind === 'light' ? u.lights : u.cards)[colour];
                    return n > 0 ? (
                      <Tag
                        key={`${kind}-${colour}`}
                        color={COLOUR_TAG[colour]}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {t(`warningBadge.${kind}.${colour}`)} {n}
                      </Tag>
                    ) : null;
                  }),
                )}
              </Flex>
            ),
          },
        ]
      : (['card', 'light'] as const).flatMap((kind) =>
          (['red', 'yellow'] as const).map((colour) => ({
            title: t(`warningBadge.${kind}.${colour}`),
            key: `${kind}-${colour}`,
            width: 64,
            align: 'right' as const,
            render: (_: unknown, u: UnitRow) => {
              const n = (kind === 'light' ? u.lights : u.cards)[colour];
              return n > 0 ? (
                <Typography.Text
                  strong
                  style={{ color: COLOUR_HEX[colour] }}
                  data-testid={`unit-${kind}-${colour}`}
                >
                  {n}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              );
            },
          })),
        )),
  ];

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

  const pick = (kind: WarningKind, colour: Colour) => {
    const same = query.kind === kind && query.colour === colour;
    update({ kind: same ? undefined : kind, colour: same ? undefined : colour });
  };

  return (
    <PageContainer
      title={t('warnings.title')}
      subTitle={
        asOfDay ? (
          <span data-testid="warning-as-of">
            {query.asOf
              ? t('warnings.replaySubtitle', { date: asOfDay })
              : t('warnings.subtitle', { date: asOfDay })}
          </span>
        ) : null
      }
      extra={
        <>
          <ExportButton
            path="/warnings/export.xlsx"
            fallbackName="benpao-warnings.xlsx"
            query={listQuery}
            testId="warnings-export"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void summary.refetch();
              void list.refetch();
            }}
            loading={summary.isFetching || list.isFetching}
          >
            {t('common.refresh')}
          </Button>
          {access.rules ? (
            <Button icon={<ControlOutlined />} onClick={() => void navigate('/rules')}>
              {t('menu.rules')}
            </Button>
          ) : null}
          {access.warningsIssue ? (
            <Popconfirm
              title={t('warnings.evaluateConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => evaluate.mutateAsync().catch(() => undefined)}
            >
              <Button
                icon={<ThunderboltOutlined />}
                loading={evaluate.isPending}
                data-testid="warning-evaluate"
              >
                {t('warnings.evaluate')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      {summary.isError ? <Alert type="error" showIcon title={errorText(summary.error)} /> : null}
      {query.asOf ? (
        <Alert
          type="info"
          showIcon
          title={t('warnings.replayNotice', { date: query.asOf })}
          action={
            <Button size="small" onClick={() => update({ asOf: undefined })}>
              {t('warnings.backToToday')}
            </Button>
          }
          data-testid="warning-replay"
        />
      ) : null}
      {query.leaderUserId ? (
        <Alert
          type="info"
          showIcon
          title={t('warnings.leaderFilter')}
          action={
            <Button size="small" onClick={() => update({ leaderUserId: undefined })}>
              {t('warnings.leaderFilterClear')}
            </Button>
          }
          data-testid="warning-leader-filter"
        />
      ) : null}

      <Card size="small">
        <Flex wrap gap={8} data-testid="warning-filters">
          <Select
            allowClear
            placeholder={t('warnings.filterKind')}
            value={query.kind}
            onChange={(v: string | undefined) => update({ kind: v })}
            options={WARNING_KINDS.map((k) => ({ value: k, label: t(`warningKind.${k}`) }))}
            style={{ width: 130 }}
            data-testid="warning-filter-kind"
          />
          <Select
            allowClear
            placeholder={t('warnings.filterColour')}
            value={query.colour}
            onChange={(v: string | undefined) => update({ colour: v })}
            options={COLOURS.map((c) => ({ value: c, label: t(`warningColour.${c}`) }))}
            style={{ width: 110 }}
            data-testid="warning-filter-colour"
          />
          <Select
            value={stateParam}
            onChange={(v: string) => update({ state: v === 'open' ? undefined : v })}
            options={[
              ...WARNING_STATE_FILTERS.map((s) => ({ value: s, label: t(`warningStateFilter.${s}`) })),
              { value: 'all', label: t('warningStateFilter.all') },
            ]}
            style={{ width: 130 }}
            data-testid="warning-filter-state"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('warnings.filterUnit')}
            value={query.unitId}
            onChange={(v: string | undefined) => update({ unitId: v })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            loading={units.isLoading}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="warning-filter-unit"
          />
          <Select
            allowClear
            placeholder={t('warnings.filterCategory')}
            value={query.categoryId}
            onChange={(v: string | undefined) => update({ categoryId: v })}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            loading={categories.isLoading}
            style={{ width: 180, maxWidth: '100%' }}
            data-testid="warning-filter-category"
          />
          <DatePicker
            picker="month"
            placeholder={t('warnings.filterMonth')}
            value={query.month ? dayjs(`${query.month}-01`) : null}
            onChange={(d: Dayjs | null) => update({ month: d ? d.format('YYYY-MM') : undefined })}
            style={{ width: 160 }}
            data-testid="warning-filter-month"
          />
          <DatePicker
            placeholder={t('warnings.filterAsOf')}
            value={query.asOf ? dayjs(query.asOf) : null}
            onChange={(d: Dayjs | null) => update({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
            style={{ width: 150 }}
            data-testid="warning-filter-as-of"
          />
          {hasFilter ? (
            <Button
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
              data-testid="warning-filter-reset"
            >
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
      </Card>

      <Row gutter={[12, 12]} data-testid="warning-counts">
        {(['light', 'card'] as const).flatMap((kind) =>
          (['yellow', 'red'] as const).map((colour) => (
            <Col xs={12} md={6} key={`${kind}-${colour}`}>
              <CountCard
                kind={kind}
                colour={colour}
                value={data?.open[kind][colour]}
                loading={summary.isPending}
                selected={query.kind === kind && query.colour === colour}
                onClick={() => pick(kind, colour)}
              />
            </Col>
          )),
        )}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('warnings.byMonth')} size="small" data-testid="warning-by-month">
            {series.months.length > 0 ? (
              <TrendChart
                categories={series.months}
                height={phone ? 240 : 300}
                series={[
                  {
                    name: t('warningBadge.light.yellow'),
                    type: 'bar',
                    stack: 'lights',
                    data: series.yellowLights,
                    color: COLOUR_HEX.yellow,
                  },
                  {
                    name: t('warningBadge.light.red'),
                    type: 'bar',
                    stack: 'lights',
                    data: series.redLights,
                    color: COLOUR_HEX.red,
                  },
                  {
                    name: t('warningBadge.card.yellow'),
                    type: 'bar',
                    stack: 'cards',
                    data: series.yellowCards,
                    color: '#d48806',
                  },
                  {
                    name: t('warningBadge.card.red'),
                    type: 'bar',
                    stack: 'cards',
                    data: series.redCards,
                    color: '#a8071a',
                  },
                  { name: t('warnings.cleared'), type: 'line', data: series.cleared, color: '#52c41a' },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('warnings.noMonths')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('warnings.byUnit')}
            size="small"
            styles={{ body: { padding: 0 } }}
            data-testid="warning-by-unit"
          >
            <Table<UnitRow>
              rowKey="unitId"
              size="small"
              loading={summary.isPending}
              columns={unitColumns}
              dataSource={byUnit}
              pagination={byUnit.length > 20 ? { pageSize: 20, size: 'small' } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('warnings.noUnits') }}
            />
          </Card>
        </Col>
      </Row>

      <Card
        title={t('warnings.listTitle')}
        extra={
          <Tag data-testid="warning-list-total" data-total={list.data?.total ?? ''}>
            {t('common.total', { total: list.data?.total ?? 0 })}
          </Tag>
        }
      >
        {list.isError ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <WarningTable
          warnings={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={pagination}
          today={list.data?.asOf}
        />
      </Card>
    </PageContainer>
  );
}
