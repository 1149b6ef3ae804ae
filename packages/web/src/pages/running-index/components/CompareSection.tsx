// This month against the one before (环比), per category: each unit's score then and now with the difference, and its
// rank then and now with the change (ranks compare within a category only).
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { runningIndexApi, runningIndexKeys, type MonthResult } from '../../../api/running-index';
import { currentLocale } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import { periodLabel } from '../../../utils/period';
import { compareMonths, formatPoints, previousMonthKey, type ComparisonRow } from '../model';
import { scoreCardPath } from './RankingSection';
import { RankChange } from './shared';

function Delta({ value }: { value: number | null }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text
      type={value > 0 ? 'success' : value < 0 ? 'danger' : 'secondary'}
      data-testid="score-delta"
    >
      {formatPoints(value, true)}
    </Typography.Text>
  );
}

export default function CompareSection({ result }: { result: MonthResult }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const prevKey = previousMonthKey(result.month);
  const previous = useQuery({
    queryKey: runningIndexKeys.month(prevKey),
    queryFn: ({ signal }) => runningIndexApi.month(prevKey, signal),
  });
  const rows = useMemo(
    () => (previous.data ? compareMonths(result, previous.data.result) : []),
    [result, previous.data],
  );
  const before = periodLabel(prevKey, locale);
  const after = periodLabel(result.month, locale);
  const columns: TableColumnsType<ComparisonRow> = [
    {
      title: t('runningIndex.unit'),
      dataIndex: 'name',
      width: 120,
      render: (name: string, r) => <Link to={scoreCardPath(r.unitId, result.month)}>{name}</Link>,
    },
    {
      title: t('runningIndex.compare.scoreIn', { month: before }),
      dataIndex: 'totalBefore',
      width: 96,
      render: (v: number | null) => formatPoints(v),
    },
    {
      title: t('runningIndex.compare.scoreIn', { month: after }),
      dataIndex: 'totalAfter',
      width: 96,
      render: (v: number | null) => formatPoints(v),
    },
    {
      title: t('runningIndex.compare.delta'),
      dataIndex: 'delta',
      width: 80,
      render: (v: number | null) => <Delta value={v} />,
    },
    {
      title: t('runningIndex.compare.rankIn', { month: before }),
      dataIndex: 'rankBefore',
      width: 90,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('runningIndex.compare.rankIn', { month: after }),
      dataIndex: 'rankAfter',
      width: 90,
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('runningIndex.rankChange'),
      dataIndex: 'rankChange',
      width: 92,
      render: (v: number | null) => <RankChange value={v} />,
    },
  ];
  if (previous.isError) return <Alert type="error" showIcon title={errorText(previous.error)} />;
  const byCategory = result.categories.map((c) => ({
    category: c,
    // scored in either month: a unit scored in neither has nothing to compare
    rows: rows.filter(
      (r) => r.categoryId === c.categoryId && (r.totalAfter !== null || r.totalBefore !== null),
    ),
  }));
  return (
    <Flex vertical gap={16} data-testid="index-compare">
      <Typography.Text type="secondary">
        {t('runningIndex.compare.hint', { before, after })}
        {previous.data && !previous.data.published ? ` ${t('runningIndex.compare.previousPreview')}` : ''}
      </Typography.Text>
      {byCategory.map(({ category, rows: list }) => (
        <Card size="small" key={category.categoryId} title={category.name[locale] ?? category.categoryId}>
          <Table<ComparisonRow>
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={list}
            loading={previous.isPending}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: t('runningIndex.noneRanked') }}
            onRow={(r) => ({ 'data-testid': 'compare-row', 'data-unit': r.name }) as object}
          />
        </Card>
      ))}
    </Flex>
  );
}
