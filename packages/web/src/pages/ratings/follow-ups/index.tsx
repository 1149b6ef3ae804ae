// Follow-ups of low ratings (评议回应): a rating of 2 or lower in any dimension waits for the rated unit's answer
// (its manager answers here) and is closed by the task force. Cards rather than a table: unit managers answer on
// their phones.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import PageContainer from '../../../components/PageContainer';
import type { MessageKey } from '../../../locales/zh-CN';
import { errorText } from '../../../utils/errors';
import { FOLLOW_UP_STATES, ratingKeys, ratingsApi, type FollowUpQuery, type FollowUpState } from '../api';
import { RatingCard } from '../shared';
import ExportButton from '../../../components/ExportButton';

type Filter = FollowUpState | 'all';

export default function FollowUpsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const query: FollowUpQuery = { status: status === 'all' ? undefined : status, page, pageSize };
  const list = useQuery({
    queryKey: ratingKeys.followUps(query),
    queryFn: ({ signal }) => ratingsApi.followUps(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <PageContainer
      title={t('followUps.title')}
      subTitle={t('followUps.subtitle')}
      extra={
        <ExportButton
          path="/ratings/follow-ups/export.xlsx"
          fallbackName="benpao-follow-ups.xlsx"
          query={query}
        />
      }
    >
      <Card>
        <Flex vertical gap={12}>
          <Segmented<Filter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              ...FOLLOW_UP_STATES.map((s) => ({ value: s, label: t(`followUpState.${s}` as MessageKey) })),
              { value: 'all' as const, label: t('followUps.all') },
            ]}
            data-testid="follow-ups-status"
          />
          {list.isPending ? <Skeleton active /> : null}
          {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
          {list.data && list.data.items.length === 0 ? <Empty description={t('followUps.empty')} /> : null}
          {list.data?.items.map((r) => (
            <RatingCard key={r.id} rating={r} />
          ))}
          {list.data && list.data.total > pageSize ? (
            <Pagination
              align="end"
              current={page}
              pageSize={pageSize}
              total={list.data.total}
              onChange={setPage}
              showTotal={(total) => t('common.total', { total })}
            />
          ) : null}
        </Flex>
      </Card>
    </PageContainer>
  );
}
