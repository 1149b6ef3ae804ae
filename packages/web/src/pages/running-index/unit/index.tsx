// A unit's score card (/running-index/units/:unitId?month=): its total and rank, each component with its points,
// weight and inputs and the items that made it (each linking to its item), the deductions (every light, card and
// admonition, linking to the warning), the commendations, and the twelve months' trend. "Why does this unit lead or
// lag?" answered down to the item.
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRegionToday } from '../../../api/hooks';
import {
  runningIndexApi,
  runningIndexKeys,
  type BonusEntry,
  type ComponentScore,
  type Contribution,
  type DeductionEntry,
  type UnitScore,
} from '../../../api/running-index';
import { TrendChart } from '../../../components/charts';
import PageContainer from '../../../components/PageContainer';
import { currentLocale } from '../../../i18n';
import type { MessageKey } from '../../../locales/zh-CN';
import { errorText } from '../../../utils/errors';
import { periodLabel } from '../../../utils/period';
import { BoardTag, MonthPicker, MonthStatus, RankChange } from '../components/shared';
import { formatPoints, isMonthKey, itemsOf, rankedInCategory } from '../model';

/** Inputs the domain names (compute.ts); any other is shown under its own key. */
const INPUT_KEYS = new Set([
  'items',
  'planned',
  'actual',
  'direction',
  'periodKey',
  'target',
  'floor',
  'satisfactory',
  'due',
  'onTime',
  'reportsDue',
  'reportsOnTime',
  'milestonesDue',
  'milestonesOnTime',
  'ratings',
  'meanRating',
  'minRatings',
  'categoryUnits',
]);

function useInputText() {
  const { t } = useTranslation();
  return (inputs: Record<string, string | number | null>) =>
    Object.entries(inputs)
      .map(([k, v]) => {
        const label = INPUT_KEYS.has(k) ? t(`runningIndex.input.${k}` as MessageKey) : k;
        const value =
          v === null ? '—' : k === 'direction' ? t(`direction.${String(v)}` as MessageKey) : String(v);
        return `${label} ${value}`;
      })
      .join(' · ');
}

function ComponentCard({ c }: { c: ComponentScore }) {
  const { t } = useTranslation();
  const inputText = useInputText();
  const columns: TableColumnsType<Contribution> = [
    {
      title: t('runningIndex.card.item'),
      dataIndex: 'title',
      render: (title: string, i) => (
        <Link to={`/items/${encodeURIComponent(i.itemId)}`} data-testid="card-item-link">
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {i.number}
          </Typography.Text>{' '}
          {title}
        </Link>
      ),
    },
    {
      title: t('runningIndex.card.value'),
      dataIndex: 'value',
      width: 80,
      render: (v: number | null, i) =>
        v !== null && i.counted !== v ? `${formatPoints(v)} → ${formatPoints(i.counted)}` : formatPoints(v),
    },
    {
      title: t('runningIndex.card.points'),
      dataIndex: 'points',
      width: 70,
      render: (p: number) => formatPoints(p),
    },
    {
      title: t('runningIndex.card.inputs'),
      dataIndex: 'inputs',
      width: 260,
      render: (inputs: Contribution['inputs']) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {inputText(inputs)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="card-component"
      data-component={c.id}
      title={
        <Flex gap={8} wrap align="center">
          {t(`runningIndex.method.${c.method}` as MessageKey)}
          <Tag color={c.handling === 'measured' ? 'blue' : 'default'}>
            {t(`runningIndex.handling.${c.handling}` as MessageKey)}
          </Tag>
        </Flex>
      }
      extra={
        <Typography.Text strong data-testid="card-component-points">
          {formatPoints(c.points)} / {formatPoints(c.max)}
        </Typography.Text>
      }
    >
      <Flex vertical gap={8}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { key: 'weight', label: t('runningIndex.card.weight'), children: formatPoints(c.weight) },
            {
              key: 'score',
              label: t('runningIndex.card.componentScore'),
              children: c.score === null ? '—' : formatPoints(c.score),
            },
            {
              key: 'inputs',
              label: t('runningIndex.card.inputs'),
              children: Object.keys(c.inputs).length ? inputText(c.inputs) : '—',
            },
          ]}
        />
        {c.items.length > 0 ? (
          <Table<Contribution>
            rowKey="itemId"
            size="small"
            columns={columns}
            dataSource={c.items}
            pagination={false}
            scroll={{ x: 600 }}
          />
        ) : null}
      </Flex>
    </Card>
  );
}

const REASON_COLOURS: Record<DeductionEntry['reason'], string> = {
  yellowLight: 'gold',
  redLight: 'red',
  yellowCard: 'orange',
  redCard: 'volcano',
  admonition: 'purple',
};

function Deductions({ score }: { score: UnitScore }) {
  const { t } = useTranslation();
  const items = useMemo(() => itemsOf(score), [score]);
  const columns: TableColumnsType<DeductionEntry> = [
    {
      title: t('runningIndex.card.reason'),
      dataIndex: 'reason',
      width: 100,
      render: (r: DeductionEntry['reason']) => (
        <Tag color={REASON_COLOURS[r]} data-testid="card-deduction-reason" data-reason={r}>
          {t(`runningIndex.deduction.${r}` as MessageKey)}
        </Tag>
      ),
    },
    { title: t('runningIndex.card.on'), dataIndex: 'on', width: 100 },
    {
      title: t('runningIndex.card.item'),
      dataIndex: 'itemId',
      render: (itemId: string | null) => {
        if (!itemId)
          return <Typography.Text type="secondary">{t('runningIndex.card.onUnit')}</Typography.Text>;
        const item = items.get(itemId);
        return (
          <Link to={`/items/${encodeURIComponent(itemId)}`}>
            {item ? `${item.number} ${item.title}` : t('runningIndex.card.openItem')}
          </Link>
        );
      },
    },
    {
      title: t('runningIndex.card.points'),
      dataIndex: 'points',
      width: 70,
      render: (p: number) => <Typography.Text type="danger">−{formatPoints(p)}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'why',
      width: 80,
      render: (_: unknown, d) =>
        d.source === 'warning' ? (
          <Link to={`/warnings/${encodeURIComponent(d.id)}`}>{t('runningIndex.card.why')}</Link>
        ) : null,
    },
  ];
  return (
    <Card
      size="small"
      title={t('runningIndex.card.deductions')}
      extra={<Typography.Text type="danger">−{formatPoints(score.deductionPoints)}</Typography.Text>}
      data-testid="card-deductions"
    >
      <Table<DeductionEntry>
        rowKey={(d) => `${d.source}-${d.id}`}
        size="small"
        columns={columns}
        dataSource={score.deductions}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('runningIndex.card.noDeductions') }}
        onRow={() => ({ 'data-testid': 'card-deduction' }) as object}
      />
    </Card>
  );
}

function Bonuses({ score }: { score: UnitScore }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BonusEntry> = [
    { title: t('runningIndex.bonus.reason'), dataIndex: 'reason' },
    { title: t('runningIndex.card.on'), dataIndex: 'on', width: 100 },
    {
      title: t('runningIndex.card.entered'),
      dataIndex: 'entered',
      width: 80,
      render: (p: number) => formatPoints(p, true),
    },
    {
      title: t('runningIndex.card.counted'),
      dataIndex: 'points',
      width: 80,
      render: (p: number) => <Typography.Text type="success">{formatPoints(p, true)}</Typography.Text>,
    },
  ];
  return (
    <Card
      size="small"
      title={t('runningIndex.card.bonuses')}
      extra={<Typography.Text type="success">{formatPoints(score.bonusPoints, true)}</Typography.Text>}
      data-testid="card-bonuses"
    >
      <Table<BonusEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={score.bonuses}
        pagination={false}
        scroll={{ x: 440 }}
        locale={{ emptyText: t('runningIndex.card.noBonuses') }}
      />
    </Card>
  );
}

function Trend({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const trend = useQuery({
    queryKey: runningIndexKeys.trend(unitId, year),
    queryFn: ({ signal }) => runningIndexApi.trend(unitId, year, signal),
  });
  return (
    <Card size="small" title={t('runningIndex.card.trend', { year })} data-testid="card-trend">
      {trend.isError ? <Alert type="error" showIcon title={errorText(trend.error)} /> : null}
      {trend.data ? (
        <Flex vertical gap={8}>
          <TrendChart
            categories={trend.data.months.map((m) => periodLabel(m.month, locale))}
            series={[{ name: t('runningIndex.score'), data: trend.data.months.map((m) => m.total) }]}
            yMax={100}
            height={240}
          />
          <Flex wrap gap={6}>
            {trend.data.months.map((m) => (
              <Tag key={m.month} color={m.published ? 'green' : 'default'} data-testid="card-trend-month">
                {periodLabel(m.month, locale)} ·{' '}
                {m.rank === null
                  ? t('runningIndex.notScored')
                  : t('runningIndex.rankOf', { rank: m.rank, ranked: m.ranked })}
                {m.published ? '' : ` · ${t('runningIndex.previewShort')}`}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}

export default function UnitScoreCardPage() {
  const { unitId = '' } = useParams();
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = useRegionToday();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = isMonthKey(asked) ? asked : today?.slice(0, 7);
  const view = useQuery({
    queryKey: runningIndexKeys.month(month ?? ''),
    queryFn: ({ signal }) => runningIndexApi.month(month!, signal),
    enabled: !!month,
  });
  const result = view.data?.result;
  const score = result?.scores.find((s) => s.unitId === unitId);
  const category = result?.categories.find((c) => c.categoryId === score?.categoryId);
  const ranked = result && score ? rankedInCategory(result, score.categoryId) : 0;
  const board = category
    ? category.top.some((e) => e.unitId === unitId)
      ? 'red'
      : category.bottom.some((e) => e.unitId === unitId)
        ? 'black'
        : null
    : null;

  return (
    <PageContainer
      title={score ? t('runningIndex.card.title', { unit: score.name }) : t('runningIndex.card.titlePlain')}
      subTitle={
        <Link to={`/running-index${month ? `?month=${month}` : ''}`}>{t('runningIndex.card.back')}</Link>
      }
      extra={
        <MonthPicker
          month={month}
          today={today}
          onChange={(m) => setParams(new URLSearchParams({ month: m }), { replace: true })}
        />
      }
    >
      {view.isError ? <Alert type="error" showIcon title={errorText(view.error)} /> : null}
      {view.data ? <MonthStatus view={view.data} /> : null}
      {!view.data && !view.isError ? <Card loading /> : null}
      {view.data && !score ? <Empty description={t('runningIndex.card.notInIndex')} /> : null}
      {score && result && month ? (
        <>
          <Card size="small" data-testid="card-summary">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={4}>
                <Statistic
                  title={t('runningIndex.card.total', { month: periodLabel(month, locale) })}
                  value={score.total === null ? '—' : formatPoints(score.total)}
                  data-testid="card-total"
                />
              </Col>
              <Col xs={12} md={5}>
                <Statistic
                  title={category ? (category.name[locale] ?? category.categoryId) : t('runningIndex.rank')}
                  value={
                    score.rank === null
                      ? t('runningIndex.notScored')
                      : t('runningIndex.rankOf', { rank: score.rank, ranked })
                  }
                  data-testid="card-rank"
                  data-rank={score.rank ?? undefined}
                />
                <BoardTag mark={board} />
              </Col>
              <Col xs={12} md={4}>
                <Typography.Text type="secondary">{t('runningIndex.rankChange')}</Typography.Text>
                <div style={{ fontSize: 20 }}>
                  <RankChange value={score.rankChange} />
                </div>
              </Col>
              <Col xs={12} md={11}>
                <Typography.Text type="secondary">{t('runningIndex.card.formula')}</Typography.Text>
                <div data-testid="card-formula">
                  {t('runningIndex.card.formulaValue', {
                    base: formatPoints(score.base),
                    deductions: formatPoints(score.deductionPoints),
                    bonuses: formatPoints(score.bonusPoints),
                    total: formatPoints(score.total),
                  })}
                </div>
              </Col>
            </Row>
            {!score.measured ? (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                showIcon
                title={t('runningIndex.card.notMeasured')}
              />
            ) : null}
          </Card>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('runningIndex.card.components')}
          </Typography.Title>
          <Flex vertical gap={12}>
            {Object.values(score.components).map((c) => (
              <ComponentCard key={c.id} c={c} />
            ))}
          </Flex>
          <Deductions score={score} />
          <Bonuses score={score} />
          <Trend unitId={unitId} year={Number(month.slice(0, 4))} />
        </>
      ) : null}
    </PageContainer>
  );
}
