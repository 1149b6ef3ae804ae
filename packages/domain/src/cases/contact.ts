// A complainant's contact details: which phone numbers are accepted, and how a name or number is masked for
// everyone but the discipline roles (lists, exports and the audit log alike).

/** Mainland mobile numbers: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Landlines: area code 0 + 2–3 digits, a hyphen, a 7–8 digit number (e.g. 0578-8123456). */
export const LANDLINE_PATTERN = /^0\d{2,3}-[1-9]\d{6,7}$/;
export const CONTACT_NAME_MAX = 50;

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false };

/**
 * Normalises and checks a phone number: spaces dropped, a +86/0086 prefix of a mobile dropped, a mobile written
 * with hyphens (138-0000-5678) joined; a landline keeps its one hyphen after the area code.
 */
export function checkPhone(raw: string): PhoneCheck {
  const s = raw.replace(/[\s\u3000]/g, '');
  const mobile = s.replace(/^(\+86|0086)/, '').replace(/-/g, '');
  if (MOBILE_PATTERN.test(mobile)) return { ok: true, phone: mobile, kind: 'mobile' };
  if (LANDLINE_PATTERN.test(s)) return { ok: true, phone: s, kind: 'landline' };
  return { ok: false };
}

/** 13812345678 → 138****5678; 0578-8123456 → 0578-***3456; anything else keeps only its last two characters. */
export function maskPhone(phone: string): string {
  if (MOBILE_PATTERN.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (LANDLINE_PATTERN.test(phone)) {
    const [area, number] = phone.split('-') as [string, string];
    return `${area}-${'*'.repeat(number.length - 4)}${number.slice(-4)}`;
  }
  return `${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-2)}`;
}

/** 张三 → 张*; 欧阳娜娜 → 欧***; Li Lei → L*****: the first character and nothing else. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
}
