// The rule-set editor (/rules): the active version's rules with their thresholds, rectification days and
// parameters. Supervisors edit them with the server's validator answering as they type, preview what the draft
// would light up or put out on today's data, save it as a draft version and activate it after a confirmation
// (audited; the region is re-evaluated at once). Every business role may read the rules and their history.
import {
  CheckCircleOutlined,
  EyeOutlined,
  SaveOutlined,
  ThunderboltOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/services';
import type { PreviewResult, Rule, RuleProblem, RuleSetView } from '../../api/warnings';
import { ruleSetsApi, useConditions, warningKeys } from '../../api/warnings';
import { useAuth } from '../../auth/context';
import PageContainer from '../../components/PageContainer';
import { tDynamic } from '../../i18n';
import { errorText, useErrorHandler } from '../../utils/errors';
import { formatShortDateTime } from '../../utils/format';
import { changedRules, normaliseRule, problemsByField } from '../../utils/warnings';
import PreviewDiff from './PreviewDiff';
import RuleTable, { type DraftRule } from './RuleTable';
import VersionHistory from './VersionHistory';

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const asRules = (rules: readonly DraftRule[]) => rules as unknown as Rule[];
const keyOf = (rules: readonly DraftRule[]) => JSON.stringify(asRules(rules).map(normaliseRule));

/** A problem the server sent without words for its code (its message is the bare code) gets the UI's own. */
function worded(p: RuleProblem): RuleProblem {
  return p.message === p.code ? { ...p, message: tDynamic(`ruleProblem.${p.code}`, p.code) } : p;
}

export default function RulesPage() {
  const { t } = useTranslation();
  const { access } = useAuth();
  const { message, modal } = App.useApp();
  const onError = useErrorHandler();
  const queryClient = useQueryClient();
  const editable = access.rulesEdit;

  const ruleSets = useQuery({
    queryKey: warningKeys.ruleSets,
    queryFn: ({ signal }) => ruleSetsApi.list(signal),
  });
  const conditions = useConditions();
  const versions = ruleSets.data?.items ?? [];
  const active = versions.find((v) => v.status === 'active');

  /** The rules being edited and the version they started from; null = showing the active version. */
  const [draft, setDraft] = useState<{ from: number; rules: DraftRule[] } | null>(null);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<{ id: string; version: number; key: string } | null>(null);
  const [preview, setPreview] = useState<{ result: PreviewResult; key: string } | null>(null);

  const rules: DraftRule[] = useMemo(() => draft?.rules ?? active?.rules ?? [], [draft, active]);
  const key = useMemo(() => keyOf(rules), [rules]);
  const activeKey = useMemo(() => (active ? keyOf(active.rules) : ''), [active]);
  const dirty = draft !== null && key !== activeKey;
  const changed = useMemo(() => changedRules(asRules(rules), active?.rules ?? []), [rules, active]);

  const settledKey = useDebounced(key, 350);
  const validation = useQuery({
    queryKey: ['rule-sets', 'validate', settledKey],
    queryFn: ({ signal }) => ruleSetsApi.validate({ rules: JSON.parse(settledKey) as Rule[] }, signal),
    enabled: editable && draft !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const problems = useMemo(
    () => (draft !== null ? (validation.data?.problems ?? []).map(worded) : []),
    [draft, validation.data],
  );
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const checking = draft !== null && (settledKey !== key || validation.isFetching);
  const valid = draft !== null && !checking && validation.data?.ok === true;

  const body = () => ({ rules: asRules(rules).map(normaliseRule), note: note.trim() || null });

  const runPreview = useMutation({
    mutationFn: () => ruleSetsApi.preview(body()),
    onSuccess: (result) => setPreview({ result: { ...result, problems: result.problems.map(worded) }, key }),
    onError: (e) => onError(e),
  });
  const save = useMutation({
    mutationFn: () => ruleSetsApi.save(body()),
    onSuccess: async (v) => {
      setSaved({ id: v.id, version: v.version, key });
      void message.success(t('rules.savedDraft', { version: v.version }));
      await queryClient.invalidateQueries({ queryKey: warningKeys.ruleSets });
    },
    onError: (e) => onError(e),
  });
  const activate = useMutation({
    mutationFn: (id: string) => ruleSetsApi.activate(id),
    onSuccess: async ({ ruleSet, evaluation }) => {
      void message.success(t('rules.activated', { version: ruleSet.version, ...evaluation }));
      setDraft(null);
      setSaved(null);
      setPreview(null);
      setNote('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: warningKeys.ruleSets }),
        queryClient.invalidateQueries({ queryKey: warningKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
        queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
      ]);
    },
  });

  const confirmActivate = (id: string, version: number) => {
    const p = preview && preview.key === key ? preview.result : null;
    modal.confirm({
      title: t('rules.activateConfirm', { version }),
      content: p
        ? t('rules.activateConfirmPreview', {
            appear: p.appear.length,
            disappear: p.disappear.length,
            recoloured: p.recoloured.length,
          })
        : t('rules.activateConfirmText'),
      okText: t('rules.activate'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'rule-activate-ok' },
      onOk: () => activate.mutateAsync(id).catch((e: unknown) => onError(e)),
    });
  };

  const edit = (index: number, rule: DraftRule) => {
    const base = draft?.rules ?? active?.rules ?? [];
    const next = base.map((r, i) => (i === index ? rule : r));
    setDraft({ from: draft?.from ?? active?.version ?? 1, rules: next });
  };

  const editFrom = (v: RuleSetView) => {
    setDraft({ from: v.version, rules: v.rules.map((r) => ({ ...r })) });
    setSaved(v.status === 'draft' ? { id: v.id, version: v.version, key: keyOf(v.rules) } : null);
    setPreview(null);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const discard = () => {
    setDraft(null);
    setSaved(null);
    setPreview(null);
    setNote('');
  };

  const savedNow = saved !== null && saved.key === key;
  const general = problems.filter((p) => p.ruleIndex === null);

  return (
    <PageContainer
      title={t('rules.title')}
      subTitle={
        active ? (
          <span data-testid="rule-active-version" data-version={active.version}>
            {t('rules.activeVersion', {
              version: active.version,
              at: formatShortDateTime(active.activatedAt ?? active.createdAt),
            })}
          </span>
        ) : null
      }
      extra={
        editable ? (
          <>
            <Button
              icon={<UndoOutlined />}
              onClick={discard}
              disabled={draft === null}
              data-testid="rule-discard"
            >
              {t('rules.discard')}
            </Button>
            <Button
              icon={<EyeOutlined />}
              onClick={() => runPreview.mutate()}
              loading={runPreview.isPending}
              disabled={draft === null || (!valid && !checking)}
              data-testid="rule-preview-button"
            >
              {t('rules.preview')}
            </Button>
            <Button
              icon={<SaveOutlined />}
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!dirty || !valid || savedNow}
              data-testid="rule-save"
            >
              {t('rules.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              onClick={() => saved && confirmActivate(saved.id, saved.version)}
              loading={activate.isPending}
              disabled={!savedNow}
              data-testid="rule-activate"
            >
              {savedNow ? t('rules.activateVersion', { version: saved.version }) : t('rules.activate')}
            </Button>
          </>
        ) : null
      }
    >
      {ruleSets.isError ? <Alert type="error" showIcon title={errorText(ruleSets.error)} /> : null}
      {!editable ? <Alert type="info" showIcon title={t('rules.readOnly')} /> : null}
      {editable && draft !== null ? (
        <Alert
          type={problems.length > 0 ? 'error' : dirty ? 'warning' : 'info'}
          showIcon
          data-testid="rule-draft-status"
          data-valid={valid ? 'true' : 'false'}
          title={
            checking
              ? t('rules.checking')
              : problems.length > 0
                ? t('rules.problems', { count: problems.length })
                : savedNow
                  ? t('rules.savedNotActive', { version: saved.version })
                  : dirty
                    ? t('rules.dirty', { version: draft.from, count: changed.size })
                    : t('rules.unchanged')
          }
          description={general.length > 0 ? general.map((p) => p.message).join('；') : undefined}
          icon={!checking && problems.length === 0 ? <CheckCircleOutlined /> : undefined}
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Flex vertical gap={16}>
            <Card styles={{ body: { padding: 0 } }}>
              {ruleSets.isPending || conditions.isPending ? (
                <div style={{ padding: 16 }}>
                  <Skeleton active />
                </div>
              ) : (
                <RuleTable
                  rules={rules}
                  conditions={conditions.data ?? []}
                  problems={byField}
                  allProblems={problems}
                  changed={draft !== null ? changed : new Set()}
                  editable={editable}
                  onChange={edit}
                />
              )}
              {editable && dirty ? (
                <Flex vertical gap={4} style={{ padding: 12 }}>
                  <Typography.Text type="secondary">{t('rules.note')}</Typography.Text>
                  <Input.TextArea
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    maxLength={500}
                    rows={2}
                    placeholder={t('rules.notePlaceholder')}
                    data-testid="rule-note"
                  />
                </Flex>
              ) : null}
            </Card>
            {preview ? <PreviewDiff result={preview.result} stale={preview.key !== key} /> : null}
          </Flex>
        </Col>
        <Col xs={24} xxl={7}>
          <VersionHistory
            versions={versions}
            loading={ruleSets.isPending}
            editable={editable}
            editingFrom={draft?.from ?? null}
            onEdit={editFrom}
            onActivate={(v) => confirmActivate(v.id, v.version)}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
