// Every report of the item, newest period first; earlier versions of a period (corrections, 更正) folded.
import { Alert, Card, Collapse, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, ReportView } from '../../../api/types';
import { errorText } from '../../../utils/errors';
import ReportCard from '../../reports/shared/ReportCard';

interface Props {
  item: ItemDetail;
  reports: ReportView[] | undefined;
  loading: boolean;
  error: unknown;
}

export default function ReportsSection({ item, reports, loading, error }: Props) {
  const { t } = useTranslation();
  const byPeriod = new Map<string, ReportView[]>();
  for (const r of reports ?? []) byPeriod.set(r.periodKey, [...(byPeriod.get(r.periodKey) ?? []), r]);
  const groups = [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([key, list]) => {
      const sorted = [...list].sort((a, b) => b.version - a.version);
      return { key, latest: sorted[0]!, older: sorted.slice(1) };
    });

  return (
    <Card size="small" title={t('itemDetail.reports')} loading={loading} data-testid="reports-section">
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {groups.length === 0 && !error ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('itemDetail.noReports')} />
      ) : null}
      <Flex vertical gap={12}>
        {groups.map((g) => (
          <Flex vertical gap={4} key={g.key}>
            <ReportCard report={g.latest} unitOfMeasure={item.unitOfMeasure} />
            {g.older.length > 0 ? (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'older',
                    label: t('itemDetail.olderVersions', { count: g.older.length }),
                    children: (
                      <Flex vertical gap={8}>
                        {g.older.map((r) => (
                          <ReportCard key={r.id} report={r} unitOfMeasure={item.unitOfMeasure} compact />
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            ) : null}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
