import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListReportsQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: '下级单位的报告（只读查看，须在本单位的下级范围内，否则 404）；默认本单位',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
