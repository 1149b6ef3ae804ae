// A searchable select of supervised items (督办事项) by number or title, for forms that point at an item (a case's
// subject, a review, a talk). Asks the server as the user types; shows the item already chosen by its label.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemsApi } from '../../api/services';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}

export default function ItemSelect({ value, onChange, placeholder, allowClear, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const items = useQuery({
    queryKey: ['items', 'select', q],
    queryFn: ({ signal }) => itemsApi.list({ q: q || undefined, page: 1, pageSize: 30 }, signal),
    staleTime: 30_000,
    // The options stay while a new search runs: an option picked just then must still be there to pick.
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      placeholder={placeholder ?? t('itemSelect.placeholder')}
      loading={items.isFetching}
      notFoundContent={items.isFetching ? t('common.loading') : t('common.noData')}
      options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.number} ${i.title}` }))}
      data-testid={rest['data-testid']}
    />
  );
}
