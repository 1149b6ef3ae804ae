// Every version of the region's rule set, newest first: its status, who wrote and who activated it, and when.
// Supervisors can start a draft from any version, or activate a saved draft.
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleSetView } from '../../api/warnings';
import { formatShortDateTime } from '../../utils/format';

const STATUS_COLOR: Record<RuleSetView['status'], string> = {
  active: 'success',
  draft: 'processing',
  retired: 'default',
};

export default function VersionHistory({
  versions,
  loading,
  editable,
  editingFrom,
  onEdit,
  onActivate,
}: {
  versions: readonly RuleSetView[];
  loading: boolean;
  editable: boolean;
  editingFrom: number | null;
  onEdit: (v: RuleSetView) => void;
  onActivate: (v: RuleSetView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('rules.history')} size="small" data-testid="rule-history">
      <List
        loading={loading}
        dataSource={[...versions]}
        rowKey="id"
        renderItem={(v) => (
          <List.Item
            data-testid="rule-version"
            data-version={v.version}
            data-status={v.status}
            actions={
              editable
                ? [
                    <Button
                      key="edit"
                      size="small"
                      type="link"
                      onClick={() => onEdit(v)}
                      disabled={editingFrom === v.version}
                    >
                      {t('rules.editFrom')}
                    </Button>,
                    ...(v.status === 'draft'
                      ? [
                          <Button
                            key="activate"
                            size="small"
                            type="link"
                            onClick={() => onActivate(v)}
                            data-testid="rule-version-activate"
                          >
                            {t('rules.activate')}
                          </Button>,
                        ]
                      : []),
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text strong>{t('rules.version', { version: v.version })}</Typography.Text>
                <Tag color={STATUS_COLOR[v.status]} style={{ marginInlineEnd: 0 }}>
                  {t(`ruleSetStatus.${v.status}`)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rules.ruleCount', { count: v.rules.length })}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('rules.createdBy', {
                  at: formatShortDateTime(v.createdAt),
                  by: v.createdBy ?? t('rules.defaults'),
                })}
                {v.activatedAt
                  ? ` · ${t('rules.activatedBy', {
                      at: formatShortDateTime(v.activatedAt),
                      by: v.activatedBy ?? t('rules.defaults'),
                    })}`
                  : ''}
              </Typography.Text>
              {v.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v.note}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
