// The demo county's service ratings (服务评议), January to April 2022. Every enterprise here is INVENTED: its
// unified social credit code is made up (松阳县's division 331124 and an invented identifier) and completed with
// both check characters by the domain's own validator, so that it passes GB 32100-2015 without belonging to
// anyone. The story: most ratings are good; the land bureau's land pre-examination drew a low rating in February
// (answered and closed), the law-enforcement bureau's repeated inspections one in March (answered, not yet
// closed), and 大东坝镇's slow subsidy payment one in April (open: the town has to answer); one enterprise
// changed its April rating of 新兴镇 (the earlier one is kept as history).
import {
  completeCreditCode,
  isLowRating,
  ratingMonthOf,
  type RatingScores,
  type RatingService,
} from '@benpao/domain';
import type { Queryable } from '../db/index.ts';
import { newId } from '../ids.ts';
import type { Demo2022Options } from './demo-2022.ts';

/** Invented enterprises: type (91 enterprise, 92 individual business, 93 farmers' co-operative) and identifier. */
const ENTERPRISES = [
  '91331124MA2A1C03',
  '91331124MA2A1D17',
  '91331124MA2A2E40',
  '91331124MA2A3F52',
  '92331124MA2A4G06',
  '91331124MA2A5H19',
  '93331124MA2A6J21',
  '91331124MA2A7K35',
  '92331124MA2A8L48',
  '91331124MA2A9M50',
  '91331124MA2B0N62',
  '93331124MA2B1P74',
  '91331124MA2B2Q86',
  '91331124MA2B3R98',
].map((prefix) => completeCreditCode(prefix));

type Row = [
  date: string,
  unit: string,
  enterprise: number,
  service: RatingService,
  efficiency: number,
  attitude: number,
  compliance: number,
  comment?: string,
];

const RATINGS: Row[] = [
  // January
  ['2022-01-06', '县市场监督管理局', 0, 'registration', 5, 5, 5, '营业执照当天办结，全程网办'],
  ['2022-01-10', '县发展和改革局', 1, 'approval', 4, 5, 4],
  ['2022-01-12', '县自然资源和规划局', 2, 'project', 4, 4, 4],
  ['2022-01-14', '西屏街道', 3, 'consultation', 5, 5, 4, '街道企业服务专员上门讲解政策'],
  ['2022-01-18', '县住房和城乡建设局', 5, 'approval', 4, 4, 5],
  ['2022-01-20', '县经济商务科技局', 7, 'policy', 5, 4, 5],
  ['2022-01-24', '大东坝镇', 6, 'project', 4, 5, 4],
  ['2022-01-25', '县人力资源和社会保障局', 9, 'consultation', 5, 5, 5],
  // February
  ['2022-02-08', '县市场监督管理局', 4, 'registration', 5, 4, 5],
  [
    '2022-02-10',
    '县自然资源和规划局',
    3,
    'project',
    2,
    3,
    2,
    '用地预审材料被反复退回，前后补了三次，每次要求不一样',
  ],
  ['2022-02-14', '县综合行政执法局', 8, 'inspection', 4, 4, 4],
  ['2022-02-16', '新兴镇', 6, 'policy', 4, 4, 5],
  ['2022-02-18', '县发展和改革局', 10, 'approval', 5, 5, 4],
  ['2022-02-22', '望松街道', 11, 'consultation', 4, 5, 5],
  ['2022-02-24', '县生态环境分局', 2, 'approval', 3, 4, 4, '环评审批比承诺时限晚了两天'],
  ['2022-02-25', '县财政局', 7, 'policy', 4, 4, 4],
  // March
  ['2022-03-03', '县市场监督管理局', 12, 'registration', 5, 5, 5],
  ['2022-03-07', '县住房和城乡建设局', 1, 'approval', 4, 3, 4],
  ['2022-03-09', '县综合行政执法局', 9, 'inspection', 4, 2, 3, '同一周内两次上门检查，检查内容重复'],
  ['2022-03-11', '县自然资源和规划局', 3, 'project', 4, 4, 4, '补正材料一次性告知，比上次顺畅'],
  ['2022-03-15', '古市镇', 13, 'project', 5, 5, 4],
  ['2022-03-17', '县经济商务科技局', 0, 'policy', 4, 5, 5],
  ['2022-03-21', '大东坝镇', 11, 'policy', 4, 4, 4],
  ['2022-03-24', '县财政局', 5, 'tax_fees', 5, 4, 4],
  ['2022-03-28', '西屏街道', 8, 'consultation', 5, 5, 5],
  // April (the demo lives on 2022-04-20)
  ['2022-04-01', '县市场监督管理局', 6, 'registration', 4, 5, 5],
  ['2022-04-06', '新兴镇', 4, 'project', 3, 3, 3],
  ['2022-04-07', '县发展和改革局', 12, 'approval', 5, 4, 5],
  ['2022-04-11', '大东坝镇', 10, 'policy', 3, 2, 2, '惠企补贴申报一个多月没有回音，电话也没人说得清进度'],
  ['2022-04-12', '县自然资源和规划局', 13, 'project', 4, 4, 5],
  ['2022-04-14', '县综合行政执法局', 1, 'inspection', 4, 4, 4, '联合检查一次完成，没有重复打扰'],
  ['2022-04-18', '新兴镇', 4, 'project', 5, 4, 5, '项目代办员全程跟进，问题当场解决'],
  ['2022-04-19', '望松街道', 7, 'consultation', 5, 5, 4],
];

/** Answers (and closures) of the low ratings, by the rating's date and unit. */
const FOLLOW_UPS: Record<
  string,
  { manager: string; answeredOn: string; response: string; closedOn?: string; note?: string }
> = {
  '2022-02-10 县自然资源和规划局': {
    manager: 'zrzy',
    answeredOn: '2022-02-15',
    response: '已梳理用地预审材料清单并一次性告知企业，指定专人跟进；3 月 8 日已办结。',
    closedOn: '2022-03-10',
    note: '回访企业，问题已解决',
  },
  '2022-03-09 县综合行政执法局': {
    manager: 'zhzf',
    answeredOn: '2022-03-14',
    response: '两次检查分属不同科室，今后同一企业的检查统一纳入“综合查一次”，合并进行。',
  },
};

/** Shanghai 10:00 + a few minutes, as a UTC instant. */
const at = (date: string, minute: number) => `${date}T02:${String(minute % 60).padStart(2, '0')}:00.000Z`;

/** Seeds the ratings inside the demo's transaction; returns how many it wrote. */
export async function seedDemoRatings(
  trx: Queryable,
  regionId: string,
  opts: Demo2022Options,
): Promise<number> {
  const current = new Map<string, { id: string; version: number }>();
  let n = 0;
  for (const [date, unit, enterprise, service, efficiency, attitude, compliance, comment] of RATINGS) {
    const unitId = opts.unitIds.get(unit);
    if (!unitId) throw new Error(`demo ratings: no unit ${unit}`);
    const creditCode = ENTERPRISES[enterprise]!;
    const month = ratingMonthOf(date);
    const scores: RatingScores = { efficiency, attitude, compliance };
    const low = isLowRating(scores);
    const id = newId();
    const createdAt = at(date, n++);
    const key = `${unitId} ${creditCode} ${month}`;
    const previous = current.get(key);
    await trx
      .insertInto('service_ratings')
      .values({
        id,
        region_id: regionId,
        unit_id: unitId,
        credit_code: creditCode,
        month,
        rated_on: date,
        version: (previous?.version ?? 0) + 1,
        service,
        ...scores,
        comment: comment ?? null,
        low: low ? 1 : 0,
        created_at: createdAt,
        superseded_by: null,
        superseded_at: null,
      })
      .execute();
    if (previous) {
      await trx
        .updateTable('service_ratings')
        .set({ superseded_by: id, superseded_at: createdAt })
        .where('id', '=', previous.id)
        .execute();
    }
    current.set(key, { id, version: (previous?.version ?? 0) + 1 });
    if (!low) continue;
    const story = FOLLOW_UPS[`${date} ${unit}`];
    const manager = story ? opts.users.get(story.manager) : undefined;
    const supervisor = opts.users.get('supervisor');
    if (story && !manager) throw new Error(`demo ratings: no account ${story.manager}`);
    await trx
      .insertInto('rating_follow_ups')
      .values({
        id: newId(),
        region_id: regionId,
        rating_id: id,
        unit_id: unitId,
        status: story?.closedOn ? 'closed' : story ? 'answered' : 'open',
        opened_at: createdAt,
        response: story?.response ?? null,
        responded_by: manager?.id ?? null,
        responded_by_name: manager?.displayName ?? null,
        responded_at: story ? at(story.answeredOn, 30) : null,
        close_note: story?.note ?? null,
        closed_by: story?.closedOn ? (supervisor?.id ?? null) : null,
        closed_by_name: story?.closedOn ? (supervisor?.displayName ?? null) : null,
        closed_at: story?.closedOn ? at(story.closedOn, 45) : null,
      })
      .execute();
  }
  return RATINGS.length;
}
