// Region settings (/admin/settings, sys_admin): whether unit reports need the unit manager's approval, how many
// working days before a deadline reminders go out, the largest evidence file, and — in a demo region only — the
// day the region lives on. Moving that day on makes the warning engine live through the days in between, so every
// page's data changes with it: all cached queries are refetched after a save.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Skeleton, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionSettings } from '../../../api/hooks';
import { http } from '../../../api/client';
import type { Settings } from '../../../api/types';
import { MB, settingsPatch, type Values } from './form';
import PageContainer from '../../../components/PageContainer';
import { errorText, useErrorHandler } from '../../../utils/errors';

const FIELDS = ['reportApprovalRequired', 'reminderDaysBefore', 'evidenceMaxBytes', 'demoToday'];

export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const settings = useRegionSettings();

  useEffect(() => {
    if (!settings.data) return;
    form.setFieldsValue({
      reportApprovalRequired: settings.data.reportApprovalRequired,
      reminderDaysBefore: settings.data.reminderDaysBefore,
      evidenceMaxMb: Math.round((settings.data.evidenceMaxBytes / MB) * 10) / 10,
      demoToday: settings.data.demoToday ? dayjs(settings.data.demoToday) : null,
    });
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (patch: Partial<Settings>) => http.patch<Settings>('/settings', patch),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      // "Today" may have moved: every list, count and colour may be different now.
      await queryClient.invalidateQueries();
    },
    onError: (e) => {
      // The evidence limit is edited in MB; its errors belong on that field.
      const f = e as { field?: string };
      if (f.field === 'evidenceMaxBytes') form.setFields([{ name: 'evidenceMaxMb', errors: [errorText(e)] }]);
      else onError(e, form, FIELDS);
    },
  });

  return (
    <PageContainer title={t('settings.title')}>
      <Card style={{ maxWidth: 640 }}>
        {settings.isPending ? (
          <Skeleton active />
        ) : settings.isError ? (
          <Alert type="error" showIcon title={errorText(settings.error)} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            data-testid="settings-form"
            onFinish={(v) => {
              const patch = settingsPatch(settings.data, v);
              if (Object.keys(patch).length === 0) void message.info(t('settings.unchanged'));
              else save.mutate(patch);
            }}
          >
            <Form.Item
              name="reportApprovalRequired"
              label={t('settings.reportApprovalRequired')}
              extra={t('settings.reportApprovalRequiredHint')}
              valuePropName="checked"
            >
              <Switch data-testid="settings-approval" />
            </Form.Item>
            <Form.Item
              name="reminderDaysBefore"
              label={t('settings.reminderDaysBefore')}
              extra={t('settings.reminderDaysBeforeHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0} max={10} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="evidenceMaxMb"
              label={t('settings.evidenceMaxMb')}
              extra={t('settings.evidenceMaxMbHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0.1} max={200} step={1} style={{ width: 160 }} addonAfter="MB" />
            </Form.Item>
            {settings.data.demoToday !== null ? (
              <Form.Item
                name="demoToday"
                label={t('settings.demoToday')}
                extra={t('settings.demoTodayHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker allowClear={false} data-testid="settings-demo-today" />
              </Form.Item>
            ) : null}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
