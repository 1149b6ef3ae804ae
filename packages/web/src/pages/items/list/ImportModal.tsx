// Importing items from the .xlsx template (supervisor): pick one file, upload it with progress, wait while the
// server validates, then either the created numbers or every bad cell (all or nothing: nothing was imported).
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { itemsApi, queryKeys } from '../../../api/services';
import type { ImportProblem, ItemImportResult } from '../../../api/types';
import { errorText } from '../../../utils/errors';

const MAX_BYTES = 10 * 1024 * 1024;

type ProblemRow = ImportProblem & { key: number };

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'validating' }
  | { step: 'done'; result: ItemImportResult }
  | { step: 'invalid'; message: string; problems: ImportProblem[] }
  | { step: 'failed'; message: string };

function problemsOf(error: unknown): ImportProblem[] | undefined {
  if (!(error instanceof ApiError) || typeof error.body !== 'object' || error.body === null) return undefined;
  const problems = (error.body as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : undefined;
}

interface Props {
  open: boolean;
  onClose: () => void;
}

export default function ImportModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.step === 'uploading' || phase.step === 'validating';

  const close = () => {
    abortRef.current?.abort();
    abortRef.current = null;
    setFile(null);
    setPhase({ step: 'idle' });
    onClose();
  };

  const start = async () => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setPhase({ step: 'failed', message: t('itemImport.tooLarge', { limit: '10 MB' }) });
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ step: 'uploading', percent: 0 });
    try {
      const result = await itemsApi.importItems(file, {
        signal: controller.signal,
        onProgress: (percent) =>
          setPhase(percent >= 100 ? { step: 'validating' } : { step: 'uploading', percent }),
      });
      setPhase({ step: 'done', result });
      void queryClient.invalidateQueries({ queryKey: queryKeys.items });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      const problems = problemsOf(e);
      setPhase(
        problems
          ? { step: 'invalid', message: errorText(e), problems }
          : { step: 'failed', message: errorText(e) },
      );
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const fileList: UploadFile[] = file
    ? [{ uid: 'import', name: file.name, size: file.size, status: 'done', originFileObj: file as never }]
    : [];

  const columns: TableColumnsType<ProblemRow> = [
    { title: t('itemImport.sheet'), dataIndex: 'sheet', width: 96 },
    {
      title: t('itemImport.cell'),
      key: 'cell',
      width: 64,
      render: (_: unknown, p) => <Typography.Text code>{`${p.column}${p.row}`}</Typography.Text>,
    },
    { title: t('itemImport.message'), dataIndex: 'message' },
  ];

  return (
    <Modal
      open={open}
      title={t('itemImport.title')}
      onCancel={close}
      maskClosable={!busy}
      width={720}
      destroyOnHidden
      footer={
        <Flex wrap justify="flex-end" gap={8}>
          <Button onClick={close}>
            {phase.step === 'done' ? t('itemImport.close') : t('common.cancel')}
          </Button>
          {phase.step !== 'done' ? (
            <Button
              type="primary"
              disabled={!file || phase.step === 'invalid'}
              loading={busy}
              onClick={() => void start()}
              data-testid="import-submit"
            >
              {t('itemImport.submit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('itemImport.hint')}</Typography.Text>
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            disabled={busy}
            fileList={fileList}
            beforeUpload={(f) => {
              setFile(f);
              setPhase({ step: 'idle' });
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setPhase({ step: 'idle' });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('itemImport.pick')}</p>
            <p className="ant-upload-hint">{t('itemImport.pickHint', { limit: '10 MB' })}</p>
          </Upload.Dragger>
        </div>

        {phase.step === 'uploading' || phase.step === 'validating' ? (
          <Flex vertical gap={4} data-testid="import-progress">
            <Progress
              percent={phase.step === 'uploading' ? phase.percent : 100}
              status="active"
              showInfo={phase.step === 'uploading'}
            />
            <Typography.Text type="secondary" data-testid="import-phase">
              {phase.step === 'uploading' ? t('itemImport.uploading') : t('itemImport.validating')}
            </Typography.Text>
          </Flex>
        ) : null}

        {phase.step === 'done' ? (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={t('itemImport.done', { count: phase.result.created })}
            description={
              phase.result.numbers.length ? (
                <Flex wrap gap={4} style={{ marginTop: 4 }}>
                  {phase.result.numbers.map((n) => (
                    <Tag key={n}>{n}</Tag>
                  ))}
                </Flex>
              ) : null
            }
          />
        ) : null}

        {phase.step === 'invalid' ? (
          <Flex vertical gap={8} data-testid="import-problems">
            <Alert
              type="error"
              showIcon
              title={phase.message}
              description={t('itemImport.nothingImported')}
            />
            <Table<ProblemRow>
              size="small"
              columns={columns}
              dataSource={phase.problems.map((p, key) => ({ ...p, key }))}
              pagination={phase.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
            />
          </Flex>
        ) : null}

        {phase.step === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={phase.message}
            description={t('itemImport.nothingImported')}
            data-testid="import-error"
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
