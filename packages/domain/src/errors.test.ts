import { describe, it, expect } from 'vitest';
import {
  conflict,
  DomainError,
  forbidden,
  notFound,
  unauthenticated,
  validationError,
  type DomainErrorKind,
} from './errors.ts';

interface Expected {
  kind: DomainErrorKind;
  code: string;
  params: Record<string, string | number>;
  field: string | undefined;
}

const cases: [string, () => DomainError, Expected][] = [
  [
    'validationError',
    () => validationError('too_long', 'title', { max: 200 }),
    { kind: 'validation', code: 'too_long', params: { max: 200 }, field: 'title' },
  ],
  [
    'validationError without params',
    () => validationError('required', 'name'),
    { kind: 'validation', code: 'required', params: {}, field: 'name' },
  ],
  [
    'notFound with field',
    () => notFound('unit', 'unitId'),
    { kind: 'not_found', code: 'not_found', params: { entity: 'unit' }, field: 'unitId' },
  ],
  [
    'notFound without field',
    () => notFound('item'),
    { kind: 'not_found', code: 'not_found', params: { entity: 'item' }, field: undefined },
  ],
  [
    'conflict',
    () => conflict('username_taken', { username: 'zhangsan' }, 'username'),
    { kind: 'conflict', code: 'username_taken', params: { username: 'zhangsan' }, field: 'username' },
  ],
  [
    'conflict without params or field',
    () => conflict('stale'),
    { kind: 'conflict', code: 'stale', params: {}, field: undefined },
  ],
  [
    'forbidden default',
    () => forbidden(),
    { kind: 'forbidden', code: 'forbidden', params: {}, field: undefined },
  ],
  [
    'forbidden with code',
    () => forbidden('cannot_grant_self'),
    { kind: 'forbidden', code: 'cannot_grant_self', params: {}, field: undefined },
  ],
  [
    'unauthenticated default',
    () => unauthenticated(),
    { kind: 'unauthenticated', code: 'unauthenticated', params: {}, field: undefined },
  ],
  [
    'unauthenticated with code',
    () => unauthenticated('session_expired'),
    { kind: 'unauthenticated', code: 'session_expired', params: {}, field: undefined },
  ],
  [
    'constructor: locked',
    () => new DomainError('locked', 'account_locked', { minutes: 15 }),
    { kind: 'locked', code: 'account_locked', params: { minutes: 15 }, field: undefined },
  ],
  [
    'constructor: too_large',
    () => new DomainError('too_large', 'file_too_large', { max: 10 }, 'file'),
    { kind: 'too_large', code: 'file_too_large', params: { max: 10 }, field: 'file' },
  ],
];

describe('DomainError and its helpers', () => {
  it.each(cases)('%s', (_name, make, expected) => {
    const e = make();
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.message).toBe(expected.code);
    expect({ kind: e.kind, code: e.code, params: e.params, field: e.field }).toEqual(expected);
    expect(e.stack).toEqual(expect.any(String));
  });

  it('is throwable and caught as a DomainError', () => {
    expect(() => {
      throw notFound('user');
    }).toThrow(DomainError);
    expect(() => {
      throw forbidden();
    }).toThrow('forbidden');
  });

  it('does not share the default params object between instances', () => {
    const a = forbidden();
    const b = forbidden();
    expect(a.params).not.toBe(b.params);
  });
});
