import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DirectoryQuery {
  @ApiPropertyOptional({ description: '下级单位（须在本单位的下级范围内），默认本单位' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
