// The published revisions of a month, newest first, each with what changed from the one before: the units whose
// score or rank moved, from → to. A recomputation is never a silent change (PRODUCT.md, running index).
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  runningIndexApi,
  runningIndexKeys,
  type RevisionView,
  type UnitDiff,
} from '../../../api/running-index';
import type { MessageKey } from '../../../locales/zh-CN';
import { errorText } from '../../../utils/errors';
import { formatShortDateTime } from '../../../utils/format';
import { formatPoints } from '../model';

const arrow = (from: string, to: string) => `${from} → ${to}`;

/** The default model's component ids, named by their method; another model's own ids are shown as they are. */
const METHOD_OF: Record<string, string> = {
  progress: 'progress',
  indicators: 'indicators',
  timeliness: 'timeliness',
  serviceRating: 'service_rating',
};

/** What moved inside a unit's score: components (and their items) and deductions or commendations, from → to. */
function DiffDetail({ unit }: { unit: UnitDiff }) {
  const { t } = useTranslation();
  const componentName = (id: string) =>
    METHOD_OF[id] ? t(`runningIndex.method.${METHOD_OF[id]}` as MessageKey) : id;
  return (
    <Flex vertical gap={4} style={{ fontSize: 12 }} data-testid="revision-diff-detail">
      {unit.components.map((c) => (
        <div key={c.id}>
          <Typography.Text strong>{componentName(c.id)}</Typography.Text>{' '}
          {arrow(formatPoints(c.before?.points), formatPoints(c.after?.points))}
          {c.items.map((i) => (
            <div key={i.itemId} style={{ paddingInlineStart: 16 }}>
              <Link to={`/items/${encodeURIComponent(i.itemId)}`}>{i.number}</Link>{' '}
              {arrow(formatPoints(i.before?.points), formatPoints(i.after?.points))}
            </div>
          ))}
        </div>
      ))}
      {unit.entries.map((e) => (
        <div key={`${e.source}-${e.id}`}>
          <Typography.Text strong>
            {t(`runningIndex.revisions.source.${e.source}` as MessageKey)}
          </Typography.Text>{' '}
          {arrow(formatPoints(e.before), formatPoints(e.after))}
        </div>
      ))}
    </Flex>
  );
}

function DiffTable({ units }: { units: UnitDiff[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<UnitDiff> = [
    { title: t('runningIndex.unit'), dataIndex: 'name', width: 120 },
    {
      title: t('runningIndex.revisions.change'),
      dataIndex: 'change',
      width: 90,
      render: (c: UnitDiff['change']) => <Tag>{t(`runningIndex.revisions.change.${c}` as MessageKey)}</Tag>,
    },
    {
      title: t('runningIndex.score'),
      key: 'score',
      width: 150,
      render: (_: unknown, u) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {arrow(formatPoints(u.totalBefore), formatPoints(u.totalAfter))}
          {u.delta !== null && u.delta !== 0 ? (
            <Typography.Text type={u.delta > 0 ? 'success' : 'danger'}>
              {' '}
              ({formatPoints(u.delta, true)})
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('runningIndex.rank'),
      key: 'rank',
      width: 90,
      render: (_: unknown, u) => arrow(String(u.rankBefore ?? '—'), String(u.rankAfter ?? '—')),
    },
    {
      title: t('runningIndex.revisions.parts'),
      key: 'parts',
      width: 150,
      render: (_: unknown, u) =>
        t('runningIndex.revisions.partsCount', {
          components: u.components.length,
          entries: u.entries.length,
        }),
    },
  ];
  return (
    <Table<UnitDiff>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={units}
      expandable={{
        expandedRowRender: (u) => <DiffDetail unit={u} />,
        rowExpandable: (u) => u.components.length + u.entries.length > 0,
      }}
      pagination={false}
      scroll={{ x: 640 }}
      onRow={(u) => ({ 'data-testid': 'revision-diff-row', 'data-unit': u.name }) as object}
    />
  );
}

function RevisionCard({ rev, latest }: { rev: RevisionView; latest: boolean }) {
  const { t } = useTranslation();
  const diff = rev.diff;
  return (
    <Card
      size="small"
      data-testid="index-revision"
      data-revision={rev.revision}
      title={
        <Flex gap={8} wrap align="center">
          {t('runningIndex.revisions.revision', { revision: rev.revision })}
          {latest ? <Tag color="green">{t('runningIndex.revisions.current')}</Tag> : null}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t('runningIndex.revisions.meta', {
            at: formatShortDateTime(rev.publishedAt),
            knownOn: rev.knownOn,
            model: rev.modelVersion,
          })}
        </Typography.Text>
        {diff === null ? (
          <Typography.Text>{t('runningIndex.revisions.first')}</Typography.Text>
        ) : diff.units.length === 0 ? (
          <Typography.Text data-testid="revision-unchanged">
            {diff.modelVersionBefore !== diff.modelVersionAfter
              ? t('runningIndex.revisions.modelOnly', {
                  before: diff.modelVersionBefore ?? '—',
                  after: diff.modelVersionAfter ?? '—',
                })
              : t('runningIndex.revisions.noChange')}
          </Typography.Text>
        ) : (
          <>
            <Typography.Text>
              {t('runningIndex.revisions.summary', { changed: diff.units.length, unchanged: diff.unchanged })}
            </Typography.Text>
            <DiffTable units={diff.units} />
          </>
        )}
      </Flex>
    </Card>
  );
}

export default function RevisionsSection({ month }: { month: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: runningIndexKeys.revisions(month),
    queryFn: ({ signal }) => runningIndexApi.revisions(month, signal),
  });
  if (list.isError) return <Alert type="error" showIcon title={errorText(list.error)} />;
  if (list.isPending) return <Card loading size="small" />;
  if (list.data.items.length === 0)
    return <Empty description={t('runningIndex.revisions.none')} data-testid="index-revisions-empty" />;
  return (
    <Flex vertical gap={12} data-testid="index-revisions">
      {list.data.items.map((rev, i) => (
        <RevisionCard key={rev.id} rev={rev} latest={i === 0} />
      ))}
    </Flex>
  );
}
