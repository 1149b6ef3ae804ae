// Key-indicator fields: measure, unit, direction, annual target, and the cumulative targets (year-to-date) per
// month or quarter of one year.
import { Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, TARGET_FREQUENCIES, type TargetFrequency } from '../../../api/types';
import { currentLocale } from '../../../i18n';
import { periodLabel } from '../../../utils/period';
import { emptyTargets, type TargetRow } from './formValues';

export default function IndicatorFieldsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<TargetRow[] | undefined>('targets', { form, preserve: true });
  const unit = Form.useWatch<string | undefined>('unitOfMeasure', form);
  const locale = currentLocale();

  const regenerate = (year: number | undefined, frequency: TargetFrequency | undefined) => {
    if (!year || !frequency) return;
    const old = new Map(
      ((form.getFieldValue('targets') as TargetRow[] | undefined) ?? []).map((r) => [r.periodKey, r.target]),
    );
    form.setFieldValue(
      'targets',
      emptyTargets(year, frequency).map((r) => ({ ...r, target: old.get(r.periodKey) ?? null })),
    );
  };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="measure"
            label={t('itemForm.measure')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input
              maxLength={200}
              placeholder={t('itemForm.measurePlaceholder')}
              data-testid="item-measure"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="unitOfMeasure"
            label={t('itemForm.unitOfMeasure')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input
              maxLength={32}
              placeholder={t('itemForm.unitPlaceholder')}
              data-testid="item-unit-of-measure"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="direction" label={t('itemForm.direction')}>
            <Select
              options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
              data-testid="item-direction"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="annualTarget"
            label={t('itemForm.annualTarget')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber style={{ width: '100%' }} suffix={unit} data-testid="item-annual-target" />
          </Form.Item>
        </Col>
      </Row>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('itemForm.cumulativeTargets')}</Typography.Text>
        <Form.Item name="targetFrequency" noStyle>
          <Select
            style={{ width: 140 }}
            options={TARGET_FREQUENCIES.map((f) => ({ value: f, label: t(`targetFrequency.${f}`) }))}
            onChange={(f: TargetFrequency) => regenerate(form.getFieldValue('targetYear') as number, f)}
            data-testid="item-target-frequency"
          />
        </Form.Item>
        <Form.Item name="targetYear" noStyle>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            suffix={t('itemForm.yearSuffix')}
            style={{ width: 120 }}
            onChange={(y) =>
              regenerate(
                typeof y === 'number' ? y : undefined,
                form.getFieldValue('targetFrequency') as TargetFrequency,
              )
            }
            data-testid="item-target-year"
          />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('itemForm.cumulativeHint')}
      </Typography.Paragraph>
      <Form.List name="targets">
        {(fields, _ops, { errors }) => (
          <>
            <Row gutter={[12, 0]} data-testid="targets-editor">
              {fields.map((field) => (
                <Col xs={12} sm={8} md={6} lg={4} key={field.key}>
                  <Form.Item
                    name={[field.name, 'target']}
                    label={periodLabel(rows?.[field.name]?.periodKey ?? '', locale)}
                  >
                    <InputNumber
                      style={{ width: '100%' }}
                      suffix={unit}
                      data-testid={`target-${field.name}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </>
  );
}
