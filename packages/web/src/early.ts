// Requests of the first screen started by boot.ts while the app's scripts still download and evaluate. The API
// client takes each one once (same URL and language) instead of asking again; one never taken is simply dropped.
declare global {
  interface Window {
    __benpaoEarly?: Map<string, Promise<Response>>;
  }
}

const keyOf = (url: string, lang: string) => `${lang} ${url}`;

export function startEarly(url: string, lang: string): Promise<Response> {
  const response = fetch(url, {
    headers: { Accept: 'application/json', 'Accept-Language': lang },
    credentials: 'same-origin',
  });
  // A failure is the taker's to report; an early request nobody takes must not be an unhandled rejection.
  response.catch(() => undefined);
  (window.__benpaoEarly ??= new Map()).set(keyOf(url, lang), response);
  return response;
}

export function takeEarly(url: string, lang: string): Promise<Response> | undefined {
  const early = window.__benpaoEarly;
  const response = early?.get(keyOf(url, lang));
  if (response) early!.delete(keyOf(url, lang));
  return response;
}
