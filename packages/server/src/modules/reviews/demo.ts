// The demo county's post-mortem review (PRODUCT.md's scenario; the article's paragraphs 1–2): the Wangcun Bridge
// widening, finished before its deadline, on the agenda of April's monthly project-promotion meeting (项目推进月度例会),
// with the street's analysis and the follow-up actions it leads to (举一反三). The people are invented; idempotent:
// nothing is added once the bridge has a review.
import type { Queryable } from '../../db/index.ts';
import type { ReviewActionTable } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import { DEMO_BRIDGE_TITLE } from '../admonitions/demo.ts';

export async function seedDemoReview(
  db: Queryable,
  regionId: string,
  at: string,
): Promise<{ reviews: number }> {
  const bridge = await db
    .selectFrom('items')
    .select(['id', 'lead_unit_id'])
    .where('region_id', '=', regionId)
    .where('title', '=', DEMO_BRIDGE_TITLE)
    .executeTakeFirst();
  if (!bridge) return { reviews: 0 };
  const existing = await db
    .selectFrom('reviews')
    .select('id')
    .where('region_id', '=', regionId)
    .where('item_id', '=', bridge.id)
    .executeTakeFirst();
  if (existing) return { reviews: 0 };
  const units = new Map(
    (
      await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('region_id', '=', regionId)
        .where('name', 'in', ['县交通运输局', '县住房和城乡建设局'])
        .execute()
    ).map((u) => [u.name, u.id]),
  );
  const supervisor = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.region_id', '=', regionId)
    .where('user_roles.role', '=', 'supervisor')
    .orderBy('users.username')
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('reviews')
    .values({
      id,
      region_id: regionId,
      item_id: bridge.id,
      title: '王村大桥拓宽改造工程复盘分析',
      state: 'scheduled',
      meeting_month: '2022-04',
      held_on: null,
      problems:
        '一是工期安排不合理，主体工程封道施工周期长，周边乡镇（街道）群众绕行约6公里；二是现场管理不到位；' +
        '三是子项目较多、统筹衔接不畅。项目虽按期完成，群众意见较大。',
      causes:
        '前期对封道施工影响群众出行研判不足，未同步制定交通组织和便民通行方案；施工组织以施工方为主，街道统筹不够；' +
        '对群众反映办理不及时，直至核查组反馈后才落实分时段放行。',
      lessons:
        '民生工程先算群众出行账：开工前同步制定交通组织和便民措施；子项目统一排期、挂图作战；群众反映接诉即办。' +
        '举一反三，对全县在建封道施工项目开展一次排查。',
      created_by: supervisor?.id ?? null,
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
  const action = (
    seq: number,
    title: string,
    owner: string | undefined,
    deadline: string,
    done: { on: string; notes: string } | null = null,
  ): ReviewActionTable => ({
    id: newId(),
    region_id: regionId,
    review_id: id,
    seq,
    title,
    owner_unit_id: owner ?? bridge.lead_unit_id,
    owner_person: null,
    deadline,
    status: done ? 'done' : 'open',
    done_on: done?.on ?? null,
    notes: done?.notes ?? null,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('review_actions')
    .values([
      action(1, '形成王村大桥拓宽改造工程复盘报告，在项目推进月度例会上专题汇报', undefined, '2022-04-20', {
        on: '2022-04-19',
        notes: '复盘报告已形成并报县执行力建设专班。',
      }),
      action(2, '王村大桥缺陷责任期养护管理方案', undefined, '2022-04-30'),
      action(
        3,
        '全县在建封道施工项目工期和交通组织排查（举一反三）',
        units.get('县交通运输局'),
        '2022-05-31',
      ),
      action(4, '制定民生工程封道施工便民通行工作规范', units.get('县住房和城乡建设局'), '2022-06-30'),
    ])
    .execute();
  return { reviews: 1 };
}
