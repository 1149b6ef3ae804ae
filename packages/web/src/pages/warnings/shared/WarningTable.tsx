// A list of warnings (the board's and a unit's dossier): colour badge, subject (item number and title, or the
// unit for cards), the explanation in the UI language, issued on, rectify by, state. A table on desks, a list of
// blocks on phones.
import { Flex, Grid, List, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WarningView } from '../../../api/warnings';
import { ColourBadge, WarningStateTag } from '../../../components/WarningTags';
import { currentLocale } from '../../../i18n';
import { inLocale, isOpen } from '../../../utils/warnings';

/** The paging both the table and the phone list understand. */
export interface Paging {
  current?: number;
  pageSize?: number;
  total?: number;
  showSizeChanger?: boolean;
  pageSizeOptions?: number[];
  showTotal?: (total: number) => string;
  onChange?: (page: number, pageSize: number) => void;
}

interface Props {
  warnings: readonly WarningView[];
  loading: boolean;
  pagination: false | Paging;
  /** the dossier is one unit's: no need to repeat it on every row */
  showUnit?: boolean;
  /** the day the rectification deadlines are compared with (the region's today, or the as-of day) */
  today?: string | undefined;
  testId?: string;
}

function Subject({ w, showUnit }: { w: WarningView; showUnit: boolean }) {
  if (w.kind === 'light' && w.itemId) {
    return (
      <Flex vertical gap={0} style={{ minWidth: 0 }}>
        <Typography.Text style={{ whiteSpace: 'normal' }}>
          <Link to={`/items/${w.itemId}`}>{w.itemNumber}</Link> {w.itemTitle}
        </Typography.Text>
        {showUnit ? (
          <Link to={`/warnings/units/${w.unitId}`} style={{ fontSize: 12 }}>
            {w.unitName}
          </Link>
        ) : null}
      </Flex>
    );
  }
  return <Link to={`/warnings/units/${w.unitId}`}>{w.unitName}</Link>;
}

function RectifyBy({ w, today }: { w: WarningView; today: string | undefined }) {
  const late = isOpen(w) && today !== undefined && w.rectifyBy < today;
  return late ? (
    <Typography.Text type="danger" data-testid="warning-rectify-late">
      {w.rectifyBy}
    </Typography.Text>
  ) : (
    <span>{w.rectifyBy}</span>
  );
}

export default function WarningTable({
  warnings,
  loading,
  pagination,
  showUnit = true,
  today,
  testId = 'warning-list',
}: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;

  if (phone) {
    return (
      <List<WarningView>
        loading={loading}
        dataSource={[...warnings]}
        rowKey="id"
        pagination={pagination ? { ...pagination, size: 'small', align: 'center' } : false}
        data-testid={testId}
        renderItem={(w) => (
          <List.Item
            style={{ paddingInline: 0, display: 'block' }}
            data-testid="warning-row"
            data-warning-id={w.id}
          >
            <Flex vertical gap={6}>
              <Flex wrap gap={4} align="center">
                <Link to={`/warnings/${w.id}`} data-testid="warning-link">
                  <ColourBadge kind={w.kind} colour={w.colour} />
                </Link>
                <WarningStateTag state={w.state} />
              </Flex>
              <Subject w={w} showUnit={showUnit} />
              <Link to={`/warnings/${w.id}`}>
                <Typography.Text style={{ whiteSpace: 'normal' }} data-testid="warning-explanation">
                  {inLocale(w.explanation, locale)}
                </Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('warnings.issuedOn')} {w.issuedOn} · {t('warnings.rectifyBy')}{' '}
                <RectifyBy w={w} today={today} />
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<WarningView> = [
    {
      title: t('warnings.colour'),
      key: 'badge',
      width: 90,
      render: (_: unknown, w) => (
        <Link to={`/warnings/${w.id}`} data-testid="warning-link">
          <ColourBadge kind={w.kind} colour={w.colour} />
        </Link>
      ),
    },
    {
      title: t('warnings.subject'),
      key: 'subject',
      width: 260,
      render: (_: unknown, w) => (
        <div style={{ maxWidth: 300 }}>
          <Subject w={w} showUnit={showUnit} />
        </div>
      ),
    },
    {
      title: t('warnings.explanation'),
      key: 'explanation',
      width: 380,
      render: (_: unknown, w) => (
        <div style={{ maxWidth: 420, minWidth: 240 }}>
          <Link to={`/warnings/${w.id}`}>
            <Typography.Text style={{ whiteSpace: 'normal' }} data-testid="warning-explanation">
              {inLocale(w.explanation, locale)}
            </Typography.Text>
          </Link>
        </div>
      ),
    },
    { title: t('warnings.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    {
      title: t('warnings.rectifyBy'),
      dataIndex: 'rectifyBy',
      width: 110,
      render: (_: unknown, w) => <RectifyBy w={w} today={today} />,
    },
    {
      title: t('warnings.state'),
      dataIndex: 'state',
      width: 100,
      render: (_: unknown, w) => <WarningStateTag state={w.state} />,
    },
  ];

  return (
    <Table<WarningView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...warnings]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={(w) => ({ 'data-testid': 'warning-row', 'data-warning-id': w.id }) as object}
    />
  );
}
