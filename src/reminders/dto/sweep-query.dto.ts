import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class SweepQuery {
  /** YYYY-MM-DD in TIME_ZONE; defaults to today. Checked by the service so a bad date answers INVALID_DATE. */
  @ApiPropertyOptional({ format: 'date', example: '2025-06-30', description: '视为今天的日期（默认今天）' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
