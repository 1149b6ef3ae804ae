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
  // items and their lifecycle
  illegal_transition: {
    'zh-CN': '当前状态“{state}”下不能执行“{action}”；此状态下可执行：{allowed}',
    'en-US': 'Cannot {action} an item that is {state}; allowed from here: {allowed}',
  },
  reason_required: { 'zh-CN': '请填写理由', 'en-US': 'A reason is required' },
  due_before_start: {
    'zh-CN': '字段 {field} 不能早于开始日期',
    'en-US': 'Field {field} cannot be before the start date',
  },
  weights_sum: {
    'zh-CN': '节点权重合计须为 {expected}，当前为 {sum}',
    'en-US': 'Milestone weights must add up to {expected}; they add up to {sum}',
  },
  weight_not_positive: {
    'zh-CN': '字段 {field} 的权重须大于 0',
    'en-US': 'Field {field}: the weight must be above 0',
  },
  date_out_of_range: {
    'zh-CN': '字段 {field} 须在 {start} 至 {due} 之间',
    'en-US': 'Field {field} must be between {start} and {due}',
  },
  duplicate_id: { 'zh-CN': '字段 {field} 有重复项', 'en-US': 'Field {field} has a duplicate' },
  duplicate_month: { 'zh-CN': '字段 {field} 的月份重复', 'en-US': 'Field {field}: the month appears twice' },
  duplicate_period: {
    'zh-CN': '字段 {field} 的期次重复',
    'en-US': 'Field {field}: the period appears twice',
  },
  mixed_years: {
    'zh-CN': '字段 {field} 须在同一年度（{year}）内',
    'en-US': 'Field {field} must be within one year ({year})',
  },
  not_monotonic: {
    'zh-CN': '字段 {field}：累计目标不能低于前一期（{previous}）',
    'en-US': 'Field {field}: a cumulative target cannot be below the previous period ({previous})',
  },
  exceeds_annual_target: {
    'zh-CN': '字段 {field}：累计目标不能超过年度目标',
    'en-US': 'Field {field}: a cumulative target cannot exceed the annual target',
  },
  annual_over_total: {
    'zh-CN': '年度计划投资不能超过总投资',
    'en-US': 'The annual planned investment cannot exceed the total investment',
  },
  monthly_sum_mismatch: {
    'zh-CN': '月度计划合计（{sum} 分）与年度计划（{annual} 分）不一致',
    'en-US': 'The monthly plan adds up to {sum} fen, not the annual plan of {annual} fen',
  },
  negative_amount: { 'zh-CN': '字段 {field} 不能为负数', 'en-US': 'Field {field} cannot be negative' },
  not_integer_fen: {
    'zh-CN': '字段 {field} 须为整数（分）',
    'en-US': 'Field {field} must be a whole number of fen',
  },
  invalid_date: {
    'zh-CN': '字段 {field} 不是有效日期（YYYY-MM-DD）',
    'en-US': 'Field {field} is not a valid date (YYYY-MM-DD)',
  },
  invalid_month: {
    'zh-CN': '字段 {field} 不是有效月份（YYYY-MM）',
    'en-US': 'Field {field} is not a valid month (YYYY-MM)',
  },
  invalid_period: {
    'zh-CN': '字段 {field} 不是有效的季度或年度（如 2022-Q1 或 2022）',
    'en-US': 'Field {field} is not a valid quarter or year (e.g. 2022-Q1 or 2022)',
  },
  invalid_period_key: {
    'zh-CN': '字段 {field} 不是有效期次',
    'en-US': 'Field {field} is not a valid period',
  },
  invalid_number: { 'zh-CN': '字段 {field} 不是有效数字', 'en-US': 'Field {field} is not a valid number' },
  invalid_direction: {
    'zh-CN': '字段 {field} 的方向无效',
    'en-US': 'Field {field} has an invalid direction',
  },
  period_frequency_mismatch: {
    'zh-CN': '字段 {field} 的期次与目标频次不一致',
    'en-US': 'Field {field}: the period does not match the target frequency',
  },
  co_unit_is_lead: { 'zh-CN': '配合单位不能是牵头单位', 'en-US': 'A co-unit cannot be the lead unit' },
  not_a_leader: {
    'zh-CN': '牵头领导须是具有县领导角色的用户',
    'en-US': 'The leader in charge must be a user with the county-leader role',
  },
  cockpit_mine_leaders_only: {
    'zh-CN': '字段 {field}：只有县领导可以只看自己牵头的事项',
    'en-US': 'Field {field}: only a county leader can narrow the cockpit to the items they are in charge of',
  },
  item_closed: {
    'zh-CN': '事项已{state}，不能再修改',
    'en-US': 'The item is {state} and can no longer be changed',
  },
  stale_version: {
    'zh-CN': '数据已被他人修改，请刷新后重试',
    'en-US': 'Someone else changed this in the meantime; reload and try again',
  },
  request_not_open: {
    'zh-CN': '事项处于“{state}”状态，不能申请延期或调整',
    'en-US': 'An item that is {state} cannot take an extension or adjustment request',
  },
  extension_not_later: {
    'zh-CN': '延期后的日期须晚于原截止日期 {due}',
    'en-US': 'The new due date must be after {due}',
  },
  request_pending: { 'zh-CN': '已有待审批的申请', 'en-US': 'A request is already waiting for a decision' },
  request_decided: { 'zh-CN': '该申请已处理', 'en-US': 'This request has already been decided' },
  field_not_for_kind: {
    'zh-CN': '字段 {field} 不适用于此类事项',
    'en-US': 'Field {field} does not apply to this kind of item',
  },
  'entity.item': { 'zh-CN': '督办事项', 'en-US': 'Item' },
  'entity.item_request': { 'zh-CN': '申请', 'en-US': 'Request' },
  'state.draft': { 'zh-CN': '草稿', 'en-US': 'draft' },
  'state.assigned': { 'zh-CN': '已交办', 'en-US': 'assigned' },
  'state.accepted': { 'zh-CN': '已签收', 'en-US': 'accepted' },
  'state.in_progress': { 'zh-CN': '推进中', 'en-US': 'in progress' },
  'state.completion_requested': { 'zh-CN': '申请办结', 'en-US': 'completion requested' },
  'state.completed': { 'zh-CN': '已办结', 'en-US': 'completed' },
  'state.cancelled': { 'zh-CN': '已撤销', 'en-US': 'cancelled' },
  'action.assign': { 'zh-CN': '交办', 'en-US': 'assign' },
  'action.accept': { 'zh-CN': '签收', 'en-US': 'accept' },
  'action.start': { 'zh-CN': '开始推进', 'en-US': 'start' },
  'action.request_completion': { 'zh-CN': '申请办结', 'en-US': 'request completion' },
  'action.complete': { 'zh-CN': '办结销号', 'en-US': 'complete' },
  'action.send_back': { 'zh-CN': '退回', 'en-US': 'send back' },
  'action.cancel': { 'zh-CN': '撤销', 'en-US': 'cancel' },
  // progress reports (进度报送) and evidence files (佐证材料)
  report_exists: {
    'zh-CN': '{periodKey} 期的进度报送已存在（字段 {field}）',
    'en-US': 'A progress report for {periodKey} already exists (field {field})',
  },
  period_not_item_frequency: {
    'zh-CN': '字段 {field} 的期次与事项的报送频次不符（应形如 {example}）',
    'en-US': "Field {field} does not match the item's reporting frequency (expected a period like {example})",
  },
  period_out_of_range: {
    'zh-CN': '字段 {field}：{periodKey} 期不在事项的起止日期（{start} 至 {due}）之内',
    'en-US': 'Field {field}: {periodKey} is outside the life of the item ({start} to {due})',
  },
  period_in_future: {
    'zh-CN': '字段 {field}：{periodKey} 期尚未开始，不能报送',
    'en-US': 'Field {field}: {periodKey} has not begun yet and cannot be reported',
  },
  item_not_reporting: {
    'zh-CN': '事项处于“{state}”状态，不能报送进度',
    'en-US': 'No progress can be reported on an item that is {state}',
  },
  report_illegal_transition: {
    'zh-CN': '进度报送当前为“{reportState}”，不能执行此操作',
    'en-US': 'The progress report is {reportState}; this cannot be done now',
  },
  report_locked: {
    'zh-CN': '进度报送已审核通过并锁定；如需更正，请提交更正版本',
    'en-US': 'The progress report has been accepted and is locked; submit a correction instead',
  },
  report_not_current: {
    'zh-CN': '只能更正该期现行有效的版本',
    'en-US': 'Only the version in force for its period can be corrected',
  },
  correction_open: {
    'zh-CN': '{periodKey} 期已有尚未审核通过的更正版本',
    'en-US': 'A correction of {periodKey} is already open',
  },
  return_reason_required: {
    'zh-CN': '请填写退回理由（字段 {field}）',
    'en-US': 'A reason for returning is required (field {field})',
  },
  milestone_not_of_item: {
    'zh-CN': '字段 {field}：该节点不属于本事项',
    'en-US': 'Field {field}: the milestone does not belong to this item',
  },
  milestone_done_elsewhere: {
    'zh-CN': '字段 {field}：该节点已在 {periodKey} 期报送完成',
    'en-US': 'Field {field}: the milestone was already reported done in {periodKey}',
  },
  evidence_not_of_item: {
    'zh-CN': '字段 {field}：佐证材料不属于本事项',
    'en-US': 'Field {field}: the evidence file does not belong to this item',
  },
  evidence_in_use: {
    'zh-CN': '字段 {field}：佐证材料已用于另一份报送',
    'en-US': 'Field {field}: the evidence file is already attached to another report',
  },
  evidence_locked: {
    'zh-CN': '佐证材料已随报送提交，不能删除',
    'en-US': 'The evidence file belongs to a submitted report and cannot be deleted',
  },
  file_too_large: {
    'zh-CN': '字段 {field}：文件过大（上限 {limit}）',
    'en-US': 'Field {field}: the file is too large (limit {limit})',
  },
  file_type_refused: {
    'zh-CN':
      '字段 {field}：不支持此文件类型。按文件内容识别，仅接受 JPEG、PNG、GIF、WebP 图片，PDF，以及 Word、Excel、PowerPoint 文档',
    'en-US':
      'Field {field}: this type of file is not accepted; judged by their content, only JPEG, PNG, GIF and WebP images, PDF files and Word, Excel and PowerPoint documents can be uploaded',
  },
  file_empty: { 'zh-CN': '字段 {field}：文件为空', 'en-US': 'Field {field}: the file is empty' },
  'entity.report': { 'zh-CN': '进度报送', 'en-US': 'Progress report' },
  'entity.evidence': { 'zh-CN': '佐证材料', 'en-US': 'Evidence file' },
  'report_state.draft': { 'zh-CN': '草稿', 'en-US': 'a draft' },
  'report_state.pending_approval': {
    'zh-CN': '待单位审批',
    'en-US': "waiting for the unit manager's approval",
  },
  'report_state.submitted': { 'zh-CN': '已报送', 'en-US': 'submitted' },
  'report_state.returned': { 'zh-CN': '已退回', 'en-US': 'returned' },
  'report_state.accepted': { 'zh-CN': '已审核通过', 'en-US': 'accepted' },
  // Excel import
  import_invalid: {
    'zh-CN': '导入文件有 {count} 处错误，未导入任何数据',
    'en-US': 'The workbook has {count} problems; nothing was imported',
  },
  import_not_xlsx: {
    'zh-CN': '文件不是有效的 .xlsx 工作簿',
    'en-US': 'The file is not a valid .xlsx workbook',
  },
  import_no_sheet: {
    'zh-CN': '工作簿中没有“{sheet}”工作表',
    'en-US': 'The workbook has no sheet named {sheet}',
  },
  import_too_many_rows: {
    'zh-CN': '一次最多导入 {max} 行',
    'en-US': 'At most {max} rows can be imported at once',
  },
  import_empty: { 'zh-CN': '工作簿中没有事项', 'en-US': 'The workbook has no items' },
  import_missing_column: {
    'zh-CN': '缺少必需的列“{field}”',
    'en-US': 'The required column {field} is missing',
  },
  import_bad_word: { 'zh-CN': '“{field}”不认识的取值：{value}', 'en-US': '{field}: unknown value {value}' },
  import_unknown_unit: {
    'zh-CN': '“{field}”中的单位不存在：{value}',
    'en-US': '{field}: no such unit: {value}',
  },
  import_bad_amount: {
    'zh-CN': '“{field}”金额无效：{value}（万元，非负，最多 6 位小数）',
    'en-US': '{field}: invalid amount {value} (10k yuan, not negative, at most 6 decimals)',
  },
  import_unknown_row: {
    'zh-CN': '事项行号 {value} 在“事项”表中不存在',
    'en-US': 'Item row {value} does not exist in the Items sheet',
  },
  // calendar administration, settings, notifications
  year_out_of_range: {
    'zh-CN': '字段 {field} 的年份须在 2000 至 2100 之间',
    'en-US': 'Field {field} must be a date of a year from 2000 to 2100',
  },
  calendar_year_builtin: {
    'zh-CN': '{year} 年的节假日安排已内置，无需声明',
    'en-US': 'The holiday schedule of {year} is built in; it needs no declaration',
  },
  calendar_year_empty: {
    'zh-CN': '请先录入 {year} 年的节假日，再声明该年安排完整',
    'en-US': 'Enter the holidays of {year} before declaring its schedule complete',
  },
  demo_only: {
    'zh-CN': '字段 {field} 仅适用于演示行政区',
    'en-US': 'Field {field} applies to demo regions only',
  },
  'entity.calendar_day': { 'zh-CN': '该日期的日历调整', 'en-US': 'Calendar override for this date' },
  'entity.calendar_year': { 'zh-CN': '该年度的日历声明', 'en-US': 'Calendar declaration for this year' },
  'entity.notification': { 'zh-CN': '通知', 'en-US': 'Notification' },
  // outbound webhooks (群机器人)
  invalid_url: {
    'zh-CN': '字段 {field} 须为 http:// 或 https:// 开头的网址',
    'en-US': 'Field {field} must be an http:// or https:// URL',
  },
  secret_not_for_format: {
    'zh-CN': '字段 {field}：企业微信群机器人不使用加签密钥',
    'en-US': 'Field {field}: WeCom group robots take no signing secret',
  },
  webhook_format_fixed: {
    'zh-CN': '字段 {field}：群机器人的类型创建后不能修改，请新建一个',
    'en-US': "Field {field}: a webhook's format cannot change; create a new webhook instead",
  },
  'entity.webhook': { 'zh-CN': '群机器人', 'en-US': 'Webhook' },
  'webhook.test_title': { 'zh-CN': '奔跑 · 测试消息', 'en-US': 'Benpao · test message' },
  'webhook.test_text': {
    'zh-CN': '这是一条测试消息：群机器人“{name}”配置正确，奔跑的预警通知将发送到本群。',
    'en-US':
      'This is a test message: the webhook "{name}" works, and Benpao\'s warnings will be posted here.',
  },
  // entity names
  'entity.unit': { 'zh-CN': '单位', 'en-US': 'Unit' },
  'entity.user': { 'zh-CN': '用户', 'en-US': 'User' },
  'entity.category': { 'zh-CN': '排名类别', 'en-US': 'Ranking category' },
  'entity.region': { 'zh-CN': '行政区', 'en-US': 'Region' },
  'entity.warning': { 'zh-CN': '预警（灯/牌）', 'en-US': 'Warning' },
  'entity.rule_set': { 'zh-CN': '规则集', 'en-US': 'Rule set' },
  'entity.file': { 'zh-CN': '文件', 'en-US': 'File' },
  // rule-set problems (POST /api/rule-sets/validate): {field} is the path, e.g. rules.3.thresholds.yellow
  'rule_problem.required': { 'zh-CN': '{field} 必填', 'en-US': '{field} is required' },
  'rule_problem.invalid_type': {
    'zh-CN': '{field} 类型不正确（应为 {expected}）',
    'en-US': '{field} has the wrong type (expected {expected})',
  },
  'rule_problem.not_integer': { 'zh-CN': '{field} 必须是整数', 'en-US': '{field} must be a whole number' },
  'rule_problem.too_small': {
    'zh-CN': '{field} 不能小于 {minimum}',
    'en-US': '{field} must be at least {minimum}',
  },
  'rule_problem.too_big': {
    'zh-CN': '{field} 不能大于 {maximum}',
    'en-US': '{field} must be at most {maximum}',
  },
  'rule_problem.invalid_value': {
    'zh-CN': '{field} 的值无效（可选：{allowed}）',
    'en-US': '{field} has an invalid value (allowed: {allowed})',
  },
  'rule_problem.invalid_id': {
    'zh-CN': '{field}：规则编号只能用小写字母、数字和连字符',
    'en-US': '{field}: a rule id may only use lower-case letters, digits and hyphens',
  },
  'rule_problem.unknown_field': {
    'zh-CN': '{field}：未知字段 {name}',
    'en-US': '{field}: unknown field {name}',
  },
  'rule_problem.unknown_condition': {
    'zh-CN': '{field}：未知的条件类型“{value}”（可选：{allowed}）',
    'en-US': '{field}: unknown condition "{value}" (allowed: {allowed})',
  },
  'rule_problem.invalid_param': {
    'zh-CN': '{field}：条件 {condition} 的参数 {param} 无效（可选：{allowed}）',
    'en-US': '{field}: parameter {param} of condition {condition} is invalid (allowed: {allowed})',
  },
  'rule_problem.threshold_required': {
    'zh-CN': '{field}：黄色和红色阈值至少填一个',
    'en-US': '{field}: set a yellow or a red threshold, or both',
  },
  'rule_problem.yellow_above_red': {
    'zh-CN': '{field}：黄色阈值 {yellow} 高于红色阈值 {red}',
    'en-US': '{field}: the yellow threshold {yellow} is above the red threshold {red}',
  },
  'rule_problem.duplicate_rule_id': {
    'zh-CN': '{field}：规则编号“{id}”与第 {first} 条重复',
    'en-US': '{field}: rule id "{id}" repeats rule {first}',
  },
  // warnings (亮灯亮牌)
  illegal_warning_action: {
    'zh-CN': '当前状态“{warningState}”下不能{warningAction}',
    'en-US': 'Cannot {warningAction} a warning that is {warningState}',
  },
  timetable_cards_only: {
    'zh-CN': '只有亮牌才有整改倒排时间表',
    'en-US': 'Only a card has a rectification timetable',
  },
  step_already_done: { 'zh-CN': '该节点已于 {doneDate} 完成', 'en-US': 'This step was done on {doneDate}' },
  'entity.step': { 'zh-CN': '时间表节点', 'en-US': 'Timetable step' },
  appeal_exists: { 'zh-CN': '该预警已申诉过', 'en-US': 'This warning has already been appealed' },
  no_pending_appeal: { 'zh-CN': '该预警没有待处理的申诉', 'en-US': 'This warning has no pending appeal' },
  file_already_attached: {
    'zh-CN': '字段 {field}：文件已附在其他记录上',
    'en-US': 'Field {field}: the file is already attached to another record',
  },
  rule_set_invalid: {
    'zh-CN': '规则集有 {count} 处错误，第一处：{first}',
    'en-US': 'The rule set has {count} problem(s); the first: {first}',
  },
  // the running index (奔跑指数)
  'entity.index_model': { 'zh-CN': '奔跑指数模型', 'en-US': 'Index model' },
  'entity.index_bonus': { 'zh-CN': '加分', 'en-US': 'Commendation' },
  index_model_invalid: {
    'zh-CN': '指数模型有 {count} 处错误，第一处：{first}',
    'en-US': 'The index model has {count} problem(s); the first: {first}',
  },
  index_model_not_draft: {
    'zh-CN': '只能启用草稿状态的指数模型（当前：{status}）',
    'en-US': 'Only a draft index model can be activated (this one is {status})',
  },
  index_bonus_invalid: { 'zh-CN': '加分无效：{first}', 'en-US': 'Invalid commendation: {first}' },
  index_bonus_revoked: {
    'zh-CN': '该加分已于 {revokedAt} 撤销',
    'en-US': 'This commendation was revoked at {revokedAt}',
  },
  index_month_not_over: {
    'zh-CN': '{month} 尚未结束（今天是 {today}），只能预览，不能发布',
    'en-US': '{month} is not over yet (today is {today}): it can be previewed, not published',
  },
  index_publish_concurrent: {
    'zh-CN': '{month} 的奔跑指数刚刚被他人发布，请刷新后再试',
    'en-US': 'The index of {month} was just published by someone else; reload and try again',
  },
  'index_problem.unknown_method': {
    'zh-CN': '{field}：未知的计分方法“{value}”（可选：{allowed}）',
    'en-US': '{field}: unknown method "{value}" (allowed: {allowed})',
  },
  'index_problem.invalid_param': {
    'zh-CN': '{field}：方法 {method} 的参数 {param} 无效（可选：{allowed}）',
    'en-US': '{field}: parameter {param} of method {method} is invalid (allowed: {allowed})',
  },
  'index_problem.weights_sum': {
    'zh-CN': '{field}：各项权重之和为 {sum}，应为 {expected}',
    'en-US': '{field}: the weights sum to {sum}, not {expected}',
  },
  'index_problem.duplicate_component_id': {
    'zh-CN': '{field}：指标编号“{id}”与第 {first} 项重复',
    'en-US': '{field}: component id "{id}" repeats component {first}',
  },
  'index_problem.duplicate_category_id': {
    'zh-CN': '{field}：类别编号“{id}”与第 {first} 项重复',
    'en-US': '{field}: category id "{id}" repeats category {first}',
  },
  'index_problem.duplicate_unit_kind': {
    'zh-CN': '{field}：单位类型 {kind} 已在第 {first} 个类别中',
    'en-US': '{field}: unit kind {kind} is already in category {first}',
  },
  'index_problem.no_inputs': {
    'zh-CN': '{field}：及时性指标至少要统计报告或节点之一',
    'en-US': '{field}: a timeliness component must count reports, milestones or both',
  },
  'index_problem.min_above_max': {
    'zh-CN': '{field}：最低加分 {min} 高于最高加分 {max}',
    'en-US': '{field}: the smallest commendation {min} is above the largest {max}',
  },
  'index_problem.invalid_id': {
    'zh-CN': '{field}：编号须以小写字母开头，只能用字母、数字、下划线和连字符',
    'en-US': '{field}: an id starts with a lower-case letter and uses letters, digits, _ and -',
  },
  rule_set_not_draft: {
    'zh-CN': '只能启用草稿状态的规则集（当前：{status}）',
    'en-US': 'Only a draft rule set can be activated (this one is {status})',
  },
  'warning_action.rectify': { 'zh-CN': '提交整改', 'en-US': 'submit a rectification for' },
  'warning_action.recheck': { 'zh-CN': '复查', 'en-US': 're-check' },
  'warning_action.appeal': { 'zh-CN': '申诉', 'en-US': 'appeal' },
  'warning_state.active': { 'zh-CN': '亮灯中', 'en-US': 'active' },
  'warning_state.rectifying': { 'zh-CN': '整改中', 'en-US': 'being rectified' },
  'warning_state.cleared': { 'zh-CN': '已灭灯/摘牌', 'en-US': 'cleared' },
  'warning_state.revoked': { 'zh-CN': '已撤销', 'en-US': 'revoked' },
  // words used in list exports
  'warning_badge.light.yellow': { 'zh-CN': '黄灯', 'en-US': 'yellow light' },
  'warning_badge.light.red': { 'zh-CN': '红灯', 'en-US': 'red light' },
  'warning_badge.card.yellow': { 'zh-CN': '黄牌', 'en-US': 'yellow card' },
  'warning_badge.card.red': { 'zh-CN': '红牌', 'en-US': 'red card' },
  'warning_origin.rule': { 'zh-CN': '规则', 'en-US': 'rule' },
  'warning_origin.manual': { 'zh-CN': '人工', 'en-US': 'manual' },
  'rating_service.approval': { 'zh-CN': '行政审批', 'en-US': 'administrative approval' },
  'rating_service.registration': { 'zh-CN': '登记注册', 'en-US': 'registration' },
  'rating_service.tax_fees': { 'zh-CN': '税费办理', 'en-US': 'taxes and fees' },
  'rating_service.policy': { 'zh-CN': '惠企政策兑现', 'en-US': 'business-support policies' },
  'rating_service.project': { 'zh-CN': '项目代办服务', 'en-US': 'project agency service' },
  'rating_service.inspection': { 'zh-CN': '执法检查', 'en-US': 'law-enforcement inspection' },
  'rating_service.consultation': { 'zh-CN': '咨询答复', 'en-US': 'consultation' },
  'rating_service.other': { 'zh-CN': '其他', 'en-US': 'other' },
  'unit_kind.department': { 'zh-CN': '部门', 'en-US': 'department' },
  'unit_kind.town': { 'zh-CN': '镇', 'en-US': 'town' },
  'unit_kind.township': { 'zh-CN': '乡', 'en-US': 'township' },
  'unit_kind.street': { 'zh-CN': '街道', 'en-US': 'street' },
  'unit_kind.other': { 'zh-CN': '其他', 'en-US': 'other' },
  'role.sys_admin': { 'zh-CN': '系统管理员', 'en-US': 'system admin' },
  'role.security_admin': { 'zh-CN': '安全管理员', 'en-US': 'security admin' },
  'role.audit_admin': { 'zh-CN': '审计管理员', 'en-US': 'audit admin' },
  'role.supervisor': { 'zh-CN': '专班督查员', 'en-US': 'task-force supervisor' },
  'role.leader': { 'zh-CN': '县领导', 'en-US': 'county leader' },
  'role.unit_manager': { 'zh-CN': '单位负责人', 'en-US': 'unit manager' },
  'role.unit_reporter': { 'zh-CN': '单位填报员', 'en-US': 'unit reporter' },
  'role.discipline': { 'zh-CN': '纪委监委', 'en-US': 'discipline inspector' },
  // service ratings (服务评议): the credit code (GB 32100-2015), the public form's challenge, follow-ups
  credit_code_required: {
    'zh-CN': '字段 {field}：请填写统一社会信用代码',
    'en-US': 'Field {field}: enter the unified social credit code',
  },
  credit_code_length: {
    'zh-CN': '字段 {field}：统一社会信用代码应为 18 位，当前为 {length} 位',
    'en-US': 'Field {field}: a unified social credit code has 18 characters, not {length}',
  },
  credit_code_charset: {
    'zh-CN':
      '字段 {field}：第 {position} 位“{char}”不是统一社会信用代码的字符（只有数字和除 I、O、Z、S、V 以外的大写字母）',
    'en-US':
      'Field {field}: character {position} ("{char}") cannot occur in a unified social credit code (only digits and capital letters other than I, O, Z, S and V)',
  },
  credit_code_authority: {
    'zh-CN': '字段 {field}：第 1 位登记管理部门代码“{char}”不存在',
    'en-US': 'Field {field}: the first character, registration authority "{char}", does not exist',
  },
  credit_code_entity_type: {
    'zh-CN': '字段 {field}：第 2 位机构类别代码“{char}”不属于登记管理部门“{authority}”',
    'en-US':
      'Field {field}: the second character, entity type "{char}", does not exist under registration authority "{authority}"',
  },
  credit_code_division: {
    'zh-CN': '字段 {field}：第 3–8 位登记管理机关行政区划码“{division}”无效',
    'en-US': 'Field {field}: characters 3–8 ("{division}") are not an administrative division code',
  },
  credit_code_org_code_check: {
    'zh-CN': '字段 {field}：第 9–17 位组织机构代码的校验码不符，请核对代码是否输入有误',
    'en-US':
      'Field {field}: the organisation code (characters 9–17) fails its check character; please check the code for typos',
  },
  credit_code_check_char: {
    'zh-CN': '字段 {field}：第 18 位校验码不符，请核对代码是否输入有误',
    'en-US': 'Field {field}: the check character (the 18th) does not match; please check the code for typos',
  },
  challenge_unknown: {
    'zh-CN': '字段 {field}：验证信息无效，请刷新页面后重新提交',
    'en-US': 'Field {field}: unknown challenge; reload the page and submit again',
  },
  challenge_expired: {
    'zh-CN': '字段 {field}：验证信息已过期，请重新提交',
    'en-US': 'Field {field}: the challenge has expired; please submit again',
  },
  challenge_used: {
    'zh-CN': '字段 {field}：验证信息已使用过，每次提交需要新的验证',
    'en-US': 'Field {field}: this challenge has been used; every submission needs a new one',
  },
  proof_of_work_invalid: {
    'zh-CN': '字段 {field}：工作量证明无效，请重新提交',
    'en-US': 'Field {field}: the proof of work is not valid; please submit again',
  },
  rating_concurrent: {
    'zh-CN': '同一企业对该单位的另一份评议正在提交，请稍后再试',
    'en-US': 'Another rating of this unit by the same enterprise is being submitted; please try again',
  },
  follow_up_none: { 'zh-CN': '该评议没有待回应事项', 'en-US': 'This rating has no follow-up' },
  follow_up_not_open: {
    'zh-CN': '只能回应待回应的事项（当前：{followUpState}）',
    'en-US': 'Only an open follow-up can be answered (this one is {followUpState})',
  },
  follow_up_not_closable: {
    'zh-CN': '该事项{followUpState}，不能关闭',
    'en-US': 'This follow-up is {followUpState} and cannot be closed',
  },
  'follow_up_state.open': { 'zh-CN': '待回应', 'en-US': 'open' },
  'follow_up_state.answered': { 'zh-CN': '已回应', 'en-US': 'answered' },
  'follow_up_state.closed': { 'zh-CN': '已关闭', 'en-US': 'closed' },
  'follow_up_state.superseded': { 'zh-CN': '已被新评议替代', 'en-US': 'superseded by a newer rating' },
  'entity.rating': { 'zh-CN': '评议', 'en-US': 'Rating' },
  // admonition talks and conduct findings (谈话提醒、慢作为不作为乱作为)
  'entity.admonition_talk': { 'zh-CN': '谈话提醒记录', 'en-US': 'Admonition talk' },
  'entity.conduct_finding': { 'zh-CN': '作风问题认定', 'en-US': 'Conduct finding' },
  date_after_today: {
    'zh-CN': '字段 {field} 不能晚于今天（{today}）',
    'en-US': 'Field {field} cannot be after today ({today})',
  },
  reference_not_found: {
    'zh-CN': '字段 {field}：{entity}不存在',
    'en-US': 'Field {field}: {entity} not found',
  },
  admonition_talk_in_use: {
    'zh-CN': '该谈话提醒记录已被作风问题认定引用，不能删除',
    'en-US': 'A conduct finding cites this talk: it cannot be deleted',
  },
  // post-mortem reviews (复盘)
  'entity.review': { 'zh-CN': '复盘', 'en-US': 'Review' },
  'entity.review_action': { 'zh-CN': '整改跟踪事项', 'en-US': 'Follow-up action' },
  review_state: {
    'zh-CN': '该复盘当前为“{reviewState}”状态，不能执行此操作',
    'en-US': 'The review is {reviewState}: this cannot be done now',
  },
  review_item_draft: {
    'zh-CN': '字段 {field}：草稿状态的事项尚无过程可复盘',
    'en-US': 'Field {field}: a draft item has no history to review yet',
  },
  meeting_month_past: {
    'zh-CN': '字段 {field}：例会月份不能早于本月（{month}）',
    'en-US': 'Field {field}: the meeting month cannot be before this month ({month})',
  },
  review_actions_open: {
    'zh-CN': '还有 {count} 项跟踪事项未完成，不能关闭复盘',
    'en-US': '{count} follow-up action(s) are still open: the review cannot be closed',
  },
  action_not_done: {
    'zh-CN': '字段 {field}：只有已完成的事项才有完成日期',
    'en-US': 'Field {field}: only a done action has a done date',
  },
  'review_state.draft': { 'zh-CN': '草稿', 'en-US': 'a draft' },
  'review_state.scheduled': { 'zh-CN': '已排会', 'en-US': 'scheduled' },
  'review_state.held': { 'zh-CN': '已上会', 'en-US': 'held' },
  'review_state.closed': { 'zh-CN': '已关闭', 'en-US': 'closed' },
  // verification cases (核查) and public complaints
  'entity.case': { 'zh-CN': '核查件', 'en-US': 'Case' },
  'entity.plan': { 'zh-CN': '整改方案', 'en-US': 'Rectification plan' },
  'entity.measure': { 'zh-CN': '整改措施', 'en-US': 'Measure' },
  unknown_reference: {
    'zh-CN': '字段 {field}：{entity}不存在',
    'en-US': 'Field {field}: no such {entity}',
  },
  phone_invalid: {
    'zh-CN':
      '字段 {field}：电话号码无效，请填写 11 位手机号（如 13812345678）或带区号的固定电话（如 0578-8123456）',
    'en-US':
      'Field {field}: not a phone number; enter an 11-digit mobile number (e.g. 13812345678) or a landline with its area code (e.g. 0578-8123456)',
  },
  file_not_image: {
    'zh-CN': '字段 {field}：只能上传图片（JPEG、PNG、GIF 或 WebP）',
    'en-US': 'Field {field}: only images can be uploaded (JPEG, PNG, GIF or WebP)',
  },
  complaint_photos_full: {
    'zh-CN': '字段 {field}：每件反映最多上传 {max} 张照片',
    'en-US': 'Field {field}: a complaint carries at most {max} photos',
  },
  case_received_after_today: {
    'zh-CN': '字段 {field} 不能晚于今天（{today}）',
    'en-US': 'Field {field} cannot be after today ({today})',
  },
  illegal_case_action: {
    'zh-CN': '核查件当前为“{caseState}”，不能{caseAction}',
    'en-US': 'The case is {caseState}: you cannot {caseAction} it now',
  },
  plan_without_measures: {
    'zh-CN': '字段 {field}：整改方案至少要有一项措施',
    'en-US': 'Field {field}: a rectification plan needs at least one measure',
  },
  measure_after_case_deadline: {
    'zh-CN': '字段 {field}：措施完成时限 {deadline} 晚于核查件办理期限 {caseDeadline}',
    'en-US': "Field {field}: the measure's deadline {deadline} is after the case's deadline {caseDeadline}",
  },
  measure_deadline_past: {
    'zh-CN': '字段 {field}：措施完成时限 {deadline} 已经过去',
    'en-US': "Field {field}: the measure's deadline {deadline} has passed",
  },
  case_unit_required: {
    'zh-CN': '字段 {field}：请先确定核查件的责任单位，再反馈核查意见',
    'en-US': 'Field {field}: set the unit concerned before feeding the findings back',
  },
  case_unit_fixed: {
    'zh-CN': '字段 {field}：核查意见已反馈给责任单位，不能再更换单位',
    'en-US': 'Field {field}: the findings went to the unit already; the case cannot move to another unit',
  },
  case_team_role: {
    'zh-CN': '字段 {field}：核查组成员须为纪委监委或执行力建设专班人员',
    'en-US': 'Field {field}: team members must be discipline or task-force staff',
  },
  case_findings_required: {
    'zh-CN': '字段 {field}：请先记录至少一条核查发现的问题',
    'en-US': 'Field {field}: record at least one finding first',
  },
  case_plan_decided: {
    'zh-CN': '字段 {field}：该版整改方案已审核',
    'en-US': 'Field {field}: this version of the plan has been decided already',
  },
  case_measure_done: {
    'zh-CN': '字段 {field}：该措施已完成',
    'en-US': 'Field {field}: this measure is done already',
  },
  case_measures_open: {
    'zh-CN': '字段 {field}：还有 {count} 项整改措施未完成',
    'en-US': 'Field {field}: {count} measure(s) of the plan are still open',
  },
  case_reply_required: {
    'zh-CN': '字段 {field}：请先答复反映人，再办结',
    'en-US': 'Field {field}: answer the complainant before closing the case',
  },
  case_deadline_not_later: {
    'zh-CN': '字段 {field}：新的办理期限须晚于原期限 {deadline}，且不早于今天',
    'en-US': 'Field {field}: the new deadline must be after {deadline} and not before today',
  },
  case_no_complainant: {
    'zh-CN': '字段 {field}：该核查件没有需要答复的反映人',
    'en-US': 'Field {field}: this case has no complainant to answer',
  },
  'case_action.assign_team': { 'zh-CN': '组建核查组', 'en-US': 'form the team of' },
  'case_action.finding': { 'zh-CN': '记录核查发现', 'en-US': 'record findings of' },
  'case_action.issue_findings': { 'zh-CN': '反馈核查意见', 'en-US': 'feed back the findings of' },
  'case_action.submit_plan': { 'zh-CN': '报送整改方案', 'en-US': 'submit a plan for' },
  'case_action.approve_plan': { 'zh-CN': '审核通过整改方案', 'en-US': 'approve the plan of' },
  'case_action.return_plan': { 'zh-CN': '退回整改方案', 'en-US': 'send back the plan of' },
  'case_action.progress': { 'zh-CN': '报送整改进展', 'en-US': 'report progress on' },
  'case_action.recheck': { 'zh-CN': '复查', 'en-US': 're-check' },
  'case_action.reply': { 'zh-CN': '答复反映人', 'en-US': 'reply on' },
  'case_action.close': { 'zh-CN': '办结', 'en-US': 'close' },
  'case_action.warn': { 'zh-CN': '亮灯亮牌', 'en-US': 'issue a warning from' },
  'case_action.extend': { 'zh-CN': '延期', 'en-US': 'extend the deadline of' },
  'case_state.received': { 'zh-CN': '已受理', 'en-US': 'received' },
  'case_state.verifying': { 'zh-CN': '核查中', 'en-US': 'being verified' },
  'case_state.findings_issued': { 'zh-CN': '已反馈待报整改方案', 'en-US': 'waiting for a plan' },
  'case_state.plan_submitted': { 'zh-CN': '整改方案待审', 'en-US': 'waiting for the plan decision' },
  'case_state.plan_returned': { 'zh-CN': '整改方案已退回', 'en-US': 'waiting for a revised plan' },
  'case_state.rectifying': { 'zh-CN': '整改中', 'en-US': 'being rectified' },
  'case_state.rechecked': { 'zh-CN': '已复查', 'en-US': 're-checked' },
  'case_state.replied': { 'zh-CN': '已答复', 'en-US': 'replied' },
  'case_state.closed': { 'zh-CN': '已办结', 'en-US': 'closed' },
  // supervision bulletins (督查通报) and monthly meetings (月度例会)
  'entity.bulletin': { 'zh-CN': '督查通报', 'en-US': 'Bulletin' },
  'entity.meeting': { 'zh-CN': '月度例会', 'en-US': 'Monthly meeting' },
  'entity.meeting_commitment': { 'zh-CN': '会议议定事项', 'en-US': 'Meeting commitment' },
  'bulletin_status.draft': { 'zh-CN': '草稿', 'en-US': 'draft' },
  'bulletin_status.approved': { 'zh-CN': '已审核', 'en-US': 'approved' },
  'bulletin_status.published': { 'zh-CN': '已发布', 'en-US': 'published' },
  'bulletin_action.edit': { 'zh-CN': '修改', 'en-US': 'edited' },
  'bulletin_action.approve': { 'zh-CN': '审核', 'en-US': 'approved' },
  'bulletin_action.publish': { 'zh-CN': '发布', 'en-US': 'published' },
  bulletin_published: {
    'zh-CN': '该通报已发布，不能再{bulletinAction}；如需更正，请发布更正通报',
    'en-US': 'The bulletin is published and cannot be {bulletinAction} again; issue a correction instead',
  },
  bulletin_state: {
    'zh-CN': '该通报当前为“{bulletinStatus}”状态，不能{bulletinAction}',
    'en-US': 'The bulletin is {bulletinStatus}: it cannot be {bulletinAction} now',
  },
  bulletin_self_approval: {
    'zh-CN': '不能审核自己起草的通报，请由县领导或其他督查员审核',
    'en-US': 'You cannot approve a bulletin you drafted; a leader or another supervisor must approve it',
  },
  bulletin_not_published: {
    'zh-CN': '只能更正已发布的通报（当前为“{bulletinStatus}”）',
    'en-US': 'Only a published bulletin can be corrected (this one is {bulletinStatus})',
  },
  bulletin_body_empty: {
    'zh-CN': '字段 {field}：通报正文不能为空（不允许的内容已被清除）',
    'en-US': 'Field {field}: the bulletin has no text left (disallowed content is removed)',
  },
  bulletin_number_format: {
    'zh-CN': '字段 {field}：文号格式“{format}”须各含一次 {year} 和 {seq}，且 {year} 在前，不超过 60 个字符',
    'en-US':
      'Field {field}: the number format "{format}" must hold {year} and {seq} once each, {year} first, within 60 characters',
  },
  period_order: {
    'zh-CN': '字段 {field}：结束日期 {to} 早于开始日期 {from}',
    'en-US': 'Field {field}: the end date {to} is before the start date {from}',
  },
  period_too_long: {
    'zh-CN': '字段 {field}：期间不能超过 {days} 天',
    'en-US': 'Field {field}: the period cannot be longer than {days} days',
  },
  period_future: {
    'zh-CN': '字段 {field}：期间不能晚于今天（{today}）开始',
    'en-US': 'Field {field}: the period cannot start after today ({today})',
  },
  meeting_exists: {
    'zh-CN': '{month} 的月度例会已存在',
    'en-US': 'The monthly meeting of {month} already exists',
  },
  meeting_held_on: {
    'zh-CN': '字段 {field}：例会日期须在 {month} 当月或次月',
    'en-US': 'Field {field}: the meeting is held in {month} or the month after',
  },
  commitment_done_on: {
    'zh-CN': '字段 {field}：办结日期只能在状态为“已办结”时填写',
    'en-US': 'Field {field}: a completion date goes only with the status done',
  },
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

/** Parameters whose values are themselves codes with names of their own (`entity.unit`, `state.draft`). */
const NAMED_PARAMS: Record<string, string> = {
  entity: 'entity',
  state: 'state',
  action: 'action',
  allowed: 'action',
  reportState: 'report_state',
  warningAction: 'warning_action',
  warningState: 'warning_state',
  followUpState: 'follow_up_state',
  caseAction: 'case_action',
  caseState: 'case_state',
  reviewState: 'review_state',
  bulletinStatus: 'bulletin_status',
  bulletinAction: 'bulletin_action',
};

export function translate(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const table = messages as Messages;
  const entry = table[code];
  const template = entry ? entry[locale] : code;
  const name = (prefix: string, v: string) => table[`${prefix}.${v}`]?.[locale] ?? v;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    const prefix = NAMED_PARAMS[k];
    if (!prefix) return String(v);
    const sep = locale === 'zh-CN' ? '、' : ', ';
    return String(v)
      .split(', ')
      .map((part) => name(prefix, part))
      .join(sep);
  });
}
