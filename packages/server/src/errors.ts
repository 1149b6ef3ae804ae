// The one error handler: domain errors, schema validation and framework errors become
// {"error":{"code","message","field"}} in the caller's language; nothing unexpected leaks as anything but 500.
import { DomainError, type DomainErrorKind } from '@benpao/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLocale, translate } from './i18n/messages.ts';

const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_large: 413,
  unsupported_media_type: 415,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  params = {},
  field?: string,
) {
  const locale = pickLocale(request.headers['accept-language']);
  const body: ErrorBody = {
    error: { code, message: translate(code, locale, { field: field ?? '', ...params }) },
  };
  if (field) body.error.field = field;
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

export interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

export function fromZodIssue(
  issue: ZodIssueLike,
  root: unknown,
): { code: string; field: string; params: Record<string, string | number> } {
  const path = issue.instancePath.split('/').filter(Boolean);
  const field = path.join('.');
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (valueAt(root, path) === undefined) return { code: 'required', field, params: {} };
      return { code: 'invalid_type', field, params: { expected: String(p.expected ?? '') } };
    case 'too_small': {
      const origin = p.origin === 'string' || p.origin === 'array' ? p.origin : 'number';
      return { code: `too_small_${origin}`, field, params: { min: String(p.minimum ?? '') } };
    }
    case 'too_big': {
      const origin = p.origin === 'string' || p.origin === 'array' ? p.origin : 'number';
      return { code: `too_big_${origin}`, field, params: { max: String(p.maximum ?? '') } };
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? (p.keys as string[]) : [];
      const full = keys.map((k) => (field ? `${field}.${k}` : k)).join(', ');
      return { code: 'unknown_field', field: full, params: {} };
    }
    case 'invalid_value':
    case 'invalid_enum_value': {
      // zod 4 reports a missing enum or literal as invalid_value.
      if (valueAt(root, path) === undefined) return { code: 'required', field, params: {} };
      const values = Array.isArray(p.values) ? (p.values as unknown[]).map(String).join(', ') : '';
      return { code: 'invalid_value', field, params: { options: values } };
    }
    case 'invalid_format':
      return { code: 'invalid_format', field, params: {} };
    case 'custom': {
      const code =
        typeof p.params === 'object' && p.params && 'code' in p.params
          ? String((p.params as { code: unknown }).code)
          : 'invalid_field';
      return { code, field, params: {} };
    }
    default:
      return { code: 'invalid_field', field, params: {} };
  }
}

export function registerErrorHandling(app: FastifyInstance, opts: { spa: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // History fallback: a browser asking for a client-side route gets the web app.
    if (
      opts.spa &&
      request.method === 'GET' &&
      !url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return send(reply, request, 404, 'route_not_found', { method: request.method, url });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const params = { ...error.params };
      return send(reply, request, STATUS[error.kind], error.code, params, error.field);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const root =
        context === 'querystring'
          ? request.query
          : context === 'params'
            ? request.params
            : context === 'headers'
              ? request.headers
              : request.body;
      const first = error.validation[0] as unknown as ZodIssueLike;
      const { code, field, params } = fromZodIssue(first, root);
      return send(reply, request, 400, code, params, field || undefined);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 413, 'body_too_large', { limit: '1 MB' });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, request, 400, 'invalid_json');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, request, 415, 'unsupported_media_type', {
          type: String(request.headers['content-type'] ?? ''),
        });
    }
    if (error.statusCode === 429) return send(reply, request, 429, 'rate_limited');
    if (error instanceof SyntaxError) return send(reply, request, 400, 'invalid_json');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(reply, request, error.statusCode, 'invalid_field');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal');
  });
}
