// Milestones (节点) of an item: title, planned date, weight; the running sum of weights must reach 100.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { weightSum, type MilestoneRow } from './formValues';

export default function MilestonesEditor({ disabledDoneIds }: { disabledDoneIds?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<MilestoneRow[] | undefined>('milestones', { form, preserve: true });
  const sum = weightSum(rows);
  const complete = Math.abs(sum - 100) < 1e-6;
  // The list's own rule runs when rows are added or removed, not when a weight is typed: re-run it as the sum
  // changes, so that an error about an earlier sum ("now 60") does not stay under a total of 100.
  useEffect(() => {
    if (form.getFieldError('milestones').length > 0)
      form.validateFields(['milestones']).catch(() => undefined);
  }, [form, sum]);

  return (
    <Form.List
      name="milestones"
      rules={[
        {
          validator: async (_, value: MilestoneRow[] | undefined) => {
            if (value && value.length > 0 && Math.abs(weightSum(value) - 100) >= 1e-6)
              throw new Error(t('itemForm.weightsMustBe100', { sum: weightSum(value) }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="milestones-editor">
          {fields.length === 0 ? (
            <Typography.Text type="secondary">{t('itemForm.noMilestones')}</Typography.Text>
          ) : null}
          {fields.map((field, index) => {
            const id = rows?.[field.name]?.id;
            return (
              <Flex
                key={field.key}
                wrap
                gap={8}
                align="flex-start"
                style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 8 }}
                data-testid={`milestone-row-${index}`}
              >
                <Typography.Text type="secondary" style={{ width: 20, paddingTop: 5 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'title']}
                  rules={[
                    { required: true, whitespace: true, message: t('itemForm.milestoneTitleRequired') },
                  ]}
                  style={{ flex: '1 1 200px', marginBottom: 0, minWidth: 0 }}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('itemForm.milestoneTitle')}
                    data-testid={`milestone-title-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'plannedDate']}
                  rules={[{ required: true, message: t('itemForm.milestoneDateRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker
                    placeholder={t('itemForm.milestoneDate')}
                    style={{ width: 140 }}
                    data-testid={`milestone-date-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'weight']}
                  rules={[{ required: true, message: t('itemForm.milestoneWeightRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber
                    min={0.01}
                    max={100}
                    step={5}
                    placeholder={t('itemForm.milestoneWeight')}
                    suffix="%"
                    style={{ width: 110 }}
                    data-testid={`milestone-weight-${index}`}
                  />
                </Form.Item>
                {id && disabledDoneIds?.has(id) ? <Tag color="success">{t('milestone.done')}</Tag> : null}
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('itemForm.removeMilestone')}
                  onClick={() => remove(field.name)}
                  data-testid={`milestone-remove-${index}`}
                />
              </Flex>
            );
          })}
          <Flex wrap gap={8} align="center" justify="space-between">
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', plannedDate: null, weight: null })}
              data-testid="milestone-add"
            >
              {t('itemForm.addMilestone')}
            </Button>
            {fields.length > 0 ? (
              <Typography.Text type={complete ? 'success' : 'danger'} data-testid="milestone-weight-sum">
                {t('itemForm.weightSum', { sum })}
              </Typography.Text>
            ) : null}
          </Flex>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
