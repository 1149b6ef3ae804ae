// The warned unit's two forms of a card's rectification timetable (倒排时间表): plan or re-plan it (steps as
// working days before the deadline; the server dates them and keeps the steps already done), and mark a step done
// with a note. The server's 400/403/409 messages (already in the UI language) show in the form.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { TimetableStepView, WarningDetail } from '../../../api/warnings';
import { warningKeys, warningsApi } from '../../../api/warnings';
import { errorText, formHasPath } from '../../../utils/errors';
import { formPathOf } from '../../../utils/formPath';
import { MAX_TIMETABLE_STEPS, planBody, planRowsOf, type TimetablePlanRow } from '../../../utils/warnings';
import { useWarningRefresh } from './ActionModal';

/** After a 404 or 409 the page is behind (a step done in another tab, the card closed): read it again. */
function useCatchUp(id: string) {
  const queryClient = useQueryClient();
  return (e: unknown) => {
    if (e instanceof ApiError && (e.status === 404 || e.status === 409))
      void queryClient.invalidateQueries({ queryKey: warningKeys.detail(id) });
  };
}

function FormError({ text }: { text: string | null }) {
  return text ? (
    <Alert type="error" showIcon title={text} style={{ marginBottom: 12 }} data-testid="timetable-error" />
  ) : null;
}

export function PlanTimetableModal({ warning, onClose }: { warning: WarningDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ steps: TimetablePlanRow[] }>();
  const refresh = useWarningRefresh();
  const catchUp = useCatchUp(warning.id);
  const [failure, setFailure] = useState<string | null>(null);
  const doneCount = warning.timetable.filter((s) => s.doneDate !== null).length;
  const replan = warning.timetable.length > 0;

  const send = useMutation({
    mutationFn: (rows: TimetablePlanRow[]) => warningsApi.planTimetable(warning.id, planBody(rows)),
    onSuccess: async (updated) => {
      void message.success(t('timetable.saved'));
      await refresh(updated);
      onClose();
    },
    onError: (e) => {
      setFailure(null);
      catchUp(e);
      // A step's own field (`steps.2.title`) gets the message; the rest (403, 409, the list itself) on top.
      const path = e instanceof ApiError ? formPathOf(e.field, (p) => formHasPath(form, p)) : undefined;
      const [, row, field] = path ?? [];
      if (typeof row === 'number' && (field === 'title' || field === 'workingDaysBefore'))
        form.setFields([{ name: ['steps', row, field], errors: [errorText(e)] }]);
      else setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open
      width={640}
      title={t(replan ? 'timetable.replan' : 'timetable.plan')}
      okText={t('timetable.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'timetable-plan-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<{ steps: TimetablePlanRow[] }>
        form={form}
        layout="vertical"
        initialValues={{ steps: planRowsOf(warning.timetable) }}
        onFinish={(v) => {
          setFailure(null);
          send.mutate(v.steps);
        }}
        data-testid="timetable-plan-form"
      >
        <Typography.Paragraph>
          {t('timetable.planHint', { deadline: warning.rectifyBy })}
        </Typography.Paragraph>
        {doneCount > 0 ? (
          <Typography.Paragraph type="secondary">
            {t('timetable.keptDone', { n: doneCount })}
          </Typography.Paragraph>
        ) : null}
        <FormError text={failure} />
        <Form.List
          name="steps"
          rules={[
            {
              validator: async (_, rows: TimetablePlanRow[] | undefined) => {
                if (!rows || rows.length === 0) throw new Error(t('timetable.needOneStep'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex
                  key={field.key}
                  wrap
                  gap={8}
                  align="flex-start"
                  style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 8 }}
                  data-testid={`timetable-row-${index}`}
                >
                  <Typography.Text type="secondary" style={{ width: 20, paddingTop: 5 }}>
                    {index + 1}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[{ required: true, whitespace: true, message: t('timetable.stepTitleRequired') }]}
                    style={{ flex: '1 1 220px', marginBottom: 0, minWidth: 0 }}
                  >
                    <Input
                      maxLength={200}
                      placeholder={t('timetable.stepTitle')}
                      aria-label={t('timetable.stepTitle')}
                      data-testid={`timetable-title-${index}`}
                    />
                  </Form.Item>
                  <Flex gap={8} align="flex-start" style={{ marginInlineStart: 'auto' }}>
                    <Form.Item
                      name={[field.name, 'workingDaysBefore']}
                      rules={[{ required: true, message: t('timetable.workingDaysRequired') }]}
                      style={{ marginBottom: 0 }}
                    >
                      <InputNumber
                        min={0}
                        max={366}
                        precision={0}
                        suffix={t('timetable.daysSuffix')}
                        placeholder="0"
                        aria-label={t('timetable.workingDaysBefore')}
                        style={{ width: 200 }}
                        data-testid={`timetable-days-${index}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('timetable.removeStep')}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                      data-testid={`timetable-remove-${index}`}
                    />
                  </Flex>
                </Flex>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('timetable.zeroMeansDeadline')}
              </Typography.Text>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_TIMETABLE_STEPS}
                onClick={() => add({ title: '', workingDaysBefore: null })}
                data-testid="timetable-add"
              >
                {t('timetable.addStep')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function StepDoneModal({
  warning,
  step,
  onClose,
}: {
  warning: WarningDetail;
  step: TimetableStepView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const refresh = useWarningRefresh();
  const catchUp = useCatchUp(warning.id);
  const [failure, setFailure] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (note: string) => warningsApi.stepDone(warning.id, step.id, note.trim()),
    onSuccess: async (updated) => {
      void message.success(t('timetable.markedDone'));
      await refresh(updated);
      onClose();
    },
    onError: (e) => {
      setFailure(null);
      catchUp(e);
      if (e instanceof ApiError && e.field && ['note', 'body.note'].includes(e.field))
        form.setFields([{ name: 'note', errors: [e.message] }]);
      else setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open
      title={t('timetable.markDone')}
      okText={t('timetable.markDoneOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'timetable-done-ok' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={send.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<{ note: string }>
        form={form}
        layout="vertical"
        initialValues={{ note: '' }}
        onFinish={(v) => {
          setFailure(null);
          send.mutate(v.note);
        }}
        data-testid="timetable-done-form"
      >
        <p>{t('timetable.markDoneHint', { title: step.title, date: step.dueDate })}</p>
        <FormError text={failure} />
        <Form.Item
          name="note"
          label={t('timetable.note')}
          rules={[{ required: true, whitespace: true, message: t('timetable.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="timetable-done-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
