// Every lifecycle transition of the item, oldest first: who, when, from → to, why.
import { Card, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../api/types';
import { tDynamic } from '../../../i18n';
import { formatShortDateTime } from '../../../utils/format';

export default function HistoryTimeline({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s ? tDynamic(`itemStatus.${s}`, s) : '—');
  return (
    <Card size="small" title={t('itemDetail.history')} data-testid="item-history">
      <Timeline
        items={item.transitions.map((tr) => ({
          key: tr.id,
          color: tr.action === 'cancel' || tr.action === 'send_back' ? 'red' : 'blue',
          content: (
            <Flex vertical gap={2}>
              <Typography.Text>
                <Typography.Text strong>{tDynamic(`itemAction.${tr.action}`, tr.action)}</Typography.Text>
                {' · '}
                {status(tr.fromStatus)} → {status(tr.toStatus)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatShortDateTime(tr.at)} · {tr.actorName ?? t('audit.system')}
              </Typography.Text>
              {tr.reason ? (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                  {t('itemDetail.reasonText', { reason: tr.reason })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
