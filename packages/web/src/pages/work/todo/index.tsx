// The to-do list (/todo). A unit: reports due (deadline, overdue, fill in), items to accept (签收), reports
// waiting for the manager's approval. The task force: the review queue, pending requests, completion requests
// and the county's counts. Each part shows only when the server sends it (it follows the caller's roles).
import { CheckOutlined, FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Popconfirm,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { itemsApi, queryKeys, reportsApi, todoApi } from '../../../api/services';
import type { Todo, TodoItemToAccept, TodoReportDue } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import { ReportStatusTag } from '../../../components/StatusTags';
import { currentLocale } from '../../../i18n';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { formatShortDateTime } from '../../../utils/format';
import { periodLabel } from '../../../utils/period';
import ReportCard from '../../reports/shared/ReportCard';

function ReportsDue({ rows }: { rows: TodoReportDue[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { access } = useAuth();
  const locale = currentLocale();
  const sorted = [...rows].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('todo.reportsDue')}
          <Badge count={rows.length} showZero color={rows.some((r) => r.overdue) ? 'red' : 'blue'} />
        </Flex>
      }
      data-testid="todo-reports-due"
    >
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noReportsDue')} />
      ) : (
        <List
          dataSource={sorted}
          rowKey={(r) => `${r.itemId}:${r.periodKey}`}
          renderItem={(r) => (
            <List.Item
              data-testid="todo-report-due"
              actions={
                access.reportsWrite
                  ? [
                      <Button
                        key="fill"
                        type={r.overdue ? 'primary' : 'default'}
                        danger={r.overdue}
                        icon={<FormOutlined />}
                        onClick={() =>
                          void navigate(
                            r.reportId
                              ? `/reports/${r.reportId}/edit`
                              : `/items/${r.itemId}/reports/new?period=${encodeURIComponent(r.periodKey)}`,
                          )
                        }
                        data-testid="todo-fill"
                      >
                        {r.reportId ? t('periods.continue') : t('periods.fill')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Link to={`/items/${r.itemId}?tab=reports`}>
                    {r.itemNumber} {r.itemTitle}
                  </Link>
                }
                description={
                  <Flex wrap gap={4} align="center">
                    <Typography.Text>{periodLabel(r.periodKey, locale)}</Typography.Text>
                    <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
                      {t('todo.deadline', { date: r.deadline })}
                    </Typography.Text>
                    {r.overdue ? (
                      <Tag color="error" data-testid="todo-overdue">
                        {t('todo.overdueDays', { days: r.workingDays })}
                      </Tag>
                    ) : (
                      <Tag color={r.workingDays <= 1 ? 'warning' : 'default'}>
                        {t('todo.daysLeft', { days: r.workingDays })}
                      </Tag>
                    )}
                    {r.deadlineEstimated ? <Tag color="warning">{t('periods.estimated')}</Tag> : null}
                    {r.reportStatus ? <ReportStatusTag status={r.reportStatus} /> : null}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function ItemsToAccept({ rows }: { rows: TodoItemToAccept[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: (itemId: string) => itemsApi.transition(itemId, 'accept'),
    onSuccess: async (item) => {
      void message.success(t('itemAction.accept.done'));
      queryClient.setQueryData(queryKeys.item(item.id), item);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.todo }),
        queryClient.invalidateQueries({ queryKey: queryKeys.items }),
      ]);
    },
  });
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('todo.itemsToAccept')}
          <Badge count={rows.length} showZero color="blue" />
        </Flex>
      }
      data-testid="todo-items-to-accept"
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noItemsToAccept')} />
      ) : (
        <List
          dataSource={rows}
          rowKey="itemId"
          renderItem={(r) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="accept"
                  title={t('itemAction.accept.confirm', { number: r.itemNumber })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => accept.mutateAsync(r.itemId).catch(onError)}
                >
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    loading={accept.isPending && accept.variables === r.itemId}
                    data-testid="todo-accept"
                  >
                    {t('itemAction.accept')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Link to={`/items/${r.itemId}`}>
                    {r.itemNumber} {r.itemTitle}
                  </Link>
                }
                description={
                  <Flex wrap gap={8}>
                    <span>{t('todo.dueDate', { date: r.dueDate })}</span>
                    {r.assignedAt ? (
                      <span>{t('todo.assignedAt', { time: formatShortDateTime(r.assignedAt) })}</span>
                    ) : null}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function PendingApprovals({ count }: { count: number }) {
  const { t } = useTranslation();
  const query = { status: 'pending_approval' as const, page: 1, pageSize: 20 };
  const list = useQuery({
    queryKey: queryKeys.reportList(query),
    queryFn: ({ signal }) => reportsApi.list(query, signal),
    enabled: count > 0,
  });
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('todo.pendingApprovals')}
          <Badge count={count} showZero color="gold" />
        </Flex>
      }
      data-testid="todo-pending-approvals"
    >
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noPendingApprovals')} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={8}>
          {list.data?.items.map((r) => (
            <ReportCard key={r.id} report={r} showItem compact />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function SupervisorPart({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const c = todo.county;
  return (
    <>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Card
            size="small"
            hoverable
            onClick={() => void navigate('/reviews')}
            data-testid="todo-review-queue"
          >
            <Statistic title={t('todo.reviewQueue')} value={todo.reviewQueue ?? c?.reviewQueue ?? 0} />
          </Card>
        </Col>
        {c ? (
          <>
            <Col xs={12} md={8} xl={5}>
              <Card size="small">
                <Statistic title={t('todo.requestsPending')} value={c.requestsPending} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Card size="small">
                <Statistic title={t('todo.completionRequests')} value={c.completionRequests} />
              </Card>
            </Col>
            <Col xs={12} md={12} xl={5}>
              <Card size="small" hoverable onClick={() => void navigate('/items?status=assigned')}>
                <Statistic title={t('todo.itemsAwaitingAcceptance')} value={c.itemsAwaitingAcceptance} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Card size="small">
                <Statistic
                  title={t('todo.reportsOverdue')}
                  value={c.reportsOverdue}
                  styles={{ content: c.reportsOverdue > 0 ? { color: '#cf1322' } : undefined }}
                />
              </Card>
            </Col>
          </>
        ) : null}
      </Row>
      {todo.requestsPending ? (
        <Card size="small" title={t('todo.requestsPending')} data-testid="todo-requests">
          {todo.requestsPending.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noRequests')} />
          ) : (
            <List
              dataSource={todo.requestsPending}
              rowKey="requestId"
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <Link key="go" to={`/items/${r.itemId}?tab=requests`} data-testid="todo-request-link">
                      {t('todo.decide')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Link to={`/items/${r.itemId}?tab=requests`}>
                        {r.itemNumber} {r.itemTitle}
                      </Link>
                    }
                    description={`${t(`requestKind.${r.kind}`)} · ${r.leadUnitName} · ${formatShortDateTime(r.requestedAt)}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : null}
      {todo.completionRequests ? (
        <Card size="small" title={t('todo.completionRequests')} data-testid="todo-completions">
          {todo.completionRequests.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.noCompletions')} />
          ) : (
            <List
              dataSource={todo.completionRequests}
              rowKey="itemId"
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <Link key="go" to={`/items/${r.itemId}`}>
                      {t('todo.decide')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Link to={`/items/${r.itemId}`}>
                        {r.itemNumber} {r.itemTitle}
                      </Link>
                    }
                    description={`${r.leadUnitName}${r.requestedAt ? ` · ${formatShortDateTime(r.requestedAt)}` : ''}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : null}
    </>
  );
}

export default function TodoPage() {
  const { t } = useTranslation();
  const todo = useQuery({ queryKey: queryKeys.todo, queryFn: ({ signal }) => todoApi.get(signal) });
  const data = todo.data;
  const unitPart = data && (data.reportsDue || data.itemsToAccept || data.pendingApprovals !== undefined);
  const supervisorPart =
    data && (data.reviewQueue !== undefined || data.requestsPending || data.completionRequests);

  return (
    <PageContainer
      title={t('todo.title')}
      subTitle={data ? t('todo.asOf', { date: data.asOf }) : undefined}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void todo.refetch()} loading={todo.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      {todo.isError ? <Alert type="error" showIcon title={errorText(todo.error)} /> : null}
      {todo.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {data?.readOnly && !unitPart && !supervisorPart ? (
        <Alert type="info" showIcon title={t('todo.readOnly')} />
      ) : null}
      {supervisorPart ? <SupervisorPart todo={data} /> : null}
      {unitPart ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ReportsDue rows={data.reportsDue ?? []} />
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              {data.itemsToAccept ? <ItemsToAccept rows={data.itemsToAccept} /> : null}
              {data.pendingApprovals !== undefined ? (
                <PendingApprovals count={data.pendingApprovals} />
              ) : null}
            </Flex>
          </Col>
        </Row>
      ) : null}
    </PageContainer>
  );
}
