// The demo county's admonition talks (PRODUCT.md's scenario; the article's paragraph 4): after the verification team
// fed its findings back, the street's discipline officers held talks with the street staff involved in the Wangcun
// Bridge widening; one finding records that the problem of the road closure was dealt with too slowly (慢作为). Every
// person is invented and says so. Idempotent: nothing is added once the bridge has talks.
import type { Queryable } from '../../db/index.ts';
import { newId } from '../../ids.ts';

const FICTION = '（演示数据，虚构）';
export const DEMO_BRIDGE_TITLE = '王村大桥拓宽改造工程';

export async function seedDemoConduct(
  db: Queryable,
  regionId: string,
  at: string,
): Promise<{ talks: number; findings: number }> {
  const bridge = await db
    .selectFrom('items')
    .select(['id', 'lead_unit_id'])
    .where('region_id', '=', regionId)
    .where('title', '=', DEMO_BRIDGE_TITLE)
    .executeTakeFirst();
  if (!bridge) return { talks: 0, findings: 0 };
  const existing = await db
    .selectFrom('admonition_talks')
    .select('id')
    .where('region_id', '=', regionId)
    .where('item_id', '=', bridge.id)
    .executeTakeFirst();
  if (existing) return { talks: 0, findings: 0 };
  const discipline = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.region_id', '=', regionId)
    .where('user_roles.role', '=', 'discipline')
    .orderBy('users.username')
    .executeTakeFirst();
  // The verification case of the bridge, when the cases' seed made one.
  const verification = await db
    .selectFrom('cases')
    .select('id')
    .where('region_id', '=', regionId)
    .where('item_id', '=', bridge.id)
    .orderBy('received_on')
    .executeTakeFirst();
  const common = {
    region_id: regionId,
    unit_id: bridge.lead_unit_id,
    held_by: `望松街道纪工委书记 林某${FICTION}`,
    held_on: '2022-03-04',
    item_id: bridge.id,
    case_id: verification?.id ?? null,
    warning_id: null,
    created_by: discipline?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  const talks = [
    {
      ...common,
      id: newId(),
      person_name: `吴立新${FICTION}`,
      position: '望松街道城建办主任',
      reason:
        '王村大桥拓宽改造工程工期安排不合理、现场管理不到位，封道施工时间长，群众反映集中（核查组反馈问题）。',
      notes: `本人认识到问题，表示会同施工方重新研判工期，落实分时段放行措施。${FICTION}`,
    },
    {
      ...common,
      id: newId(),
      person_name: `郑佳${FICTION}`,
      position: '望松街道项目办工作人员',
      reason: '子项目较多、衔接不畅，对群众反映的绕行问题研究解决不及时。',
      notes: null,
    },
  ];
  await db.insertInto('admonition_talks').values(talks).execute();
  await db
    .insertInto('conduct_findings')
    .values({
      id: newId(),
      region_id: regionId,
      unit_id: bridge.lead_unit_id,
      person_name: talks[0]!.person_name,
      position: talks[0]!.position,
      kind: 'slow',
      facts:
        '1—2月收到群众反映17件，主要反映封道绕行距离远、施工时间长，未及时研究分时段放行等便民措施（核查组认定）。' +
        FICTION,
      measure: 'talk',
      decided_on: '2022-03-03',
      item_id: bridge.id,
      case_id: verification?.id ?? null,
      talk_id: talks[0]!.id,
      created_by: discipline?.id ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { talks: talks.length, findings: 1 };
}
