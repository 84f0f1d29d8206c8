import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  getSchemaPath,
  type SchemaObject,
} from '@nestjs/swagger';

/** The frame of every list answer; `items` is typed per operation by ApiPagedResponse. */
export class PagedResponse {
  @ApiProperty({ description: '本页的条目', type: 'array', items: {} })
  items!: unknown[];

  @ApiProperty({ description: '符合条件的条目总数（精确）', example: 42, minimum: 0 })
  total!: number;

  @ApiProperty({ description: '页码，从 1 开始', example: 1, minimum: 1 })
  page!: number;

  @ApiProperty({ description: '每页条数', example: 20, minimum: 1 })
  pageSize!: number;
}

/**
 * 200 with `{items: ItemDto[], total, page, pageSize}`: the shared PagedResponse with `items` narrowed, so every
 * list answer is one reusable schema. `extra` adds properties some lists carry besides (notifications: `unread`).
 */
export function ApiPagedResponse(
  item: Type<unknown>,
  options: { description?: string; extra?: Record<string, SchemaObject> } = {},
) {
  const extra = options.extra ?? {};
  return applyDecorators(
    ApiExtraModels(PagedResponse, item),
    ApiOkResponse({
      description: options.description ?? '分页列表',
      schema: {
        allOf: [
          { $ref: getSchemaPath(PagedResponse) },
          {
            type: 'object',
            required: ['items', ...Object.keys(extra)],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } }, ...extra },
          },
        ],
      },
    }),
  );
}
