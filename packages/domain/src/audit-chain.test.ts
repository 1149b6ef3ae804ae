import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  auditHashInput,
  GENESIS_HASH,
  verifyChain,
  type AuditRecord,
  type ChainBreak,
  type ChainedRecord,
} from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Chains records the way the server writes them: seq from start.seq + 1, each hash over the previous one. */
function buildChain(
  records: Omit<AuditRecord, 'seq'>[],
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainedRecord[] {
  let prevHash = start.hash;
  return records.map((r, i) => {
    const record: AuditRecord = { ...r, seq: start.seq + 1 + i };
    const hash = sha256(auditHashInput(prevHash, record));
    const entry = { ...record, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

const record = (over: Partial<AuditRecord> = {}): Omit<AuditRecord, 'seq'> => ({
  regionId: 'songyang',
  at: '2022-03-01T08:30:00.000Z',
  actorId: 'u-supervisor',
  actorName: '督查员（演示）',
  action: 'item.assign',
  entity: 'item',
  entityId: 'DB-2022-0017',
  before: { status: 'draft' },
  after: { status: 'assigned', leadUnit: '大东坝镇' },
  ip: '10.0.0.8',
  ...over,
});

const fiveEntries = () =>
  buildChain([
    record({ action: 'user.create', entity: 'user', entityId: 'u1', before: null }),
    record(),
    record({ actorId: null, actorName: null, ip: null, action: 'light.issue', after: { colour: 'yellow' } }),
    record({
      action: 'card.issue',
      entity: 'unit',
      entityId: '新兴镇',
      before: null,
      after: { colour: 'yellow' },
    }),
    record({ action: 'role.grant', before: ['leader'], after: ['leader', 'supervisor'] }),
  ]);

describe('auditHashInput', () => {
  it('is the previous hash, a newline, and the canonical JSON of the record', () => {
    const r: AuditRecord = { ...record(), seq: 1 };
    expect(auditHashInput(GENESIS_HASH, r)).toBe(`${GENESIS_HASH}\n${canonicalJson(r)}`);
  });

  it('does not depend on the order of the record fields', () => {
    const r: AuditRecord = { ...record(), seq: 1 };
    const reversed = Object.fromEntries(Object.entries(r).reverse()) as unknown as AuditRecord;
    expect(auditHashInput('abc', reversed)).toBe(auditHashInput('abc', r));
  });

  it('GENESIS_HASH is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('pins the hash of a known entry (the server writes these; a change here breaks every stored chain)', () => {
    const r: AuditRecord = {
      regionId: 'r',
      seq: 1,
      at: '2022-01-01T00:00:00.000Z',
      actorId: null,
      actorName: null,
      action: 'a',
      entity: 'e',
      entityId: null,
      before: null,
      after: { b: 1, a: [true, null] },
      ip: null,
    };
    expect(auditHashInput(GENESIS_HASH, r)).toBe(
      `${GENESIS_HASH}\n{"action":"a","actorId":null,"actorName":null,"after":{"a":[true,null],"b":1},"at":"2022-01-01T00:00:00.000Z","before":null,"entity":"e","entityId":null,"ip":null,"regionId":"r","seq":1}`,
    );
  });
});

describe('verifyChain: tables', () => {
  const chain = fiveEntries();
  const at = (i: number) => chain[i]!;
  const tamper = (i: number, over: Partial<ChainedRecord>) =>
    chain.map((e, j) => (j === i ? { ...e, ...over } : e));

  it.each<[string, () => Iterable<ChainedRecord>, ChainBreak | null]>([
    ['an intact chain', () => chain, null],
    ['an empty chain', () => [], null],
    ['a one-entry chain', () => chain.slice(0, 1), null],
    ['a truncated tail (the head check belongs to the caller)', () => chain.slice(0, 3), null],
    ['a changed action', () => tamper(2, { action: 'light.clear' }), { seq: 3, reason: 'hash_mismatch' }],
    ['a changed actor', () => tamper(1, { actorId: 'u-other' }), { seq: 2, reason: 'hash_mismatch' }],
    [
      'a changed time',
      () => tamper(4, { at: '2022-03-01T08:30:00.001Z' }),
      { seq: 5, reason: 'hash_mismatch' },
    ],
    ['a changed after', () => tamper(0, { after: { status: 'x' } }), { seq: 1, reason: 'hash_mismatch' }],
    ['a before nulled', () => tamper(1, { before: null }), { seq: 2, reason: 'hash_mismatch' }],
    ['a null ip filled in', () => tamper(2, { ip: '1.2.3.4' }), { seq: 3, reason: 'hash_mismatch' }],
    ['a changed region', () => tamper(3, { regionId: 'suichang' }), { seq: 4, reason: 'hash_mismatch' }],
    ['a changed hash', () => tamper(2, { hash: sha256('forged') }), { seq: 3, reason: 'hash_mismatch' }],
    [
      'a changed prevHash',
      () => tamper(2, { prevHash: GENESIS_HASH }),
      { seq: 3, reason: 'prev_hash_mismatch' },
    ],
    [
      'first entry not on genesis',
      () => tamper(0, { prevHash: 'f'.repeat(64) }),
      { seq: 1, reason: 'prev_hash_mismatch' },
    ],
    [
      'an added field',
      () => tamper(1, { extra: 1 } as Partial<ChainedRecord>),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    ['a deleted entry', () => [at(0), at(1), at(3), at(4)], { seq: 4, reason: 'seq_gap' }],
    ['a deleted first entry', () => chain.slice(1), { seq: 2, reason: 'seq_gap' }],
    ['two entries swapped', () => [at(0), at(2), at(1), at(3), at(4)], { seq: 3, reason: 'seq_gap' }],
    ['a duplicated entry', () => [at(0), at(1), at(1), at(2)], { seq: 2, reason: 'seq_gap' }],
    ['a renumbered entry', () => tamper(3, { seq: 40 }), { seq: 40, reason: 'seq_gap' }],
    [
      'an edited entry whose hash was recomputed breaks the next link',
      () => {
        const forged = { ...at(1), action: 'light.clear' };
        const { prevHash: _p, hash: _h, ...rec } = forged;
        return [
          at(0),
          { ...forged, hash: sha256(auditHashInput(forged.prevHash, rec)) },
          at(2),
          at(3),
          at(4),
        ];
      },
      { seq: 3, reason: 'prev_hash_mismatch' },
    ],
    [
      'only the first break is reported',
      () => tamper(4, { hash: 'x' }).map((e, j) => (j === 1 ? { ...e, at: 'x' } : e)),
      { seq: 2, reason: 'hash_mismatch' },
    ],
  ])('%s', (_name, entries, expected) => {
    expect(verifyChain(entries(), sha256)).toEqual(expected);
  });

  it('verifies a continuation from a checkpoint (paged verification)', () => {
    expect(verifyChain(chain.slice(2), sha256, { seq: at(1).seq, hash: at(1).hash })).toBeNull();
    expect(verifyChain(chain.slice(2), sha256, { seq: at(1).seq, hash: at(0).hash })).toEqual({
      seq: 3,
      reason: 'prev_hash_mismatch',
    });
    expect(verifyChain(chain.slice(2), sha256, { seq: 1, hash: at(1).hash })).toEqual({
      seq: 3,
      reason: 'seq_gap',
    });
    expect(verifyChain(chain.slice(2), sha256)).toEqual({ seq: 3, reason: 'seq_gap' });
  });

  it('verifies a chain built from a checkpoint', () => {
    const tail = buildChain([record(), record({ action: 'x' })], { seq: 41, hash: 'a'.repeat(64) });
    expect(tail.map((e) => e.seq)).toEqual([42, 43]);
    expect(verifyChain(tail, sha256, { seq: 41, hash: 'a'.repeat(64) })).toBeNull();
  });

  it('hashes with the injected function only', () => {
    const calls: string[] = [];
    const fake = (s: string) => {
      calls.push(s);
      return `h${calls.length}`;
    };
    const entries: ChainedRecord[] = [
      { ...record(), seq: 1, prevHash: GENESIS_HASH, hash: 'h1' },
      { ...record(), seq: 2, prevHash: 'h1', hash: 'h2' },
    ];
    expect(verifyChain(entries, fake)).toBeNull();
    expect(calls).toEqual([
      auditHashInput(GENESIS_HASH, { ...record(), seq: 1 }),
      auditHashInput('h1', { ...record(), seq: 2 }),
    ]);
  });

  it('stops reading at the first break', () => {
    let read = 0;
    function* entries() {
      for (const e of tamper(1, { hash: 'bad' })) {
        read++;
        yield e;
      }
    }
    expect(verifyChain(entries(), sha256)).toEqual({ seq: 2, reason: 'hash_mismatch' });
    expect(read).toBe(2);
  });
});

describe('verifyChain: properties', () => {
  const text = fc.string({ maxLength: 12 });
  const nullableText = fc.option(text, { nil: null });
  const records = fc.record({
    regionId: text,
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: nullableText,
    actorName: nullableText,
    action: text,
    entity: text,
    entityId: nullableText,
    before: fc.jsonValue({ maxDepth: 2 }),
    after: fc.jsonValue({ maxDepth: 2 }),
    ip: nullableText,
  });
  const starts = fc.oneof(
    fc.constant({ seq: 0, hash: GENESIS_HASH }),
    fc.record({ seq: fc.nat({ max: 1_000_000 }), hash: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  );
  const chains = fc
    .tuple(fc.array(records, { minLength: 1, maxLength: 8 }), starts)
    .map(([rs, start]) => ({ start, chain: buildChain(rs, start) }));

  type Field = keyof ChainedRecord;
  const stringFields: Field[] = ['regionId', 'at', 'action', 'entity'];
  const nullableFields: Field[] = ['actorId', 'actorName', 'entityId', 'ip'];
  const jsonFields: Field[] = ['before', 'after'];

  /** A replacement for one field of one entry whose canonical form differs from the original. */
  const tampering = (chain: ChainedRecord[]) =>
    fc
      .tuple(
        fc.nat({ max: chain.length - 1 }),
        fc.oneof(
          fc.record({ field: fc.constantFrom(...stringFields), value: fc.string() }),
          fc.record({
            field: fc.constantFrom(...nullableFields),
            value: fc.option(fc.string(), { nil: null }),
          }),
          fc.record({ field: fc.constantFrom(...jsonFields), value: fc.jsonValue({ maxDepth: 2 }) }),
          fc.record({ field: fc.constant<Field>('seq'), value: fc.integer() }),
          fc.record({
            field: fc.constantFrom<Field>('prevHash', 'hash'),
            value: fc.stringMatching(/^[0-9a-f]{64}$/),
          }),
        ),
      )
      .filter(([i, { field, value }]) => canonicalJson(chain[i]![field]) !== canonicalJson(value));

  it('accepts any correctly built chain', () => {
    fc.assert(
      fc.property(chains, ({ start, chain }) => {
        expect(verifyChain(chain, sha256, start)).toBeNull();
      }),
    );
  });

  it('accepts any prefix, and any suffix from its checkpoint', () => {
    fc.assert(
      fc.property(
        chains.chain((c) => fc.tuple(fc.constant(c), fc.nat({ max: c.chain.length }))),
        ([{ start, chain }, cut]) => {
          expect(verifyChain(chain.slice(0, cut), sha256, start)).toBeNull();
          const checkpoint = cut === 0 ? start : { seq: chain[cut - 1]!.seq, hash: chain[cut - 1]!.hash };
          expect(verifyChain(chain.slice(cut), sha256, checkpoint)).toBeNull();
        },
      ),
    );
  });

  it("rejects a chain where one entry's field, prevHash or hash changed, naming that entry", () => {
    fc.assert(
      fc.property(
        chains.chain((c) => fc.tuple(fc.constant(c), tampering(c.chain))),
        ([{ start, chain }, [i, { field, value }]]) => {
          const tampered = chain.map((e, j) => (j === i ? { ...e, [field]: value } : e));
          const expected: ChainBreak =
            field === 'seq'
              ? { seq: value as number, reason: 'seq_gap' } // the entry as stored, under its new number
              : field === 'prevHash'
                ? { seq: chain[i]!.seq, reason: 'prev_hash_mismatch' }
                : { seq: chain[i]!.seq, reason: 'hash_mismatch' };
          expect(verifyChain(tampered, sha256, start)).toEqual(expected);
        },
      ),
    );
  });

  it('rejects a chain with one entry removed from the middle or front, at the entry after the gap', () => {
    fc.assert(
      fc.property(
        chains
          .filter((c) => c.chain.length >= 2)
          .chain((c) => fc.tuple(fc.constant(c), fc.nat({ max: c.chain.length - 2 }))),
        ([{ start, chain }, i]) => {
          const without = chain.filter((_, j) => j !== i);
          expect(verifyChain(without, sha256, start)).toEqual({ seq: chain[i + 1]!.seq, reason: 'seq_gap' });
        },
      ),
    );
  });
});
