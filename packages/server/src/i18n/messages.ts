// Server-side messages in the user's language (Accept-Language): every error a user can meet is here in both.
export type Locale = 'zh-CN' | 'en-US';

type Messages = Record<string, { 'zh-CN': string; 'en-US': string }>;

export const messages = {
  // generic
  not_found: { 'zh-CN': '{entity}不存在', 'en-US': '{entity} not found' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  forbidden: { 'zh-CN': '无权执行此操作', 'en-US': 'You are not allowed to do this' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please log in first' },
  session_expired: {
    'zh-CN': '会话已超时，请重新登录',
    'en-US': 'Your session has expired; please log in again',
  },
  origin_rejected: {
    'zh-CN': '请求来源 {origin} 不被允许',
    'en-US': 'Requests from origin {origin} are not allowed',
  },
  body_too_large: {
    'zh-CN': '请求体过大（上限 {limit}）',
    'en-US': 'Request body too large (limit {limit})',
  },
  invalid_json: { 'zh-CN': '请求体不是合法的 JSON', 'en-US': 'The request body is not valid JSON' },
  unsupported_media_type: {
    'zh-CN': '不支持的内容类型：{type}',
    'en-US': 'Unsupported content type: {type}',
  },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; please try again later' },
  internal: {
    'zh-CN': '服务器内部错误，请联系管理员',
    'en-US': 'Internal server error; please contact the administrator',
  },
  conflict_unique: {
    'zh-CN': '“{value}”已存在（字段 {field}）',
    'en-US': '"{value}" already exists (field {field})',
  },
  // validation (from zod issues)
  required: { 'zh-CN': '字段 {field} 必填', 'en-US': 'Field {field} is required' },
  invalid_type: {
    'zh-CN': '字段 {field} 类型错误，应为 {expected}',
    'en-US': 'Field {field} has the wrong type; expected {expected}',
  },
  too_small_string: {
    'zh-CN': '字段 {field} 至少 {min} 个字符',
    'en-US': 'Field {field} must have at least {min} characters',
  },
  too_big_string: {
    'zh-CN': '字段 {field} 最多 {max} 个字符',
    'en-US': 'Field {field} must have at most {max} characters',
  },
  too_small_number: {
    'zh-CN': '字段 {field} 不能小于 {min}',
    'en-US': 'Field {field} must be at least {min}',
  },
  too_big_number: { 'zh-CN': '字段 {field} 不能大于 {max}', 'en-US': 'Field {field} must be at most {max}' },
  too_small_array: {
    'zh-CN': '字段 {field} 至少 {min} 项',
    'en-US': 'Field {field} must have at least {min} entries',
  },
  too_big_array: {
    'zh-CN': '字段 {field} 最多 {max} 项',
    'en-US': 'Field {field} must have at most {max} entries',
  },
  unknown_field: { 'zh-CN': '不允许的字段：{field}', 'en-US': 'Unknown field: {field}' },
  invalid_value: {
    'zh-CN': '字段 {field} 的取值无效，可选：{options}',
    'en-US': 'Field {field} has an invalid value; allowed: {options}',
  },
  invalid_format: { 'zh-CN': '字段 {field} 格式错误', 'en-US': 'Field {field} is not in the right format' },
  nul_character: {
    'zh-CN': '字段 {field} 含有不允许的空字符（U+0000）',
    'en-US': 'Field {field} contains a NUL character (U+0000), which is not allowed',
  },
  invalid_field: { 'zh-CN': '字段 {field} 无效', 'en-US': 'Field {field} is invalid' },
  // auth
  invalid_credentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  account_locked: {
    'zh-CN': '登录失败次数过多，账号已锁定至 {until}',
    'en-US': 'Too many failed logins; the account is locked until {until}',
  },
  wrong_current_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  password_too_short: {
    'zh-CN': '密码至少 {min} 个字符',
    'en-US': 'The password must have at least {min} characters',
  },
  password_too_long: {
    'zh-CN': '密码最多 {max} 个字符',
    'en-US': 'The password must have at most {max} characters',
  },
  password_too_few_classes: {
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    'en-US': 'The password must contain at least three of: upper-case, lower-case, digits, symbols',
  },
  password_contains_username: {
    'zh-CN': '密码不能包含用户名',
    'en-US': 'The password must not contain the username',
  },
  // users and roles
  admin_roles_exclusive: {
    'zh-CN': '三员分立：系统、安全、审计管理员角色只能单独授予，不能与其他角色兼任',
    'en-US': 'Separation of duties: a system, security or audit administrator role must be held alone',
  },
  cannot_grant_self: { 'zh-CN': '不能给自己授予角色', 'en-US': 'You cannot change your own roles' },
  cannot_deactivate_self: {
    'zh-CN': '不能停用自己的账号',
    'en-US': 'You cannot deactivate your own account',
  },
  unit_inactive: { 'zh-CN': '单位已停用', 'en-US': 'The unit is inactive' },
  unit_parent_cycle: {
    'zh-CN': '上级单位不能是自身或其下级',
    'en-US': 'The parent unit cannot be the unit itself or one of its sub-units',
  },
  // entity names
  'entity.unit': { 'zh-CN': '单位', 'en-US': 'Unit' },
  'entity.user': { 'zh-CN': '用户', 'en-US': 'User' },
  'entity.category': { 'zh-CN': '排名类别', 'en-US': 'Ranking category' },
  'entity.region': { 'zh-CN': '行政区', 'en-US': 'Region' },
} satisfies Messages;

export type MessageCode = keyof typeof messages;

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

export function translate(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const entry = (messages as Messages)[code];
  const template = entry ? entry[locale] : code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    // Entity names are themselves message codes.
    if (k === 'entity') return translate(`entity.${v}`, locale);
    return String(v);
  });
}
