// The UI languages and the remembered choice (localStorage `benpao.locale`), without i18next: boot.ts needs the
// language of its early requests before the app's scripts have loaded.
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'benpao.locale';
/** The same choice as a cookie: the language the server renders the first screen in (ssr.tsx). */
export const LOCALE_COOKIE = 'benpao_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage disabled: fall back to the default
  }
  return DEFAULT_LOCALE;
}
