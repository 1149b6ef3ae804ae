// Lifecycle buttons of an item, exactly those the server lists in `allowedActions`; a reason dialog for the
// actions that need one (申请办结, 退回, 撤销), a confirmation for the others.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsApi, queryKeys } from '../../../api/services';
import type { ItemAction, ItemDetail } from '../../../api/types';
import { REASON_REQUIRED_ACTIONS } from '../../../api/types';
import ReasonModal from '../../../components/ReasonModal';
import { useErrorHandler } from '../../../utils/errors';

const PRIMARY: readonly ItemAction[] = ['assign', 'accept', 'start', 'complete', 'request_completion'];
const DANGER: readonly ItemAction[] = ['cancel', 'send_back'];

export function useItemRefresh() {
  const queryClient = useQueryClient();
  return (item: ItemDetail) => {
    queryClient.setQueryData(queryKeys.item(item.id), item);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.items, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.itemPeriods(item.id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.todo }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
    ]);
  };
}

export default function ItemActions({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const refresh = useItemRefresh();
  const [reasonFor, setReasonFor] = useState<ItemAction | null>(null);

  const transition = useMutation({
    mutationFn: ({ action, reason }: { action: ItemAction; reason?: string }) =>
      itemsApi.transition(item.id, action, reason),
    onSuccess: async (updated, { action }) => {
      void message.success(t(`itemAction.${action}.done`));
      await refresh(updated);
    },
  });

  return (
    <>
      {item.allowedActions.map((action) =>
        REASON_REQUIRED_ACTIONS.includes(action) ? (
          <Button
            key={action}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            onClick={() => setReasonFor(action)}
            data-testid={`item-action-${action}`}
          >
            {t(`itemAction.${action}`)}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={t(`itemAction.${action}.confirm`, { number: item.number })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => transition.mutateAsync({ action }).catch(onError)}
          >
            <Button
              type={PRIMARY.includes(action) ? 'primary' : 'default'}
              danger={DANGER.includes(action)}
              loading={transition.isPending && transition.variables?.action === action}
              data-testid={`item-action-${action}`}
            >
              {t(`itemAction.${action}`)}
            </Button>
          </Popconfirm>
        ),
      )}
      {reasonFor ? (
        <ReasonModal
          title={t(`itemAction.${reasonFor}`)}
          description={t(`itemAction.${reasonFor}.confirm`, { number: item.number })}
          required
          danger={DANGER.includes(reasonFor)}
          okText={t(`itemAction.${reasonFor}`)}
          onSubmit={(reason) => transition.mutateAsync({ action: reasonFor, reason })}
          onClose={() => setReasonFor(null)}
        />
      ) : null}
    </>
  );
}
