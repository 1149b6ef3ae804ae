// Small SQL helpers that behave the same on SQLite and PostgreSQL.
import { conflict } from '@benpao/domain';
import { sql, type Expression, type RawBuilder } from 'kysely';

/** A LIKE pattern matching `text` anywhere, with its own wildcards escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `column LIKE pattern ESCAPE '\'`: SQLite has no default escape character, so name it. */
export const likeEscaped = (column: Expression<unknown>, pattern: string): RawBuilder<boolean> =>
  sql<boolean>`${column} like ${pattern} escape '\\'`;

/** Whether an error is a unique-constraint violation in either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return (
    !!e &&
    (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === '23505')
  );
}

/**
 * For `.catch()` on an insert or update: two writers that both passed the existence check race to the unique
 * index, and the loser gets the same 409 naming the field as a sequential duplicate would.
 */
export const conflictOnUnique =
  (field: string, value: string) =>
  (err: unknown): never => {
    if (isUniqueViolation(err)) throw conflict('conflict_unique', { value }, field);
    throw err;
  };
