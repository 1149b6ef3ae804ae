// Forward-only migrations, listed in order. Never edit one that has shipped: add the next.
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_items.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_items': m0002,
};
