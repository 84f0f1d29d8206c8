import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES, ErrorCode } from '../error-codes';
import { ErrorResponse } from './error-response';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A status (with its usual codes), a code (under the status ERROR_CODES gives it), or both: `'400:UNIT_NOT_FOUND'`. */
export type ErrorAnswer = ErrorStatus | ErrorCode | `${ErrorStatus}:${ErrorCode}`;

const STATUS_DESCRIPTIONS: Record<ErrorStatus, { description: string; generic: ErrorCode[] }> = {
  400: {
    description: '请求参数不合法',
    generic: ['VALIDATION_FAILED', 'INVALID_CHARACTERS', 'INVALID_JSON'],
  },
  401: {
    description: '未登录或登录已失效',
    generic: ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'SESSION_REVOKED'],
  },
  403: { description: '当前角色无权执行此操作', generic: ['FORBIDDEN'] },
  404: { description: '资源不存在或不属于本单位', generic: ['NOT_FOUND'] },
  409: { description: '与当前数据状态冲突', generic: ['CONFLICT'] },
  413: { description: '上传内容超过大小限制', generic: ['PAYLOAD_TOO_LARGE'] },
  415: { description: '不支持的内容或文件类型', generic: ['UNSUPPORTED_MEDIA_TYPE'] },
  422: { description: '文件无法安全地解析', generic: [] },
  429: { description: '请求过于频繁', generic: ['TOO_MANY_REQUESTS'] },
  503: {
    description: '依赖的服务暂时不可用，可稍后重试',
    generic: ['DATABASE_UNAVAILABLE', 'QUEUE_UNAVAILABLE'],
  },
};

/**
 * The error answers an operation can give, all `ErrorResponse`: `@ApiErrorResponses(400, 401, 'TASK_NOT_FOUND')`.
 * Every code named appears as an example, so an integrator sees which codes to expect where.
 */
export function ApiErrorResponses(...answers: ErrorAnswer[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<ErrorStatus, Set<ErrorCode>>();
  for (const answer of answers) {
    const [status, code] = statusAndCode(answer);
    const codes = byStatus.get(status) ?? new Set<ErrorCode>();
    if (code) codes.add(code);
    else STATUS_DESCRIPTIONS[status].generic.forEach((generic) => codes.add(generic));
    byStatus.set(status, codes);
  }
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...[...byStatus].map(([status, codes]) => errorResponse(status, [...codes])),
  );
}

function statusAndCode(answer: ErrorAnswer): [ErrorStatus, ErrorCode | undefined] {
  if (typeof answer === 'number') return [answer, undefined];
  const [status, code] = answer.includes(':') ? answer.split(':') : [undefined, answer];
  const known = code as ErrorCode;
  const resolved = (status === undefined ? ERROR_CODES[known].status : Number(status)) as ErrorStatus;
  // 405, 406 and 5xx codes are the filter's own, not an operation's documented answers.
  if (!(resolved in STATUS_DESCRIPTIONS))
    throw new Error(`ApiErrorResponses: ${answer} 不是操作可声明的错误响应`);
  return [resolved, known];
}

function errorResponse(status: ErrorStatus, codes: ErrorCode[]) {
  const named = codes.length ? `：${codes.join('、')}` : '';
  return ApiResponse({
    status,
    description: `${STATUS_DESCRIPTIONS[status].description}${named}`,
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(ErrorResponse) },
        examples: Object.fromEntries(
          codes.map((code) => [
            code,
            {
              summary: ERROR_CODES[code].message,
              value: { statusCode: status, code, message: ERROR_CODES[code].message },
            },
          ]),
        ),
      },
    },
  });
}
