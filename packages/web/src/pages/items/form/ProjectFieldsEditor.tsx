// Key-project fields: phase, planned start and completion, total and annual investment (万元 → fen exactly) and
// the monthly plan of one year, whose sum must equal the annual plan.
import { Alert, Button, Col, DatePicker, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_PHASES } from '../../../api/types';
import { currentLocale } from '../../../i18n';
import { formatWan, parseWanToFen } from '../../../utils/money';
import { periodLabel } from '../../../utils/period';
import { planSumFen, spreadEvenly, type PlanRow } from './formValues';
import MoneyInput from './MoneyInput';

export default function ProjectFieldsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const plan = Form.useWatch<PlanRow[] | undefined>('monthlyPlan', { form, preserve: true });
  const annualWan = Form.useWatch<string | undefined>('annualPlanWan', form);
  const planYear = Form.useWatch<number | undefined>('planYear', form);
  const annualFen = annualWan ? parseWanToFen(annualWan) : null;
  const sum = planSumFen(plan);
  const anyMonth = (plan ?? []).some((r) => r?.wan?.trim());
  const locale = currentLocale();

  const wanRule = (required: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) {
        if (required) throw new Error(t('itemForm.amountRequired'));
        return;
      }
      if (parseWanToFen(value) === null) throw new Error(t('itemForm.amountInvalid'));
    },
  });

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="phase" label={t('itemForm.phase')}>
            <Select
              options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
              data-testid="item-phase"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="plannedStart"
            label={t('itemForm.plannedStart')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="item-planned-start" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="plannedCompletion"
            label={t('itemForm.plannedCompletion')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="item-planned-completion" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="actualStart" label={t('itemForm.actualStart')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="totalInvestmentWan"
            label={t('itemForm.totalInvestment')}
            rules={[wanRule(true)]}
            extra={t('itemForm.wanHint')}
          >
            <MoneyInput unit={t('money.wan')} data-testid="item-total-investment" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="annualPlanWan"
            label={t('itemForm.annualPlan')}
            dependencies={['totalInvestmentWan']}
            rules={[
              wanRule(true),
              ({ getFieldValue }) => ({
                validator: async (_: unknown, value: string | undefined) => {
                  const total = parseWanToFen(String(getFieldValue('totalInvestmentWan') ?? ''));
                  const annual = value ? parseWanToFen(value) : null;
                  if (total !== null && annual !== null && annual > total)
                    throw new Error(t('itemForm.annualOverTotal'));
                },
              }),
            ]}
          >
            <MoneyInput unit={t('money.wan')} data-testid="item-annual-plan" />
          </Form.Item>
        </Col>
      </Row>

      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('itemForm.monthlyPlan')}</Typography.Text>
        <Form.Item name="planYear" noStyle>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            suffix={t('itemForm.yearSuffix')}
            style={{ width: 120 }}
            onChange={(year) => {
              if (typeof year !== 'number') return;
              const rows = (form.getFieldValue('monthlyPlan') as PlanRow[] | undefined) ?? [];
              form.setFieldValue(
                'monthlyPlan',
                rows.map((r, i) => ({ ...r, month: `${year}-${String(i + 1).padStart(2, '0')}` })),
              );
            }}
            data-testid="item-plan-year"
          />
        </Form.Item>
        <Button
          size="small"
          disabled={annualFen === null || !planYear}
          onClick={() => {
            if (annualFen !== null && planYear)
              form.setFieldValue('monthlyPlan', spreadEvenly(annualFen, planYear));
          }}
          data-testid="item-plan-spread"
        >
          {t('itemForm.spreadEvenly')}
        </Button>
      </Flex>
      <Form.List
        name="monthlyPlan"
        rules={[
          {
            validator: async (_, rows: PlanRow[] | undefined) => {
              const annual = parseWanToFen(String(form.getFieldValue('annualPlanWan') ?? ''));
              const s = planSumFen(rows);
              if (!(rows ?? []).some((r) => r?.wan?.trim()) || annual === null || s === null) return;
              if (s !== BigInt(annual))
                throw new Error(
                  t('itemForm.planSumMismatch', { sum: formatWan(s), annual: formatWan(annual) }),
                );
            },
          },
        ]}
      >
        {(fields, _ops, { errors }) => (
          <>
            <Row gutter={[12, 0]} data-testid="monthly-plan-editor">
              {fields.map((field) => (
                <Col xs={12} sm={8} md={6} lg={4} key={field.key}>
                  <Form.Item
                    name={[field.name, 'wan']}
                    label={periodLabel(plan?.[field.name]?.month ?? '', locale)}
                    rules={[wanRule(false)]}
                  >
                    <MoneyInput unit={t('money.wan')} data-testid={`plan-month-${field.name}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {anyMonth && sum !== null ? (
              <Alert
                type={annualFen !== null && sum === BigInt(annualFen) ? 'success' : 'warning'}
                showIcon
                title={t('itemForm.planSum', {
                  sum: formatWan(sum),
                  annual: annualFen === null ? '—' : formatWan(annualFen),
                })}
                data-testid="monthly-plan-sum"
                style={{ marginBottom: 8 }}
              />
            ) : null}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </>
  );
}
