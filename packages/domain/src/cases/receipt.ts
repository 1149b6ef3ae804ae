// The receipt number (受理回执号) a complainant keeps to follow the case's public status. It is the only key of
// the public status page, so it carries 40 random bits (8 characters of Crockford's base 32, no I, L, O or U to
// misread) after the day it was received: `TS20220415-7KQ9M2XA`.
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_RANDOM_LENGTH = 8;
export const RECEIPT_PATTERN = /^TS\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A receipt number from the day received (`YYYY-MM-DD`) and random bytes (at least 8; one character each). */
export function formatReceipt(receivedOn: string, random: Uint8Array): string {
  if (random.length < RECEIPT_RANDOM_LENGTH) throw new Error('formatReceipt needs 8 random bytes');
  let tail = '';
  for (let i = 0; i < RECEIPT_RANDOM_LENGTH; i++) tail += RECEIPT_ALPHABET[random[i]! % 32];
  return `TS${receivedOn.replace(/-/g, '')}-${tail}`;
}

/** Upper-cases and trims what a complainant typed, and reads look-alikes (O→0, I/L→1) as Crockford does. */
export function normaliseReceipt(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  const m = /^TS(\d{8})-?([0-9A-Z]{8})$/.exec(s);
  if (!m) return null;
  const tail = m[2]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  const out = `TS${m[1]}-${tail}`;
  return RECEIPT_PATTERN.test(out) ? out : null;
}
