import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { MONTH_DAY } from '../organization-settings';

export class UpdateOrganizationSettingsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '年度报告的主送机关（不含冒号），null 恢复默认',
    example: '县委全面依法治县委员会办公室',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  reportAddressee?: string | null;

  @ApiPropertyOptional({
    description: '报告未写或已过期的完成时限所用的默认日期（计划年度内的 MM-DD，如 12-31 即年底前）',
    example: '12-31',
  })
  @IsOptional()
  @Matches(MONTH_DAY, { message: '默认完成时限必须是每年都有的月-日，如 12-31 或 06-30' })
  defaultDeadline?: string;

  @ApiPropertyOptional({ description: '申请销号时是否必须上传佐证材料' })
  @IsOptional()
  @IsBoolean()
  requireEvidenceForReview?: boolean;
}
