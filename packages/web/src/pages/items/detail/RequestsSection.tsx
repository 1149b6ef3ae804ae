// Extension and adjustment requests of the item: the unit manager asks, the task force decides.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsApi } from '../../../api/services';
import type { ItemDetail, RequestKind, RequestStatus, RequestView } from '../../../api/types';
import { useAuth } from '../../../auth/context';
import ReasonModal from '../../../components/ReasonModal';
import { tDynamic } from '../../../i18n';
import { formatShortDateTime } from '../../../utils/format';
import { useItemRefresh } from './ItemActions';
import RequestModal from './RequestModal';

const STATUS_COLORS: Record<RequestStatus, string> = {
  pending: 'gold',
  approved: 'success',
  refused: 'error',
};
const REQUESTABLE: readonly string[] = ['accepted', 'in_progress'];

function ChangesSummary({ request, item }: { request: RequestView; item: ItemDetail }) {
  const { t } = useTranslation();
  const rows: string[] = [];
  if (request.proposedDueDate) rows.push(t('requests.toDueDate', { date: request.proposedDueDate }));
  const changes = request.proposedChanges ?? {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'milestones' && Array.isArray(value)) {
      for (const m of value as { id?: string; title?: string; plannedDate?: string }[]) {
        const before = item.milestones.find((x) => x.id === m.id);
        if (!before || before.plannedDate !== m.plannedDate || request.status !== 'pending')
          rows.push(t('requests.milestoneTo', { title: m.title ?? '', date: m.plannedDate ?? '' }));
      }
    } else {
      rows.push(
        `${tDynamic(`itemForm.${key}`, key)}：${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      );
    }
  }
  if (rows.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {rows.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

export default function RequestsSection({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, access } = useAuth();
  const refresh = useItemRefresh();
  const [asking, setAsking] = useState<RequestKind | null>(null);
  const [deciding, setDeciding] = useState<{ request: RequestView; approve: boolean } | null>(null);
  const pending = item.requests.some((r) => r.status === 'pending');
  const canAsk =
    user.roles.includes('unit_manager') &&
    item.access.relation === 'lead' &&
    REQUESTABLE.includes(item.status) &&
    !pending;
  const canDecide = access.itemsEdit;

  const decide = useMutation({
    mutationFn: ({ request, approve, reason }: { request: RequestView; approve: boolean; reason: string }) =>
      itemsApi.decide(item.id, request.id, approve, reason || null),
    onSuccess: async (updated, { approve }) => {
      void message.success(approve ? t('requests.approved') : t('requests.refused'));
      await refresh(updated);
    },
  });

  return (
    <Card
      size="small"
      title={t('itemDetail.requests')}
      data-testid="requests-section"
      extra={
        canAsk ? (
          <Flex gap={8} wrap>
            <Button size="small" onClick={() => setAsking('extension')} data-testid="request-extension">
              {t('requests.askExtension')}
            </Button>
            <Button size="small" onClick={() => setAsking('adjustment')} data-testid="request-adjustment">
              {t('requests.askAdjustment')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {item.requests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.none')} />
      ) : (
        <Flex vertical gap={12}>
          {item.requests.map((r) => (
            <Card
              key={r.id}
              size="small"
              type="inner"
              data-testid="request-card"
              title={
                <Flex wrap gap={6} align="center" style={{ padding: '4px 0' }}>
                  <Typography.Text strong>{t(`requestKind.${r.kind}`)}</Typography.Text>
                  <Tag color={STATUS_COLORS[r.status]}>{t(`requestStatus.${r.status}`)}</Tag>
                </Flex>
              }
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'by',
                    label: t('requests.requestedBy'),
                    children: `${r.requestedBy} · ${formatShortDateTime(r.requestedAt)}`,
                  },
                  {
                    key: 'reason',
                    label: t('common.reason'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>,
                  },
                  {
                    key: 'changes',
                    label: t('requests.changes'),
                    children: <ChangesSummary request={r} item={item} />,
                  },
                  ...(r.decidedAt
                    ? [
                        {
                          key: 'decided',
                          label: t('requests.decidedBy'),
                          children: `${r.decidedBy ?? ''} · ${formatShortDateTime(r.decidedAt)}${
                            r.decisionReason ? ` · ${r.decisionReason}` : ''
                          }`,
                        },
                      ]
                    : []),
                ]}
              />
              {canDecide && r.status === 'pending' ? (
                <Flex gap={8} justify="flex-end" wrap>
                  <Button
                    danger
                    onClick={() => setDeciding({ request: r, approve: false })}
                    data-testid="request-refuse"
                  >
                    {t('requests.refuse')}
                  </Button>
                  <Button
                    type="primary"
                    onClick={() => setDeciding({ request: r, approve: true })}
                    data-testid="request-approve"
                  >
                    {t('requests.approve')}
                  </Button>
                </Flex>
              ) : null}
            </Card>
          ))}
        </Flex>
      )}
      {asking ? <RequestModal item={item} kind={asking} onClose={() => setAsking(null)} /> : null}
      {deciding ? (
        <ReasonModal
          title={deciding.approve ? t('requests.approveTitle') : t('requests.refuseTitle')}
          required={!deciding.approve}
          danger={!deciding.approve}
          okText={deciding.approve ? t('requests.approve') : t('requests.refuse')}
          onSubmit={(reason) => decide.mutateAsync({ ...deciding, reason })}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </Card>
  );
}
