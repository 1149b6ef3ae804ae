// Forward-only migrations, listed in order. Never edit one that has shipped: add the next.
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_items.ts';
import * as m0003 from './0003_warnings.ts';
import * as m0004 from './0004_webhooks.ts';
import * as m0005 from './0005_ratings.ts';
import * as m0006 from './0006_running_index.ts';
import * as m0007 from './0007_cases.ts';
import * as m0008 from './0008_conduct_reviews.ts';
import * as m0009 from './0009_business_dates.ts';
import * as m0010 from './0010_bulletins_meetings.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_items': m0002,
  '0003_warnings': m0003,
  '0004_webhooks': m0004,
  '0005_ratings': m0005,
  '0006_running_index': m0006,
  '0007_cases': m0007,
  '0008_conduct_reviews': m0008,
  '0009_business_dates': m0009,
  '0010_bulletins_meetings': m0010,
};
