// The forms of a warning's lifecycle, one modal each, offered exactly as the server's `actions` allow:
// rectification (整改, the warned unit), re-check (复查, the task force: 灭灯/摘牌 or not yet), appeal (申诉, the
// unit's manager), the decision on an appeal, and a consequence (通报、约谈、扣分). The server's 400/409 messages
// (already in the UI language) show in the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { queryKeys } from '../../../api/services';
import type { Consequence, WarningAction, WarningDetail } from '../../../api/warnings';
import { CONSEQUENCES, warningKeys, warningsApi } from '../../../api/warnings';
import { errorText } from '../../../utils/errors';

interface Values {
  text?: string;
  passed?: boolean;
  upheld?: boolean;
  type?: Consequence;
}

/** The form field that carries the free text of each action (and that the server names in its errors). */
const TEXT_FIELD: Record<WarningAction, 'text' | 'note' | 'reason'> = {
  rectify: 'text',
  recheck: 'note',
  appeal: 'reason',
  decide_appeal: 'reason',
  consequence: 'note',
};

export function useWarningRefresh() {
  const queryClient = useQueryClient();
  return (w: WarningDetail) => {
    queryClient.setQueryData(warningKeys.detail(w.id), w);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: warningKeys.all,
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== w.id,
      }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    ]);
  };
}

export default function ActionModal({
  warning,
  action,
  onClose,
}: {
  warning: WarningDetail;
  action: WarningAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const refresh = useWarningRefresh();
  const [failure, setFailure] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (v: Values) => {
      const text = (v.text ?? '').trim();
      switch (action) {
        case 'rectify':
          return warningsApi.rectify(warning.id, text);
        case 'recheck':
          return warningsApi.recheck(warning.id, v.passed === true, text);
        case 'appeal':
          return warningsApi.appeal(warning.id, text);
        case 'decide_appeal':
          return warningsApi.decideAppeal(warning.id, v.upheld === true, text);
        case 'consequence':
          return warningsApi.consequence(warning.id, v.type ?? 'bulletin', text);
      }
    },
    onSuccess: async (updated) => {
      void message.success(t(`warningAction.${action}.done`));
      await refresh(updated);
      onClose();
    },
    onError: (e) => {
      setFailure(null);
      if (e instanceof ApiError && e.field && [TEXT_FIELD[action], 'text'].includes(e.field))
        form.setFields([{ name: 'text', errors: [e.message] }]);
      else setFailure(errorText(e));
    },
  });

  const subject = warning.itemNumber ?? warning.unitName;
  return (
    <Modal
      open
      title={t(`warningAction.${action}`)}
      okText={t(`warningAction.${action}.ok`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'warning-action-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ passed: true, upheld: false, type: 'bulletin', text: '' }}
        onFinish={(v) => {
          setFailure(null);
          send.mutate(v);
        }}
        data-testid={`warning-form-${action}`}
      >
        <p>{t(`warningAction.${action}.hint`, { subject })}</p>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 12 }}
            data-testid="warning-action-error"
          />
        ) : null}
        {action === 'recheck' ? (
          <Form.Item name="passed" label={t('warningAction.recheck.result')}>
            <Radio.Group data-testid="warning-recheck-passed">
              <Radio value={true}>{t('warningAction.recheck.passed')}</Radio>
              <Radio value={false}>{t('warningAction.recheck.failed')}</Radio>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {action === 'decide_appeal' ? (
          <Form.Item name="upheld" label={t('warningAction.decide_appeal.result')}>
            <Radio.Group data-testid="warning-appeal-upheld">
              <Radio value={true}>{t('warningAction.decide_appeal.upheld')}</Radio>
              <Radio value={false}>{t('warningAction.decide_appeal.rejected')}</Radio>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {action === 'consequence' ? (
          <Form.Item name="type" label={t('warningAction.consequence.type')} rules={[{ required: true }]}>
            <Select
              options={CONSEQUENCES.map((c) => ({ value: c, label: t(`consequence.${c}`) }))}
              data-testid="warning-consequence-type"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="text"
          label={t(`warningAction.${action}.text`)}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={action === 'rectify' || action === 'appeal' ? 4000 : 2000}
            showCount
            data-testid="warning-action-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
