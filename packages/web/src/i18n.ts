// i18next setup: two locales, flat message ids, the choice remembered in localStorage (`benpao.locale`).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN from './locales/zh-CN';
import type { MessageKey } from './locales/zh-CN';
import { setLocaleGetter } from './api/client';
import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALE_COOKIE,
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
  if (typeof document === 'undefined') return; // rendering on the server
  document.documentElement.lang = locale;
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
}

/**
 * The messages of a language, loaded when first needed: zh-CN (the default and the fallback) is in the first
 * download, en-US is a chunk of its own, which saves every Chinese reader its parsing on the first screen.
 */
async function loadMessages(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: messages } = await import('./locales/en-US');
  i18n.addResourceBundle(locale, 'translation', messages);
}

export async function changeLocale(locale: Locale): Promise<void> {
  await loadMessages(locale);
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
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The server's render of the first screen (ssr.tsx): switches at once, both languages' messages being loaded. */
export function setRenderLocale(locale: Locale): void {
  applySideEffects(locale);
  void i18n.changeLanguage(locale);
  if (i18n.language !== locale) throw new Error(`the language did not switch to ${locale} at once`);
}

/** Resolves when the remembered language's messages are there; the app renders after it (main.tsx). */
export const localeReady: Promise<unknown> =
  initial === DEFAULT_LOCALE
    ? Promise.resolve()
    : loadMessages(initial).then(() => i18n.changeLanguage(initial));

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
