// Register (/items/new) or edit (/items/:id/edit) a supervision item (task force only). The kind switch shows the
// kind's own fields; server field errors (`milestones.1.weight`, `annualPlanFen`) land on their form item.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useAllUnits, useLeaderOptions, useRegionToday } from '../../../api/hooks';
import { itemsApi, queryKeys } from '../../../api/services';
import type { ItemDetail } from '../../../api/types';
import { BASIS_TYPES, FREQUENCIES, ITEM_KINDS, URGENCIES } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import { errorText, useServerErrorHandler } from '../../../utils/errors';
import {
  createBody,
  defaultValues,
  emptyPlan,
  emptyTargets,
  FIELD_ALIASES,
  updateBody,
  valuesFromItem,
  type ItemFormValues,
} from './formValues';
import IndicatorFieldsEditor from './IndicatorFieldsEditor';
import MilestonesEditor from './MilestonesEditor';
import ProjectFieldsEditor from './ProjectFieldsEditor';

export default function ItemFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const item = useQuery({
    queryKey: queryKeys.item(id ?? ''),
    queryFn: ({ signal }) => itemsApi.get(id!, signal),
    enabled: !!id,
  });
  const today = useRegionToday();
  const title = id ? t('itemForm.editTitle') : t('itemForm.createTitle');

  if ((id && item.isPending) || (!id && !today)) {
    return (
      <PageContainer title={title}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }
  if (id && item.isError) {
    return (
      <PageContainer title={title}>
        <Result status="error" title={t('common.loadFailed')} subTitle={errorText(item.error)} />
      </PageContainer>
    );
  }
  return (
    <ItemForm key={item.data?.rowVersion ?? 'new'} item={item.data ?? null} title={title} today={today} />
  );
}

function ItemForm({
  item,
  title,
  today,
}: {
  item: ItemDetail | null;
  title: string;
  today: string | undefined;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ItemFormValues>();
  const onServerError = useServerErrorHandler(FIELD_ALIASES);
  const units = useAllUnits();
  const leaders = useLeaderOptions();
  const initialValues = useMemo(
    () => (item ? valuesFromItem(item) : defaultValues(today ? dayjs(today) : undefined)),
    [item, today],
  );
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const leadUnitId = Form.useWatch('leadUnitId', form);

  const unitOptions = (units.data ?? [])
    .filter((u) => u.active || u.id === item?.leadUnitId || item?.coUnitIds.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const leaderOptions = [...(leaders.data ?? [])];
  if (item?.leaderUserId && !leaderOptions.some((o) => o.value === item.leaderUserId))
    leaderOptions.push({ value: item.leaderUserId, label: item.leaderName ?? item.leaderUserId });
  const doneIds = new Set((item?.milestones ?? []).filter((m) => m.doneDate).map((m) => m.id));

  const save = useMutation({
    mutationFn: (values: ItemFormValues) =>
      item
        ? itemsApi.update(item.id, updateBody(values, item.kind, item.rowVersion))
        : itemsApi.create(createBody(values)),
    onSuccess: async (saved) => {
      void message.success(item ? t('common.saved') : t('itemForm.created', { number: saved.number }));
      queryClient.setQueryData(queryKeys.item(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.items });
      await navigate(`/items/${saved.id}`, { replace: !!item });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.field === 'rowVersion') {
        modal.confirm({
          title: t('common.staleTitle'),
          content: e.message,
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: () => queryClient.invalidateQueries({ queryKey: queryKeys.item(item!.id) }),
        });
        return;
      }
      onServerError(e, form);
    },
  });

  return (
    <PageContainer
      title={title}
      subTitle={item ? `${item.number} · ${item.title}` : t('itemForm.subtitle')}
      extra={
        <Button onClick={() => void navigate(item ? `/items/${item.id}` : '/items')}>
          {t('common.cancel')}
        </Button>
      }
    >
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        // the whole store, not only the registered fields: list rows carry keys that have no input of their own
        // (a milestone's id, a plan row's month, a target's period)
        onFinish={() => save.mutate(form.getFieldsValue(true) as ItemFormValues)}
        onValuesChange={(changed: Partial<ItemFormValues>) => {
          // the plan and target years follow the start date while nothing was typed for them
          if (!changed.startDate) return;
          const year = changed.startDate.year();
          const v = form.getFieldsValue(true) as ItemFormValues;
          if (v.planYear !== year && !v.monthlyPlan.some((r) => r.wan.trim()))
            form.setFieldsValue({ planYear: year, monthlyPlan: emptyPlan(year) });
          if (v.targetYear !== year && !v.targets.some((r) => r.target !== null))
            form.setFieldsValue({ targetYear: year, targets: emptyTargets(year, v.targetFrequency) });
        }}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        scrollToFirstError={false}
        // Enter confirms a typed date or a choice; it never saves this long form half-filled (the browser's
        // implicit submission registered one more draft for every date typed and confirmed)
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
        }}
        data-testid="item-form"
        autoComplete="off"
      >
        <Flex vertical gap={16}>
          <Card title={t('itemForm.sectionBasic')}>
            <Form.Item name="kind" label={t('itemForm.kind')}>
              <Radio.Group optionType="button" buttonStyle="solid" disabled={!!item} data-testid="item-kind">
                {ITEM_KINDS.map((k) => (
                  <Radio.Button key={k} value={k}>
                    <span data-testid={`item-kind-${k}`}>{t(`itemKind.${k}`)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="title"
              label={t('itemForm.title')}
              rules={[{ required: true, whitespace: true, message: t('itemForm.titleRequired') }]}
            >
              <Input maxLength={200} showCount data-testid="item-title" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Form.Item name="basisType" label={t('itemForm.basisType')}>
                  <Select
                    options={BASIS_TYPES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
                    data-testid="item-basis-type"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="urgency" label={t('itemForm.urgency')}>
                  <Select
                    options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
                    data-testid="item-urgency"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="basisText" label={t('itemForm.basisText')}>
                  <Input maxLength={500} placeholder={t('itemForm.basisTextPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="description" label={t('itemForm.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Card>

          <Card title={t('itemForm.sectionResponsibility')}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="leadUnitId"
                  label={t('itemForm.leadUnit')}
                  rules={[{ required: true, message: t('itemForm.leadUnitRequired') }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={unitOptions}
                    loading={units.isLoading}
                    data-testid="item-lead-unit"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="leaderUserId"
                  label={t('itemForm.leader')}
                  extra={
                    leaderOptions.length === 0 && !leaders.isLoading ? t('itemForm.noLeaders') : undefined
                  }
                >
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={leaderOptions}
                    loading={leaders.isLoading}
                    data-testid="item-leader"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="coUnitIds" label={t('itemForm.coUnits')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={unitOptions.filter((o) => o.value !== leadUnitId)}
                loading={units.isLoading}
                data-testid="item-co-units"
              />
            </Form.Item>
          </Card>

          <Card title={t('itemForm.sectionSchedule')}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Form.Item
                  name="startDate"
                  label={t('itemForm.startDate')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="item-start-date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="dueDate"
                  label={t('itemForm.dueDate')}
                  dependencies={['startDate']}
                  rules={[
                    { required: true, message: t('common.required') },
                    ({ getFieldValue }) => ({
                      validator: async (_, value: ItemFormValues['dueDate']) => {
                        const start = getFieldValue('startDate') as ItemFormValues['startDate'];
                        if (value && start && value.isBefore(start, 'day'))
                          throw new Error(t('itemForm.dueBeforeStart'));
                      },
                    }),
                  ]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="item-due-date" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="frequency" label={t('itemForm.frequency')}>
                  <Select
                    options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
                    data-testid="item-frequency"
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="deadlineWorkingDays"
                  label={t('itemForm.deadlineWorkingDays')}
                  tooltip={t('itemForm.deadlineWorkingDaysHint')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber
                    min={0}
                    max={30}
                    precision={0}
                    suffix={t('itemForm.workingDaysSuffix')}
                    style={{ width: '100%' }}
                    data-testid="item-deadline-days"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          {kind === 'project' ? (
            <Card title={t('itemForm.sectionProject')} data-testid="item-project-fields">
              <ProjectFieldsEditor />
            </Card>
          ) : null}
          {kind === 'indicator' ? (
            <Card title={t('itemForm.sectionIndicator')} data-testid="item-indicator-fields">
              <IndicatorFieldsEditor />
            </Card>
          ) : null}

          <Card title={t('itemForm.sectionMilestones')}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('itemForm.milestonesHint')}
            </Typography.Paragraph>
            <MilestonesEditor disabledDoneIds={doneIds} />
          </Card>

          {item && item.status !== 'draft' ? (
            <Alert type="info" showIcon title={t('itemForm.editAfterAssign')} />
          ) : null}

          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => void navigate(item ? `/items/${item.id}` : '/items')}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="item-save">
              {item ? t('common.save') : t('itemForm.saveDraft')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </PageContainer>
  );
}
