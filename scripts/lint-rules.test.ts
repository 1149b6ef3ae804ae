// The domain package must stay pure: the lint rule that enforces it is itself tested, so it cannot vanish.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problemsIn(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('lint: packages/domain has no I/O', () => {
  it.each([
    ["import fs from 'node:fs';", 'no-restricted-imports'],
    ["import http from 'http';", 'no-restricted-imports'],
    ["import SQLite from 'better-sqlite3';", 'no-restricted-imports'],
    ["import pg from 'pg';", 'no-restricted-imports'],
    ["import { Kysely } from 'kysely';", 'no-restricted-imports'],
    ['export const env = process.env;', 'no-restricted-globals'],
    ["export const r = fetch('http://127.0.0.1');", 'no-restricted-globals'],
  ])('rejects %s', async (code, rule) => {
    expect(await problemsIn('packages/domain/src/probe.ts', `${code}\nexport {};\n`)).toContain(rule);
  });

  it('allows the same import in the server', async () => {
    expect(
      await problemsIn('packages/server/src/probe.ts', "import fs from 'node:fs';\nexport const f = fs;\n"),
    ).not.toContain('no-restricted-imports');
  });
});
