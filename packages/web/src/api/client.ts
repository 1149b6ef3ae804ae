// A small typed fetch client: same-origin cookies, Accept-Language from the UI language, JSON in and out,
// and one error type carrying the server's `{"error":{"code","message","field"}}`.
import type { ApiErrorBody } from './types';
import { takeEarly } from '../early';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** The whole error body, for errors that carry more than `error` (an import's `problems`). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, field?: string, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

/** Thrown when the server cannot be reached (or answered something that is not the API). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue> | object;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session gone" (the login form and the session probe handle it themselves). */
  allowUnauthorized?: boolean;
}

let localeGetter: () => string = () => 'zh-CN';
let unauthorizedHandler: (() => void) | null = null;

export function setLocaleGetter(getter: () => string): void {
  localeGetter = getter;
}

/** Called once when any API call answers 401 (session missing, expired or revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': localeGetter(),
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    const url = `/api${path}${buildQuery(options.query)}`;
    response = await ((method === 'GET' ? takeEarly(url, headers['Accept-Language']!) : undefined) ??
      fetch(url, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      }));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok) throw new NetworkError(`Invalid JSON from ${method} ${path}`);
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    if (isErrorBody(data)) {
      const { code, message, field } = data.error;
      throw new ApiError(response.status, code, message, field);
    }
    throw new ApiError(
      response.status,
      `http_${response.status}`,
      response.statusText || `HTTP ${response.status}`,
    );
  }
  return data as T;
}

export interface UploadOptions {
  /** multipart field name (the server expects `file`) */
  field?: string;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * Multipart upload with the session cookie and the UI language (XMLHttpRequest, for upload progress on slow
 * phone networks). Errors are the same `ApiError` as every other call; 413 and 415 without a JSON body (a proxy
 * answered) still carry their status so that the form can explain them.
 */
export function upload<T>(
  path: string,
  file: Blob,
  fileName: string,
  options: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', localeGetter());
    if (options.onProgress) {
      const onProgress = options.onProgress;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
      };
    }
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    xhr.onerror = () => reject(new NetworkError(`POST ${path}`));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', abort);
      let data: unknown = undefined;
      if (xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      if (xhr.status === 401) unauthorizedHandler?.();
      if (isErrorBody(data)) {
        const { code, message, field } = data.error;
        reject(new ApiError(xhr.status, code, message, field, data));
      } else {
        reject(
          new ApiError(xhr.status, `http_${xhr.status}`, xhr.statusText || `HTTP ${xhr.status}`, 'file'),
        );
      }
    };
    const form = new FormData();
    form.append(options.field ?? 'file', file, fileName);
    xhr.send(form);
  });
}

/** `filename*=UTF-8''…` (RFC 5987) or `filename="…"` of a Content-Disposition header. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file from the API (session cookie and UI language, which a plain link cannot send) and saves it
 * under the server's file name. Errors are the same `ApiError` as every other call.
 */
export async function download(
  path: string,
  fallbackName: string,
  options: Pick<RequestOptions, 'query' | 'signal'> = {},
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, {
      headers: { 'Accept-Language': localeGetter() },
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    if (response.status === 401) unauthorizedHandler?.();
    let data: unknown = undefined;
    try {
      data = JSON.parse(await response.text());
    } catch {
      data = undefined;
    }
    if (isErrorBody(data)) {
      const { code, message, field } = data.error;
      throw new ApiError(response.status, code, message, field, data);
    }
    throw new ApiError(
      response.status,
      `http_${response.status}`,
      response.statusText || `HTTP ${response.status}`,
    );
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
