// The item's facts: responsibility, schedule, and the fields of its kind.
import { Card, Collapse, Descriptions, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../api/types';
import { currentLocale } from '../../../i18n';
import { formatWan } from '../../../utils/money';
import { periodLabel } from '../../../utils/period';

export default function Overview({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const wan = (fen: number | null) => (fen === null ? '—' : `${formatWan(fen)} ${t('money.wan')}`);

  const items: DescriptionsProps['items'] = [
    { key: 'number', label: t('items.number'), children: item.number },
    { key: 'urgency', label: t('itemForm.urgency'), children: t(`urgency.${item.urgency}`) },
    {
      key: 'basis',
      label: t('itemForm.basisType'),
      children: `${t(`basis.${item.basisType}`)}${item.basisText ? `：${item.basisText}` : ''}`,
    },
    { key: 'lead', label: t('items.leadUnit'), children: item.leadUnitName },
    {
      key: 'co',
      label: t('itemForm.coUnits'),
      children:
        item.coUnits.length > 0 ? item.coUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>) : t('common.none'),
    },
    { key: 'leader', label: t('items.leader'), children: item.leaderName ?? '—' },
    { key: 'range', label: t('itemDetail.period'), children: `${item.startDate} ~ ${item.dueDate}` },
    {
      key: 'frequency',
      label: t('itemForm.frequency'),
      children: t('itemDetail.frequencyDeadline', {
        frequency: t(`frequency.${item.frequency}`),
        days: item.deadlineWorkingDays,
      }),
    },
  ];
  if (item.kind === 'project') {
    items.push(
      { key: 'phase', label: t('itemForm.phase'), children: item.phase ? t(`phase.${item.phase}`) : '—' },
      {
        key: 'pstart',
        label: t('itemForm.plannedStart'),
        children: `${item.plannedStart ?? '—'}${item.actualStart ? ` (${t('itemForm.actualStart')} ${item.actualStart})` : ''}`,
      },
      { key: 'pdone', label: t('itemForm.plannedCompletion'), children: item.plannedCompletion ?? '—' },
      { key: 'total', label: t('itemForm.totalInvestment'), children: wan(item.totalInvestmentFen) },
      { key: 'annual', label: t('itemForm.annualPlan'), children: wan(item.annualPlanFen) },
    );
  }
  if (item.kind === 'indicator') {
    items.push(
      { key: 'measure', label: t('itemForm.measure'), children: item.measure ?? '—' },
      {
        key: 'direction',
        label: t('itemForm.direction'),
        children: item.direction ? t(`direction.${item.direction}`) : '—',
      },
      {
        key: 'annualTarget',
        label: t('itemForm.annualTarget'),
        children: item.annualTarget === null ? '—' : `${item.annualTarget} ${item.unitOfMeasure ?? ''}`,
      },
    );
  }
  if (item.description)
    items.push({
      key: 'description',
      label: t('itemForm.description'),
      span: 'filled',
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {item.description}
        </Typography.Paragraph>
      ),
    });

  return (
    <Card title={t('itemDetail.overview')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xxl: 3 }}
        items={items}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="item-overview"
      />
      {item.kind === 'project' && item.monthlyPlan.length > 0 ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'plan',
              label: t('itemForm.monthlyPlan'),
              children: (
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 2, md: 3 }}
                  items={item.monthlyPlan.map((m) => ({
                    key: m.month,
                    label: periodLabel(m.month, locale),
                    children: wan(m.fen),
                  }))}
                  data-testid="item-monthly-plan"
                />
              ),
            },
          ]}
        />
      ) : null}
      {item.kind === 'indicator' && item.targets.length > 0 ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'targets',
              label: t('itemForm.cumulativeTargets'),
              children: (
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 2, md: 3 }}
                  items={item.targets.map((x) => ({
                    key: x.periodKey,
                    label: periodLabel(x.periodKey, locale),
                    children: `${x.target} ${item.unitOfMeasure ?? ''}`,
                  }))}
                  data-testid="item-targets"
                />
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
