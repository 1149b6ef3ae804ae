// Rule sets as data (规则即数据), versioned per region: at most one active version; drafts are validated on save
// and previewed before activation. A region that has never had one gets PRODUCT.md's defaults as version 1.
import { defaultRuleSet, type RuleSet } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { RuleSetTable } from '../../db/schema.ts';
import { newId } from '../../ids.ts';

export const ruleSetOf = (row: Pick<RuleSetTable, 'version' | 'rules_json'>): RuleSet => ({
  version: Number(row.version),
  rules: JSON.parse(row.rules_json) as RuleSet['rules'],
});

/** The region's active rule set, creating the default version 1 on first use (inside the caller's transaction). */
export async function activeRuleSet(db: Queryable, regionId: string, nowIso: string): Promise<RuleSet> {
  const row = await db
    .selectFrom('rule_sets')
    .select(['version', 'rules_json'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (row) return ruleSetOf(row);
  const any = await db
    .selectFrom('rule_sets')
    .select('id')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  const defaults = defaultRuleSet();
  if (any) return defaults; // every version retired by hand: evaluate by the defaults, record nothing
  await db
    .insertInto('rule_sets')
    .values({
      id: newId(),
      region_id: regionId,
      version: defaults.version,
      status: 'active',
      rules_json: JSON.stringify(defaults.rules),
      note: null,
      created_by: null,
      created_at: nowIso,
      activated_by: null,
      activated_at: nowIso,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return defaults;
}
