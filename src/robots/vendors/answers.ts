import { RobotAnswer, VendorError } from '../robot-vendor';

export const OK_EXPLANATION = '发送成功';

/** HTTP-level failures, before any vendor body is read; null when the status is 2xx. */
export function httpProblem(status: number, retryAfterMs?: number): RobotAnswer | null {
  if (status >= 200 && status < 300) return null;
  if (status === 429)
    return {
      ok: false,
      kind: 'too_fast',
      code: status,
      explanation: '发送过于频繁，接收方要求稍后再发',
      vendorMessage: null,
      retryAfterMs,
    };
  if (status >= 500 || status === 408)
    return {
      ok: false,
      kind: 'transient',
      code: status,
      explanation: `机器人接口暂时不可用（HTTP ${status}），稍后自动重试`,
      vendorMessage: null,
    };
  return {
    ok: false,
    kind: 'permanent',
    code: status,
    explanation: `机器人接口拒绝了请求（HTTP ${status}）：请检查机器人地址是否完整、机器人是否仍在群中`,
    vendorMessage: null,
  };
}

/** A 2xx answer that is not the vendor's JSON (a proxy's page, a truncated body): worth another try. */
export function unreadableAnswer(body: string): RobotAnswer {
  return {
    ok: false,
    kind: 'transient',
    code: null,
    explanation: '机器人接口返回的内容无法识别，稍后自动重试',
    vendorMessage: body.slice(0, 200) || null,
  };
}

export function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A vendor's non-zero code through its table; codes the table does not know count as permanent. */
export function vendorFailure(
  code: number,
  vendorMessage: string | null,
  error: VendorError | undefined,
  windowMs: number,
): RobotAnswer {
  const known = error ?? {
    kind: 'permanent' as const,
    explanation: `机器人接口返回错误码 ${code}${vendorMessage ? `（${vendorMessage.slice(0, 120)}）` : ''}`,
  };
  return {
    ok: false,
    kind: known.kind,
    code,
    explanation: known.explanation,
    vendorMessage,
    ...(known.kind === 'too_fast' ? { retryAfterMs: (known.windows ?? 1) * windowMs } : {}),
  };
}

// The entries of a vendor's table of error codes: what a code means and how the delivery reacts to it.

/** Wrong secret, keyword, IP whitelist, invalid URL: tried a few times more, then recorded failed. */
export function permanent(explanation: string): VendorError {
  return { kind: 'permanent', explanation };
}

/** The vendor is busy: retried with backoff. */
export function transient(explanation: string): VendorError {
  return { kind: 'transient', explanation };
}

/** The vendor's rate limit: sent again after `windows` rate windows, without spending an attempt. */
export function tooFast(windows: number, explanation: string): VendorError {
  return { kind: 'too_fast', windows, explanation };
}

/** Which fields of a JSON answer hold the code and the message: DingTalk and WeCom write them alike. */
export const ERRCODE_FIELDS = { code: 'errcode', message: 'errmsg' } as const;
export const FEISHU_FIELDS = { code: 'code', message: 'msg' } as const;

/** How a vendor writes its JSON answer: which fields hold the code and the message, and what its codes mean. */
export interface CodedAnswerSpec {
  fields: typeof ERRCODE_FIELDS | typeof FEISHU_FIELDS;
  errors: Record<number, VendorError>;
  /** A better explanation read from the vendor's message, for codes that cover several causes. */
  refine?: (code: number, vendorMessage: string) => string | undefined;
}

export type AnswerReader = (
  status: number,
  body: string,
  windowMs: number,
  retryAfterMs?: number,
) => RobotAnswer;

/** Reads a DingTalk / WeCom / Feishu answer: HTTP 200 is delivered only with code 0 in the JSON body. */
export function codedAnswerReader(spec: CodedAnswerSpec): AnswerReader {
  return (status, body, windowMs, retryAfterMs) => {
    const http = httpProblem(status, retryAfterMs);
    if (http) return http;
    const json = parseJsonObject(body);
    const code = json?.[spec.fields.code];
    if (!json || typeof code !== 'number') return unreadableAnswer(body);
    if (code === 0) return { ok: true, code: 0, explanation: OK_EXPLANATION };
    const message = json[spec.fields.message];
    const vendorMessage = typeof message === 'string' ? message : null;
    const known = spec.errors[code];
    const refined = vendorMessage ? spec.refine?.(code, vendorMessage) : undefined;
    return vendorFailure(code, vendorMessage, refined ? { ...known, explanation: refined } : known, windowMs);
  };
}
