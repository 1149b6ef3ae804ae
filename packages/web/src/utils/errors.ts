// Turning API errors into what the user sees: the server's (already localised) message, on the form field it
// names when the form has that field, otherwise as a message.
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';
import i18n from '../i18n';
import { formPathOf, type NamePath } from './formPath';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return i18n.t('error.network');
  if (error instanceof TypeError) return i18n.t('error.network');
  return i18n.t('error.unknown');
}

/**
 * The form field an error names, among `fields`: the server names fields by their path ("name",
 * "roles.0", "body.password"), so the first segment that is a field of the form wins.
 */
export function formFieldOf<F extends string>(error: unknown, fields: readonly F[]): F | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const candidates = [error.field, ...error.field.split(/[.,\s]+/)];
  return fields.find((f) => candidates.includes(f));
}

/** Shows an error on its form field (antd `setFields`) when named, otherwise through `message.error`. */
export function useErrorHandler() {
  const { message } = App.useApp();
  useTranslation(); // re-render on language change so that fallbacks follow it
  return useCallback(
    (error: unknown, form?: FormInstance, fields?: readonly string[]) => {
      const text = errorText(error);
      if (form) {
        const names = fields ?? Object.keys(form.getFieldsValue(true) as Record<string, unknown>);
        const field = formFieldOf(error, names);
        if (field) {
          form.setFields([{ name: field, errors: [text] }]);
          form.scrollToField(field);
          return;
        }
      }
      void message.error(text);
    },
    [message],
  );
}

/** Whether a form registers a value at `path` (lists count as present). */
export function formHasPath(form: FormInstance, path: NamePath): boolean {
  let value: unknown = form.getFieldsValue(true);
  for (const seg of path) {
    if (value === null || typeof value !== 'object' || !(seg in (value as object))) return false;
    value = (value as Record<string | number, unknown>)[seg];
  }
  return true;
}

const NO_ALIASES: Record<string, string> = {};

/** Puts a server error on the form item it names (nested paths included), else shows it as a message. */
export function useServerErrorHandler(aliases: Record<string, string> = NO_ALIASES) {
  const { message } = App.useApp();
  useTranslation();
  return useCallback(
    (error: unknown, form: FormInstance) => {
      const text = errorText(error);
      const path =
        error instanceof ApiError ? formPathOf(error.field, (p) => formHasPath(form, p), aliases) : undefined;
      if (path) {
        form.setFields([{ name: path, errors: [text] }]);
        form.scrollToField(path, { block: 'center' });
        void message.error(text);
        return;
      }
      void message.error(text);
    },
    [message, aliases],
  );
}
