// Coloured status tags of items and reports, the same everywhere.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemKind, ItemStatus, ReportStatus } from '../api/types';

const ITEM_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  completion_requested: 'gold',
  completed: 'success',
  cancelled: 'default',
};

const REPORT_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  pending_approval: 'gold',
  submitted: 'processing',
  returned: 'error',
  accepted: 'success',
};

const KIND_COLORS: Record<ItemKind, string> = { work: 'geekblue', project: 'purple', indicator: 'magenta' };

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ITEM_COLORS[status] ?? 'default'} data-testid="item-status" data-status={status}>
      {t(`itemStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REPORT_COLORS[status] ?? 'default'} data-testid="report-status" data-status={status}>
      {t(`reportStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ItemKindTag({ kind }: { kind: ItemKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{t(`itemKind.${kind}`, { defaultValue: kind })}</Tag>;
}
