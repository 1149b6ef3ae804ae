// The demo county's 2022 supervision data, as of 2022-04-20 (PRODUCT.md "The scenario every release must play"; the
// source story is the Lishui municipal government's report of 2022-04-21 on Songyang's "Run Hard" campaign). Only
// facts are seeded: items, milestones, plans, targets, progress reports and the lifecycle history. Lights, cards and
// index scores are not: the warning engine and the running index derive them from these facts, so the numbers below
// are what makes the story true:
// - the 13 "good start" (开门红) projects of 2022 have all started; two are behind their investment plan;
// - pine-wilt tree removal in 大东坝镇 and 新兴镇 kept pace until February, then missed the 31 March milestone and is
//   25 points behind plan at the March period end: two yellow lights each in April, hence one yellow card each;
// - the Natural Resources and Planning Bureau's assistance to the towns missed its first-quarter milestone (one
//   yellow light; less than 10 points behind plan, so no second light);
// - the Wangcun Bridge widening under 望松街道 finished on 2022-03-30, before its planned completion (2022-03-31);
// - five key indicators with monthly cumulative targets, one below target in March.
// Reports follow the reports module: a returned report is resubmitted on the same row (its return reason stays as
// history), lateness is measured on the (last) submission day against deadlineOf() in the Chinese working calendar.
// Every person, company and figure is invented, and each item's description says so. Deterministic: no randomness,
// numbers DB-2022-0001… in the order below.
import {
  addDays,
  builtinChineseCalendar,
  deadlineOf,
  isLate,
  periodByKey,
  periodOf,
  ratioPct,
  shanghaiDateOf,
  WorkCalendar,
  workingDaysLate,
  type CalendarDate,
  type Frequency,
  type Period,
} from '@benpao/domain';
import type { Queryable } from '../db/index.ts';
import type {
  IndicatorTargetTable,
  InvestmentPlanTable,
  ItemCoUnitTable,
  ItemTable,
  ItemTransitionTable,
  MilestoneTable,
  ReportMilestoneTable,
  ReportTable,
} from '../db/schema.ts';
import { newId } from '../ids.ts';

/** The date the demo region lives in (region_settings.demo_today). */
export const DEMO_TODAY = '2022-04-20';
/** The first day the warning engine evaluates the demo (the items were assigned on 2022-01-04). */
export const DEMO_EVALUATION_START = '2022-01-04';
const YEAR = 2022;
const FICTION = '（演示数据，虚构）';
/** 1 万元 in fen. */
const WAN = 1_000_000;
const DEFAULT_MONTHLY_PCT = [4, 5, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10];

export interface Demo2022Options {
  /** Unit name → id. */
  unitIds: ReadonlyMap<string, string>;
  /** Demo username → account. */
  users: ReadonlyMap<string, { id: string; displayName: string }>;
}

interface MilestoneSpec {
  title: string;
  planned: CalendarDate;
  weight: number;
  /** Reached on this date (reported in the report of the period holding it). */
  done?: CalendarDate;
}

interface PeriodSpec {
  work: string;
  problems: string;
  next: string;
  /** The unit's own estimate of overall progress; default: the weights of the milestones reached by the period end. */
  progress?: number;
  /** Submitted this many working days after the deadline. */
  late?: number;
  /** Submitted on this day (otherwise a day or two before the deadline). */
  submittedOn?: CalendarDate;
  /** Submitted, returned by the task force the next working day with this reason, resubmitted by the deadline. */
  returned?: string;
  /** A report of the current (unfinished) period: a draft, or submitted and not reviewed yet. */
  open?: 'draft' | 'submitted';
  /** Indicators: the cumulative value of the period. */
  value?: number;
}

interface ProjectSpec {
  phase: 'preliminary' | 'construction' | 'completed';
  plannedStart: CalendarDate;
  actualStart: CalendarDate;
  plannedCompletion: CalendarDate;
  totalWan: number;
  annualWan: number;
  /** Share of the annual plan per month from January, in percent; December takes the rounding remainder. */
  monthlyPct?: number[];
  /** Completed investment (cumulative, this year) as a multiple of the plan to date, per reported period. */
  pace: number[];
}

interface IndicatorSpec {
  measure: string;
  unitOfMeasure: string;
  direction: 'higher_better' | 'lower_better';
  annualTarget: number;
  /** Cumulative targets January…December. */
  targets: number[];
  /** How the reports word it: `${says}${value}${unitText}`. */
  says: string;
  unitText: string;
}

interface ItemSpec {
  kind: ItemTable['kind'];
  title: string;
  description: string;
  basisType: 'meeting' | 'instruction' | 'document' | 'complaint' | 'other';
  basisText: string;
  urgency?: 'normal' | 'urgent' | 'very_urgent';
  lead: string;
  co?: string[];
  leader: string;
  start?: CalendarDate;
  due?: CalendarDate;
  frequency?: Frequency;
  deadlineWorkingDays?: number;
  milestones?: MilestoneSpec[];
  project?: ProjectSpec;
  indicator?: IndicatorSpec;
  /** Reports from the first period on, in order. */
  periods: PeriodSpec[];
  /** The unit starts the item itself on this day (otherwise its first report does, as the reports module does). */
  startedOn?: CalendarDate;
  completion?: { requestedOn: CalendarDate; reason: string; completedOn: CalendarDate; remark: string };
  /** Marks the 13 "good start" projects. */
  goodStart?: boolean;
}

// ------------------------------------------------------------------------------------------ the 13 projects

const GOOD_START_BASIS = '县委“二次创业”执行力建设“奋力奔跑”行动：2022年“开门红”重点项目清单';

const project = (
  p: Omit<ItemSpec, 'kind' | 'basisType' | 'basisText' | 'goodStart'> & { listNo: number },
): ItemSpec => ({
  ...p,
  kind: 'project',
  basisType: 'meeting',
  basisText: `${GOOD_START_BASIS}（第${p.listNo}项）`,
  goodStart: true,
});

const GOOD_START: ItemSpec[] = [
  project({
    listNo: 1,
    title: '2022年松阳县全域土地综合整治与生态修复工程（古市片区）',
    description: `古市片区5个行政村土地平整、旱地改水田1,200亩、建设用地复垦300亩及生态修复。${FICTION}`,
    lead: '县自然资源和规划局',
    co: ['县农业农村局', '古市镇'],
    leader: 'leader3',
    project: {
      phase: 'construction',
      plannedStart: '2022-02-15',
      actualStart: '2022-02-14',
      plannedCompletion: '2024-06-30',
      totalWan: 28_600,
      annualWan: 9_800,
      monthlyPct: [3, 4, 8, 9, 9, 9, 9, 10, 10, 10, 10, 9],
      pace: [1.05, 1.03, 1.06],
    },
    milestones: [
      {
        title: '实施方案通过省级审查，完成项目区勘测定界',
        planned: '2022-02-10',
        weight: 10,
        done: '2022-02-08',
      },
      {
        title: '一期土地平整工程完成招标并全面进场施工',
        planned: '2022-03-15',
        weight: 15,
        done: '2022-03-11',
      },
      { title: '完成旱地改水田1,200亩主体工程', planned: '2022-06-30', weight: 25 },
      { title: '完成建设用地复垦300亩并通过初验', planned: '2022-09-30', weight: 25 },
      { title: '完成年度工程量并通过市级中期评估', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '完成项目区现状地类核查和权属调查，实施方案已报省自然资源厅审查；同步编制一期土地平整工程招标文件。',
        problems: '项目区涉及古市镇5个行政村，部分农户对旱改水后的耕作方式存在顾虑。',
        next: '2月上旬完成勘测定界；配合古市镇逐村开展政策宣传，力争2月中旬开工。',
      },
      {
        work: '实施方案2月8日通过省级审查，完成项目区勘测定界；项目2月14日开工，先行实施临时道路和表土剥离约120亩。',
        problems: '春节后劳动力返岗较慢，进场机械数量不足。',
        next: '3月中旬前完成一期土地平整工程招标并全面进场，挖机增加到10台以上。',
      },
      {
        work: '一期土地平整工程3月11日完成招标并全面进场，投入挖机14台；累计完成表土剥离380亩、田块平整210亩。',
        problems: '3月中下旬连续降雨，影响土方作业约6天。',
        next: '抢抓晴好天气加快旱改水田块平整，4月底前完成灌排沟渠放样。',
      },
    ],
  }),
  project({
    listNo: 2,
    title: '2022年松阳县配电网改造建设工程',
    description: `城区10kV线路新建改造18公里、农网台区改造120个、线路改造共110公里，由县供电企业实施。${FICTION}`,
    lead: '县发展和改革局',
    co: ['县经济商务科技局', '县住房和城乡建设局'],
    leader: 'leader2',
    project: {
      phase: 'construction',
      plannedStart: '2022-01-20',
      actualStart: '2022-01-18',
      plannedCompletion: '2022-12-31',
      totalWan: 18_500,
      annualWan: 12_000,
      pace: [1.08, 1.04, 1.02, 0.9],
    },
    milestones: [
      { title: '完成年度改造项目物资招标采购', planned: '2022-01-28', weight: 10, done: '2022-01-26' },
      { title: '完成城区10kV线路新建改造18公里', planned: '2022-03-31', weight: 20, done: '2022-03-29' },
      { title: '完成农村台区改造120个', planned: '2022-07-31', weight: 25 },
      { title: '完成全部线路改造110公里', planned: '2022-10-31', weight: 25 },
      { title: '竣工验收并投运', planned: '2022-12-20', weight: 20 },
    ],
    periods: [
      {
        work: '1月26日完成年度物资招标采购；城区10kV线路改造完成施工图会审，1月18日起开挖城东片区电缆通道。',
        problems: '春节期间保供电任务重，施工力量有所分散。',
        next: '节后组织施工队伍及时返岗，加快城区10kV线路新建改造。',
      },
      {
        work: '城区10kV线路新建改造完成9.6公里；农村台区改造完成勘察设计46个。',
        problems: '部分线路走廊涉及林木砍伐赔偿，需乡镇协调。',
        next: '3月底前完成城区18公里线路改造，启动首批农村台区施工。',
      },
      {
        work: '3月29日完成城区10kV线路新建改造18.4公里；首批农村台区改造开工32个。',
        problems: '暂无。',
        next: '4月起全面推进农村台区改造，做好迎峰度夏前重点线路投运准备。',
      },
      {
        work: '4月1日至19日新开工农村台区26个，累计开工58个、完工21个。',
        problems: '暂无。',
        next: '5月底前完成农村台区改造60个。',
        open: 'submitted',
        submittedOn: '2022-04-19',
      },
    ],
  }),
  project({
    listNo: 3,
    title: '松阳县工业园区小微企业园（二期）建设工程',
    description: `新建标准厂房8幢约12万平方米及配套设施。${FICTION}`,
    lead: '县经济商务科技局',
    co: ['县自然资源和规划局', '县住房和城乡建设局'],
    leader: 'leader2',
    project: {
      phase: 'construction',
      plannedStart: '2022-01-25',
      actualStart: '2022-01-22',
      plannedCompletion: '2023-12-31',
      totalWan: 32_000,
      annualWan: 11_000,
      pace: [1.03, 1.05, 1.04],
    },
    milestones: [
      { title: '完成施工图审查并取得施工许可', planned: '2022-01-20', weight: 10, done: '2022-01-19' },
      { title: '完成1—4号标准厂房桩基工程', planned: '2022-03-25', weight: 20, done: '2022-03-23' },
      { title: '1—4号标准厂房主体结顶', planned: '2022-07-31', weight: 25 },
      { title: '5—8号标准厂房主体结顶', planned: '2022-10-31', weight: 25 },
      { title: '完成年度投资并启动招商入驻', planned: '2022-12-20', weight: 20 },
    ],
    periods: [
      {
        work: '1月19日取得施工许可证，1月22日正式开工，完成临时设施搭建和场地平整1.2万平方米。',
        problems: '受春节假期影响，1月下旬现场施工人员不足80人。',
        next: '节后组织桩基施工队伍进场，同步对接二期意向入园企业。',
      },
      {
        work: '桩基工程全面铺开，完成1—4号厂房工程桩412根，占63%。',
        problems: '2月中旬雨雪天气影响施工5天。',
        next: '3月下旬前完成1—4号厂房桩基，启动承台施工。',
      },
      {
        work: '3月23日完成1—4号标准厂房全部桩基656根，承台施工完成40%；已签订入园意向协议企业6家。',
        problems: '钢材价格上涨较快，施工单位资金压力加大。',
        next: '4月完成承台地梁，5月起1—4号厂房主体施工；协调工程款按进度拨付。',
      },
    ],
  }),
  project({
    listNo: 4,
    title: '古市至大东坝公路改建工程（一期）',
    description: `按二级公路标准改建K0—K12段，含桥梁3座。${FICTION}`,
    lead: '县交通运输局',
    co: ['古市镇', '大东坝镇', '县自然资源和规划局'],
    leader: 'leader2',
    project: {
      phase: 'construction',
      plannedStart: '2022-02-25',
      actualStart: '2022-02-23',
      plannedCompletion: '2024-12-31',
      totalWan: 46_500,
      annualWan: 13_500,
      monthlyPct: [2, 3, 6, 8, 9, 10, 10, 10, 10, 11, 11, 10],
      pace: [0.7, 0.64, 0.62, 0.6],
    },
    milestones: [
      { title: '完成施工及监理招标', planned: '2022-02-20', weight: 10, done: '2022-02-18' },
      { title: '开工建设，完成K0—K3段征地政策处理', planned: '2022-03-31', weight: 15, done: '2022-03-30' },
      { title: '完成K0—K8段路基工程', planned: '2022-07-31', weight: 25 },
      { title: '完成3座桥梁下部结构', planned: '2022-10-31', weight: 25 },
      { title: '完成K0—K5段路面基层', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '开展施工及监理招标前期工作；配合古市镇、大东坝镇开展沿线征地拆迁摸底，完成K0—K3段红线放样。',
        problems: '沿线涉及坟墓迁移38穴、房屋拆迁12户，政策处理难度大。',
        next: '2月完成施工、监理招标，争取2月下旬开工。',
      },
      {
        work: '2月18日完成施工及监理招标，2月23日开工建设，完成K0—K1段清表。',
        problems: 'K1—K3段征地政策处理进展缓慢，已签协议仅占应签数的46%，完成投资低于序时进度。',
        next: '提请分管县领导召开协调会，会同古市镇攻坚政策处理，3月底前完成K0—K3段交地。',
        late: 1,
      },
      {
        work: '3月30日完成K0—K3段征地政策处理并交地；K0—K3段路基土石方完成1.8万立方米。',
        problems: '政策处理滞后导致路基工程延后约1个月，1—3月完成投资仅为序时计划的六成左右。',
        next: '新增作业面2个、挖机6台，4—5月加快路基施工，力争二季度末追上序时进度。',
      },
      {
        work: 'K0—K3段路基施工全面铺开；K3—K8段征地已签协议占应签数的68%。',
        problems: 'K3—K8段仍有3户房屋拆迁未签协议。',
        next: '4月底前完成K3—K8段政策处理，5月起路基全线施工。',
        open: 'draft',
      },
    ],
  }),
  project({
    listNo: 5,
    title: '松阴溪干流综合治理工程（象溪段）',
    description: `新建加固堤防4.5公里、改造堰坝2座及沿溪生态护岸。${FICTION}`,
    lead: '县水利局',
    co: ['象溪镇', '县自然资源和规划局'],
    leader: 'leader3',
    project: {
      phase: 'construction',
      plannedStart: '2022-01-20',
      actualStart: '2022-01-17',
      plannedCompletion: '2023-06-30',
      totalWan: 15_800,
      annualWan: 7_200,
      monthlyPct: [8, 10, 12, 10, 6, 4, 4, 6, 8, 10, 11, 11],
      pace: [1.02, 1.06, 1.05],
    },
    milestones: [
      { title: '完成施工招标，施工单位进场', planned: '2022-01-15', weight: 10, done: '2022-01-14' },
      { title: '完成堤防基础及护岸2.1公里', planned: '2022-03-31', weight: 25, done: '2022-03-28' },
      { title: '汛前落实在建涉水工程度汛措施', planned: '2022-05-31', weight: 15 },
      { title: '完成堤防4.5公里、堰坝2座', planned: '2022-10-31', weight: 25 },
      { title: '完成年度工程量', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '1月14日完成施工招标，1月17日施工单位进场，完成施工导流和临时围堰。',
        problems: '暂无。',
        next: '抓住枯水期加快堤防基础施工。',
      },
      {
        work: '完成堤防基础开挖1.3公里、护岸砌筑0.8公里。',
        problems: '春节后部分工人返岗推迟。',
        next: '3月底前完成堤防基础及护岸2.1公里。',
      },
      {
        work: '3月28日完成堤防基础及护岸2.1公里，1号堰坝基础完成。',
        problems: '汛期临近，涉水施工时间窗口紧。',
        next: '4月底前编制在建堰坝度汛方案，5月底前落实度汛措施。',
      },
    ],
  }),
  project({
    listNo: 6,
    title: '松阳县城东农贸市场新建工程',
    description: `新建农贸市场约1.1万平方米，含智慧监管系统。${FICTION}`,
    lead: '县市场监督管理局',
    co: ['水南街道', '县住房和城乡建设局'],
    leader: 'leader',
    project: {
      phase: 'construction',
      plannedStart: '2022-03-01',
      actualStart: '2022-02-28',
      plannedCompletion: '2023-03-31',
      totalWan: 6_800,
      annualWan: 4_200,
      monthlyPct: [2, 3, 8, 9, 10, 10, 10, 10, 10, 10, 9, 9],
      pace: [1.0, 1.05, 1.08],
    },
    milestones: [
      { title: '完成施工图设计及施工招标', planned: '2022-02-25', weight: 15, done: '2022-02-22' },
      { title: '开工建设，完成基坑支护', planned: '2022-03-31', weight: 15, done: '2022-03-30' },
      { title: '主体结构结顶', planned: '2022-08-31', weight: 35 },
      { title: '完成外立面及室内装修', planned: '2022-12-20', weight: 35 },
    ],
    periods: [
      {
        work: '完成施工图设计和预算审核，施工招标公告已发布。',
        problems: '暂无。',
        next: '2月完成施工招标，3月初开工。',
      },
      {
        work: '2月22日完成施工招标；2月28日开工，施工单位进场。',
        problems: '暂无。',
        next: '3月底前完成基坑支护。',
      },
      {
        work: '3月30日完成基坑支护及土方开挖，开始承台施工。',
        problems: '周边居民反映夜间施工噪声，已调整作业时间。',
        next: '4月完成基础承台，5月开始主体施工。',
      },
    ],
  }),
  project({
    listNo: 7,
    title: '石仓古民居保护利用与文旅融合提升工程',
    description: `修缮古民居12幢，新建游客服务中心及沿溪游步道。${FICTION}`,
    lead: '大东坝镇',
    co: ['县文化和广电旅游体育局', '县住房和城乡建设局'],
    leader: 'leader',
    project: {
      phase: 'construction',
      plannedStart: '2022-03-01',
      actualStart: '2022-02-28',
      plannedCompletion: '2023-10-31',
      totalWan: 9_600,
      annualWan: 3_600,
      monthlyPct: [2, 3, 8, 8, 9, 9, 9, 10, 10, 11, 11, 10],
      pace: [1.0, 1.02, 1.01],
    },
    milestones: [
      { title: '古民居修缮方案通过文物部门审批', planned: '2022-02-20', weight: 10, done: '2022-02-17' },
      { title: '首批5幢古民居开工修缮', planned: '2022-03-20', weight: 15, done: '2022-03-18' },
      { title: '游客服务中心主体完工', planned: '2022-07-31', weight: 25 },
      { title: '完成首批古民居修缮及沿溪游步道', planned: '2022-10-31', weight: 25 },
      { title: '完成年度投资及首批业态招商', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '编制石仓古民居修缮方案，报县文化和广电旅游体育局及省文物部门审查；与首批5幢古民居产权人签订协议。',
        problems: '古民居产权分散，个别产权人意见不统一。',
        next: '2月中旬前取得修缮方案批复，3月开工修缮。',
      },
      {
        work: '2月17日修缮方案获批；完成修缮工程招标，施工单位2月28日进场。',
        problems: '暂无。',
        next: '3月20日前首批5幢古民居全面开工修缮。',
      },
      {
        work: '3月18日首批5幢古民居全面开工修缮，完成屋面揭瓦和木构件检测；游客服务中心完成施工图设计。',
        problems: '传统工匠（木作、泥瓦）紧缺；镇干部同时承担疫木除治任务，力量较紧。',
        next: '4月开展游客服务中心施工招标，协调邻县传统工匠队伍支援。',
      },
    ],
  }),
  project({
    listNo: 8,
    title: '松阳县城东小学新建工程',
    description: `36个班规模，建筑面积约3.2万平方米。${FICTION}`,
    lead: '县教育局',
    co: ['县住房和城乡建设局', '水南街道'],
    leader: 'leader',
    project: {
      phase: 'construction',
      plannedStart: '2022-01-15',
      actualStart: '2022-01-14',
      plannedCompletion: '2023-08-15',
      totalWan: 19_800,
      annualWan: 8_500,
      pace: [1.04, 1.03, 1.05],
    },
    milestones: [
      { title: '完成地质勘察及施工图审查', planned: '2022-01-10', weight: 10, done: '2022-01-07' },
      { title: '完成桩基工程', planned: '2022-03-20', weight: 20, done: '2022-03-17' },
      { title: '教学楼主体结顶', planned: '2022-07-31', weight: 25 },
      { title: '综合楼、风雨操场主体结顶', planned: '2022-10-31', weight: 25 },
      { title: '完成年度投资及室外管网', planned: '2022-12-20', weight: 20 },
    ],
    periods: [
      {
        work: '1月7日完成地质勘察及施工图审查，1月14日开工，完成场地平整。',
        problems: '暂无。',
        next: '春节后全面开展桩基施工。',
      },
      {
        work: '桩基工程完成约55%。',
        problems: '暂无。',
        next: '3月20日前完成全部桩基。',
      },
      {
        work: '3月17日完成全部桩基，开始教学楼基础承台施工。',
        problems: '暂无。',
        next: '5月完成基础，6月起主体施工。',
      },
    ],
  }),
  project({
    listNo: 9,
    title: '松阳县人民医院医技综合楼建设工程',
    description: `新建医技综合楼约4.6万平方米，含地下室及老院区拆除。${FICTION}`,
    lead: '县卫生健康局',
    co: ['县住房和城乡建设局', '西屏街道'],
    leader: 'leader',
    project: {
      phase: 'construction',
      plannedStart: '2022-03-10',
      actualStart: '2022-03-08',
      plannedCompletion: '2024-12-31',
      totalWan: 38_000,
      annualWan: 12_500,
      monthlyPct: [2, 3, 7, 8, 9, 9, 10, 10, 10, 11, 11, 10],
      pace: [0.85, 0.8, 0.78],
    },
    milestones: [
      { title: '完成施工总承包招标', planned: '2022-02-28', weight: 10, done: '2022-02-25' },
      { title: '开工建设，完成老院区拆除和场地平整', planned: '2022-03-31', weight: 15, done: '2022-03-31' },
      { title: '完成地下室底板', planned: '2022-07-31', weight: 25 },
      { title: '地下室结顶', planned: '2022-10-31', weight: 25 },
      { title: '主体施工至地上五层', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '完成施工总承包招标文件编制，老院区搬迁腾空完成80%。',
        problems: '老院区部分科室临时周转用房尚未落实。',
        next: '2月完成施工总承包招标，3月上旬开工。',
        late: 1,
      },
      {
        work: '2月25日完成施工总承包招标；老院区腾空完成，开始拆除前的管线切改。',
        problems: '院区地下管线复杂，迁改方案多次调整，拆除比计划推迟约1周。',
        next: '3月上旬开工，3月底前完成拆除和场地平整。',
      },
      {
        work: '3月8日开工，3月31日完成老院区拆除和场地平整；基坑支护施工准备中。',
        problems: '地下管线迁改和拆除延后，1—3月完成投资约为序时计划的八成。',
        next: '4月起基坑支护与管线迁改同步施工，争取6月底追平投资序时进度。',
      },
    ],
  }),
  project({
    listNo: 10,
    title: '2022年高标准农田建设项目（1.2万亩）',
    description: `新兴镇、玉岩镇、四都乡三个片区，土地平整、灌排沟渠和田间道路。按季度报送。${FICTION}`,
    lead: '县农业农村局',
    co: ['县自然资源和规划局', '新兴镇', '玉岩镇', '四都乡'],
    leader: 'leader3',
    due: '2022-11-30',
    frequency: 'quarterly',
    startedOn: '2022-03-01',
    project: {
      phase: 'construction',
      plannedStart: '2022-03-01',
      actualStart: '2022-03-01',
      plannedCompletion: '2022-11-30',
      totalWan: 2_880,
      annualWan: 2_880,
      monthlyPct: [0, 2, 8, 12, 12, 10, 8, 8, 12, 14, 14, 0],
      pace: [1.05],
    },
    milestones: [
      { title: '完成项目初步设计批复及施工招标', planned: '2022-02-25', weight: 15, done: '2022-02-23' },
      { title: '新兴镇片区完成土地平整并开挖沟渠', planned: '2022-03-31', weight: 15, done: '2022-03-29' },
      { title: '完成田间道路、灌排沟渠工程量50%', planned: '2022-06-30', weight: 30 },
      { title: '完成全部工程并通过县级验收', planned: '2022-11-30', weight: 40 },
    ],
    periods: [
      {
        work: '2月23日完成初步设计批复和施工招标；3月1日新兴镇片区开工，3月29日完成土地平整2,100亩，开挖沟渠3.2公里。',
        problems: '项目区涉及春耕，施工需错开农时。',
        next: '二季度玉岩镇、四都乡片区全面开工，6月底前完成田间道路、灌排沟渠工程量50%。',
      },
    ],
  }),
  project({
    listNo: 11,
    title: '城西片区老旧小区改造工程（2022年度）',
    description: `8个小区、1,260户，雨污分流、管线上改下、外立面整治和加装电梯。${FICTION}`,
    lead: '县住房和城乡建设局',
    co: ['西屏街道'],
    leader: 'leader2',
    project: {
      phase: 'construction',
      plannedStart: '2022-03-15',
      actualStart: '2022-03-14',
      plannedCompletion: '2022-12-31',
      totalWan: 8_600,
      annualWan: 6_000,
      monthlyPct: [1, 2, 6, 9, 10, 10, 10, 10, 11, 11, 11, 9],
      pace: [1.0, 1.0, 1.1],
    },
    milestones: [
      { title: '完成居民意见征询和改造方案公示', planned: '2022-02-15', weight: 10, done: '2022-02-11' },
      { title: '完成施工招标并开工', planned: '2022-03-15', weight: 15, done: '2022-03-14' },
      { title: '完成雨污分流、管线上改下', planned: '2022-06-30', weight: 25 },
      { title: '完成外立面整治，加装电梯6台', planned: '2022-10-31', weight: 25 },
      { title: '全部完工并通过验收', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '完成城西片区8个小区居民改造意愿征询，同意率93.6%。',
        problems: '个别楼栋低层住户对加装电梯有不同意见。',
        next: '2月中旬前完成改造方案公示。',
      },
      {
        work: '2月11日完成改造方案公示，开展施工招标。',
        problems: '暂无。',
        next: '3月中旬开工。',
      },
      {
        work: '3月14日完成施工招标并开工，首批3个小区搭设脚手架、开挖雨污管沟。',
        problems: '小区内停车位紧张，施工期间车辆临时停放需协调。',
        next: '4月起全面开展雨污分流，会同西屏街道做好居民沟通。',
      },
    ],
  }),
  project({
    listNo: 12,
    title: '松阳县餐厨垃圾资源化处理中心建设工程',
    description: `日处理餐厨垃圾50吨。${FICTION}`,
    lead: '县综合行政执法局',
    co: ['县生态环境分局', '县发展和改革局'],
    leader: 'leader2',
    project: {
      phase: 'construction',
      plannedStart: '2022-02-28',
      actualStart: '2022-02-25',
      plannedCompletion: '2022-12-31',
      totalWan: 5_200,
      annualWan: 4_000,
      monthlyPct: [3, 4, 9, 9, 9, 9, 9, 9, 10, 10, 10, 9],
      pace: [1.0, 1.03, 1.02],
    },
    milestones: [
      { title: '取得环评批复并完成施工招标', planned: '2022-02-20', weight: 15, done: '2022-02-16' },
      { title: '开工建设，完成厂区场平', planned: '2022-03-31', weight: 15, done: '2022-03-25' },
      { title: '主厂房主体完工', planned: '2022-07-31', weight: 25 },
      { title: '完成设备安装', planned: '2022-10-31', weight: 25 },
      { title: '调试运行并通过验收', planned: '2022-12-20', weight: 20 },
    ],
    periods: [
      {
        work: '完成环评报告书编制并报审，施工图设计完成。',
        problems: '暂无。',
        next: '2月取得环评批复并完成施工招标。',
      },
      {
        work: '2月16日取得环评批复并完成施工招标；2月25日开工，开始场地平整。',
        problems: '暂无。',
        next: '3月底前完成厂区场平。',
        returned: '报送的1—2月完成投资与投资项目在线监管平台填报数不一致，请核实后重新报送。',
      },
      {
        work: '3月25日完成厂区场平，主厂房基础开挖完成60%。',
        problems: '暂无。',
        next: '4—5月完成主厂房基础。',
      },
    ],
  }),
  project({
    listNo: 13,
    title: '新兴镇美丽城镇集镇有机更新工程',
    description: `集镇入口、主街立面改造、管线上改下、集镇客厅及停车场。${FICTION}`,
    lead: '新兴镇',
    co: ['县住房和城乡建设局', '县交通运输局'],
    leader: 'leader3',
    project: {
      phase: 'construction',
      plannedStart: '2022-01-25',
      actualStart: '2022-01-24',
      plannedCompletion: '2023-06-30',
      totalWan: 6_500,
      annualWan: 3_800,
      pace: [1.02, 1.01, 1.03],
    },
    milestones: [
      { title: '完成集镇入口及主街立面改造设计', planned: '2022-01-20', weight: 10, done: '2022-01-18' },
      { title: '主街管线上改下工程开工', planned: '2022-03-10', weight: 15, done: '2022-03-08' },
      { title: '完成主街立面改造', planned: '2022-06-30', weight: 25 },
      { title: '完成集镇客厅及停车场', planned: '2022-10-31', weight: 25 },
      { title: '完成年度投资', planned: '2022-12-20', weight: 25 },
    ],
    periods: [
      {
        work: '1月18日完成集镇入口及主街立面改造设计；1月24日集镇入口节点开工。',
        problems: '暂无。',
        next: '3月上旬开工主街管线上改下工程。',
      },
      {
        work: '集镇入口节点完成基础施工；主街管线上改下工程完成施工招标。',
        problems: '镇村干部同时承担松材线虫病疫木除治任务，工作力量较紧张。',
        next: '3月10日前开工主街管线上改下工程。',
      },
      {
        work: '3月8日主街管线上改下工程开工，完成管沟开挖420米。',
        problems: '主街施工期间需保障沿街商户经营和群众通行。',
        next: '4月完成管沟开挖1,000米，同步开展主街立面改造施工招标。',
      },
    ],
  }),
];

// ---------------------------------------------------------------------------------------------- the story

const WANGCUN_BRIDGE: ItemSpec = {
  kind: 'project',
  title: '王村大桥拓宽改造工程',
  description:
    '古青线王村大桥及两端引道拓宽改造，主体工程2021年3月开工，施工期间封道管理，群众绕行出行。' +
    `2022年起纳入县执行力建设专班督办。${FICTION}`,
  basisType: 'complaint',
  basisText: '群众反映施工封道时间长、影响周边乡镇（街道）出行；县委要求纳入专班督办',
  urgency: 'urgent',
  lead: '望松街道',
  co: ['县交通运输局', '县住房和城乡建设局'],
  leader: 'leader2',
  due: '2022-03-31',
  project: {
    phase: 'completed',
    plannedStart: '2021-03-01',
    actualStart: '2021-03-08',
    plannedCompletion: '2022-03-31',
    totalWan: 4_280,
    annualWan: 1_450,
    monthlyPct: [40, 35, 25],
    pace: [0.97, 1.0, 1.0],
  },
  milestones: [
    { title: '主桥桥面系及护栏施工完成', planned: '2022-01-25', weight: 25, done: '2022-01-24' },
    { title: '两端引道路基路面拓宽完成', planned: '2022-02-25', weight: 25, done: '2022-02-24' },
    { title: '照明、交安等附属工程完成', planned: '2022-03-20', weight: 25, done: '2022-03-18' },
    { title: '交工验收，全线通车', planned: '2022-03-31', weight: 25, done: '2022-03-28' },
  ],
  periods: [
    {
      work: '1月24日完成主桥桥面系及护栏施工；两端引道路基拓宽完成60%。',
      problems: '古青线施工路段封道，群众出行需绕行约6公里，近期群众反映较多。',
      next: '2月底前完成引道路基路面拓宽，研究分时段放行方案。',
    },
    {
      work: '2月24日完成两端引道路基路面拓宽；桥头搭板、排水设施施工中。',
      problems:
        '封道施工周期长，周边乡镇（街道）群众出行不便，1—2月收到群众反映17件，主要反映绕行距离远、施工时间长。',
      next:
        '会同施工方重新研判工期，增加夜间作业班组；每日7:00—8:00、17:00—18:30分时段放行；' +
        '3月20日前完成照明和交安设施，3月底前交工通车。',
      returned:
        '“存在问题”未反映群众对封道施工、绕行的意见及办理情况，请补充缩短工期和便民通行措施后重新报送。',
    },
    {
      work: '3月18日完成照明、交安等附属工程；3月28日通过交工验收，全线恢复通车，较计划工期提前3天。',
      problems: '项目虽按期完成，但前期工期安排不够合理、子项目较多且衔接不畅，群众意见较大，需认真复盘。',
      next: '开展复盘分析，在县项目推进月度例会上专题汇报；做好缺陷责任期养护管理。',
      submittedOn: '2022-03-29',
    },
  ],
  completion: {
    requestedOn: '2022-03-28',
    reason: '主体及附属工程已全部完工，3月28日通过交工验收，全线通车，申请办结。',
    completedOn: '2022-03-30',
    remark: '经现场核验，工程已完工并全线通车，同意办结；请望松街道做好复盘分析。',
  },
};

const pineWilt = (
  town: string,
  p: { trees: number; milestones: MilestoneSpec[]; periods: PeriodSpec[] },
): ItemSpec => ({
  kind: 'work',
  title: `松材线虫病疫木除治（${town}）`,
  description:
    `${town}2021—2022年度松材线虫病疫木除治任务${p.trees.toLocaleString('en-US')}株，须在松褐天牛羽化前完成` +
    `采伐、伐桩处理和枝桠清理，并经县林业局检查验收。${FICTION}`,
  basisType: 'document',
  basisText: '县松材线虫病防控工作方案（2021—2022年度）；县委“奋力奔跑”行动重点工作',
  urgency: 'very_urgent',
  lead: town,
  co: ['县林业局'],
  leader: 'leader3',
  due: '2022-04-30',
  milestones: p.milestones,
  periods: p.periods,
});

const PINE_WILT_DADONGBA = pineWilt('大东坝镇', {
  trees: 3260,
  milestones: [
    { title: '完成疫木普查核实，除治任务分解到村', planned: '2022-01-15', weight: 10, done: '2022-01-14' },
    { title: '完成除治任务量的40%', planned: '2022-02-28', weight: 20, done: '2022-02-28' },
    { title: '完成除治任务量的70%', planned: '2022-03-31', weight: 25 },
    { title: '完成全部疫木采伐除治', planned: '2022-04-25', weight: 25 },
    { title: '伐桩处理、枝桠清理通过县林业局验收', planned: '2022-04-30', weight: 20 },
  ],
  periods: [
    {
      work: '完成全镇疫木普查核实，确定除治任务3,260株并分解到18个行政村；组建除治队伍3支共26人，1月除治420株（12.9%）。',
      problems: '采伐人员力量不足，春节前后外地工人返乡；部分山场偏远，疫木运输困难。',
      next: '节后增招采伐工人，力争2月15日前完成除治任务的40%。',
      progress: 12.9,
      late: 2,
    },
    {
      work: '截至2月28日累计除治1,310株（40.2%），完成40%节点任务。',
      problems:
        '采伐人员仅26人，远低于县林业局建议的45人；县林业局抽查发现部分伐桩高度超过5厘米，枝桠清理不彻底。',
      next: '3月新增专业除治队1支，3月31日前完成除治任务的70%，对伐桩、枝桠清理开展自查返工。',
      progress: 40.2,
    },
    {
      work: '截至3月31日累计除治1,400株（42.9%），自查返工不合格伐桩160个。',
      problems:
        '进度严重滞后，未完成3月31日完成70%的节点；采伐人员力量配备不足、伐桩质量不高、' +
        '枝桠清理不干净等问题仍未根本解决。',
      next: '镇主要领导包片督战，4月再增派除治队2支，4月25日前完成全部疫木除治并申请县林业局验收。',
      progress: 42.9,
      returned:
        '除治株数（1,490株）与县林业局核查数（1,400株）不一致，且未说明伐桩质量和枝桠清理问题的整改情况，' +
        '请核实后重新报送。',
    },
    {
      work: '4月1日至18日新增除治600株，累计2,000株（61.3%）；新增除治队2支，采伐人员增至52人。',
      problems: '70%节点已滞后，部分高山陡坡地块作业难度大。',
      next: '4月25日前完成剩余1,260株除治，组织伐桩和枝桠清理全面复查。',
      progress: 61.3,
      open: 'draft',
    },
  ],
});

const PINE_WILT_XINXING = pineWilt('新兴镇', {
  trees: 2850,
  milestones: [
    { title: '完成疫木普查核实，除治任务分解到村', planned: '2022-01-15', weight: 10, done: '2022-01-13' },
    { title: '完成除治任务量的30%', planned: '2022-02-28', weight: 20, done: '2022-02-28' },
    { title: '完成除治任务量的60%', planned: '2022-03-31', weight: 25 },
    { title: '完成全部疫木采伐除治', planned: '2022-04-25', weight: 25 },
    { title: '伐桩处理、枝桠清理通过县林业局验收', planned: '2022-04-30', weight: 20 },
  ],
  periods: [
    {
      work: '完成疫木普查核实，确定除治任务2,850株并分解到14个行政村；1月除治360株（12.6%）。',
      problems: '除治队伍仅2支18人，力量不足。',
      next: '2月底前完成除治任务的30%。',
      progress: 12.6,
    },
    {
      work: '2月28日累计除治870株（30.5%），完成30%节点。',
      problems: '采伐人员不足；部分伐桩未按要求处理，枝桠未清理出山。',
      next: '3月15日前完成除治任务的60%，增加除治队伍。',
      progress: 30.5,
      returned: '未附伐桩、枝桠清理现场照片等佐证材料，除治进度与村级台账不符，请补充核实后重新报送。',
    },
    {
      work: '截至3月31日累计除治1,120株（39.3%）。',
      problems:
        '进度严重滞后，未完成3月31日完成60%的节点；采伐人员力量配备不足，伐桩质量不高，' +
        '枝桠清理不干净，县林业局督查发现问题点位23处。',
      next: '落实镇村干部包山头责任，4月新增外聘除治队2支，4月25日前完成全部除治任务。',
      progress: 39.3,
      late: 2,
    },
    {
      work: '4月1日至18日新增除治640株，累计1,760株（61.8%）；23处问题点位已整改17处。',
      problems: '60%节点已滞后，剩余疫木多在高山远山。',
      next: '4月25日前完成剩余1,090株除治，完成问题点位全部整改。',
      progress: 61.8,
      open: 'draft',
    },
  ],
});

const ZRZY_ASSISTANCE: ItemSpec = {
  kind: 'work',
  title: '自然资源要素保障助企帮扶和乡镇（街道）指导服务',
  description:
    '联系指导19个乡镇（街道）做好项目用地需求摸排、用地报批帮扶和村庄规划编制，帮助企业解决用地难题。' +
    FICTION,
  basisType: 'meeting',
  basisText: '县委“二次创业”执行力建设动员会部署；县委“奋力奔跑”行动重点工作',
  lead: '县自然资源和规划局',
  leader: 'leader3',
  milestones: [
    {
      title: '制定帮扶工作方案，明确各乡镇（街道）联系科室和责任人',
      planned: '2022-01-20',
      weight: 15,
      done: '2022-01-19',
    },
    { title: '完成19个乡镇（街道）年度用地需求摸排', planned: '2022-02-28', weight: 20, done: '2022-02-25' },
    { title: '完成一季度用地报批帮扶（报批项目8个）', planned: '2022-03-31', weight: 8 },
    { title: '完成首批10个村庄规划编制指导', planned: '2022-06-30', weight: 32 },
    { title: '完成全年帮扶任务并形成总结', planned: '2022-12-20', weight: 25 },
  ],
  periods: [
    {
      work: '制定2022年自然资源要素保障助企帮扶工作方案，明确19个乡镇（街道）的联系科室和责任人。',
      problems: '暂无。',
      next: '2月底前完成各乡镇（街道）年度用地需求摸排。',
    },
    {
      work: '完成19个乡镇（街道）年度用地需求摸排，梳理重点项目用地需求46个、约1,850亩。',
      problems: '局内业务骨干集中于国土空间规划编制，日常下乡指导力量相对不足。',
      next: '3月31日前完成一季度用地报批帮扶，报批项目8个。',
    },
    {
      work: '一季度完成用地报批5个（计划8个），赴乡镇（街道）现场指导12次。',
      problems:
        '日常协助各乡镇（街道）力量相对不足，推进指导不够到位；3个项目因补充耕地指标未落实未能按期报批，' +
        '一季度报批节点未完成。',
      next: '成立用地报批工作专班，4月底前完成剩余3个项目报批；每周安排2个科室下乡指导。',
      progress: 38,
      late: 1,
    },
    {
      work: '4月1日至18日完成用地报批2个，下乡指导6次。',
      problems: '剩余1个项目补充耕地指标仍在市级统筹中。',
      next: '4月底前完成一季度剩余报批任务。',
      progress: 42,
      open: 'draft',
    },
  ],
};

// ------------------------------------------------------------------------------------------- indicators

const indicator = (
  p: Omit<ItemSpec, 'kind' | 'basisType' | 'basisText' | 'start' | 'deadlineWorkingDays'> & {
    indicator: IndicatorSpec;
  },
): ItemSpec => ({
  ...p,
  kind: 'indicator',
  basisType: 'document',
  basisText: '2022年县政府工作报告主要预期目标；县委“奋力奔跑”行动重点指标',
  start: '2022-01-01',
  // Statistics for a month come out around the middle of the next.
  deadlineWorkingDays: 10,
});

const INDICATORS: ItemSpec[] = [
  indicator({
    title: '规模以上工业增加值增速',
    description: `全县规模以上工业增加值同比增速（累计），年度目标10%。${FICTION}`,
    lead: '县经济商务科技局',
    co: ['县统计局'],
    leader: 'leader2',
    indicator: {
      measure: '规模以上工业增加值同比增速（累计）',
      unitOfMeasure: '%',
      direction: 'higher_better',
      annualTarget: 10,
      targets: [9, 9.5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
      says: '全县规上工业增加值同比增长',
      unitText: '%',
    },
    periods: [
      {
        value: 11.2,
        work: '重点企业开工率高，新投产项目2个达产。',
        problems: '暂无。',
        next: '做好春节后企业用工保障。',
      },
      {
        value: 10.4,
        work: '春节后规上企业复工率100%。',
        problems: '原材料价格高位运行，部分企业利润收窄。',
        next: '开展规上企业走访服务，稳住工业增长。',
      },
      {
        value: 9.6,
        work: '受原材料价格上涨和省外疫情影响物流，部分重点企业产量下滑，3月当月增速回落。',
        problems: '3家重点企业订单不足、产值同比下降，拉低全县增速约0.7个百分点。',
        next: '开展“一企一策”帮扶，协调物流和用工，推动新投产项目加快达产，力争上半年回到序时目标。',
      },
    ],
  }),
  indicator({
    title: '固定资产投资',
    description: `全县固定资产投资额（累计），年度目标118亿元。${FICTION}`,
    lead: '县发展和改革局',
    co: ['县统计局'],
    leader: 'leader',
    indicator: {
      measure: '固定资产投资额（累计）',
      unitOfMeasure: '亿元',
      direction: 'higher_better',
      annualTarget: 118,
      targets: [7.5, 16, 27.5, 37, 47, 58, 67.5, 77, 87, 97, 107.5, 118],
      says: '全县完成固定资产投资',
      unitText: '亿元',
    },
    periods: [
      {
        value: 7.9,
        work: '13个“开门红”项目前期和开工准备有序推进。',
        problems: '暂无。',
        next: '推动“开门红”项目2月全部具备开工条件。',
      },
      {
        value: 16.8,
        work: '配电网改造、工业园区小微企业园等项目投资拉动明显。',
        problems: '交通项目政策处理滞后，投资进度偏慢。',
        next: '督促交通、卫生项目加快投资进度。',
      },
      {
        value: 28.6,
        work: '13个“开门红”项目全部开工。',
        problems: '古市至大东坝公路、县人民医院医技综合楼项目完成投资低于序时。',
        next: '对投资滞后项目实行周调度。',
      },
    ],
  }),
  indicator({
    title: '一般公共预算收入',
    description: `全县一般公共预算收入（累计），年度目标15.2亿元。${FICTION}`,
    lead: '县财政局',
    leader: 'leader',
    indicator: {
      measure: '一般公共预算收入（累计）',
      unitOfMeasure: '亿元',
      direction: 'higher_better',
      annualTarget: 15.2,
      targets: [2.1, 3.2, 4.4, 5.9, 7.1, 8.4, 9.6, 10.7, 11.8, 12.9, 14, 15.2],
      says: '全县一般公共预算收入',
      unitText: '亿元',
    },
    periods: [
      { value: 2.26, work: '税收收入稳定增长。', problems: '暂无。', next: '加强收入组织。' },
      { value: 3.35, work: '增值税、企业所得税入库正常。', problems: '暂无。', next: '跟踪重点税源变化。' },
      {
        value: 4.52,
        work: '一季度收入实现“开门红”。',
        problems: '组合式税费支持政策实施后，二季度收入增长压力加大。',
        next: '做好留抵退税资金保障，同时加强非税收入征管。',
      },
    ],
  }),
  indicator({
    title: '空气质量优良率',
    description: `县城环境空气质量优良天数比率（累计），年度目标96%。${FICTION}`,
    lead: '县生态环境分局',
    co: ['县住房和城乡建设局', '县综合行政执法局'],
    leader: 'leader3',
    indicator: {
      measure: '县城环境空气质量优良天数比率（累计）',
      unitOfMeasure: '%',
      direction: 'higher_better',
      annualTarget: 96,
      targets: [96, 96, 96, 96, 96, 96, 96, 96, 96, 96, 96, 96],
      says: '县城空气质量优良天数比率',
      unitText: '%',
    },
    periods: [
      {
        value: 96.8,
        work: '加强冬春季扬尘和烟花爆竹燃放管控。',
        problems: '暂无。',
        next: '持续开展工地扬尘巡查。',
      },
      { value: 97.4, work: '开展工地扬尘专项检查两轮。', problems: '暂无。', next: '加强秸秆焚烧管控。' },
      {
        value: 97.8,
        work: '一季度优良天数比率高于目标。',
        problems: '暂无。',
        next: '做好臭氧污染防控准备。',
      },
    ],
  }),
  indicator({
    title: 'PM2.5平均浓度',
    description: `县城细颗粒物（PM2.5）平均浓度（累计），年度目标不高于25微克/立方米。${FICTION}`,
    lead: '县生态环境分局',
    co: ['县住房和城乡建设局', '县综合行政执法局'],
    leader: 'leader3',
    indicator: {
      measure: '县城细颗粒物（PM2.5）平均浓度（累计）',
      unitOfMeasure: 'μg/m³',
      direction: 'lower_better',
      annualTarget: 25,
      targets: [33, 32, 30, 28, 27, 26, 25, 25, 25, 25, 25, 25],
      says: '县城PM2.5平均浓度',
      unitText: '微克/立方米',
    },
    periods: [
      {
        value: 31,
        work: '冬季污染防控措施落实到位。',
        problems: '暂无。',
        next: '继续加强工地和道路扬尘管控。',
      },
      { value: 30, work: '道路机扫和洒水频次提高。', problems: '暂无。', next: '加强餐饮油烟治理。' },
      { value: 28, work: '一季度均值优于序时目标。', problems: '暂无。', next: '开展餐饮油烟专项整治。' },
    ],
  }),
];

/** Everything, in numbering order: DB-2022-0001 … */
const ITEMS: ItemSpec[] = [
  ...GOOD_START,
  WANGCUN_BRIDGE,
  PINE_WILT_DADONGBA,
  PINE_WILT_XINXING,
  ZRZY_ASSISTANCE,
  ...INDICATORS,
];

/** Titles of the demo's items by role in the story, for tests and anyone else who needs to find them. */
export const DEMO_2022 = {
  goodStartProjects: GOOD_START.map((i) => i.title),
  wangcunBridge: WANGCUN_BRIDGE.title,
  pineWilt: [PINE_WILT_DADONGBA.title, PINE_WILT_XINXING.title],
  zrzyAssistance: ZRZY_ASSISTANCE.title,
  indicators: INDICATORS.map((i) => i.title),
  itemCount: ITEMS.length,
} as const;

/** Who files a unit's reports: its clerk where the demo has one, otherwise its head. */
const REPORTERS: Record<string, string> = {
  大东坝镇: 'dadongba_tb',
  新兴镇: 'xinxing_tb',
  望松街道: 'wangsong_tb',
  县自然资源和规划局: 'zrzy_tb',
};
const MANAGERS: Record<string, string> = {
  大东坝镇: 'dadongba',
  新兴镇: 'xinxing',
  望松街道: 'wangsong',
  县自然资源和规划局: 'zrzy',
  县发展和改革局: 'fgj',
  县经济商务科技局: 'jsk',
  县财政局: 'czj',
  县住房和城乡建设局: 'zjj',
  县交通运输局: 'jtj',
  县水利局: 'slj',
  县农业农村局: 'nyj',
  县市场监督管理局: 'scjg',
  县生态环境分局: 'sthj',
  县综合行政执法局: 'zhzf',
  县教育局: 'jyj',
  县卫生健康局: 'wjj',
};

// ------------------------------------------------------------------------------------------------ helpers

/** An instant on a Shanghai calendar date: `hour` is Shanghai time (UTC+8, no daylight saving). */
const at = (date: CalendarDate, hour: number, minute = 0) =>
  new Date(`${date}T00:00:00.000Z`).getTime() + (hour - 8) * 3_600_000 + minute * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** `n` working days before `date` (n ≥ 1), or the date itself for n = 0. */
function workingDaysBefore(calendar: WorkCalendar, date: CalendarDate, n: number): CalendarDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** Splits an annual plan (万元) into months by percentages, December taking the rounding remainder. */
function monthlyPlan(annualWan: number, pct: number[]): { month: string; fen: number }[] {
  const wan = pct.map((p) => Math.round((annualWan * p) / 100));
  wan[wan.length - 1] = annualWan - wan.slice(0, -1).reduce((s, x) => s + x, 0);
  return wan.map((w, i) => ({ month: `${YEAR}-${String(i + 1).padStart(2, '0')}`, fen: w * WAN }));
}

/** 1月 / 1—3月 / 一季度, or 截至4月19日 for a period still running on the report's date. */
const periodLabel = (period: Period, runningOn: CalendarDate | null) => {
  if (runningOn) return `截至${Number(runningOn.slice(5, 7))}月${Number(runningOn.slice(8, 10))}日`;
  const last = Number(period.end.slice(5, 7));
  if (period.frequency === 'quarterly') return `${'一二三四'[last / 3 - 1]}季度`;
  return last === 1 ? '1月' : `1—${last}月`;
};

// ------------------------------------------------------------------------------------------------- seeding

/**
 * Seeds the 2022 story into a freshly created demo region, inside the caller's transaction. The accounts of
 * DEMO_ACCOUNTS and the units of DEMO_UNITS must exist.
 */
export async function seedDemo2022(
  trx: Queryable,
  regionId: string,
  opts: Demo2022Options,
): Promise<{ items: number; reports: number }> {
  const calendar = new WorkCalendar(builtinChineseCalendar());
  const unit = (name: string) => {
    const id = opts.unitIds.get(name);
    if (!id) throw new Error(`demo 2022: no unit ${name}`);
    return id;
  };
  const user = (username: string) => {
    const u = opts.users.get(username);
    if (!u) throw new Error(`demo 2022: no account ${username}`);
    return u;
  };
  const supervisor = user('supervisor');

  const counter = await trx
    .selectFrom('item_counters')
    .select('last')
    .where('region_id', '=', regionId)
    .where('year', '=', YEAR)
    .executeTakeFirst();
  const firstSeq = Number(counter?.last ?? 0) + 1;

  const items: ItemTable[] = [];
  const coUnits: ItemCoUnitTable[] = [];
  const milestones: MilestoneTable[] = [];
  const plans: InvestmentPlanTable[] = [];
  const targets: IndicatorTargetTable[] = [];
  const transitions: ItemTransitionTable[] = [];
  const reports: ReportTable[] = [];
  const reached: ReportMilestoneTable[] = [];

  ITEMS.forEach((spec, index) => {
    const itemId = newId();
    const number = `DB-${YEAR}-${String(firstSeq + index).padStart(4, '0')}`;
    const start = spec.start ?? '2022-01-04';
    const due = spec.due ?? '2022-12-31';
    const frequency: Frequency = spec.frequency ?? 'monthly';
    const rule = { workingDaysAfterEnd: spec.deadlineWorkingDays ?? 3 };
    const leadId = unit(spec.lead);
    const manager = user(MANAGERS[spec.lead] ?? '');
    const reporter = user(REPORTERS[spec.lead] ?? MANAGERS[spec.lead] ?? '');
    const minute = index * 2; // keeps instants distinct and ordered between items

    // Milestones, done ones tied below to the accepted report of the period that reached them.
    const ms = (spec.milestones ?? []).map((m, i): { spec: MilestoneSpec; row: MilestoneTable } => ({
      spec: m,
      row: {
        id: newId(),
        region_id: regionId,
        item_id: itemId,
        seq: i + 1,
        title: m.title,
        planned_date: m.planned,
        weight: m.weight,
        done_date: null,
        done_report_id: null,
      },
    }));
    const doneBy = (date: CalendarDate) =>
      ms.filter((m) => m.spec.done && m.spec.done <= date).reduce((s, m) => s + m.spec.weight, 0);

    // Investment plan and the completed amounts reported against it.
    const plan = spec.project
      ? monthlyPlan(spec.project.annualWan, spec.project.monthlyPct ?? DEFAULT_MONTHLY_PCT)
      : [];
    const plannedToDate = (month: string) =>
      plan.filter((p) => p.month <= month).reduce((s, p) => s + p.fen, 0);

    // Transitions: registered and assigned by the task force, accepted by the unit's head.
    const history: Omit<ItemTransitionTable, 'id' | 'region_id' | 'item_id'>[] = [];
    const move = (
      action: string,
      from: string | null,
      to: string,
      who: { id: string; displayName: string },
      when: number,
      reason: string | null = null,
    ) =>
      history.push({
        action,
        from_status: from,
        to_status: to,
        actor_id: who.id,
        actor_name: who.displayName,
        reason,
        at: iso(when),
        on_date: shanghaiDateOf(iso(when)),
      });
    move('create', null, 'draft', supervisor, at('2022-01-04', 9, minute));
    move('assign', 'draft', 'assigned', supervisor, at('2022-01-04', 10, minute));
    move('accept', 'assigned', 'accepted', manager, at('2022-01-05', 9, minute));
    let status = 'accepted';
    if (spec.startedOn) {
      move('start', 'accepted', 'in_progress', manager, at(spec.startedOn, 9, minute));
      status = 'in_progress';
    }

    const periodKeys = spec.periods.map((_, i) => {
      // Periods from the item's start, one per spec entry.
      let p = periodOf(start, frequency);
      for (let k = 0; k < i; k++) p = periodOf(addDays(p.end, 1), frequency);
      return p.key;
    });

    spec.periods.forEach((ps, pi) => {
      const period = periodByKey(periodKeys[pi]!);
      const deadline = deadlineOf(period, rule, calendar);
      const reportId = newId();
      const asOf = ps.open ? DEMO_TODAY : period.end;
      const firstWorkingDayAfter = calendar.addWorkingDays(period.end, 1);
      // When it went in: late ones after the deadline, returned ones first two working days before it.
      const pattern = [1, 0, 2, 1, 0][(index + pi) % 5]!;
      let submittedOn = ps.submittedOn;
      if (!submittedOn && ps.late) submittedOn = calendar.addWorkingDays(deadline.date, ps.late);
      if (!submittedOn && ps.returned) submittedOn = deadline.date;
      if (!submittedOn) submittedOn = workingDaysBefore(calendar, deadline.date, pattern);
      if (!ps.open && submittedOn < firstWorkingDayAfter && !ps.submittedOn)
        submittedOn = firstWorkingDayAfter;
      const firstSubmission = ps.returned ? workingDaysBefore(calendar, deadline.date, 2) : submittedOn;
      const reviewedOn = calendar.addWorkingDays(submittedOn, pattern === 0 ? 0 : 1);
      const draft = ps.open === 'draft';
      const accepted = !ps.open;
      const createdOn = draft ? workingDaysBefore(calendar, DEMO_TODAY, 2) : firstSubmission;
      const reportDate = draft ? createdOn : submittedOn;
      if (accepted && reviewedOn > DEMO_TODAY)
        throw new Error(`demo 2022: ${number} ${period.key} reviewed later`);

      // Figures.
      const progress = spec.kind === 'indicator' ? null : (ps.progress ?? doneBy(asOf));
      let completed: number | null = null;
      let investmentText = '';
      if (spec.project) {
        const planned = plannedToDate(period.end.slice(0, 7));
        const pace = spec.project.pace[pi] ?? 1;
        completed = Math.round((planned * pace) / WAN) * WAN;
        const annual = spec.project.annualWan * WAN;
        investmentText =
          `${periodLabel(period, ps.open ? reportDate : null)}累计完成投资${(completed / WAN).toLocaleString('en-US')}万元` +
          (planned > 0 && !ps.open ? `，为序时计划的${ratioPct(completed, planned)}%` : '') +
          `，占年度计划的${ratioPct(completed, annual)}%。`;
      }
      let work = ps.work;
      if (spec.indicator && ps.value !== undefined) {
        const ind = spec.indicator;
        const month = Number(period.end.slice(5, 7));
        const target = ind.targets[month - 1]!;
        const met = ind.direction === 'higher_better' ? ps.value >= target : ps.value <= target;
        const gap = Math.round(Math.abs(ps.value - target) * 100) / 100;
        const gapUnit = ind.unitText === '%' ? '个百分点' : ind.unitText;
        const worse = ind.direction === 'higher_better' ? '低于' : '高于';
        work =
          `${periodLabel(period, null)}${ind.says}${ps.value}${ind.unitText}，序时目标${target}${ind.unitText}，` +
          (met ? '完成序时目标。' : `${worse}序时目标${gap}${gapUnit}。`) +
          ps.work;
      } else if (investmentText) {
        work = `${ps.work}${investmentText}`;
      }

      const submitted = !draft;
      const submittedAt = submitted ? at(submittedOn, 10, 30 + (minute % 30)) : null;
      const late = submitted ? (isLate(submittedOn, deadline) ? 1 : 0) : null;
      // create 1, submit +1, accept +1; a return adds return, edit and submit again.
      const rowVersion = draft ? 2 : (ps.returned ? 4 : 1) + (accepted ? 2 : 1);
      const reviewedAt = accepted ? at(reviewedOn, submittedOn === reviewedOn ? 16 : 10, minute) : null;
      reports.push({
        id: reportId,
        region_id: regionId,
        item_id: itemId,
        unit_id: leadId,
        period_key: period.key,
        version: 1,
        current: 1,
        status: draft ? 'draft' : accepted ? 'accepted' : 'submitted',
        progress,
        indicator_value: spec.kind === 'indicator' ? (ps.value ?? null) : null,
        completed_investment_fen: completed,
        work_progress: work,
        problems: ps.problems,
        next_steps: ps.next,
        deadline: deadline.date,
        deadline_estimated: deadline.estimated ? 1 : 0,
        submitted_at: submittedAt === null ? null : iso(submittedAt),
        submitted_on: submitted ? submittedOn : null,
        submitted_by: submitted ? reporter.id : null,
        late,
        working_days_late: submitted ? workingDaysLate(submittedOn, deadline, calendar) : null,
        approved_by: null,
        reviewed_by: accepted ? supervisor.id : null,
        reviewed_at: reviewedAt === null ? null : iso(reviewedAt),
        reviewed_on: accepted ? reviewedOn : null,
        return_reason: ps.returned ?? null,
        created_by: reporter.id,
        created_at: iso(at(createdOn, 9, minute)),
        updated_at: iso(reviewedAt ?? submittedAt ?? at(calendar.addWorkingDays(createdOn, 1), 17, minute)),
        row_version: rowVersion,
      });

      // Milestones reached in the period, declared by this report; done once the report is accepted.
      for (const m of ms) {
        const d = m.spec.done;
        if (!d || d < period.start || d > period.end || d > asOf) continue;
        reached.push({ region_id: regionId, report_id: reportId, milestone_id: m.row.id, done_date: d });
        if (accepted) {
          m.row.done_date = d;
          m.row.done_report_id = reportId;
        }
      }

      // The first submission sets an accepted item in motion (as the reports module does).
      if (status === 'accepted' && submitted) {
        move('start', 'accepted', 'in_progress', reporter, at(firstSubmission, 10, 30 + (minute % 30)));
        status = 'in_progress';
      }
    });
    if (spec.completion) {
      const c = spec.completion;
      move(
        'request_completion',
        'in_progress',
        'completion_requested',
        manager,
        at(c.requestedOn, 16),
        c.reason,
      );
      move('complete', 'completion_requested', 'completed', supervisor, at(c.completedOn, 15), c.remark);
      status = 'completed';
    }
    for (const m of ms)
      if (m.spec.done && !m.row.done_date)
        throw new Error(`demo 2022: ${number} milestone ${m.spec.title} has no accepted report`);

    history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    transitions.push(...history.map((h) => ({ ...h, id: newId(), region_id: regionId, item_id: itemId })));
    milestones.push(...ms.map((m) => m.row));
    coUnits.push(
      ...(spec.co ?? []).map((name) => ({ region_id: regionId, item_id: itemId, unit_id: unit(name) })),
    );
    plans.push(
      ...plan.map((p) => ({ region_id: regionId, item_id: itemId, month: p.month, plan_fen: p.fen })),
    );
    if (spec.indicator)
      targets.push(
        ...spec.indicator.targets.map((target, i) => ({
          region_id: regionId,
          item_id: itemId,
          period_key: `${YEAR}-${String(i + 1).padStart(2, '0')}`,
          target,
        })),
      );

    const p = spec.project;
    const ind = spec.indicator;
    items.push({
      id: itemId,
      region_id: regionId,
      number,
      kind: spec.kind,
      title: spec.title,
      description: spec.description,
      basis_type: spec.basisType,
      basis_text: spec.basisText,
      urgency: spec.urgency ?? 'normal',
      lead_unit_id: leadId,
      leader_user_id: user(spec.leader).id,
      status,
      start_date: start,
      due_date: due,
      frequency,
      deadline_working_days: rule.workingDaysAfterEnd,
      phase: p?.phase ?? null,
      planned_start: p?.plannedStart ?? null,
      actual_start: p?.actualStart ?? null,
      planned_completion: p?.plannedCompletion ?? null,
      total_investment_fen: p ? p.totalWan * WAN : null,
      annual_plan_fen: p ? p.annualWan * WAN : null,
      measure: ind?.measure ?? null,
      unit_of_measure: ind?.unitOfMeasure ?? null,
      direction: ind?.direction ?? null,
      annual_target: ind?.annualTarget ?? null,
      target_frequency: ind ? 'monthly' : null,
      created_by: supervisor.id,
      created_at: history[0]!.at,
      updated_at: history[history.length - 1]!.at,
      row_version: history.length,
    });
  });

  await trx.insertInto('items').values(items).execute();
  if (coUnits.length) await trx.insertInto('item_co_units').values(coUnits).execute();
  await trx.insertInto('milestones').values(milestones).execute();
  await trx.insertInto('investment_plans').values(plans).execute();
  await trx.insertInto('indicator_targets').values(targets).execute();
  await trx.insertInto('item_transitions').values(transitions).execute();
  await trx.insertInto('reports').values(reports).execute();
  await trx.insertInto('report_milestones').values(reached).execute();
  const last = firstSeq + ITEMS.length - 1;
  if (counter)
    await trx
      .updateTable('item_counters')
      .set({ last })
      .where('region_id', '=', regionId)
      .where('year', '=', YEAR)
      .execute();
  else await trx.insertInto('item_counters').values({ region_id: regionId, year: YEAR, last }).execute();
  return { items: items.length, reports: reports.length };
}
