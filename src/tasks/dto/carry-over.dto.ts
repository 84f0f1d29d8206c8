import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CarryOverDto {
  @ApiProperty({
    description: '未完成原因（写入年度报告“存在的不足和原因”）',
    example: '涉及多部门协调，资金未到位',
  })
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiPropertyOptional({ description: '下一步措施', example: '争取专项资金，分两批完成' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  nextStep?: string;

  @ApiProperty({ description: '下一年度内的新完成时限', example: '2026-06-30' })
  @IsISO8601({ strict: true })
  deadline: string;
}

export class CarryOverCandidateDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String, description: '结转前的完成时限' }) deadline: string | null;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '已结转到的年度' }) carriedIntoYear:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: '未完成原因' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) nextStep: string | null;
  @ApiProperty({ nullable: true, type: String, description: '结转后的完成时限' }) carriedDeadline:
    string | null;
}
