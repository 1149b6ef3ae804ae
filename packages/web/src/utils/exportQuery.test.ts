import { describe, expect, it } from 'vitest';
import { exportQuery } from './exportQuery';

describe('exportQuery', () => {
  it('keeps the filters, drops paging and empty values', () => {
    expect(
      exportQuery({
        kind: 'card',
        state: 'open',
        unitId: '',
        asOf: undefined,
        page: 3,
        pageSize: 50,
        low: true,
      }),
    ).toEqual({ kind: 'card', state: 'open', low: true });
  });
  it('drops what is not a plain value', () => {
    expect(exportQuery({ month: '2022-04', nested: { a: 1 }, list: ['x'], none: null })).toEqual({
      month: '2022-04',
    });
  });
});
