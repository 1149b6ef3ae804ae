// Domain errors: services throw these; the server's single error handler maps them to HTTP statuses.
// `code` selects a localised message; `params` fill it; `field` names the offending input.

export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_large'
  | 'unsupported_media_type';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const validationError = (code: string, field: string, params: Record<string, string | number> = {}) =>
  new DomainError('validation', code, params, field);
export const notFound = (entity: string, field?: string) =>
  new DomainError('not_found', 'not_found', { entity }, field);
export const conflict = (code: string, params: Record<string, string | number> = {}, field?: string) =>
  new DomainError('conflict', code, params, field);
export const forbidden = (code = 'forbidden') => new DomainError('forbidden', code);
export const unauthenticated = (code = 'unauthenticated') => new DomainError('unauthenticated', code);
