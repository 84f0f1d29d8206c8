import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageNumber, PageSize } from '../../common/pagination';
import { QueryWholeNumber } from '../../common/query-number';
import type { WorklogKind } from '../worklog-entry.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '必须是 YYYY-MM-DD 格式的日期';
const KINDS: WorklogKind[] = ['work', 'problem'];

/** Optional, but never null: unlike @IsOptional, a null is validated (and refused) rather than skipped. */
const IfPresent = () => ValidateIf((_dto, value) => value !== undefined);

export class CreateWorklogDto {
  @ApiProperty({ example: '2025-03-15', description: '工作开展的日期' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  date: string;

  @ApiProperty({ example: 'publicity', description: '类别的 key，见 GET /worklog/categories' })
  @IsString()
  @Length(1, 64)
  category: string;

  @ApiProperty({ example: '开展法治讲座12场，覆盖群众1500余人' })
  @IsString()
  @Length(1, 2000)
  text: string;

  @ApiPropertyOptional({ description: '默认为本人所在单位；工作人员只能记录本单位的工作' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: '关联的任务（同一单位名下）' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ enum: KINDS, description: 'work 为工作纪实（默认），problem 为年度中发现的问题' })
  @IsOptional()
  @IsIn(KINDS)
  kind?: WorklogKind;

  @ApiPropertyOptional({ description: '问题的原因（仅 kind=problem）' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cause?: string;
}

export class UpdateWorklogDto {
  @ApiPropertyOptional({ description: '入报告：仅领导、管理员' })
  @IfPresent()
  @IsBoolean()
  inReport?: boolean;
  @ApiPropertyOptional() @IfPresent() @IsString() @Length(1, 2000) text?: string;
  @ApiPropertyOptional() @IfPresent() @IsString() @Length(1, 64) category?: string;

  @ApiPropertyOptional({ example: '2025-03-15' })
  @IfPresent()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({ enum: KINDS }) @IfPresent() @IsIn(KINDS) kind?: WorklogKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null 清除原因' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cause?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null 取消关联' })
  @IsOptional()
  @IsUUID()
  taskId?: string | null;
}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListWorklogQuery {
  @ApiPropertyOptional() @QueryWholeNumber(2000, 2100) year?: number;
  @ApiPropertyOptional({ description: '须同时给出 year' }) @QueryWholeNumber(1, 12) month?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) category?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() inReport?: boolean;
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: WorklogKind;
  @ApiPropertyOptional({ minimum: 1 }) @PageNumber() page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @PageSize(100) pageSize?: number;
}

export class ListCategoriesQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeInactive?: boolean;
}

export class CreateCategoryDto {
  @ApiProperty({ example: '优化法治化营商环境' }) @IsString() @Length(1, 50) label: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) label?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
