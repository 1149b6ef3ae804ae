// Each ranking category (赛马: towns race towns, departments race departments): its bars and its table — rank,
// unit, score, change of rank since last month, and the red and black boards. A unit opens its score card.
import { Button, Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CategoryRanking, MonthResult } from '../../../api/running-index';
import { currentLocale } from '../../../i18n';
import { chartBars, formatPoints, rankingRows, type RankingRow } from '../model';
import { RankingBars } from './RankingBars';
import { BoardTag, RankChange } from './shared';

export const scoreCardPath = (unitId: string, month: string) =>
  `/running-index/units/${encodeURIComponent(unitId)}?month=${month}`;

function CategoryCard({
  result,
  category,
  ownUnitId,
}: {
  result: MonthResult;
  category: CategoryRanking;
  ownUnitId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => rankingRows(result, category), [result, category]);
  const ranked = rows.filter((r) => r.rank !== null);
  const unscored = rows.length - ranked.length;
  const bars = useMemo(() => chartBars(rows), [rows]);

  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('runningIndex.rank'),
      dataIndex: 'rank',
      width: 64,
      render: (rank: number | null) =>
        rank === null ? '—' : <Typography.Text strong>{rank}</Typography.Text>,
    },
    {
      title: t('runningIndex.unit'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Flex gap={4} wrap align="center">
          <Link to={scoreCardPath(r.unitId, result.month)} data-testid="index-unit-link">
            {name}
          </Link>
          {r.unitId === ownUnitId ? <Tag color="blue">{t('runningIndex.ownUnit')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('runningIndex.score'),
      dataIndex: 'total',
      width: 84,
      render: (total: number | null) =>
        total === null ? (
          <Typography.Text type="secondary">{t('runningIndex.notScored')}</Typography.Text>
        ) : (
          <span data-testid="index-score">{formatPoints(total)}</span>
        ),
    },
    {
      title: t('runningIndex.rankChange'),
      dataIndex: 'rankChange',
      width: 92,
      render: (v: number | null) => <RankChange value={v} />,
    },
    {
      title: t('runningIndex.board'),
      dataIndex: 'board',
      width: 80,
      render: (mark: RankingRow['board']) => <BoardTag mark={mark} />,
    },
  ];

  return (
    <Card
      size="small"
      title={category.name[currentLocale()] ?? category.categoryId}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('runningIndex.rankedCount', { ranked: ranked.length, total: rows.length })}
        </Typography.Text>
      }
      data-testid="index-category"
      data-category={category.categoryId}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {bars.names.length > 0 ? (
            <RankingBars
              names={bars.names}
              totals={bars.totals}
              marks={bars.marks}
              onSelect={(i) => {
                const unitId = bars.unitIds[i];
                if (unitId) void navigate(scoreCardPath(unitId, result.month));
              }}
            />
          ) : (
            <Typography.Text type="secondary">{t('runningIndex.noneRanked')}</Typography.Text>
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Table<RankingRow>
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={showAll ? rows : ranked}
            pagination={false}
            scroll={{ x: 420 }}
            locale={{ emptyText: t('runningIndex.noneRanked') }}
            onRow={(r) => ({ 'data-testid': 'index-row', 'data-unit': r.name }) as object}
          />
          {unscored > 0 ? (
            <Button
              type="link"
              size="small"
              onClick={() => setShowAll((v) => !v)}
              style={{ paddingInline: 0 }}
            >
              {showAll ? t('runningIndex.hideUnscored') : t('runningIndex.showUnscored', { count: unscored })}
            </Button>
          ) : null}
        </Col>
      </Row>
    </Card>
  );
}

export default function RankingSection({
  result,
  ownUnitId,
}: {
  result: MonthResult;
  ownUnitId: string | null;
}) {
  const { t } = useTranslation();
  if (result.categories.length === 0)
    return <Typography.Text type="secondary">{t('runningIndex.noneRanked')}</Typography.Text>;
  return (
    <Flex vertical gap={16}>
      {result.categories.map((c) => (
        <CategoryCard key={c.categoryId} result={result} category={c} ownUnitId={ownUnitId} />
      ))}
    </Flex>
  );
}
