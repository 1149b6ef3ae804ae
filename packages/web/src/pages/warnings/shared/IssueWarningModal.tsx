// A supervisor's manual warning from a spot check (抽查): a light on an item or a card on a unit, with its colour,
// reason and (optionally) the working days given to rectify. POST /api/warnings.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { queryKeys } from '../../../api/services';
import type { Colour, WarningKind } from '../../../api/warnings';
import { warningKeys, warningsApi } from '../../../api/warnings';
import { ColourBadge } from '../../../components/WarningTags';
import { errorText } from '../../../utils/errors';

interface Values {
  colour: Colour;
  reason: string;
  rectifyWorkingDays: number | null;
}

const FIELDS = ['colour', 'reason', 'rectifyWorkingDays'] as const;

export default function IssueWarningModal({
  kind,
  itemId,
  unitId,
  subject,
  onClose,
}: {
  kind: WarningKind;
  itemId?: string;
  unitId?: string;
  /** what is warned, for the dialog's text (item number and title, or the unit's name) */
  subject: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  const issue = useMutation({
    mutationFn: (v: Values) =>
      warningsApi.issue({
        kind,
        colour: v.colour,
        ...(kind === 'light' ? { itemId } : { unitId }),
        reason: v.reason.trim(),
        ...(typeof v.rectifyWorkingDays === 'number' ? { rectifyWorkingDays: v.rectifyWorkingDays } : {}),
      }),
    onSuccess: async (w) => {
      void message.success(t('issueWarning.done'));
      queryClient.setQueryData(warningKeys.detail(w.id), w);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: warningKeys.all, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      ]);
      onClose();
      void navigate(`/warnings/${w.id}`);
    },
    onError: (e) => {
      setFailure(null);
      const field = e instanceof ApiError ? FIELDS.find((f) => f === e.field) : undefined;
      if (field && e instanceof ApiError) form.setFields([{ name: field, errors: [e.message] }]);
      else setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open
      title={t(kind === 'light' ? 'issueWarning.titleLight' : 'issueWarning.titleCard')}
      okText={t('issueWarning.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'issue-warning-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={issue.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ colour: 'yellow', reason: '', rectifyWorkingDays: null }}
        onFinish={(v) => {
          setFailure(null);
          issue.mutate(v);
        }}
        data-testid="issue-warning-form"
      >
        <p>{t('issueWarning.subject', { subject })}</p>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="colour" label={t('warnings.colour')} rules={[{ required: true }]}>
          <Radio.Group data-testid="issue-warning-colour">
            <Radio value="yellow">
              <ColourBadge kind={kind} colour="yellow" />
            </Radio>
            <Radio value="red">
              <ColourBadge kind={kind} colour="red" />
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('issueWarning.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="issue-warning-reason" />
        </Form.Item>
        <Form.Item
          name="rectifyWorkingDays"
          label={t('issueWarning.rectifyWorkingDays')}
          extra={t(kind === 'light' ? 'issueWarning.defaultDaysLight' : 'issueWarning.defaultDaysCard')}
        >
          <InputNumber
            min={0}
            max={366}
            precision={0}
            style={{ width: 160 }}
            data-testid="issue-warning-days"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
