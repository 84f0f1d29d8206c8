import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageNumber, PageSize } from '../../common/pagination';

export class ListNotificationsQuery {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @PageNumber()
  page?: number;

  @PageSize(200)
  pageSize?: number;
}
