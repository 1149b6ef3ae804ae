// The timeline of a post-mortem review (复盘): what happened to an item, day by day, built from its recorded history
// — lifecycle transitions and requests, progress reports, milestones planned and reached, the lights and cards it drew,
// verification cases and admonition talks — each event dated, labelled in both languages and pointing at its record.
// A pure function: the same history always gives the same timeline, in the same order, whatever order it came in.
import { addDays, shanghaiDateOf, type CalendarDate } from '../dates.ts';

export const TIMELINE_KINDS = [
  'item.transition',
  'item.request',
  'item.request_decided',
  'milestone.planned',
  'milestone.reached',
  'milestone.missed',
  'report.submitted',
  'report.returned',
  'report.accepted',
  'warning.issued',
  'warning.escalated',
  'warning.fell_back',
  'warning.rectification',
  'warning.cleared',
  'warning.revoked',
  'case.opened',
  'case.closed',
  'talk.held',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What an event opens: the record it was built from (the web links it). */
export interface TimelineLink {
  type: 'item' | 'request' | 'milestone' | 'report' | 'warning' | 'case' | 'talk';
  id: string;
}

export interface TimelineEvent {
  date: CalendarDate;
  kind: TimelineKind;
  label: { zh: string; en: string };
  /** `bad` for what went wrong (a return, a missed milestone, a light), `good` for what went right. */
  tone: 'neutral' | 'good' | 'bad';
  link: TimelineLink;
  /** The UTC instant when the record has one (transitions, requests, reviews of reports), else null. */
  at: string | null;
}

export interface TimelineTransition {
  id: string;
  action: string;
  toStatus: string;
  /** UTC instant. */
  at: string;
  /** The region's business date of the transition (a demo region lives on its own day); else the instant's date. */
  onDate?: CalendarDate | null;
  actorName: string | null;
  reason: string | null;
}

export interface TimelineRequest {
  id: string;
  kind: 'extension' | 'adjustment';
  status: 'pending' | 'approved' | 'refused';
  requestedAt: string;
  decidedAt: string | null;
  proposedDueDate: string | null;
}

export interface TimelineMilestone {
  id: string;
  title: string;
  plannedDate: CalendarDate;
  doneDate: CalendarDate | null;
}

export interface TimelineReport {
  id: string;
  periodKey: string;
  status: string;
  submittedOn: CalendarDate | null;
  /** UTC instant of the task force's review (accepted or returned). */
  reviewedAt: string | null;
  /** Its business date, when recorded; else the instant's date. */
  reviewedOn?: CalendarDate | null;
  returnReason: string | null;
  late: boolean | null;
  workingDaysLate: number | null;
  progress: number | null;
}

export interface TimelineWarningEvent {
  seq: number;
  type: string;
  onDate: CalendarDate;
  colour: 'yellow' | 'red';
}

export interface TimelineWarning {
  id: string;
  kind: 'light' | 'card';
  unitName: string | null;
  events: readonly TimelineWarningEvent[];
}

export interface TimelineCase {
  id: string;
  number: string | null;
  title?: string | null;
  openedOn: CalendarDate;
  closedOn: CalendarDate | null;
}

export interface TimelineTalk {
  id: string;
  heldOn: CalendarDate;
  unitName: string | null;
}

export interface TimelineInput {
  /** Events after this day are left out (a review built as of a past day shows what was known then). */
  asOf: CalendarDate;
  transitions?: readonly TimelineTransition[];
  requests?: readonly TimelineRequest[];
  milestones?: readonly TimelineMilestone[];
  reports?: readonly TimelineReport[];
  warnings?: readonly TimelineWarning[];
  cases?: readonly TimelineCase[];
  talks?: readonly TimelineTalk[];
}

const TRANSITION_ZH: Record<string, string> = {
  create: '登记事项',
  assign: '交办',
  accept: '签收',
  start: '开始实施',
  request_completion: '申请办结',
  complete: '办结销号',
  send_back: '退回办结申请',
  cancel: '取消',
};
const TRANSITION_EN: Record<string, string> = {
  create: 'Registered',
  assign: 'Assigned',
  accept: 'Accepted by the unit',
  start: 'Work started',
  request_completion: 'Completion requested',
  complete: 'Completed',
  send_back: 'Completion request sent back',
  cancel: 'Cancelled',
};
const COLOUR_ZH = { yellow: '黄', red: '红' } as const;
const KIND_ZH = { light: '灯', card: '牌' } as const;
const KIND_EN = { light: 'light', card: 'card' } as const;
const REQUEST_ZH = { extension: '延期', adjustment: '调整' } as const;

const withReason = (text: string, reason: string | null, sep: string) =>
  reason ? `${text}${sep}${reason}` : text;

function transitionEvents(t: TimelineTransition): TimelineEvent {
  const tone =
    t.action === 'complete' ? 'good' : t.action === 'send_back' || t.action === 'cancel' ? 'bad' : 'neutral';
  const zh = TRANSITION_ZH[t.action] ?? t.action;
  const en = TRANSITION_EN[t.action] ?? t.action;
  const by = (s: string, name: string | null, word: string) => (name ? `${s}${word}${name}` : s);
  return {
    date: t.onDate ?? shanghaiDateOf(t.at),
    at: t.at,
    kind: 'item.transition',
    label: {
      zh: withReason(by(zh, t.actorName, '（') + (t.actorName ? '）' : ''), t.reason, '：'),
      en: withReason(by(en, t.actorName, ' by '), t.reason, ': '),
    },
    tone,
    link: { type: 'item', id: t.id },
  };
}

function requestEvents(r: TimelineRequest): TimelineEvent[] {
  const link = { type: 'request' as const, id: r.id };
  const due = r.proposedDueDate;
  const out: TimelineEvent[] = [
    {
      date: shanghaiDateOf(r.requestedAt),
      at: r.requestedAt,
      kind: 'item.request',
      label: {
        zh: `申请${REQUEST_ZH[r.kind]}${due ? `至 ${due}` : ''}`,
        en: `${r.kind === 'extension' ? 'Extension' : 'Adjustment'} requested${due ? ` to ${due}` : ''}`,
      },
      tone: 'neutral',
      link,
    },
  ];
  if (r.decidedAt && r.status !== 'pending') {
    const approved = r.status === 'approved';
    out.push({
      date: shanghaiDateOf(r.decidedAt),
      at: r.decidedAt,
      kind: 'item.request_decided',
      label: {
        zh: `${REQUEST_ZH[r.kind]}申请${approved ? '获批准' : '未获批准'}`,
        en: `${r.kind === 'extension' ? 'Extension' : 'Adjustment'} ${approved ? 'approved' : 'refused'}`,
      },
      tone: approved ? 'neutral' : 'bad',
      link,
    });
  }
  return out;
}

function milestoneEvents(m: TimelineMilestone, asOf: CalendarDate): TimelineEvent[] {
  const link = { type: 'milestone' as const, id: m.id };
  const out: TimelineEvent[] = [
    {
      date: m.plannedDate,
      at: null,
      kind: 'milestone.planned',
      label: { zh: `计划节点：${m.title}`, en: `Milestone due: ${m.title}` },
      tone: 'neutral',
      link,
    },
  ];
  if (m.doneDate) {
    const late = m.doneDate > m.plannedDate;
    out.push({
      date: m.doneDate,
      at: null,
      kind: 'milestone.reached',
      label: {
        zh: `完成节点：${m.title}${late ? '（逾期）' : ''}`,
        en: `Milestone reached: ${m.title}${late ? ' (late)' : ''}`,
      },
      tone: late ? 'bad' : 'good',
      link,
    });
  }
  // Missed: not done by its planned day (recorded on the day after, when it became overdue).
  if ((m.doneDate === null || m.doneDate > m.plannedDate) && m.plannedDate < asOf) {
    out.push({
      date: addDays(m.plannedDate, 1),
      at: null,
      kind: 'milestone.missed',
      label: { zh: `节点逾期：${m.title}`, en: `Milestone overdue: ${m.title}` },
      tone: 'bad',
      link,
    });
  }
  return out;
}

function reportEvents(r: TimelineReport): TimelineEvent[] {
  const link = { type: 'report' as const, id: r.id };
  const out: TimelineEvent[] = [];
  if (r.submittedOn) {
    const late = r.late === true;
    const days = r.workingDaysLate ?? 0;
    const progress = r.progress === null ? '' : `，进度 ${r.progress}%`;
    const progressEn = r.progress === null ? '' : `, progress ${r.progress}%`;
    // A report returned and submitted again keeps its row: the return reason is what history is left of it.
    const again = r.returnReason !== null && r.status !== 'returned';
    out.push({
      date: r.submittedOn,
      at: null,
      kind: 'report.submitted',
      label: {
        zh: `报送 ${r.periodKey} 进度${progress}${again ? '（退回后重报）' : ''}${late ? `（逾期 ${days} 个工作日）` : ''}`,
        en: `Report for ${r.periodKey} submitted${progressEn}${again ? ' (again, after a return)' : ''}${late ? ` (${days} working day(s) late)` : ''}`,
      },
      tone: late ? 'bad' : 'neutral',
      link,
    });
  }
  if (r.reviewedAt && (r.status === 'accepted' || r.status === 'returned')) {
    const accepted = r.status === 'accepted';
    out.push({
      date: r.reviewedOn ?? shanghaiDateOf(r.reviewedAt),
      at: r.reviewedAt,
      kind: accepted ? 'report.accepted' : 'report.returned',
      label: accepted
        ? { zh: `${r.periodKey} 进度报送审核通过`, en: `Report for ${r.periodKey} accepted` }
        : {
            zh: withReason(`${r.periodKey} 进度报送被退回`, r.returnReason, '：'),
            en: withReason(`Report for ${r.periodKey} returned`, r.returnReason, ': '),
          },
      tone: accepted ? 'good' : 'bad',
      link,
    });
  }
  return out;
}

const WARNING_KIND: Record<string, TimelineKind> = {
  issued: 'warning.issued',
  escalated: 'warning.escalated',
  fell_back: 'warning.fell_back',
  rectification_submitted: 'warning.rectification',
  cleared: 'warning.cleared',
  appeal_upheld: 'warning.revoked',
};

function warningEvents(w: TimelineWarning): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const whose = (zh: boolean) =>
    w.kind === 'card' && w.unitName ? (zh ? `${w.unitName}` : `${w.unitName}: `) : '';
  for (const e of w.events) {
    const kind = WARNING_KIND[e.type];
    if (!kind) continue;
    const name = { zh: `${COLOUR_ZH[e.colour]}${KIND_ZH[w.kind]}`, en: `${e.colour} ${KIND_EN[w.kind]}` };
    const text: Record<string, { zh: string; en: string }> = {
      issued: { zh: `亮${name.zh}`, en: `${cap(name.en)} issued` },
      escalated: { zh: `升级为${name.zh}`, en: `Escalated to ${name.en}` },
      fell_back: { zh: `回落为${name.zh}`, en: `Fell back to ${name.en}` },
      rectification_submitted: { zh: `提交${name.zh}整改`, en: `Rectification of the ${name.en} submitted` },
      cleared: {
        zh: w.kind === 'light' ? `灭灯（${name.zh}）` : `摘牌（${name.zh}）`,
        en: `${cap(name.en)} cleared`,
      },
      appeal_upheld: { zh: `申诉成立，撤销${name.zh}`, en: `Appeal upheld: ${name.en} revoked` },
    };
    const t = text[e.type]!;
    out.push({
      date: e.onDate,
      at: null,
      kind,
      label: { zh: `${whose(true)}${t.zh}`, en: `${whose(false)}${t.en}` },
      tone:
        kind === 'warning.cleared' || kind === 'warning.revoked' || kind === 'warning.fell_back'
          ? 'good'
          : kind === 'warning.rectification'
            ? 'neutral'
            : 'bad',
      link: { type: 'warning', id: w.id },
    });
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function caseEvents(c: TimelineCase): TimelineEvent[] {
  const link = { type: 'case' as const, id: c.id };
  const no = c.number ? ` ${c.number}` : '';
  const zhTitle = c.title ? `：${c.title}` : '';
  const enTitle = c.title ? `: ${c.title}` : '';
  const out: TimelineEvent[] = [
    {
      date: c.openedOn,
      at: null,
      kind: 'case.opened',
      label: { zh: `立案核查${no}${zhTitle}`, en: `Verification case${no} opened${enTitle}` },
      tone: 'bad',
      link,
    },
  ];
  if (c.closedOn)
    out.push({
      date: c.closedOn,
      at: null,
      kind: 'case.closed',
      label: { zh: `核查办结${no}${zhTitle}`, en: `Verification case${no} closed${enTitle}` },
      tone: 'good',
      link,
    });
  return out;
}

const talkEvent = (t: TimelineTalk): TimelineEvent => ({
  date: t.heldOn,
  at: null,
  kind: 'talk.held',
  label: {
    zh: `谈话提醒${t.unitName ? `（${t.unitName}）` : ''}`,
    en: `Admonition talk${t.unitName ? ` (${t.unitName})` : ''}`,
  },
  tone: 'bad',
  link: { type: 'talk', id: t.id },
});

/** Order within a day: plans before what happened, the item's own steps before reports, warnings and cases. */
const KIND_RANK = new Map<TimelineKind, number>(TIMELINE_KINDS.map((k, i) => [k, i]));

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const k = KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!;
  if (k !== 0) return k;
  const ta = a.at ?? '';
  const tb = b.at ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.link.id !== b.link.id) return a.link.id < b.link.id ? -1 : 1;
  return a.label.en < b.label.en ? -1 : a.label.en > b.label.en ? 1 : 0;
}

/** The item's history as dated events, oldest first, up to `asOf`. */
export function buildTimeline(input: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...(input.transitions ?? []).map(transitionEvents),
    ...(input.requests ?? []).flatMap(requestEvents),
    ...(input.milestones ?? []).flatMap((m) => milestoneEvents(m, input.asOf)),
    ...(input.reports ?? []).flatMap(reportEvents),
    ...(input.warnings ?? []).flatMap(warningEvents),
    ...(input.cases ?? []).flatMap(caseEvents),
    ...(input.talks ?? []).map(talkEvent),
  ];
  return events.filter((e) => e.date <= input.asOf).sort(compareEvents);
}
