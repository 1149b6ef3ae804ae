// The working calendar (/admin/calendar, sys_admin): one year's statutory holidays and 调休 make-up workdays,
// builtin (the State Council's notice shipped with Benpao) or this region's overrides; add or remove overrides,
// and declare a year without builtin data complete. A year without data is said loudly: its deadlines are
// estimated on Monday–Friday.
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
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
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionToday } from '../../../api/hooks';
import { calendarApi, queryKeys } from '../../../api/services';
import type { CalendarDayKind, CalendarDayView, CalendarYear } from '../../../api/types';
import PageContainer from '../../../components/PageContainer';
import { errorText, useErrorHandler, useServerErrorHandler } from '../../../utils/errors';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

interface AddValues {
  date: Dayjs | null;
  kind: CalendarDayKind;
  name: string;
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const onServerError = useServerErrorHandler();
  const today = useRegionToday();
  const [chosen, setChosen] = useState<number | undefined>();
  const year = chosen ?? (today ? Number(today.slice(0, 4)) : dayjs().year());
  const setYear = (next: number | ((y: number) => number)) =>
    setChosen(typeof next === 'function' ? next(year) : next);
  const [form] = Form.useForm<AddValues>();
  const calendar = useQuery({
    queryKey: queryKeys.calendarYear(year),
    queryFn: ({ signal }) => calendarApi.get(year, signal),
    enabled: today !== undefined || chosen !== undefined,
  });

  const applied = async (data: CalendarYear) => {
    queryClient.setQueryData(queryKeys.calendarYear(data.year), data);
    // deadlines of every item may move
    await queryClient.invalidateQueries({ queryKey: queryKeys.items });
    await queryClient.invalidateQueries({ queryKey: queryKeys.todo });
  };
  const add = useMutation({
    mutationFn: (v: AddValues) =>
      calendarApi.putDay(v.date!.format('YYYY-MM-DD'), { kind: v.kind, name: v.name.trim() || null }),
    onSuccess: async (data) => {
      void message.success(t('calendar.saved'));
      form.resetFields();
      await applied(data);
    },
    onError: (e) => onServerError(e, form),
  });
  const remove = useMutation({
    mutationFn: (date: string) => calendarApi.deleteDay(date),
    onSuccess: async (data) => {
      void message.success(t('calendar.removed'));
      await applied(data);
    },
    onError: (e) => onError(e),
  });
  const declare = useMutation({
    mutationFn: (declared: boolean) =>
      declared ? calendarApi.declareYear(year) : calendarApi.undeclareYear(year),
    onSuccess: async (data, declared) => {
      void message.success(declared ? t('calendar.declaredDone') : t('calendar.undeclaredDone'));
      await applied(data);
    },
    onError: (e) => onError(e),
  });

  const data = calendar.data;
  const weekday = (date: string) => t(`calendar.weekday.${dayjs(date).day()}` as 'calendar.weekday.0');
  const columns: TableColumnsType<CalendarDayView> = [
    {
      title: t('calendar.date'),
      dataIndex: 'date',
      width: 150,
      render: (d: string) => (
        <span>
          {d} <Typography.Text type="secondary">{weekday(d)}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: CalendarDayKind) => (
        <Tag color={k === 'holiday' ? 'red' : 'blue'} data-testid="calendar-day-kind">
          {t(`calendar.kind.${k}`)}
        </Tag>
      ),
    },
    { title: t('calendar.name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      width: 130,
      render: (s: CalendarDayView['source']) => (
        <Tag color={s === 'region' ? 'purple' : 'default'}>{t(`calendar.source.${s}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, d) =>
        d.source === 'region' ? (
          <Popconfirm
            title={t('calendar.removeConfirm', { date: d.date })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync(d.date).catch(() => undefined)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="calendar-remove">
              {t('calendar.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const byMonth = new Map<number, CalendarDayView[]>();
  for (const d of data?.days ?? []) {
    const m = Number(d.date.slice(5, 7));
    byMonth.set(m, [...(byMonth.get(m) ?? []), d]);
  }

  return (
    <PageContainer title={t('calendar.title')} subTitle={t('calendar.subtitle')}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Button
            icon={<LeftOutlined />}
            aria-label={t('calendar.prevYear')}
            disabled={year <= MIN_YEAR}
            onClick={() => setYear((y) => y - 1)}
          />
          <InputNumber
            min={MIN_YEAR}
            max={MAX_YEAR}
            precision={0}
            value={year}
            onChange={(v) => typeof v === 'number' && v >= MIN_YEAR && v <= MAX_YEAR && setYear(v)}
            suffix={t('itemForm.yearSuffix')}
            style={{ width: 120 }}
            data-testid="calendar-year"
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('calendar.nextYear')}
            disabled={year >= MAX_YEAR}
            onClick={() => setYear((y) => y + 1)}
          />
        </Flex>
      </Card>

      {calendar.isError ? <Alert type="error" showIcon title={errorText(calendar.error)} /> : null}
      {calendar.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}

      {data ? (
        <>
          {!data.hasData ? (
            <Alert
              type="error"
              showIcon
              data-testid="calendar-no-data"
              title={t('calendar.noDataTitle', { year: data.year })}
              description={t('calendar.noDataText', { year: data.year })}
              action={
                <Popconfirm
                  title={t('calendar.declareConfirm', { year: data.year })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => declare.mutateAsync(true).catch(() => undefined)}
                >
                  <Button
                    size="small"
                    type="primary"
                    loading={declare.isPending}
                    data-testid="calendar-declare"
                  >
                    {t('calendar.declare')}
                  </Button>
                </Popconfirm>
              }
            />
          ) : data.builtin ? (
            <Alert
              type="success"
              showIcon
              title={t('calendar.builtinTitle', { year: data.year })}
              data-testid="calendar-builtin"
            />
          ) : (
            <Alert
              type="info"
              showIcon
              data-testid="calendar-declared"
              title={t('calendar.declaredTitle', { year: data.year })}
              action={
                data.declared ? (
                  <Popconfirm
                    title={t('calendar.undeclareConfirm', { year: data.year })}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => declare.mutateAsync(false).catch(() => undefined)}
                  >
                    <Button size="small" loading={declare.isPending} data-testid="calendar-undeclare">
                      {t('calendar.undeclare')}
                    </Button>
                  </Popconfirm>
                ) : null
              }
            />
          )}

          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('calendar.workingDays')}
                  value={data.workingDays}
                  suffix={data.estimated ? '*' : undefined}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('calendar.holidays')}
                  value={data.days.filter((d) => d.kind === 'holiday').length}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('calendar.workdays')}
                  value={data.days.filter((d) => d.kind === 'workday').length}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('calendar.overrides')}
                  value={data.days.filter((d) => d.source === 'region').length}
                />
              </Card>
            </Col>
          </Row>

          <Card size="small" title={t('calendar.addTitle')}>
            <Form<AddValues>
              form={form}
              layout="inline"
              initialValues={{ date: null, kind: 'holiday', name: '' }}
              onFinish={(v) => add.mutate(v)}
              style={{ rowGap: 8 }}
              data-testid="calendar-add-form"
            >
              <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker
                  placeholder={t('calendar.date')}
                  disabledDate={(d) => d.year() !== year}
                  defaultPickerValue={dayjs(`${year}-01-01`)}
                  data-testid="calendar-add-date"
                />
              </Form.Item>
              <Form.Item name="kind">
                <Select
                  style={{ width: 150 }}
                  options={[
                    { value: 'holiday', label: t('calendar.kind.holiday') },
                    { value: 'workday', label: t('calendar.kind.workday') },
                  ]}
                  data-testid="calendar-add-kind"
                />
              </Form.Item>
              <Form.Item name="name">
                <Input
                  placeholder={t('calendar.namePlaceholder')}
                  maxLength={100}
                  style={{ width: 180 }}
                  data-testid="calendar-add-name"
                />
              </Form.Item>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<PlusOutlined />}
                  loading={add.isPending}
                  data-testid="calendar-add"
                >
                  {t('calendar.add')}
                </Button>
              </Form.Item>
            </Form>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('calendar.addHint')}
            </Typography.Paragraph>
          </Card>

          <Card
            size="small"
            title={t('calendar.yearView', { year: data.year })}
            data-testid="calendar-year-view"
          >
            {data.days.length === 0 ? (
              <Typography.Text type="secondary">{t('calendar.noDays')}</Typography.Text>
            ) : (
              <Flex vertical gap={12}>
                {[...byMonth.entries()]
                  .sort(([a], [b]) => a - b)
                  .map(([month, days]) => (
                    <div key={month}>
                      <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
                        {t('calendar.month', { month })}
                      </Typography.Title>
                      <Table<CalendarDayView>
                        rowKey="date"
                        size="small"
                        columns={columns}
                        dataSource={days}
                        pagination={false}
                        scroll={{ x: 'max-content' }}
                        data-testid="calendar-days"
                      />
                    </div>
                  ))}
              </Flex>
            )}
          </Card>
        </>
      ) : null}
    </PageContainer>
  );
}
