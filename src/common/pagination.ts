import { QueryWholeNumber } from './query-number';

/** No list has this many pages; a larger `page` (1e20 and the like) would only overflow the query's offset. */
export const MAX_PAGE = 100_000;

/** `?page=`: a whole number from 1 to MAX_PAGE. */
export function PageNumber(): PropertyDecorator {
  return QueryWholeNumber(1, MAX_PAGE);
}

/** `?pageSize=`: a whole number from 1 to `max`. */
export function PageSize(max: number): PropertyDecorator {
  return QueryWholeNumber(1, max);
}
