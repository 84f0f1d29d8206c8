import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DRAFT_PART_KEYS, DraftPartKey } from '../draft-types';

export class EditParagraphDto {
  @ApiProperty({ description: '修改后的段落文字；换行即在 Word 中另起一段' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;
}

export class ParagraphPositionDto {
  @ApiProperty({ enum: DRAFT_PART_KEYS, description: '放入的部分' })
  @IsIn(DRAFT_PART_KEYS)
  sectionKey: DraftPartKey;

  @ApiProperty({ type: String, nullable: true, description: '放在这一段之后；null 放在该部分最前' })
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(500)
  afterId: string | null;
}

export class ChangeParagraphDto {
  @ApiPropertyOptional({ description: '修改后的段落文字；换行即在 Word 中另起一段' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text?: string;

  @ApiPropertyOptional({ description: 'true 删去该段，false 恢复' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsBoolean()
  removed?: boolean;

  @ApiPropertyOptional({ type: ParagraphPositionDto, description: '移动到某部分的某段之后' })
  @ValidateIf((_dto, value) => value !== undefined)
  @ValidateNested()
  @Type(() => ParagraphPositionDto)
  position?: ParagraphPositionDto;
}

export class AddParagraphDto extends ParagraphPositionDto {
  @ApiPropertyOptional({ enum: ['body', 'subheading'], description: 'body 正文（默认），subheading 小标题' })
  @IsOptional()
  @IsIn(['body', 'subheading'])
  style?: 'body' | 'subheading';

  @ApiProperty({ description: '段落文字；换行即在 Word 中另起一段' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;
}

export class DraftQueryDto {
  @ApiPropertyOptional({
    example: '2025-12-31',
    description: '草稿截至的日期，默认为今天与该年 12 月 31 日中较早者',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '必须是 YYYY-MM-DD 格式的日期' })
  @IsISO8601({ strict: true })
  asOf?: string;
}
