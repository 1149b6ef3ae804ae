import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.ts';

/** JSON has one zero: `-0` serialises as `0`, as JSON.stringify does. */
function withoutNegativeZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}

/** Structural equality of JSON values, ignoring key order and the sign of zero. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const rb = b as Record<string, unknown>;
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], rb[k]))
    );
  }
  return a === b; // 0 === -0
}

/** The same value with every object's keys re-inserted in an order drawn from `seed`. */
function reorderKeys(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go);
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).map(([k, x]) => [k, go(x)] as const);
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      // fromEntries defines own properties, so a "__proto__" key stays a key.
      return Object.fromEntries(entries);
    }
    return v;
  };
  return go(value);
}

const jsonValues = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }), // lone surrogates and astral characters in keys and strings
  fc.jsonValue({ stringUnit: 'grapheme' }),
);

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['undefined', undefined, 'null'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['zero', 0, '0'],
    ['negative zero', -0, '0'],
    ['integer', 42, '42'],
    ['negative', -7, '-7'],
    ['fraction', 0.1, '0.1'],
    ['exponent', 1e21, '1e+21'],
    ['small exponent', 1e-7, '1e-7'],
    ['max safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['NaN', NaN, 'null'],
    ['Infinity', Infinity, 'null'],
    ['-Infinity', -Infinity, 'null'],
    ['empty string', '', '""'],
    ['string with quotes and controls', 'a"b\\c\n\t\u0001', '"a\\"b\\\\c\\n\\t\\u0001"'],
    ['CJK string', '松阳县', '"松阳县"'],
    ['lone surrogate', '\ud800', '"\\ud800"'],
    ['Date', new Date(Date.UTC(2022, 2, 1, 8, 30)), '"2022-03-01T08:30:00.000Z"'],
    ['empty array', [], '[]'],
    ['empty object', {}, '{}'],
    ['array keeps order', [3, 1, 2], '[3,1,2]'],
    ['array holes of undefined become null', [1, undefined, 2], '[1,null,2]'],
    ['array of non-finite numbers', [NaN, Infinity], '[null,null]'],
    [
      'sparse array holes become null, as in JSON.stringify',
      Object.assign(new Array<unknown>(3), { 1: 'x' }),
      '[null,"x",null]',
    ],
    ['invalid Date becomes null, as in JSON.stringify', new Date(NaN), 'null'],
    ['keys sorted', { b: 1, a: 2, c: 3 }, '{"a":2,"b":1,"c":3}'],
    [
      'keys sorted by code unit, not locale',
      { b: 1, B: 2, a: 3, _: 4, '10': 5, '9': 6 },
      '{"10":5,"9":6,"B":2,"_":4,"a":3,"b":1}',
    ],
    // JS objects enumerate integer-like keys first; canonical order is by code unit regardless.
    [
      'integer-like keys sorted as strings',
      { '0': false, '': null, '2': 1, '10': 2 },
      '{"":null,"0":false,"10":2,"2":1}',
    ],
    ['CJK keys sorted by code unit', { 镇: 1, 县: 2, 乡: 3 }, '{"乡":3,"县":2,"镇":1}'],
    [
      'nested objects sorted',
      { z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null },
      '{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}',
    ],
    ['undefined members dropped', { a: undefined, b: 1 }, '{"b":1}'],
    ['null members kept', { a: null, b: 1 }, '{"a":null,"b":1}'],
    ['key needing escapes', { 'a"b': 1, '\n': 2 }, '{"\\n":2,"a\\"b":1}'],
    ['"__proto__" own key', JSON.parse('{"__proto__":1,"a":2}'), '{"__proto__":1,"a":2}'],
    ['Date inside an object', { at: new Date(0) }, '{"at":"1970-01-01T00:00:00.000Z"}'],
    ['no whitespace', { a: [1, { b: 'x y' }] }, '{"a":[1,{"b":"x y"}]}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives an audit record the same bytes whatever the order its fields were assigned in', () => {
    const a = {
      regionId: 'r1',
      seq: 1,
      action: 'user.create',
      before: null,
      after: { id: 'u1', roles: ['leader'] },
    };
    const b = {
      after: { roles: ['leader'], id: 'u1' },
      before: null,
      action: 'user.create',
      seq: 1,
      regionId: 'r1',
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('is independent of key order (property)', () => {
    fc.assert(
      fc.property(jsonValues, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorderKeys(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  it('round-trips through JSON.parse to an equal value (property)', () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toStrictEqual(withoutNegativeZero(value));
      }),
    );
  });

  it('is a fixed point: canonicalising the parsed canonical form changes nothing (property)', () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('distinguishes values that differ (property)', () => {
    fc.assert(
      fc.property(jsonValues, jsonValues, (a, b) => {
        // Values that differ as JSON (up to key order) never share a canonical form.
        fc.pre(!sameJson(a, b));
        expect(canonicalJson(a)).not.toBe(canonicalJson(b));
      }),
    );
  });
});
