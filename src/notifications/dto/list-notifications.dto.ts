import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageNumber, PageSize } from '../../common/pagination';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true 只看未读' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ type: Number, minimum: 1, example: 1 })
  @PageNumber()
  page?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, example: 20 })
  @PageSize(200)
  pageSize?: number;
}
