// Add or edit one webhook. The secret is write-only: the field starts empty and an empty field keeps what is set.
// Server validation errors land on the field they name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../utils/errors';
import { createBody, initialValues, isWebhookUrl, patchBody, type WebhookFormValues } from './form';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS, webhookKeys, webhooksApi, type Webhook } from './service';

const FIELDS = ['name', 'format', 'url', 'secret', 'events', 'active'];

interface Props {
  webhook: Webhook | null;
  onClose: () => void;
}

export default function WebhookFormModal({ webhook, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebhookFormValues>();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const isNew = webhook === null;
  const format = Form.useWatch('format', form) ?? webhook?.format ?? 'dingtalk';
  const clearSecret = Form.useWatch('clearSecret', form) ?? false;

  const save = useMutation({
    mutationFn: (values: WebhookFormValues) =>
      isNew ? webhooksApi.create(createBody(values)) : webhooksApi.update(webhook.id, patchBody(values)),
    onSuccess: async () => {
      void message.success(isNew ? t('common.created') : t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      onClose();
    },
    onError: (e) => onError(e, form, FIELDS),
  });

  return (
    <Modal
      open
      title={isNew ? t('webhooks.create') : t('webhooks.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<WebhookFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(webhook)}
        onFinish={(values) => save.mutate(values)}
        autoComplete="off"
        data-testid="webhook-form"
      >
        <Form.Item
          name="name"
          label={t('webhooks.name')}
          rules={[{ required: true, whitespace: true, message: t('webhooks.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('webhooks.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="format"
          label={t('webhooks.format')}
          extra={isNew ? undefined : t('webhooks.formatFixed')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            disabled={!isNew}
            options={WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`webhooks.format.${f}`) }))}
            data-testid="webhook-format"
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t(`webhooks.urlHint.${format}`)}
          rules={[
            { required: true, whitespace: true, message: t('webhooks.urlRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isWebhookUrl(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('webhooks.urlInvalid'))),
            },
          ]}
        >
          <Input maxLength={1000} inputMode="url" data-testid="webhook-url" />
        </Form.Item>
        {format === 'dingtalk' ? (
          <>
            <Form.Item
              name="secret"
              label={t('webhooks.secret')}
              extra={t('webhooks.secretHint')}
              rules={[{ max: 200, message: t('webhooks.secretTooLong') }]}
            >
              <Input.Password
                maxLength={200}
                autoComplete="new-password"
                disabled={clearSecret}
                placeholder={webhook?.hasSecret ? t('webhooks.secretKeep') : t('webhooks.secretNone')}
                data-testid="webhook-secret"
              />
            </Form.Item>
            {webhook?.hasSecret ? (
              <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -8 }}>
                <Checkbox>{t('webhooks.clearSecret')}</Checkbox>
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Form.Item
          name="events"
          label={t('webhooks.events')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') }]}
        >
          <Checkbox.Group
            options={WEBHOOK_EVENT_TYPES.map((e) => ({ value: e, label: t(`webhooks.event.${e}`) }))}
            data-testid="webhook-events"
          />
        </Form.Item>
        <Form.Item name="active" label={t('webhooks.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
