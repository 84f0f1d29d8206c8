import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** No list has this many pages; a larger `page` (1e20 and the like) would only overflow the query's offset. */
export const MAX_PAGE = 100_000;

/** An optional query parameter, converted from the query string's text: a whole number from 1 to `max`. */
function WholeNumberUpTo(max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** `?page=`: a whole number from 1 to MAX_PAGE. */
export function PageNumber(): PropertyDecorator {
  return WholeNumberUpTo(MAX_PAGE);
}

/** `?pageSize=`: a whole number from 1 to `max`. */
export function PageSize(max: number): PropertyDecorator {
  return WholeNumberUpTo(max);
}
