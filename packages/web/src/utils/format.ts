import dayjs from 'dayjs';

/** An ISO instant in the browser's time zone (county staff are in Asia/Shanghai). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

export function isLocked(lockedUntil: string | null | undefined, now = Date.now()): boolean {
  if (!lockedUntil) return false;
  const t = Date.parse(lockedUntil);
  return Number.isFinite(t) && t > now;
}
