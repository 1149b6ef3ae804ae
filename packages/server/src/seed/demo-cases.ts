// The Wangcun Bridge story as a verification case (核查), played through the cases service step by step on the days
// it happened, as the people involved would have done it in Benpao (PRODUCT.md's scenario; the article's paragraphs
// 2–4): complaints about the road closure since construction began in March 2021, a 12345 ticket in December 2021, a
// verification team of the discipline commission and the task force formed on the county party committee's
// instruction in January 2022, the three findings, feedback to 望松街道, its rectification plan (approved), the
// measures carried out, the bridge opened on 2022-03-30, the re-check, the reply to the complainant and closure.
// The admonition talks and the post-mortem review follow in their own seeds. Every person and number is invented.
import type { Db } from '../db/index.ts';
import * as cases from '../modules/cases/service.ts';
import { DEMO_BRIDGE_TITLE } from '../modules/admonitions/demo.ts';
import { actingInDemo, sessionOf } from './acting.ts';

/** The days of the story (the region lives on each while its step is taken). */
export const WANGCUN_CASE_DAYS = {
  received: '2021-12-20',
  team: '2022-01-17',
  findings: '2022-02-10',
  feedback: '2022-02-14',
  plan: '2022-02-21',
  approved: '2022-02-23',
  recheck: '2022-04-06',
  reply: '2022-04-08',
  closed: '2022-04-11',
} as const;

/** Returns the case id, or null when the bridge is missing or already has a case. */
export async function seedDemoCases(db: Db, regionId: string, demoToday: string): Promise<string | null> {
  const bridge = await db
    .selectFrom('items')
    .select(['id', 'lead_unit_id'])
    .where('region_id', '=', regionId)
    .where('title', '=', DEMO_BRIDGE_TITLE)
    .executeTakeFirst();
  if (!bridge) return null;
  const existing = await db
    .selectFrom('cases')
    .select('id')
    .where('region_id', '=', regionId)
    .where('item_id', '=', bridge.id)
    .executeTakeFirst();
  if (existing) return null;
  const discipline = await sessionOf(db, regionId, 'discipline');
  const supervisor = await sessionOf(db, regionId, 'supervisor');
  const wangsong = await sessionOf(db, regionId, 'wangsong');
  const wangsongReporter = await sessionOf(db, regionId, 'wangsong_tb');
  const D = WANGCUN_CASE_DAYS;
  return actingInDemo(db, regionId, demoToday, async (on) => {
    const created = await cases.createCase(db, await on(D.received, supervisor, 9), {
      source: 'hotline_12345',
      kind: 'complaint',
      title: '古青线王村大桥封道施工时间长、群众绕行远',
      subject: { itemId: bridge.id },
      description:
        '12345热线转办（工单号 SY2021122000187，虚构）：古青线王村大桥自2021年3月封道施工至今，周边乡镇（街道）群众' +
        '出行需绕行约6公里，施工进度慢，夜间无人施工。自开工以来群众已多次通过12345热线和来信反映，问题未得到解决。',
      receivedOn: D.received,
      name: '周先生（虚构）',
      phone: '13900001234',
    });
    const id = created.id;
    // On the county party committee's instruction: the discipline commission and the task force verify together.
    let ctx = await on(D.team, discipline);
    await cases.assignTeam(db, ctx, id, {
      unitId: bridge.lead_unit_id,
      members: [
        { userId: discipline.id, lead: true },
        { userId: supervisor.id, lead: false },
      ],
    });
    await cases.extendDeadline(db, ctx, id, {
      deadline: '2022-04-15',
      reason:
        '按县委要求，由县纪委县监委会同县执行力建设专班成立核查组深入核查，并跟踪整改至工程完工，办理期限延至2022年4月15日。',
    });
    ctx = await on(D.findings, discipline);
    await cases.addFinding(db, ctx, id, {
      category: 'unreasonable_schedule',
      text: '工期安排不合理：主体工程封道施工周期长达一年，未分段、分时组织施工，对群众出行影响估计不足。',
    });
    await cases.addFinding(db, ctx, id, {
      category: 'inadequate_site_management',
      text: '工程管理不到位：现场施工力量不足，夜间和节假日停工，便道养护和交通引导缺失。',
    });
    await cases.addFinding(db, ctx, id, {
      category: 'poor_coordination',
      text: '子项目较多且配合不畅：管线迁改、引道拓宽、照明等子项目分头推进，街道统筹协调不力，相互等待。',
    });
    ctx = await on(D.feedback, discipline);
    await cases.issueFeedback(db, ctx, id, {
      text:
        '核查组向望松街道党工委反馈上述三方面问题，要求街道落实主体责任，对照检查，会同施工方研判工程实际情况，' +
        '于2月21日前报送切实可行的整改方案；同时督促街道纪工委、监察办对涉及的街道工作人员开展谈话提醒。',
    });
    ctx = await on(D.plan, wangsong);
    await cases.submitPlan(db, ctx, id, {
      summary:
        '望松街道会同施工方重新研判工期，倒排计划、挂图作战：增加施工班组实行两班倒，分时段放行，统筹子项目交叉作业，' +
        '确保3月底前主体完工、全线通车。',
      measures: [
        {
          text: '倒排工期，增加施工班组实行两班倒，3月底前完成主体工程',
          owner: '望松街道城建办',
          deadline: '2022-03-31',
        },
        {
          text: '早晚高峰分时段放行，完善绕行标志和便道养护',
          owner: '望松街道平安办',
          deadline: '2022-02-28',
        },
        { text: '建立管线迁改、引道、照明子项目周调度机制', owner: '望松街道项目办', deadline: '2022-03-15' },
      ],
    });
    ctx = await on(D.approved, discipline);
    const planned = await cases.getCase(db, ctx, id);
    const plan = planned.plans[planned.plans.length - 1]!;
    await cases.decidePlan(db, ctx, id, plan.id, { approve: true });
    const [schedule, traffic, coordination] = plan.measures;
    const progress = async (day: string, measureId: string, text: string, done: boolean) =>
      cases.recordProgress(db, await on(day, wangsongReporter, 16), id, measureId, {
        text,
        done,
        fileIds: [],
      });
    await progress(
      '2022-02-28',
      traffic!.id,
      '早7—8时、晚5—6时分时段放行，新设绕行指示牌12块，便道完成硬化养护。',
      true,
    );
    await progress('2022-03-07', schedule!.id, '新增施工班组2个，实行两班倒，主桥面板浇筑完成60%。', false);
    await progress(
      '2022-03-14',
      coordination!.id,
      '已召开子项目周调度会4次，管线迁改与引道施工交叉作业完成。',
      true,
    );
    await progress('2022-03-30', schedule!.id, '主体工程完工，3月30日全线通车，较计划工期提前1天。', true);
    ctx = await on(D.recheck, discipline);
    await cases.recheck(db, ctx, id, {
      passed: true,
      note: '核查组实地复查：主体工程已完工通车，分时段放行和周调度机制落实到位，整改措施全部完成。',
    });
    ctx = await on(D.reply, discipline);
    await cases.reply(db, ctx, id, {
      text: '您反映的王村大桥封道施工问题，经核查属实。望松街道已完成整改，大桥于2022年3月30日全线通车。感谢您的监督。',
    });
    ctx = await on(D.closed, discipline);
    await cases.closeCase(db, ctx, id, { note: '整改完成，群众已答复，工程复盘列入4月项目推进月度例会。' });
    return id;
  });
}
