// The demo's monthly project-promotion meetings (项目推进月度例会) and supervision bulletins (督查通报), played through
// the services on their days (PRODUCT.md's scenario): March's meeting with the commitments it made, carried into
// April's pack; April's meeting, with the Wangcun Bridge review on its agenda, ready to be held; and the year's
// bulletins, the third of which (松执专〔2022〕3号) announces the article's warnings — the two towns' yellow cards
// and the bureau's yellow light. Runs after the warning engine's catch-up: bulletins are drafted from the warnings.
import type { Db } from '../db/index.ts';
import * as bulletins from '../modules/bulletins/service.ts';
import * as meetings from '../modules/meetings/service.ts';
import { actingInDemo, sessionOf } from './acting.ts';

/** Periods of the demo's bulletins and the days they were published. */
export const DEMO_BULLETINS = [
  { from: '2022-01-01', to: '2022-02-28', publishedOn: '2022-03-02' },
  { from: '2022-03-01', to: '2022-03-31', publishedOn: '2022-04-06' },
  { from: '2022-04-01', to: '2022-04-20', publishedOn: '2022-04-20' },
] as const;

export async function seedDemoMeetings(db: Db, regionId: string, demoToday: string): Promise<void> {
  const existing = await db
    .selectFrom('meetings')
    .select('id')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (existing) return;
  const supervisor = await sessionOf(db, regionId, 'supervisor');
  const leader = await sessionOf(db, regionId, 'leader');
  const readers = await Promise.all(['xinxing', 'zrzy', 'wangsong'].map((u) => sessionOf(db, regionId, u)));
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name']).where('region_id', '=', regionId).execute()).map(
      (u) => [u.name, u.id],
    ),
  );
  await actingInDemo(db, regionId, demoToday, async (on) => {
    // March's meeting and what it decided.
    let ctx = await on('2022-03-25', supervisor, 15);
    await meetings.createMeeting(db, ctx, {
      month: '2022-03',
      heldOn: '2022-03-25',
      notes: '县领导听取一季度重点项目和重点工作推进情况汇报，对滞后事项逐项交办。（演示数据，虚构）',
    });
    const commit = (text: string, unit: string, deadline: string) =>
      meetings.addCommitment(db, ctx, '2022-03', { text, ownerUnitId: units.get(unit) ?? null, deadline });
    await commit('王村大桥拓宽改造工程3月底前完工通车', '望松街道', '2022-03-31');
    await commit('松材线虫病疫木除治4月底前追上序时进度', '大东坝镇', '2022-04-30');
    await commit('松材线虫病疫木除治4月底前追上序时进度', '新兴镇', '2022-04-30');
    await commit('帮扶工作一季度节点任务4月15日前补齐', '县自然资源和规划局', '2022-04-15');
    const march = await meetings.getMeeting(db, ctx, '2022-03');
    ctx = await on('2022-03-30', supervisor, 17);
    const bridge = march.commitments.find((c) => c.text.startsWith('王村大桥'));
    if (bridge)
      await meetings.updateCommitment(db, ctx, '2022-03', bridge.id, {
        status: 'done',
        doneOn: '2022-03-30',
      });
    // April's meeting, on the calendar with the bridge's review on its agenda (reviews are scheduled by month).
    ctx = await on(demoToday, supervisor, 9);
    await meetings.createMeeting(db, ctx, {
      month: '2022-04',
      notes: '议程：一季度“开门红”项目推进情况；亮灯亮牌事项整改；王村大桥拓宽改造工程复盘分析（望松街道）。',
    });

    // The bulletins: drafted by the supervisor from the period's warnings, approved by the leader, published.
    for (const b of DEMO_BULLETINS) {
      ctx = await on(b.publishedOn, supervisor, 9);
      const draft = await bulletins.createDraft(db, ctx, { from: b.from, to: b.to });
      await bulletins.approveBulletin(db, await on(b.publishedOn, leader, 11), draft.id);
      await bulletins.publishBulletin(db, await on(b.publishedOn, supervisor, 15), draft.id);
      // Units read it (the third one: 新兴镇 the same day; 大东坝镇 has not yet).
      const who = b.publishedOn === demoToday ? readers.slice(0, 1) : readers;
      for (const r of who) await bulletins.markRead(db, await on(b.publishedOn, r, 16), draft.id);
    }
  });
}
