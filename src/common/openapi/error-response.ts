import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODE_LIST, ERROR_CODES } from '../error-codes';

const CODE_TABLE = ERROR_CODE_LIST.map((code) => `${code}（${ERROR_CODES[code].status}）`).join('、');

/** The one error answer of every route (HttpExceptionFilter): `{statusCode, code, message}`, message in Chinese. */
export class ErrorResponse {
  @ApiProperty({ description: 'HTTP 状态码，与响应状态相同', example: 404, minimum: 400, maximum: 599 })
  statusCode!: number;

  @ApiProperty({
    enum: ERROR_CODE_LIST,
    enumName: 'ErrorCode',
    description: `稳定的错误代码，供程序判断；括号内为通常的 HTTP 状态码。全部代码：${CODE_TABLE}`,
    example: 'TASK_NOT_FOUND',
  })
  code!: string;

  @ApiProperty({ description: '给人看的中文说明，可直接显示', example: '任务不存在' })
  message!: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
    description: '附加信息，因代码而异：VALIDATION_FAILED 为各字段的问题，VERSION_CONFLICT 为当前版本号等',
    example: [{ field: 'title', problems: ['不能为空'] }],
  })
  details?: unknown;
}
