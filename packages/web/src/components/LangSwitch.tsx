import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '../i18n';

/** One click switches between 中文 and English; the label names the language it switches to. */
export default function LangSwitch() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const label = next === 'en-US' ? t('lang.en-US') : t('lang.zh-CN');
  return (
    <Tooltip title={t('lang.switch')}>
      <Button
        type="text"
        data-testid="lang-switch"
        data-locale={locale}
        aria-label={`${t('lang.switch')}: ${label}`}
        icon={<TranslationOutlined />}
        onClick={() => void changeLocale(next)}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
