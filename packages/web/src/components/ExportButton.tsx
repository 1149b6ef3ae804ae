// "Export Excel" for a list: downloads the list's .xlsx with the same filters the screen shows (the server applies
// the list's own access rules), in the UI language.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { errorText } from '../utils/errors';
import { exportQuery } from '../utils/exportQuery';

interface Props {
  /** API path under /api, e.g. `/warnings/export.xlsx`. */
  path: string;
  fallbackName: string;
  /** The list's filters (any paging in it is dropped). */
  query?: object;
  testId?: string;
}

export default function ExportButton({ path, fallbackName, query, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId ?? 'export-xlsx'}
      onClick={async () => {
        setBusy(true);
        try {
          await download(path, fallbackName, { query: exportQuery(query) });
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('common.exportExcel')}
    </Button>
  );
}
