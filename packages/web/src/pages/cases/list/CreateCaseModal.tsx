// Entering a case by hand (the task force, the discipline commission, leaders): a 12345 hotline ticket (with the
// caller's contact if given), a leader's instruction (批示) or a spot check (抽查). The subject is an item, a unit or
// a place. The server checks the phone and names the field of any problem.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import {
  caseKeys,
  casesApi,
  STAFF_CASE_SOURCES,
  type CaseKind,
  type StaffCaseSource,
} from '../../../api/cases';
import { useAllUnits } from '../../../api/hooks';
import ItemSelect from '../ItemSelect';
import { useServerErrorHandler } from '../../../utils/errors';
import { subjectOf, type SubjectChoice } from '../model';

interface Values {
  source: StaffCaseSource;
  kind: CaseKind;
  title: string;
  itemId?: string;
  unitId?: string;
  place?: string;
  description: string;
  receivedOn?: Dayjs;
  name?: string;
  phone?: string;
}

const SUBJECT_FIELD: Record<SubjectChoice, 'itemId' | 'unitId' | 'place'> = {
  item: 'itemId',
  unit: 'unitId',
  place: 'place',
};

export default function CreateCaseModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [choice, setChoice] = useState<SubjectChoice>('item');
  const units = useAllUnits();
  const source = Form.useWatch('source', form);
  const onError = useServerErrorHandler({ subject: SUBJECT_FIELD[choice] });

  const create = useMutation({
    mutationFn: (v: Values) =>
      casesApi.create({
        source: v.source,
        kind: v.kind,
        title: v.title.trim(),
        subject: subjectOf(choice, v),
        description: v.description.trim(),
        ...(v.receivedOn ? { receivedOn: v.receivedOn.format('YYYY-MM-DD') } : {}),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      }),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      onClose();
      void navigate(`/cases/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field?.startsWith('subject'))
        form.setFields([{ name: SUBJECT_FIELD[choice], errors: [e.message] }]);
      else onError(e, form);
    },
  });

  return (
    <Modal
      open
      title={t('cases.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'case-create-ok' }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'hotline_12345', kind: 'complaint' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="source" label={t('cases.source')} rules={[{ required: true }]}>
          <Select options={STAFF_CASE_SOURCES.map((s) => ({ value: s, label: t(`caseSource.${s}`) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('complaint.kind')}>
          <Radio.Group
            optionType="button"
            options={(['complaint', 'enquiry'] as const).map((k) => ({
              value: k,
              label: t(`caseKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cases.caseTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="case-title" />
        </Form.Item>
        <Form.Item label={t('complaint.about')} required>
          <Segmented<SubjectChoice>
            value={choice}
            onChange={setChoice}
            options={[
              { value: 'item', label: t('complaint.aboutItem') },
              { value: 'unit', label: t('complaint.aboutUnit') },
              { value: 'place', label: t('complaint.aboutPlace') },
            ]}
          />
        </Form.Item>
        {choice === 'item' ? (
          <Form.Item
            name="itemId"
            label={t('complaint.item')}
            rules={[{ required: true, message: t('complaint.itemRequired') }]}
          >
            <ItemSelect />
          </Form.Item>
        ) : null}
        {choice === 'unit' ? (
          <Form.Item
            name="unitId"
            label={t('complaint.unit')}
            rules={[{ required: true, message: t('complaint.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        ) : null}
        {choice === 'place' ? (
          <Form.Item
            name="place"
            label={t('complaint.place')}
            rules={[{ required: true, whitespace: true, message: t('complaint.placeRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="description"
          label={t('complaint.description')}
          rules={[{ required: true, whitespace: true, message: t('complaint.descriptionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="case-description" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('cases.receivedOn')} extra={t('cases.receivedOnHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {source === 'hotline_12345' ? (
          <>
            <Form.Item name="name" label={t('complaint.name')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('complaint.phone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
