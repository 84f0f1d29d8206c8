import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CountyOverviewQuery {
  @ApiPropertyOptional({ example: 2025, description: '计划年度（任务的 planYear），默认为今年' })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'year 必须是年份' })
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '查看下级单位（须在本单位的下级范围内，且有下级单位），默认为本单位' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class OverviewCountsDto {
  @ApiProperty({ description: '计划任务数（不含已撤销）' }) planned: number;
  @ApiProperty({ description: '已销号' }) completed: number;
  @ApiProperty({ description: '按期完成（已销号且完成日不晚于时限）' }) onTime: number;
  @ApiProperty({ description: '逾期未办结' }) overdue: number;
  @ApiProperty({ description: '红灯（即逾期）' }) red: number;
  @ApiProperty({ description: '黄灯（临期 7 天内或落后序时进度）' }) yellow: number;
  @ApiProperty({ description: '完成率（%，一位小数）= 已销号 / 计划' }) rate: number;
  @ApiProperty({ nullable: true, type: String, description: '最近一次任务变动（ISO 8601）' })
  lastActivity: string | null;
}

export class OverviewOrganizationDto extends OverviewCountsDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '鲁山县张良镇人民政府' }) name: string;
  @ApiProperty({ description: '排名：完成率高者在前，同率逾期少者在前；完全相同则并列' }) rank: number;
  @ApiProperty({ description: '是否还有下级单位（市级看到的县）' }) hasChildren: boolean;
}

export class CountyOverviewDto {
  @ApiProperty() organizationId: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: '2025-06-30', description: '红黄灯按此日期（TIME_ZONE 的今天）计算' }) asOf: string;
  @ApiProperty({ type: [OverviewOrganizationDto] }) organizations: OverviewOrganizationDto[];
  @ApiProperty({ type: OverviewCountsDto }) totals: OverviewCountsDto;
}
