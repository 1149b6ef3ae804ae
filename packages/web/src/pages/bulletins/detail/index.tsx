// One supervision bulletin (督查通报) in its official layout, with what the caller may do now (the server's
// `actions`): a supervisor edits the draft (title and rich text, saved against the row version it started from),
// a leader or another supervisor approves it, a supervisor publishes it (its number is given then) or starts a
// correction (更正); supervisors and leaders see the read receipts (回执) of every unit. A unit user opening a
// published bulletin records the unit's receipt, as the server defines it: its first reader is the receipt.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Result,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useRegionToday } from '../../../api/hooks';
import { bulletinKeys, bulletinsApi, type BulletinView, type ReadView } from '../../../api/bulletins';
import { useAuth } from '../../../auth/context';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import { currentLocale } from '../../../i18n';
import { errorText, useErrorHandler } from '../../../utils/errors';
import { formatDateTime } from '../../../utils/format';
import { BulletinStatusTag, OfficialDocument, documentDate } from '../shared';

type Command = 'bold' | 'italic' | 'h2' | 'h3' | 'p' | 'ul' | 'ol';

/** The editor's few formats, all of which the server's sanitiser keeps. */
function exec(command: Command) {
  // execCommand is deprecated but still the one dependency-free way to format a contentEditable selection.
  const run = (name: string, value?: string) => document.execCommand(name, false, value);
  if (command === 'bold') run('bold');
  else if (command === 'italic') run('italic');
  else if (command === 'ul') run('insertUnorderedList');
  else if (command === 'ol') run('insertOrderedList');
  else run('formatBlock', command === 'p' ? 'P' : command.toUpperCase());
}

function Editor({ view, onDone }: { view: BulletinView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [title, setTitle] = useState(view.title);
  const body = useRef<HTMLDivElement>(null);
  const [conflict, setConflict] = useState(false);
  // The editable body starts from the server's sanitised text and is then the browser's, not React's.
  useEffect(() => {
    if (body.current) body.current.innerHTML = view.bodyHtml;
    // Only once per version being edited: later renders must not undo what is being typed.
  }, [view.id, view.rowVersion]);
  const save = useMutation({
    mutationFn: () =>
      bulletinsApi.update(view.id, {
        title: title.trim(),
        bodyHtml: body.current?.innerHTML ?? view.bodyHtml,
        rowVersion: view.rowVersion,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(bulletinKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['bulletins', 'list'] });
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      onError(e);
    },
  });
  const tools: { command: Command; label: string }[] = [
    { command: 'bold', label: t('bulletins.editor.bold') },
    { command: 'italic', label: t('bulletins.editor.italic') },
    { command: 'h2', label: t('bulletins.editor.h2') },
    { command: 'h3', label: t('bulletins.editor.h3') },
    { command: 'p', label: t('bulletins.editor.paragraph') },
    { command: 'ul', label: t('bulletins.editor.bullets') },
    { command: 'ol', label: t('bulletins.editor.numbers') },
  ];
  return (
    <Card title={t('bulletins.editTitle')} data-testid="bulletin-editor-card">
      <Flex vertical gap={12}>
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('bulletins.editor.conflict')}
            action={
              <Button
                size="small"
                onClick={() => {
                  setConflict(false);
                  void queryClient.invalidateQueries({ queryKey: bulletinKeys.detail(view.id) });
                }}
              >
                {t('bulletins.editor.reload')}
              </Button>
            }
          />
        ) : null}
        <label>
          <Typography.Text strong>{t('bulletins.title')}</Typography.Text>
          <Input
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="bulletin-edit-title"
          />
        </label>
        <Flex wrap gap={4} role="toolbar" aria-label={t('bulletins.editor.toolbar')}>
          {tools.map((tool) => (
            <Button
              key={tool.command}
              size="small"
              // Keep the selection in the editor: the button must not take the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                exec(tool.command);
              }}
              data-testid={`bulletin-tool-${tool.command}`}
            >
              {tool.label}
            </Button>
          ))}
        </Flex>
        <div
          ref={body}
          className="bulletin-editor bulletin-body"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-label={t('bulletins.body')}
          data-testid="bulletin-editor"
        />
        <Typography.Text type="secondary">{t('bulletins.editor.help')}</Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!title.trim()}
            onClick={() => save.mutate()}
            data-testid="bulletin-save"
          >
            {t('common.save')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Flex>
    </Card>
  );
}

function Receipts({ id }: { id: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'read' | 'unread'>('all');
  const receipts = useQuery({
    queryKey: bulletinKeys.receipts(id),
    queryFn: ({ signal }) => bulletinsApi.receipts(id, signal),
  });
  const rows = (receipts.data?.receipts ?? []).filter((r) =>
    filter === 'all' ? true : filter === 'read' ? r.readAt !== null : r.readAt === null,
  );
  return (
    <Card
      title={t('bulletins.receipts.title')}
      data-testid="bulletin-receipts"
      extra={
        receipts.data ? (
          <span data-testid="bulletin-receipts-count">
            {t('bulletins.receipts.count', { read: receipts.data.read, units: receipts.data.units })}
          </span>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        {receipts.isError ? <Alert type="error" showIcon title={errorText(receipts.error)} /> : null}
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={[
            { value: 'all', label: t('bulletins.all') },
            { value: 'read', label: t('bulletins.read') },
            { value: 'unread', label: t('bulletins.unread') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <Table
          rowKey="unitId"
          size="small"
          loading={receipts.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({
              'data-testid': 'receipt-row',
              'data-unit': r.unitName,
              'data-read': r.readAt ? 'true' : 'false',
            }) as object
          }
          columns={[
            { key: 'unit', title: t('bulletins.receipts.unit'), render: (_, r) => r.unitName },
            {
              key: 'state',
              title: t('bulletins.receipt'),
              render: (_, r) =>
                r.readAt ? (
                  <Tag color="success">{t('bulletins.read')}</Tag>
                ) : (
                  <Tag>{t('bulletins.unread')}</Tag>
                ),
            },
            {
              key: 'at',
              title: t('bulletins.receipts.readAt'),
              render: (_, r) => formatDateTime(r.readAt) || '—',
            },
            { key: 'by', title: t('bulletins.receipts.readBy'), render: (_, r) => r.readBy?.name ?? '—' },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** A unit user's receipt: recorded when the unit's reader opens the published bulletin (idempotent on the server). */
function useUnitReceipt(view: BulletinView | undefined) {
  const queryClient = useQueryClient();
  const asked = useRef<string | null>(null);
  const read = useMutation({
    mutationFn: (id: string) => bulletinsApi.read(id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.detail(r.bulletinId) });
      void queryClient.invalidateQueries({ queryKey: ['bulletins', 'list'] });
    },
  });
  const id = view?.id;
  const due = !!view && view.actions.includes('read');
  useEffect(() => {
    if (!id || !due || asked.current === id) return;
    asked.current = id;
    read.mutate(id);
  }, [id, due, read]);
  return read;
}

function UnitReceipt({ view, read }: { view: BulletinView; read: ReturnType<typeof useUnitReceipt> }) {
  const { t } = useTranslation();
  const done: ReadView | undefined = read.data;
  if (view.readByMyUnit === null) return null;
  if (read.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(read.error)}
        action={
          <Button size="small" onClick={() => read.mutate(view.id)} data-testid="bulletin-mark-read">
            {t('bulletins.markRead')}
          </Button>
        }
      />
    );
  if (!view.readByMyUnit && !done)
    return (
      <Button
        type="primary"
        loading={read.isPending}
        onClick={() => read.mutate(view.id)}
        data-testid="bulletin-mark-read"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('bulletins.markRead')}
      </Button>
    );
  return (
    <Alert
      type="success"
      showIcon
      data-testid="bulletin-read-status"
      title={
        done
          ? t('bulletins.readRecorded', { name: done.readBy.name, at: formatDateTime(done.readAt) })
          : t('bulletins.readByMyUnit')
      }
    />
  );
}

export default function BulletinDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { access } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useErrorHandler();
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === '1';
  const [publishing, setPublishing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const locale = currentLocale();

  const detail = useQuery({
    queryKey: bulletinKeys.detail(id),
    queryFn: ({ signal }) => bulletinsApi.get(id, signal),
  });
  const settings = useQuery({
    queryKey: bulletinKeys.settings,
    queryFn: ({ signal }) => bulletinsApi.settings(signal),
    staleTime: 60_000,
  });
  const read = useUnitReceipt(detail.data);
  const today = useRegionToday();

  const setEditing = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('edit', '1');
    else next.delete('edit');
    setParams(next, { replace: true });
  };
  const settle = (view: BulletinView) => {
    queryClient.setQueryData(bulletinKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: ['bulletins', 'list'] });
  };
  const approve = useMutation({
    mutationFn: () => bulletinsApi.approve(id),
    onSuccess: (v) => {
      settle(v);
      void message.success(t('bulletins.approved'));
    },
    onError: (e) => onError(e),
  });
  const publish = useMutation({
    mutationFn: () => bulletinsApi.publish(id),
    onSuccess: (v) => {
      settle(v);
      setPublishing(false);
      void message.success(t('bulletins.publishedAs', { number: v.number ?? '' }));
    },
    onError: (e) => onError(e),
  });
  const correct = useMutation({
    mutationFn: () => bulletinsApi.correct(id),
    onSuccess: (v) => {
      settle(v);
      void navigate(`/bulletins/${encodeURIComponent(v.id)}?edit=1`);
    },
    onError: (e) => onError(e),
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError)
    return (
      <Result
        status={detail.error instanceof ApiError && detail.error.status === 404 ? '404' : 'error'}
        title={errorText(detail.error)}
        extra={<Link to="/bulletins">{t('bulletins.backToList')}</Link>}
      />
    );
  const view = detail.data;
  const can = (action: string) => view.actions.includes(action);
  const number =
    view.number ?? (view.status === 'draft' ? t('bulletins.draftNumber') : t('bulletins.approvedNumber'));
  // Like the .docx: the publication date, or today (the region's) for a bulletin not yet published.
  const date = documentDate(view.publishedOn ?? today ?? view.periodTo, locale);
  const saveDocument = async () => {
    setDownloading(true);
    try {
      await bulletinsApi.document(view.id, `${view.number ?? view.title}.docx`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <PageContainer
      title={view.title}
      subTitle={
        <Space wrap size={4}>
          <BulletinStatusTag status={view.status} />
          <span data-testid="bulletin-header-number">{view.number ?? ''}</span>
        </Space>
      }
      extra={
        <>
          <Button loading={downloading} onClick={() => void saveDocument()} data-testid="bulletin-docx">
            {t('bulletins.downloadDocx')}
          </Button>
          {can('edit') && !editing ? (
            <Button onClick={() => setEditing(true)} data-testid="bulletin-edit">
              {t('bulletins.edit')}
            </Button>
          ) : null}
          {can('approve') ? (
            <Button
              type="primary"
              loading={approve.isPending}
              disabled={editing}
              onClick={() => approve.mutate()}
              data-testid="bulletin-approve"
            >
              {t('bulletins.approve')}
            </Button>
          ) : null}
          {can('publish') ? (
            <Button type="primary" onClick={() => setPublishing(true)} data-testid="bulletin-publish">
              {t('bulletins.publish')}
            </Button>
          ) : null}
          {can('correct') ? (
            <Button
              loading={correct.isPending}
              onClick={() => correct.mutate()}
              data-testid="bulletin-correct"
            >
              {t('bulletins.correct')}
            </Button>
          ) : null}
        </>
      }
    >
      <UnitReceipt view={view} read={read} />
      {view.corrects ? (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              {t('bulletins.corrects')}{' '}
              <Link to={`/bulletins/${encodeURIComponent(view.corrects.id)}`}>
                {view.corrects.number ?? view.corrects.title}
              </Link>
            </span>
          }
        />
      ) : null}
      {view.correctedBy.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={
            <span>
              {t('bulletins.correctedBy')}{' '}
              {view.correctedBy.map((c) => (
                <Link key={c.id} to={`/bulletins/${encodeURIComponent(c.id)}`} style={{ marginRight: 8 }}>
                  {c.number ?? t(`bulletins.status.${c.status}`)}
                </Link>
              ))}
            </span>
          }
        />
      ) : null}
      {editing && can('edit') ? <Editor view={view} onDone={() => setEditing(false)} /> : null}
      <Flex justify="center">
        <OfficialDocument
          issuer={settings.data?.issuer ?? ''}
          number={number}
          title={view.title}
          date={date}
          bodyHtml={view.bodyHtml}
        />
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'period', label: t('bulletins.period'), children: `${view.periodFrom} ~ ${view.periodTo}` },
          { key: 'createdBy', label: t('bulletins.createdBy'), children: view.createdBy?.name ?? '—' },
          {
            key: 'approvedBy',
            label: t('bulletins.approvedBy'),
            children: view.approvedBy ? `${view.approvedBy.name} · ${formatDateTime(view.approvedAt)}` : '—',
          },
          {
            key: 'publishedBy',
            label: t('bulletins.publishedBy'),
            children: view.publishedBy
              ? `${view.publishedBy.name} · ${formatDateTime(view.publishedAt)}`
              : '—',
          },
        ]}
      />
      {access.bulletinsReceipts && view.status === 'published' ? <Receipts id={view.id} /> : null}
      <Modal
        open={publishing}
        title={t('bulletins.publishTitle')}
        onCancel={() => setPublishing(false)}
        onOk={() => publish.mutate()}
        okText={t('bulletins.publish')}
        confirmLoading={publish.isPending}
        okButtonProps={{ 'data-testid': 'bulletin-publish-ok' }}
      >
        <Typography.Paragraph>{t('bulletins.publishConfirm', { title: view.title })}</Typography.Paragraph>
        {settings.data ? (
          <Typography.Text type="secondary">
            {t('bulletins.publishNumberHint', { example: settings.data.example })}
          </Typography.Text>
        ) : null}
      </Modal>
    </PageContainer>
  );
}
