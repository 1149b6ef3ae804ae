// The task force's review queue (/reviews): submitted reports, oldest first as the server orders them; accept,
// or return with a reason; each links to its item.
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Pagination, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllUnits } from '../../../api/hooks';
import { queryKeys, reportsApi } from '../../../api/services';
import type { ReportQuery, ReportStatus } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import { errorText } from '../../../utils/errors';
import ReportCard from '../shared/ReportCard';

const STATUSES: ReportStatus[] = ['submitted', 'returned', 'accepted'];

export default function ReviewPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReportStatus>('submitted');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const units = useAllUnits();
  const query: ReportQuery = { status, unitId, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.reportList(query),
    queryFn: ({ signal }) => reportsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <PageContainer
      title={t('reviews.title')}
      subTitle={t('reviews.subtitle')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Card size="small">
        <Flex wrap gap={8}>
          <Select
            value={status}
            onChange={(v: ReportStatus) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({
              value: s,
              label: s === 'submitted' ? t('reviews.waiting') : t(`reportStatus.${s}`),
            }))}
            style={{ width: 160 }}
            data-testid="review-filter-status"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('items.filterUnit')}
            value={unitId}
            onChange={(v: string | undefined) => {
              setUnitId(v);
              setPage(1);
            }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="review-filter-unit"
          />
        </Flex>
      </Card>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Card>
          <Empty description={status === 'submitted' ? t('reviews.empty') : t('common.noData')} />
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="review-list">
          {list.data?.items.map((r) => (
            <ReportCard key={r.id} report={r} showItem />
          ))}
        </Flex>
      )}
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination
          align="end"
          current={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger
          pageSizeOptions={[10, 20, 50]}
          showTotal={(total) => t('common.total', { total })}
          onChange={(p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          }}
        />
      ) : null}
    </PageContainer>
  );
}
