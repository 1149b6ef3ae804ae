// The words of a notification, built in the reader's language from its kind and params (the server stores
// facts, not sentences): `notification.<kind>` message ids, with the period shown as a label.
import { periodLabel } from './period';

export interface NotificationLike {
  kind: string;
  params: Record<string, unknown>;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const str = (v: unknown, fallback = '') =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;

/** The message id for a notification (`request_decided` splits into approved / refused). */
export function notificationKey(n: NotificationLike, exists: (key: string) => boolean): string {
  if (n.kind === 'request_decided') {
    const key =
      n.params.approved === true
        ? 'notification.request_decided.approved'
        : 'notification.request_decided.refused';
    return exists(key) ? key : 'notification.unknown';
  }
  const key = `notification.${n.kind}`;
  return exists(key) ? key : 'notification.unknown';
}

export function notificationText(
  n: NotificationLike,
  t: Translate,
  exists: (key: string) => boolean,
  locale: string,
): string {
  const p = n.params ?? {};
  const periodKey = str(p.periodKey);
  const requestKind = str(p.requestKind);
  const reason = str(p.reason);
  if (n.kind === 'warning_issued' || n.kind === 'warning_escalated') return warningText(n, t, exists, locale);
  return t(notificationKey(n, exists), {
    kind: n.kind,
    itemNumber: str(p.itemNumber, '—'),
    itemTitle: str(p.itemTitle),
    period: periodKey ? periodLabel(periodKey, locale) : '',
    deadline: str(p.deadline, '—'),
    dueDate: str(p.dueDate, '—'),
    days: str(p.workingDaysLate ?? p.workingDaysLeft, '—'),
    requestKind:
      requestKind && exists(`requestKind.${requestKind}`) ? t(`requestKind.${requestKind}`) : requestKind,
    reason: reason || t('notification.noReason'),
    // A bulletin published (督查通报): its number and title.
    number: str(p.number, '—'),
    title: str(p.title),
    // A low service rating (服务评议): the month and the service rated.
    month: str(p.month, '—'),
    service: exists(`ratingService.${str(p.service)}`)
      ? t(`ratingService.${str(p.service)}`)
      : str(p.service),
  });
}

/**
 * A light or card issued or escalated (params: warningId, warningKind, colour, itemNumber, explanationZh,
 * explanationEn): the badge's words, the item (or "your unit" for a card) and the engine's explanation in the
 * reader's language.
 */
function warningText(
  n: NotificationLike,
  t: Translate,
  exists: (key: string) => boolean,
  locale: string,
): string {
  const p = n.params ?? {};
  const kind = str(p.warningKind, 'light');
  const colour = str(p.colour, 'yellow');
  const badge = `warningBadge.${kind}.${colour}`;
  const itemNumber = str(p.itemNumber);
  const zh = str(p.explanationZh);
  const en = str(p.explanationEn);
  return t(notificationKey(n, exists), {
    what: exists(badge) ? t(badge) : `${colour} ${kind}`,
    subject: itemNumber || t('notification.warningOwnUnit'),
    explanation: (locale === 'en-US' ? en || zh : zh || en) || '—',
  });
}

/** Where a notification leads: a warning's "why", a bulletin, a case, the report's form or its item. */
export function notificationLink(n: {
  kind: string;
  itemId: string | null;
  reportId: string | null;
  params?: Record<string, unknown>;
}): string | null {
  if (n.kind === 'warning_issued' || n.kind === 'warning_escalated') {
    const warningId = str(n.params?.warningId);
    if (warningId) return `/warnings/${encodeURIComponent(warningId)}`;
  }
  if (n.kind === 'bulletin_published') {
    const bulletinId = str(n.params?.bulletinId);
    return bulletinId ? `/bulletins/${encodeURIComponent(bulletinId)}` : '/bulletins';
  }
  if (n.kind === 'rating_low') return '/ratings/follow-ups';
  if (n.kind.startsWith('case_')) {
    const caseId = str(n.params?.caseId);
    if (caseId) return `/cases/${encodeURIComponent(caseId)}`;
  }
  if (!n.itemId) return null;
  if (n.kind === 'report_returned' && n.reportId) return `/reports/${n.reportId}/edit`;
  if (n.kind === 'report_due' || n.kind === 'report_overdue' || n.kind === 'report_accepted')
    return `/items/${n.itemId}?tab=reports`;
  if (n.kind === 'request_decided') return `/items/${n.itemId}?tab=requests`;
  return `/items/${n.itemId}`;
}
