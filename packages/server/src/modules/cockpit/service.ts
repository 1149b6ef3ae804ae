// The leader cockpit (领导驾驶舱): one read of the region's state as of its today, for the roles that read the whole
// region (supervisor, leader, discipline). It computes nothing of its own: lights and cards are the warning
// engine's records, "overdue" is the item list's and the case list's filter, the trend is the warning board's
// monthly count, the 红黑榜 is the running index's latest published month, and report deadlines are the to-do
// list's obligations. Unit roles keep the dashboard (their own unit's work is their to-do list).
import {
  addDays,
  assertAuthorized,
  authorize,
  CASE_STATES,
  validationError,
  type CaseState,
  type MonthResult,
} from '@benpao/domain';
import type { Db } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { regionToday } from '../calendar/service.ts';
import { listCases as caseRows } from '../cases/repository.ts';
import { getMonth } from '../running-index/service.ts';
import { reportObligations } from '../todo/obligations.ts';
import { actorOf } from '../units/service.ts';
import { warningSummary } from '../warnings/service.ts';
import * as repo from './repository.ts';
import type { CockpitQuery, CockpitView, Figure } from './schema.ts';

/** How many of the newest warnings, items at risk and deadlines the first screen lists. */
const NEWEST = 8;
const AT_RISK = 10;
const DEADLINES = 30;
/** "This week": today and the six days after it. */
const WEEK_DAYS = 6;

const qs = (params: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export async function getCockpit(
  db: Db,
  ctx: RequestContext,
  q: CockpitQuery,
  locale: Locale,
): Promise<CockpitView> {
  const actor = actorOf(ctx);
  const regionId = actor.regionId;
  assertAuthorized(actor, 'cockpit.read', { regionId });
  const [today, region, leadsItems] = await Promise.all([
    regionToday(db, regionId, ctx.now),
    db.selectFrom('regions').select(['id', 'name']).where('id', '=', regionId).executeTakeFirstOrThrow(),
    repo.isItemLeader(db, regionId, actor.id),
  ]);
  const mine = q.mine === '1';
  if (mine && !actor.roles.includes('leader')) throw validationError('cockpit_mine_leaders_only', 'mine');
  const leaderId = mine ? actor.id : null;
  const to = addDays(today, WEEK_DAYS);

  const [counts, lit, overdue, newest, summary, month, cases, deadlines] = await Promise.all([
    repo.openWarningCounts(db, regionId, leaderId),
    repo.openLightsByItem(db, regionId, leaderId),
    repo.overdueItems(db, regionId, today, leaderId),
    repo.newestWarnings(db, regionId, leaderId, NEWEST),
    warningSummary(db, ctx, { asOf: today }),
    indexBoards(db, ctx, regionId, locale),
    authorize(actor, 'case.read', { regionId }) ? caseFigures(db, regionId, today) : Promise.resolve(null),
    deadlinesBetween(db, regionId, today, to, leaderId),
  ]);

  const count = (kind: 'light' | 'card', colour: 'yellow' | 'red') =>
    Number(counts.find((c) => c.kind === kind && c.colour === colour)?.n ?? 0);
  const warningFigure = (kind: 'light' | 'card', colour: 'yellow' | 'red'): Figure => ({
    count: count(kind, colour),
    // A leader's own: the lights on the items they are in charge of; cards are on units, so they stay county-wide.
    link: `/warnings${qs({ kind, colour, state: 'open', leaderUserId: mine && kind === 'light' ? actor.id : undefined })}`,
  });

  // Items at risk: an open light on them (the engine's rules: late reports, overdue milestones, lag…) or overdue.
  const risky = new Map<string, CockpitView['itemsAtRisk']['items'][number] & { sort: string }>();
  for (const r of lit) {
    const item = risky.get(r.id) ?? {
      id: r.id,
      number: r.number,
      title: r.title,
      leadUnitName: r.lead_unit_name,
      lights: { yellow: 0, red: 0 },
      overdue: false,
      link: `/items/${r.id}`,
      sort: r.number,
    };
    item.lights[r.colour] += Number(r.n);
    risky.set(r.id, item);
  }
  const litCount = risky.size;
  for (const r of overdue) {
    const item = risky.get(r.id) ?? {
      id: r.id,
      number: r.number,
      title: r.title,
      leadUnitName: r.lead_unit_name,
      lights: { yellow: 0, red: 0 },
      overdue: false,
      link: `/items/${r.id}`,
      sort: r.number,
    };
    item.overdue = true;
    risky.set(r.id, item);
  }
  const severity = (i: { lights: { red: number; yellow: number }; overdue: boolean }) =>
    i.lights.red * 100 + (i.overdue ? 50 : 0) + i.lights.yellow;
  const atRisk = [...risky.values()]
    .sort((a, b) => severity(b) - severity(a) || a.sort.localeCompare(b.sort))
    .slice(0, AT_RISK)
    .map(({ sort: _sort, ...item }) => item);

  return {
    asOf: today,
    region,
    mine,
    leadsItems,
    warnings: {
      light: { yellow: warningFigure('light', 'yellow'), red: warningFigure('light', 'red') },
      card: { yellow: warningFigure('card', 'yellow'), red: warningFigure('card', 'red') },
      link: `/warnings${qs({ state: 'open' })}`,
    },
    trend: {
      months: summary.byMonth.map((m) => ({ month: m.month, lights: m.lights, cards: m.cards })),
      link: `/warnings${qs({ state: 'all' })}`,
    },
    itemsAtRisk: {
      total: risky.size,
      lit: { count: litCount, link: null },
      overdue: {
        count: overdue.length,
        link: `/items${qs({ overdue: 'true', leaderUserId: leaderId ?? undefined })}`,
      },
      items: atRisk,
    },
    newestWarnings: {
      items: newest.map((w) => ({
        id: w.id,
        kind: w.kind,
        colour: w.colour,
        state: w.state,
        unitName: w.unit_name,
        itemId: w.item_id,
        itemNumber: w.item_number,
        itemTitle: w.item_title,
        issuedOn: w.issued_on,
        explanation: locale === 'zh-CN' ? w.explanation_zh : w.explanation_en,
        link: `/warnings/${w.id}`,
      })),
      link: `/warnings${qs({ state: 'all' })}`,
    },
    index: month,
    cases,
    deadlines,
  };
}

/** Boards by published snapshot id: a snapshot is frozen (republication is a new id), so this never goes stale. */
const boardsCache = new Map<string, { month: string; result: MonthResult }>();
const BOARDS_CACHE_MAX = 64;

/** The 红黑榜 of the latest published month, as the running index published it (its frozen snapshot). */
async function indexBoards(
  db: Db,
  ctx: RequestContext,
  regionId: string,
  locale: Locale,
): Promise<CockpitView['index']> {
  const latest = await repo.latestSnapshot(db, regionId);
  if (!latest) return null;
  let boards = boardsCache.get(latest.id);
  if (!boards) {
    const snapshot = await getMonth(db, ctx, latest.month);
    boards = { month: latest.month, result: snapshot.result as unknown as MonthResult };
    if (snapshot.id === latest.id) {
      if (boardsCache.size >= BOARDS_CACHE_MAX) boardsCache.delete(boardsCache.keys().next().value!);
      boardsCache.set(latest.id, boards);
    }
  }
  const { month, result } = boards;
  const ranked = (e: MonthResult['categories'][number]['top'][number]) => ({
    unitId: e.unitId,
    name: e.name,
    total: e.total,
    rank: e.rank,
    link: `/running-index/units/${e.unitId}${qs({ month })}`,
  });
  return {
    month,
    link: `/running-index${qs({ month })}`,
    categories: result.categories.map((c) => ({
      categoryId: c.categoryId,
      name: c.name[locale],
      top: c.top.map(ranked),
      bottom: c.bottom.map(ranked),
    })),
  };
}

async function caseFigures(db: Db, regionId: string, today: string): Promise<CockpitView['cases']> {
  const [byStatus, overdue] = await Promise.all([
    repo.caseCountsByStatus(db, regionId),
    // The case list's own "overdue" (deadline passed unanswered, or a measure past its own), counted by it.
    caseRows(db, { regionId, overdueOn: today }, today, { limit: 1, offset: 0 }),
  ]);
  const n = new Map(byStatus.map((s) => [s.status as CaseState, Number(s.n)]));
  const open = CASE_STATES.filter((s) => s !== 'closed');
  return {
    open: open.reduce((sum, s) => sum + (n.get(s) ?? 0), 0),
    byStatus: open.map((status) => ({
      status,
      count: n.get(status) ?? 0,
      link: `/cases${qs({ status })}`,
    })),
    overdue: { count: overdue.total, link: `/cases${qs({ overdue: 'true' })}` },
    link: '/cases',
  };
}

async function deadlinesBetween(
  db: Db,
  regionId: string,
  from: string,
  to: string,
  leaderId: string | null,
): Promise<CockpitView['deadlines']> {
  const [obligations, milestones, warnings, cases, units, myItems] = await Promise.all([
    // Working days are never fewer than calendar days, so this horizon covers the week; then cut to `to`.
    reportObligations(db, regionId, { today: from, horizon: WEEK_DAYS + 1 }),
    repo.milestonesDue(db, regionId, from, to, leaderId),
    repo.warningsDue(db, regionId, from, to, leaderId),
    repo.casesDue(db, regionId, from, to, leaderId),
    db.selectFrom('units').select(['id', 'name']).where('region_id', '=', regionId).execute(),
    leaderId
      ? db
          .selectFrom('items')
          .select('id')
          .where('region_id', '=', regionId)
          .where('leader_user_id', '=', leaderId)
          .execute()
      : Promise.resolve(null),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const mine = myItems ? new Set(myItems.map((i) => i.id)) : null;
  const reports = obligations.filter((o) => !o.overdue && o.deadline <= to && (!mine || mine.has(o.itemId)));
  const all: CockpitView['deadlines']['items'] = [
    ...reports.map((o) => ({
      kind: 'report' as const,
      date: o.deadline,
      title: `${o.itemNumber} ${o.itemTitle}`,
      unitName: unitName.get(o.leadUnitId) ?? null,
      detail: o.periodKey,
      link: `/items/${o.itemId}`,
    })),
    ...milestones.map((m) => ({
      kind: 'milestone' as const,
      date: m.planned_date,
      title: `${m.number} ${m.item_title}`,
      unitName: m.unit_name,
      detail: m.title,
      link: `/items/${m.item_id}`,
    })),
    ...warnings.map((w) => ({
      kind: 'warning' as const,
      date: w.rectify_by,
      title: w.item_number ? `${w.item_number} ${w.item_title ?? ''}`.trim() : w.unit_name,
      unitName: w.unit_name,
      detail: `${w.kind}.${w.colour}`,
      link: `/warnings/${w.id}`,
    })),
    ...cases.map((c) => ({
      kind: 'case' as const,
      date: c.deadline,
      title: c.title,
      unitName: c.unit_name,
      detail: c.receipt,
      link: `/cases/${c.id}`,
    })),
  ];
  all.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return {
    from,
    to,
    counts: {
      report: reports.length,
      milestone: milestones.length,
      warning: warnings.length,
      case: cases.length,
    },
    items: all.slice(0, DEADLINES),
  };
}
