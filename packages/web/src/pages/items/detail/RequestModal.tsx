// A unit manager's request on an item: an extension (延期, a later due date) or an adjustment (调整: milestone
// dates, the project's planned completion, the indicator's annual target), with a reason.
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { itemsApi } from '../../../api/services';
import type { ItemDetail, RequestCreate, RequestKind } from '../../../api/types';
import { useServerErrorHandler } from '../../../utils/errors';
import { useItemRefresh } from './ItemActions';

interface Values {
  reason: string;
  proposedDueDate: Dayjs | null;
  milestoneDates: Record<string, Dayjs | null>;
  plannedCompletion: Dayjs | null;
  annualTarget: number | null;
}

const ALIASES = { proposedChanges: 'reason' };

export default function RequestModal({
  item,
  kind,
  onClose,
}: {
  item: ItemDetail;
  kind: RequestKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const refresh = useItemRefresh();
  const onServerError = useServerErrorHandler(ALIASES);

  const send = useMutation({
    mutationFn: (v: Values) => {
      const body: RequestCreate = { kind, reason: v.reason.trim() };
      if (kind === 'extension') body.proposedDueDate = v.proposedDueDate?.format('YYYY-MM-DD') ?? null;
      else {
        const changes: NonNullable<RequestCreate['proposedChanges']> = {};
        const moved = item.milestones.some(
          (m) => v.milestoneDates[m.id] && v.milestoneDates[m.id]!.format('YYYY-MM-DD') !== m.plannedDate,
        );
        if (moved)
          changes.milestones = item.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            weight: m.weight,
            plannedDate: v.milestoneDates[m.id]?.format('YYYY-MM-DD') ?? m.plannedDate,
          }));
        if (item.kind === 'project' && v.plannedCompletion) {
          const date = v.plannedCompletion.format('YYYY-MM-DD');
          if (date !== item.plannedCompletion) changes.plannedCompletion = date;
        }
        if (
          item.kind === 'indicator' &&
          typeof v.annualTarget === 'number' &&
          v.annualTarget !== item.annualTarget
        )
          changes.annualTarget = v.annualTarget;
        body.proposedChanges = changes;
      }
      return itemsApi.request(item.id, body);
    },
    onSuccess: async (updated) => {
      void message.success(t('requests.sent'));
      await refresh(updated);
      onClose();
    },
    onError: (e) => onServerError(e, form),
  });

  return (
    <Modal
      open
      title={t(`requests.new.${kind}`)}
      okText={t('requests.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'request-send' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          reason: '',
          proposedDueDate: null,
          milestoneDates: Object.fromEntries(item.milestones.map((m) => [m.id, dayjs(m.plannedDate)])),
          plannedCompletion: item.plannedCompletion ? dayjs(item.plannedCompletion) : null,
          annualTarget: item.annualTarget,
        }}
        onFinish={(v) => send.mutate(v)}
        data-testid="request-form"
      >
        {kind === 'extension' ? (
          <Form.Item
            name="proposedDueDate"
            label={t('requests.proposedDueDate')}
            extra={t('requests.currentDue', { date: item.dueDate })}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: async (_, v: Dayjs | null) => {
                  if (v && v.format('YYYY-MM-DD') <= item.dueDate)
                    throw new Error(t('requests.mustBeLater', { date: item.dueDate }));
                },
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="request-due-date" />
          </Form.Item>
        ) : (
          <Flex vertical gap={0}>
            {item.milestones.length > 0 ? (
              <Typography.Text strong style={{ marginBottom: 8 }}>
                {t('requests.milestoneDates')}
              </Typography.Text>
            ) : null}
            {item.milestones.map((m) => (
              <Form.Item
                key={m.id}
                name={['milestoneDates', m.id]}
                label={m.title}
                style={{ marginBottom: 8 }}
              >
                <DatePicker style={{ width: '100%' }} disabled={!!m.doneDate} />
              </Form.Item>
            ))}
            {item.kind === 'project' ? (
              <Form.Item name="plannedCompletion" label={t('itemForm.plannedCompletion')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            ) : null}
            {item.kind === 'indicator' ? (
              <Form.Item name="annualTarget" label={t('itemForm.annualTarget')}>
                <InputNumber style={{ width: '100%' }} suffix={item.unitOfMeasure ?? undefined} />
              </Form.Item>
            ) : null}
          </Flex>
        )}
        <Form.Item
          name="reason"
          label={t('common.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="request-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
