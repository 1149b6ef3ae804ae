// i18next setup: two locales, flat message ids, the choice remembered in localStorage (`benpao.locale`).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import enUS from './locales/en-US';
import zhCN from './locales/zh-CN';
import type { MessageKey } from './locales/zh-CN';
import { setLocaleGetter } from './api/client';
import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_STORAGE_KEY,
  LOCALES,
  readStoredLocale,
  type Locale,
} from './locale';

export { DEFAULT_LOCALE, isLocale, LOCALE_STORAGE_KEY, LOCALES, type Locale } from './locale';

const dayjsLocale: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

function applySideEffects(locale: Locale): void {
  dayjs.locale(dayjsLocale[locale]);
  document.documentElement.lang = locale;
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // not remembered, still switched
  }
  applySideEffects(locale);
  await i18n.changeLanguage(locale);
}

const initial = readStoredLocale();
applySideEffects(initial);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'en-US': { translation: enUS },
  },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// Every API request carries the UI language so that the server localises its error messages.
setLocaleGetter(currentLocale);

/** Translate an id built at run time (role code, unit kind), falling back to the raw code. */
export function tDynamic(key: string, fallback: string): string {
  return i18n.exists(key) ? i18n.t(key as MessageKey) : fallback;
}

export function roleName(code: string): string {
  return tDynamic(`role.${code}`, code);
}

export function roleDescription(code: string): string {
  return tDynamic(`role.${code}.desc`, '');
}

export function unitKindName(kind: string): string {
  return tDynamic(`unitKind.${kind}`, kind);
}

export default i18n;
