/**
 * Every stable `code` an error answer can carry, with the HTTP status it usually comes with (a route answering it with
 * another names both: `'400:UNIT_NOT_FOUND'`) and a typical Chinese message.
 * The one list the OpenAPI document's `ErrorCode` enum is made from; a unit test (test/unit/common/error-codes.spec.ts)
 * scans src/ for codes thrown anywhere and fails when one is missing here, so the enum cannot fall behind the code.
 */
export const ERROR_CODES = {
  // Answers of the global filter and the validation pipe, for any route.
  BAD_REQUEST: { status: 400, message: '请求有误' },
  VALIDATION_FAILED: { status: 400, message: '请求参数不合法：title 不能为空' },
  INVALID_CHARACTERS: { status: 400, message: '请求参数 title 含有不允许的控制字符' },
  INVALID_JSON: { status: 400, message: '请求体不是合法的 JSON' },
  INVALID_ID: { status: 400, message: '编号格式不正确' },
  INVALID_DATE: { status: 400, message: '日期 "2025-02-30" 无效：应为 YYYY-MM-DD 格式的日期' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  SESSION_REVOKED: { status: 401, message: '登录状态已失效，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  NOT_ACCEPTABLE: { status: 406, message: '无法提供请求的格式' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后重试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容超过大小限制' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  TOO_MANY_REQUESTS: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器内部错误（请求编号 req-1）' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法连接，请稍后再试' },
  QUEUE_UNAVAILABLE: { status: 503, message: '队列与缓存服务（Redis）暂时无法连接，请稍后再试' },

  // Sign-in, passwords, accounts.
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  INVALID_REFRESH_TOKEN: { status: 401, message: '登录状态已失效，请重新登录' },
  TOO_MANY_LOGIN_ATTEMPTS: { status: 429, message: '登录尝试过于频繁，请 15 分钟后再试' },
  WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码不正确' },
  WEAK_PASSWORD: { status: 400, message: '密码太弱：至少 10 位，且不能是常见密码' },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  TOO_MANY_USERNAME_CONFLICTS: { status: 429, message: '用户名冲突次数过多，请一小时后再新建用户' },
  CANNOT_LOCK_OUT_SELF: { status: 400, message: '不能停用自己的账号或取消自己的管理员角色' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  UNIT_NOT_FOUND: { status: 404, message: '责任单位不存在' },
  UNIT_NAME_TAKEN: { status: 409, message: '责任单位名称已存在' },
  ORGANIZATION_NOT_FOUND: { status: 404, message: '单位不存在' },

  // Uploads and parsing.
  FILE_REQUIRED: { status: 400, message: '请以 multipart/form-data 上传文件（字段 file）' },
  INVALID_FILE_NAME: { status: 400, message: '文件名含有不允许的控制字符（如 NUL），请改名后重新上传' },
  EMPTY_FILE: { status: 400, message: '文件是空的，没有可解析的报告内容' },
  UNREADABLE_FILE: { status: 400, message: '无法读取该 Word 文档，文件可能已损坏' },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: '不支持的文件类型，请上传 .txt、.docx 或 .md 文件' },
  FILE_CONTENT_MISMATCH: { status: 415, message: '文件内容与扩展名 .docx 不符' },
  FILE_TOO_LARGE: { status: 413, message: '文件超过大小限制' },
  ARCHIVE_TOO_LARGE: { status: 413, message: '文件解压后超过大小限制' },
  SUSPICIOUS_ARCHIVE: { status: 422, message: '文件的压缩结构异常，已拒绝解压' },
  PARSE_TIMEOUT: { status: 422, message: '文件解析超过 30 秒仍未完成，已中止' },
  PARSE_MEMORY_EXCEEDED: { status: 422, message: '解析该文件所需的内存超出限制，已中止' },
  PARSER_BUSY: { status: 503, message: '正在解析的文件过多，请稍后再试' },
  IMPORT_INVALID: { status: 400, message: '台账第 3 行：责任单位“法制办”不存在，整个文件未导入' },
  IMPORT_TOO_LARGE: { status: 413, message: '台账超过行数上限，请分批导入' },

  // Reports, tasks, extensions, evidence.
  REPORT_NOT_FOUND: { status: 404, message: '报告不存在' },
  REPORT_ITEM_NOT_FOUND: { status: 404, message: '报告条目不存在' },
  TASK_NOT_FOUND: { status: 404, message: '任务不存在' },
  TASK_CLOSED: { status: 409, message: '任务已办结（已销号或已撤销），不能再修改' },
  TASK_NOT_ASSIGNED: { status: 409, message: '任务尚未交办（待交办），不能报送进展' },
  ILLEGAL_TRANSITION: { status: 409, message: '任务状态不能从“已销号”变为“办理中”' },
  VERSION_CONFLICT: { status: 409, message: '任务已被他人修改，请刷新后重试' },
  EXTENSION_NOT_FOUND: { status: 404, message: '延期申请不存在' },
  EXTENSION_PENDING: { status: 409, message: '该任务已有待审批的延期申请' },
  EXTENSION_DECIDED: { status: 409, message: '该延期申请已审批' },
  EXTENSION_NOT_LATER: { status: 400, message: '申请的新时限必须晚于当前完成时限' },
  EVIDENCE_NOT_FOUND: { status: 400, message: '佐证材料不存在或已关联到其他进展' },
  EVIDENCE_REQUIRED: { status: 400, message: '本单位要求申请销号时上传佐证材料，请先上传' },
  OUTCOME_REQUIRED: { status: 400, message: '申请销号须填写整改成效' },
  ASSIGNEE_INACTIVE: { status: 400, message: '责任人须为本单位在职的工作人员或领导' },
  ASSIGNEE_ROLE: { status: 400, message: '责任人须为工作人员或领导，查看人员和管理员不能承办任务' },
  ASSIGNEE_NOT_IN_UNIT: { status: 400, message: '责任人须属于该任务的责任单位' },
  PROBLEM_NOT_FOUND: { status: 400, message: '要关联的整改问题不存在或不属于本单位' },
  PROBLEM_LINK_INVALID: { status: 400, message: '整改问题本身不能再关联到其他问题' },
  INVALID_COMPLETED_ON: { status: 400, message: '完成日期格式不正确，应为 YYYY-MM-DD' },
  COMPLETED_ON_IN_FUTURE: { status: 400, message: '完成日期不能晚于今天' },
  COMPLETED_ON_BEFORE_TASK: { status: 400, message: '完成日期不能早于任务创建的日期' },
  COMPLETED_ON_WITHOUT_REVIEW: { status: 400, message: '完成日期只能在申请销号时填写' },
  PREVIEW_UNSUPPORTED: { status: 400, message: '该类型的文件不能预览，请下载查看' },
  PREVIEW_UNREADABLE: { status: 400, message: '文件无法读取（可能已损坏），请下载查看' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: '通知不存在' },

  // Annual report drafts.
  INVALID_DRAFT_YEAR: { status: 400, message: '年份格式不正确，应为四位数字' },
  DRAFT_PARAGRAPH_NOT_FOUND: { status: 404, message: '草稿段落不存在' },
  DRAFT_EDIT_NOT_FOUND: { status: 404, message: '该段落没有人工修改' },
  DRAFT_ANCHOR_NOT_FOUND: { status: 400, message: '要放在其后的段落不在该部分中' },
  DRAFT_PARAGRAPH_NOT_MOVABLE: { status: 400, message: '主送机关、开头段、落款和日期不能移动' },
  DRAFT_TEXT_EMPTY: { status: 400, message: '段落文字不能为空' },

  // 工作纪实.
  WORKLOG_NOT_FOUND: { status: 404, message: '工作纪实不存在' },
  WORKLOG_FILE_NOT_FOUND: { status: 404, message: '佐证材料不存在' },
  WORKLOG_TASK_NOT_FOUND: { status: 400, message: '关联的任务不存在' },
  WORKLOG_UNIT_NOT_FOUND: { status: 400, message: '所填单位不存在或已停用' },
  WORKLOG_TEXT_EMPTY: { status: 400, message: '工作纪实内容不能为空' },
  WORKLOG_DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  WORKLOG_MONTH_NEEDS_YEAR: { status: 400, message: '按月筛选时须同时指定年份' },
  WORKLOG_CAUSE_FOR_PROBLEMS_ONLY: { status: 400, message: '只有“发现问题”类的纪实可以填写原因' },
  WORKLOG_CATEGORY_UNKNOWN: { status: 400, message: '工作纪实类别“督查”不存在或已停用' },
  WORKLOG_CATEGORY_REQUIRED: { status: 400, message: '该类别不能停用' },
  WORKLOG_CATEGORY_NOT_FOUND: { status: 404, message: '工作纪实类别不存在' },
  WORKLOG_CATEGORY_LABEL_TAKEN: { status: 409, message: '类别名称已存在' },

  // Group robots.
  ROBOT_NOT_FOUND: { status: 404, message: '机器人不存在' },
  DUPLICATE_ROBOT: { status: 400, message: '同一个机器人地址不能重复添加' },
  INVALID_ROBOT_URL: { status: 400, message: '机器人地址不是该平台的 Webhook 地址' },
  INVALID_ROBOT_SECRET: { status: 400, message: '机器人签名密钥格式不正确' },
  ROBOT_SECRET_UNREADABLE: { status: 409, message: 'ROBOT_SECRET_KEY 与保存机器人时不同，无法读取签名密钥' },
  ROBOT_RATE_LIMITED: { status: 429, message: '该机器人本分钟的发送限额已用完' },
  // 催办、督办 and 年度结转.
  URGE_NOT_FOUND: { status: 404, message: '催办记录不存在' },
  URGE_LIMIT_REACHED: { status: 429, message: '该任务今天已催办过，每个任务每天只能催办一次' },
  CARRY_OVER_NOT_OPEN: { status: 409, message: '只有未完成的任务可以结转到下一年度' },
  CARRY_OVER_NO_PLAN_YEAR: { status: 400, message: '该任务没有计划年度，无法结转' },
  CARRY_OVER_DEADLINE_NOT_NEXT_YEAR: { status: 400, message: '新的完成时限应在2026年内' },
  CARRY_OVER_REASON_EMPTY: { status: 400, message: '请填写未完成原因' },
  // 上级督导 (county overview, 月度通报).
  COUNTY_NO_CHILDREN: { status: 403, message: '本单位没有下级单位，不能查看督导总览' },
  BULLETIN_NOT_FOUND: { status: 404, message: '通报不存在' },
  BULLETIN_MONTH_IN_FUTURE: { status: 400, message: '不能为尚未开始的月份印发通报' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];
