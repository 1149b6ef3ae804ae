// Report workflow actions (submit, approve, accept, return, correct) with the lists they change refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryKeys, reportsApi } from '../../../api/services';
import type { ReportView } from '../../../api/types';

export type ReportCommand =
  | { action: 'submit' | 'approve' | 'accept' | 'correct'; report: ReportView }
  | { action: 'return'; report: ReportView; reason: string };

export function useRefreshReports() {
  const queryClient = useQueryClient();
  return (report?: Pick<ReportView, 'id' | 'itemId'>) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.reports }),
      queryClient.invalidateQueries({ queryKey: queryKeys.todo }),
      queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
      report ? queryClient.invalidateQueries({ queryKey: queryKeys.item(report.itemId) }) : undefined,
      queryClient.invalidateQueries({ queryKey: queryKeys.items, refetchType: 'none' }),
    ]);
}

/** Errors are the caller's to show (a reason dialog shows them on its field). */
export function useReportActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshReports();
  return useMutation({
    mutationFn: (cmd: ReportCommand): Promise<ReportView> => {
      const { id, rowVersion } = cmd.report;
      switch (cmd.action) {
        case 'submit':
          return reportsApi.submit(id, rowVersion);
        case 'approve':
          return reportsApi.approve(id, rowVersion);
        case 'accept':
          return reportsApi.accept(id, rowVersion);
        case 'return':
          return reportsApi.return(id, rowVersion, cmd.reason);
        case 'correct':
          return reportsApi.correct(id);
      }
    },
    onSuccess: async (report, cmd) => {
      void message.success(t(`reportAction.${cmd.action}.done`));
      await refresh(report);
    },
  });
}
