// Planned vs actual as of the region's today, and the kind's own measures; the chart per period loads lazily.
import { Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, PeriodView, ReportView } from '../../../api/types';
import { TrendChart } from '../../../components/charts';
import { lagColor } from '../../../components/ProgressCompare';
import { currentLocale } from '../../../i18n';
import { formatWan } from '../../../utils/money';
import { formatPct, periodLabel } from '../../../utils/period';
import { indicatorSeries, investmentSeries, progressSeries } from '../../../utils/planActual';

interface Props {
  item: ItemDetail;
  periods: PeriodView[] | undefined;
  reports: ReportView[] | undefined;
}

const FEN_PER_WAN = 1_000_000;

export default function ProgressCard({ item, periods, reports }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const p = item.progress;
  const chartPeriods = [...(periods ?? [])]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((x) => ({ key: x.key, start: x.start, end: x.end }));
  const labels = chartPeriods.map((x) => periodLabel(x.key, locale));

  let chart = null;
  if (chartPeriods.length > 0 && reports) {
    if (item.kind === 'indicator') {
      const s = indicatorSeries(chartPeriods, item.targets, reports);
      chart = (
        <TrendChart
          categories={labels}
          yAxisName={item.unitOfMeasure ?? undefined}
          series={[
            { name: t('chart.target'), data: s.target, dashed: true, color: '#8c8c8c' },
            { name: t('chart.actualValue'), data: s.actual, type: 'bar', color: '#1f5fbf' },
          ]}
        />
      );
    } else {
      const s = progressSeries(
        { start: item.startDate, due: item.dueDate, milestones: item.milestones },
        chartPeriods,
        reports,
        p.asOf,
      );
      chart = (
        <TrendChart
          categories={labels}
          yAxisName="%"
          yMax={100}
          format={(v) => formatPct(v)}
          series={[
            { name: t('chart.planned'), data: s.planned, dashed: true, color: '#8c8c8c' },
            { name: t('chart.actual'), data: s.actual, color: '#1f5fbf' },
          ]}
        />
      );
    }
  }
  let investmentChart = null;
  if (item.kind === 'project' && chartPeriods.length > 0 && reports && item.monthlyPlan.length > 0) {
    const s = investmentSeries(chartPeriods, item.monthlyPlan, reports);
    investmentChart = (
      <TrendChart
        categories={labels}
        yAxisName={t('money.wan')}
        format={(v) => formatWan(Math.round(v * FEN_PER_WAN))}
        series={[
          {
            name: t('chart.plannedInvestment'),
            data: s.plannedFen.map((f) => f / FEN_PER_WAN),
            dashed: true,
            color: '#8c8c8c',
          },
          {
            name: t('chart.completedInvestment'),
            data: s.completedFen.map((f) => (f === null ? null : f / FEN_PER_WAN)),
            type: 'bar',
            color: '#722ed1',
          },
        ]}
      />
    );
  }

  return (
    <Card
      size="small"
      title={t('itemDetail.progress')}
      extra={<Typography.Text type="secondary">{t('itemDetail.asOf', { date: p.asOf })}</Typography.Text>}
      data-testid="item-progress"
    >
      <Row gutter={[16, 16]}>
        {item.kind === 'indicator' ? <IndicatorFigures item={item} /> : <ProgressFigures item={item} />}
        {p.investment ? (
          <Col xs={24}>
            <Typography.Text data-testid="item-investment">
              {t('itemDetail.investmentLatest', {
                completed: formatWan(p.investment.completedFen),
                planned: formatWan(p.investment.plannedToDateFen),
                rate: formatPct(p.investment.completionRatePct),
                annualRate: formatPct(p.investment.annualRatePct),
              })}
            </Typography.Text>
          </Col>
        ) : null}
      </Row>
      {chart ? <div style={{ marginTop: 16 }}>{chart}</div> : null}
      {investmentChart ? <div style={{ marginTop: 16 }}>{investmentChart}</div> : null}
    </Card>
  );
}

function ProgressFigures({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const p = item.progress;
  return (
    <>
      <Col xs={12} md={6}>
        <Statistic title={t('progress.planned')} value={formatPct(p.planned)} suffix="%" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('progress.actual')}
          value={formatPct(p.actual)}
          suffix="%"
          valueRender={(node) => <span data-testid="item-actual">{node}</span>}
        />
      </Col>
      <Col xs={24} md={12}>
        <Flex vertical gap={4}>
          <Progress percent={Math.min(100, p.actual)} success={{ percent: 0 }} showInfo={false} />
          <Flex wrap gap={6}>
            {p.lag > 0 ? (
              <Tag color={lagColor(p.lag) ?? 'default'} data-testid="item-lag">
                {t('progress.lag', { lag: formatPct(p.lag) })}
              </Tag>
            ) : (
              <Tag color="success">{t('progress.onTrack')}</Tag>
            )}
            {p.overdue ? <Tag color="error">{t('items.overdue')}</Tag> : null}
          </Flex>
        </Flex>
      </Col>
    </>
  );
}

/** Indicators are judged by their value against the cumulative target, not by a time-based plan. */
function IndicatorFigures({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ind = item.progress.indicator;
  const unit = item.unitOfMeasure ?? '';
  if (!ind)
    return (
      <Col xs={24}>
        <Typography.Text type="secondary">{t('itemDetail.noIndicatorValue')}</Typography.Text>
      </Col>
    );
  return (
    <>
      <Col xs={12} md={6}>
        <Statistic
          title={t('itemDetail.latestValue', { period: periodLabel(ind.periodKey, locale) })}
          value={ind.actual}
          suffix={unit}
          valueRender={(node) => <span data-testid="item-indicator-actual">{node}</span>}
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('itemDetail.target')} value={ind.target} suffix={unit} />
      </Col>
      <Col xs={24} md={12}>
        <Flex vertical gap={4}>
          <Typography.Text>
            {t('itemDetail.attainment', { pct: formatPct(ind.attainmentPct) })}
          </Typography.Text>
          <Flex wrap gap={6}>
            <Tag color={ind.met ? 'success' : 'warning'} data-testid="item-indicator-met">
              {ind.met ? t('itemDetail.targetMet') : t('itemDetail.targetMissed')}
            </Tag>
            {item.direction ? <Tag>{t(`direction.${item.direction}`)}</Tag> : null}
            {item.progress.overdue ? <Tag color="error">{t('items.overdue')}</Tag> : null}
          </Flex>
        </Flex>
      </Col>
    </>
  );
}
