// Turning API errors into what the user sees: the server's (already localised) message, on the form field it
// names when the form has that field, otherwise as a message.
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';
import i18n from '../i18n';

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
