// The demo county: Songyang's real units (PRODUCT.md). Every person in the demo is invented and says so.
import type { Role, UnitKind } from '@benpao/domain';

export const DEMO_REGION = { code: 'songyang-demo', name: '松阳县 (demo)' };
export const DEMO_PASSWORD = 'Benpao#2022';

export const DEMO_CATEGORIES = [
  { key: 'towns', name: '乡镇（街道）', sortOrder: 1 },
  { key: 'departments', name: '县级部门', sortOrder: 2 },
] as const;

type Category = (typeof DEMO_CATEGORIES)[number]['key'];
interface DemoUnit {
  name: string;
  shortName: string;
  kind: UnitKind;
  category: Category | null;
}

const dept = (name: string, shortName: string): DemoUnit => ({
  name,
  shortName,
  kind: 'department',
  category: 'departments',
});
const place = (name: string, kind: UnitKind): DemoUnit => ({
  name,
  shortName: name,
  kind,
  category: 'towns',
});

export const DEMO_UNITS: DemoUnit[] = [
  { name: '县执行力建设专班', shortName: '专班', kind: 'other', category: null },
  { name: '县委县政府领导', shortName: '县领导', kind: 'other', category: null },
  { name: '县纪委县监委', shortName: '纪委监委', kind: 'other', category: null },
  { name: '县大数据发展中心', shortName: '大数据中心', kind: 'other', category: null },
  dept('县发展和改革局', '发改局'),
  dept('县经济商务科技局', '经商科局'),
  dept('县财政局', '财政局'),
  dept('县自然资源和规划局', '自然资源和规划局'),
  dept('县住房和城乡建设局', '住建局'),
  dept('县交通运输局', '交通运输局'),
  dept('县水利局', '水利局'),
  dept('县农业农村局', '农业农村局'),
  dept('县林业局', '林业局'),
  dept('县市场监督管理局', '市场监管局'),
  dept('县生态环境分局', '生态环境分局'),
  dept('县应急管理局', '应急管理局'),
  dept('县综合行政执法局', '综合执法局'),
  dept('县统计局', '统计局'),
  dept('县文化和广电旅游体育局', '文广旅体局'),
  dept('县卫生健康局', '卫健局'),
  dept('县教育局', '教育局'),
  dept('县人力资源和社会保障局', '人力社保局'),
  dept('县民政局', '民政局'),
  place('西屏街道', 'street'),
  place('水南街道', 'street'),
  place('望松街道', 'street'),
  place('古市镇', 'town'),
  place('象溪镇', 'town'),
  place('大东坝镇', 'town'),
  place('新兴镇', 'town'),
  place('玉岩镇', 'town'),
  place('赤寿乡', 'township'),
  place('樟溪乡', 'township'),
  place('三都乡', 'township'),
  place('竹源乡', 'township'),
  place('四都乡', 'township'),
  place('叶村乡', 'township'),
  place('斋坛乡', 'township'),
  place('裕溪乡', 'township'),
  place('安民乡', 'township'),
  place('枫坪乡', 'township'),
  place('板桥畲族乡', 'township'),
];

export interface DemoAccount {
  username: string;
  displayName: string;
  unit: string;
  roles: Role[];
}

/** Demo accounts, all with DEMO_PASSWORD; created only in demo mode. Names are invented. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员（演示）', unit: '县大数据发展中心', roles: ['sys_admin'] },
  {
    username: 'security',
    displayName: '安全管理员（演示）',
    unit: '县大数据发展中心',
    roles: ['security_admin'],
  },
  {
    username: 'auditor',
    displayName: '审计管理员（演示）',
    unit: '县大数据发展中心',
    roles: ['audit_admin'],
  },
  { username: 'supervisor', displayName: '周督查（虚构）', unit: '县执行力建设专班', roles: ['supervisor'] },
  { username: 'leader', displayName: '林县长（虚构）', unit: '县委县政府领导', roles: ['leader'] },
  { username: 'leader2', displayName: '王副县长（虚构）', unit: '县委县政府领导', roles: ['leader'] },
  { username: 'leader3', displayName: '黄副县长（虚构）', unit: '县委县政府领导', roles: ['leader'] },
  { username: 'discipline', displayName: '郑监察（虚构）', unit: '县纪委县监委', roles: ['discipline'] },
  { username: 'dadongba', displayName: '吴镇长（虚构）', unit: '大东坝镇', roles: ['unit_manager'] },
  { username: 'xinxing', displayName: '陈镇长（虚构）', unit: '新兴镇', roles: ['unit_manager'] },
  { username: 'wangsong', displayName: '叶主任（虚构）', unit: '望松街道', roles: ['unit_manager'] },
  { username: 'zrzy', displayName: '徐局长（虚构）', unit: '县自然资源和规划局', roles: ['unit_manager'] },
  // The clerks who file the story units' progress reports.
  { username: 'dadongba_tb', displayName: '毛晓丽（虚构）', unit: '大东坝镇', roles: ['unit_reporter'] },
  { username: 'xinxing_tb', displayName: '叶国平（虚构）', unit: '新兴镇', roles: ['unit_reporter'] },
  { username: 'wangsong_tb', displayName: '刘思远（虚构）', unit: '望松街道', roles: ['unit_reporter'] },
  {
    username: 'zrzy_tb',
    displayName: '潘文涛（虚构）',
    unit: '县自然资源和规划局',
    roles: ['unit_reporter'],
  },
  // The heads of the other units that lead a 2022 demo item (demo-2022.ts): they accept and report.
  ...(
    [
      ['fgj', '何局长（虚构）', '县发展和改革局'],
      ['jsk', '蓝局长（虚构）', '县经济商务科技局'],
      ['czj', '钟局长（虚构）', '县财政局'],
      ['zjj', '杨局长（虚构）', '县住房和城乡建设局'],
      ['jtj', '朱局长（虚构）', '县交通运输局'],
      ['slj', '季局长（虚构）', '县水利局'],
      ['nyj', '邱局长（虚构）', '县农业农村局'],
      ['scjg', '胡局长（虚构）', '县市场监督管理局'],
      ['sthj', '孙局长（虚构）', '县生态环境分局'],
      ['zhzf', '谢局长（虚构）', '县综合行政执法局'],
      ['jyj', '程局长（虚构）', '县教育局'],
      ['wjj', '方局长（虚构）', '县卫生健康局'],
    ] as const
  ).map(([username, displayName, unit]): DemoAccount => ({
    username,
    displayName,
    unit,
    roles: ['unit_manager'],
  })),
];
