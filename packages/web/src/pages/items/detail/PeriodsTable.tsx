// Reporting periods of an item with their deadlines (flagged when estimated for a year without holiday data),
// the report in force and what the caller can do for each.
import { Alert, Button, Card, Flex, Grid, List, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ItemDetail, PeriodView } from '../../../api/types';
import type { ReactNode } from 'react';
import { ReportStatusTag } from '../../../components/StatusTags';
import { currentLocale } from '../../../i18n';
import { errorText } from '../../../utils/errors';
import { estimatedYears, periodLabel } from '../../../utils/period';

const REPORTING: readonly string[] = ['accepted', 'in_progress', 'completion_requested'];
const EDITABLE: readonly string[] = ['draft', 'returned'];

interface Props {
  item: ItemDetail;
  periods: PeriodView[] | undefined;
  loading: boolean;
  error: unknown;
}

export default function PeriodsTable({ item, periods, loading, error }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const canWrite = item.access.canReport && REPORTING.includes(item.status);
  const years = estimatedYears(periods ?? []);
  const today = item.progress.asOf;

  const phone = Grid.useBreakpoint().md === false;
  const sorted = [...(periods ?? [])].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));

  const deadlineCell = (p: PeriodView) => (
    <Flex wrap gap={4} align="center">
      <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.deadline}</Typography.Text>
      {p.deadlineEstimated ? (
        <Tooltip title={t('periods.estimatedTip', { years: p.deadline.slice(0, 4) })}>
          <Tag color="warning" data-testid="period-estimated">
            {t('periods.estimated')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );

  const reportCell = (p: PeriodView) => (
    <Flex wrap gap={4} align="center">
      {p.report ? (
        <>
          <ReportStatusTag status={p.report.status} />
          {p.report.version > 1 ? <Tag>{t('report.version', { version: p.report.version })}</Tag> : null}
          {p.report.late ? <Tag color="error">{t('report.lateShort')}</Tag> : null}
        </>
      ) : p.start <= today ? (
        <Typography.Text type="secondary">{t('periods.notReported')}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('periods.notBegun')}</Typography.Text>
      )}
      {p.overdue ? (
        <Tag color="error" data-testid="period-overdue">
          {t('periods.overdue')}
        </Tag>
      ) : null}
    </Flex>
  );

  const actionCell = (p: PeriodView): ReactNode => {
    if (!canWrite) return null;
    if (!p.report && p.start <= today)
      return (
        <Button
          type="primary"
          size="small"
          onClick={() => void navigate(`/items/${item.id}/reports/new?period=${encodeURIComponent(p.key)}`)}
          data-testid={`period-fill-${p.key}`}
        >
          {t('periods.fill')}
        </Button>
      );
    if (p.report && EDITABLE.includes(p.report.status))
      return (
        <Button
          size="small"
          onClick={() => void navigate(`/reports/${p.report!.id}/edit`)}
          data-testid={`period-edit-${p.key}`}
        >
          {p.report.status === 'returned' ? t('periods.revise') : t('periods.continue')}
        </Button>
      );
    return null;
  };

  const columns: TableColumnsType<PeriodView> = [
    {
      title: t('periods.period'),
      dataIndex: 'key',
      width: 130,
      render: (key: string, p) => (
        <Flex vertical>
          <Typography.Text strong>{periodLabel(key, locale)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.start} ~ {p.end}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('periods.deadline'), key: 'deadline', width: 150, render: (_: unknown, p) => deadlineCell(p) },
    { title: t('periods.report'), key: 'report', width: 190, render: (_: unknown, p) => reportCell(p) },
    { title: t('common.actions'), key: 'actions', width: 110, render: (_: unknown, p) => actionCell(p) },
  ];

  return (
    <Card size="small" title={t('itemDetail.periods')} data-testid="periods-card">
      {years.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('periods.estimatedBanner', { years: years.join(locale.startsWith('zh') ? '、' : ', ') })}
          data-testid="periods-estimated-banner"
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      {phone ? (
        <List
          size="small"
          loading={loading}
          dataSource={sorted}
          rowKey="key"
          pagination={sorted.length > 12 ? { pageSize: 12, size: 'small', align: 'center' } : false}
          data-testid="periods-table"
          renderItem={(p) => (
            <List.Item style={{ paddingInline: 0 }} extra={actionCell(p)}>
              <Flex vertical gap={4}>
                <Typography.Text strong>{periodLabel(p.key, locale)}</Typography.Text>
                <Flex wrap gap={4} align="center">
                  <Typography.Text type="secondary">{t('periods.deadline')}</Typography.Text>
                  {deadlineCell(p)}
                </Flex>
                {reportCell(p)}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<PeriodView>
          rowKey="key"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={sorted}
          pagination={sorted.length > 12 ? { pageSize: 12, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          data-testid="periods-table"
        />
      )}
    </Card>
  );
}
