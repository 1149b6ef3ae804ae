// Create or edit one unit. Server validation errors land on the field they name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryKeys, unitsApi } from '../../../api/services';
import type { RankingCategory, Unit, UnitCreate, UnitPatch } from '../../../api/types';
import { UNIT_KINDS } from '../../../api/types';
import { unitKindName } from '../../../i18n';
import { useErrorHandler } from '../../../utils/errors';

interface UnitForm {
  name: string;
  shortName?: string;
  kind: string;
  categoryId?: string | null;
  parentId?: string | null;
  sortOrder?: number | null;
  active: boolean;
}

const FIELDS = ['name', 'shortName', 'kind', 'categoryId', 'parentId', 'sortOrder', 'active'];

interface Props {
  unit: Unit | null;
  units: Unit[];
  categories: RankingCategory[];
  onClose: () => void;
}

export default function UnitFormModal({ unit, units, categories, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const isNew = unit === null;

  const save = useMutation({
    mutationFn: (values: UnitForm) => {
      const body: UnitCreate = {
        name: values.name.trim(),
        shortName: values.shortName?.trim() || null,
        kind: values.kind,
        categoryId: values.categoryId ?? null,
        parentId: values.parentId ?? null,
      };
      if (typeof values.sortOrder === 'number') body.sortOrder = values.sortOrder;
      if (isNew) return unitsApi.create(body);
      const patch: UnitPatch = { ...body, active: values.active };
      return unitsApi.update(unit.id, patch);
    },
    onSuccess: async () => {
      void message.success(isNew ? t('common.created') : t('common.saved'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.units }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      ]);
      onClose();
    },
    onError: (e) => onError(e, form, FIELDS),
  });

  // a unit cannot be its own parent
  const parentOptions = units
    .filter((u) => u.id !== unit?.id)
    .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（${t('common.inactive')}）` }));

  return (
    <Modal
      open
      title={isNew ? t('units.create') : t('units.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        initialValues={{
          name: unit?.name ?? '',
          shortName: unit?.shortName ?? '',
          kind: unit?.kind,
          categoryId: unit?.categoryId ?? null,
          parentId: unit?.parentId ?? null,
          sortOrder: unit?.sortOrder ?? null,
          active: unit?.active ?? true,
        }}
        onFinish={(values) => save.mutate(values)}
        data-testid="unit-form"
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('units.shortName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.kind')}
          rules={[{ required: true, message: t('units.kindRequired') }]}
        >
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: unitKindName(k) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('units.category')}>
          <Select
            allowClear
            placeholder={t('units.noCategory')}
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('units.noParent')}
            options={parentOptions}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {isNew ? null : (
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
